package goals_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/goals"
	"github.com/govreports/govreports/stages/split"
)

func ExampleExtract() {
	sents := []split.Sentence{{Section: split.Targets,
		Text: "今年发展主要预期目标是：生产总值增长5.5%左右，城乡居民人均可支配收入分别增长5.5%、6.5%，居民收入增长和经济增长同步。"}}
	for _, g := range goals.Extract(sents, 2024) {
		v := "-"
		if g.Value != nil {
			v = fmt.Sprint(*g.Value, g.Unit)
		}
		fmt.Println(g.Indicator.Code, g.Subject, v, g.Comparator)
	}
	// Output:
	// gdp_growth 生产总值 5.5% about
	// urban_income_growth 城镇居民人均可支配收入 5.5% exact
	// rural_income_growth 农村居民人均可支配收入 6.5% exact
	// income_growth 居民收入 - in_sync
}
