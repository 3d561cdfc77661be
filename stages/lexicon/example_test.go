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
