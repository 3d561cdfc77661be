package pipeline_test

import (
	"context"
	"fmt"

	"github.com/govreports/govreports/pipeline"
	"github.com/govreports/govreports/stages/read"
)

func ExampleCollect() {
	text := "2.北京市政府工作报告\n一、2023年工作回顾\n全市地区生产总值增长5.2%。\n二、2024年重点任务\n" +
		"今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业26万人。\n"
	tables, err := pipeline.Collect(context.Background(), []read.Source{read.BytesSource("bj.txt", []byte(text))}, read.Options{}, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range tables.Goals {
		fmt.Println(g.ReportID, g.Indicator, *g.Value, *g.Unit, g.Comparator)
	}
	for _, f := range tables.Figures {
		fmt.Println(f.Period, f.Mention, f.BaseValue, f.BaseUnit, f.Kind)
	}
	// Output:
	// 2024-110000 gdp_growth 5 % about
	// 2024-110000 urban_new_jobs 26 人 exact
	// 2023 5.2% 5.2 percent growth
	// 2024 5% 5 percent growth
	// 2024 26万人 260000 person count_change
}
