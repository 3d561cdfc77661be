package relative_test

import (
	"fmt"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/relative"
)

func ExampleResolve() {
	nine, one, percent, note := 9.0, 1.0, "percent", "高于全省1个百分点左右"
	province := []schemas.Goal{{Indicator: "gdp_growth", Comparator: "about", Value: &nine, BaseUnit: &percent, Period: "2009"}}
	city := schemas.Goal{Indicator: "gdp_growth", Comparator: "relative", Value: &one, Note: &note, Period: "2009"}
	fmt.Println(*relative.Resolve(city, province), relative.Comparator(city))
	// Output:
	// 10 at_least
}
