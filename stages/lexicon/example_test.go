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

func ExampleColumns() {
	data := "# verb\tclass\tpos\n# comment\n实施\taction\t\n"
	fmt.Println(lexicon.Columns(data))
	// Output: [verb class pos]
}

func ExampleClasses() {
	data := "# kind\tword\nstrip\t在\nstrip\t稳定保持在\nlead\t其中\n"
	words, err := lexicon.Classes("grammar.tsv", data, nil, "lead", "strip")
	if err != nil {
		panic(err)
	}
	fmt.Println(words["strip"], words["lead"])
	// Output: [稳定保持在 在] [其中]
}

func ExampleWords() {
	fmt.Println(lexicon.Words("# appendix headings\n名词解释\n\n 注释 \n"))
	// Output: [名词解释 注释]
}
