package lexicon_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/lexicon"
)

func ExampleParse() {
	data := "# unit\tbase unit\n万元\tCNY\n亩\tmu\n"
	rows, err := lexicon.Parse("units.tsv", data, 2)
	if err != nil {
		panic(err)
	}
	var byFirst lexicon.ByFirst[string]
	for _, r := range rows {
		byFirst.Add(r.Fields[0], r.Fields[1])
	}
	fmt.Println(len(rows), byFirst.Get('万'))
	// Output: 2 [CNY]
}

func ExampleParseHeader() {
	data := "verb\tclass\n# comment\n实施\taction\n增长\ttarget\n"
	header, rows, err := lexicon.ParseHeader("verbs.tsv", data)
	if err != nil {
		panic(err)
	}
	fmt.Println(header, len(rows), rows[1].Fields[0], rows[1].Line)
	// Output: [verb class] 2 增长 4
}

func ExampleWords() {
	fmt.Println(lexicon.Words("# appendix headings\n名词解释\n\n 注释 \n"))
	// Output: [名词解释 注释]
}
