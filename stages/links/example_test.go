package links_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/links"
)

func ExampleGraph_Resolvable() {
	province, prefecture := "990000", "990100"
	g := links.NewGraph([]links.Place{
		{ID: "2012-990000", Year: 2012, Code: "990000", Link: "990000"},
		{ID: "2012-990100", Year: 2012, Code: "990100", Link: "990100", Province: province},
		{ID: "2012-990121", Year: 2012, Code: "990121", Link: "990104", Province: province, Prefecture: prefecture},
		{ID: "2013-990104", Year: 2013, Code: "990104", Link: "990104", Province: province, Prefecture: prefecture},
	})
	// A run brings the province's report of 2012: the relative targets of the
	// regions below it may change, and the attainment of its own goals.
	changed := []links.Place{{ID: "2012-990000", Year: 2012, Code: "990000", Link: "990000"}}
	fmt.Println(g.Resolvable(changed))
	fmt.Println(g.Assessable(changed, nil))
	fmt.Println(g.Next("2012-990121"))
	// Output:
	// map[2012:[2012-990000 2012-990100 2012-990121]]
	// map[2012:[2012-990000]]
	// 2013-990104
}
