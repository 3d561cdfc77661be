package split_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/split"
)

func ExampleSentences() {
	for _, s := range split.Sentences("他指出：“要稳中求进。以进促稳。”我们坚决落实。全年增长5.2%！") {
		fmt.Println(s)
	}
	// Output:
	// 他指出：“要稳中求进。以进促稳。”我们坚决落实。
	// 全年增长5.2%！
}

func ExampleSplit() {
	r := &read.Report{Year: 2024, Lines: []read.Line{
		{Text: "一、2023年工作回顾", No: 10},
		{Text: "全市地区生产总值增长5.2%。", No: 11},
		{Text: "二、2024年重点任务", No: 12},
		{Text: "主要预期目标是：地区生产总值增长5%左右。", No: 13},
		{Text: "（一）加快建设现代化产业体系。新建5G基站1万个。", No: 14},
	}}
	for _, s := range split.Split(r) {
		fmt.Printf("%d %-8s %s | %s\n", s.Line, s.Section, s.Heading, s.Text)
	}
	// Output:
	// 10 review   一、2023年工作回顾 | 一、2023年工作回顾
	// 11 review   一、2023年工作回顾 | 全市地区生产总值增长5.2%。
	// 12 plan     二、2024年重点任务 | 二、2024年重点任务
	// 13 targets  二、2024年重点任务 | 主要预期目标是：地区生产总值增长5%左右。
	// 14 plan     （一）加快建设现代化产业体系 | （一）加快建设现代化产业体系。
	// 14 plan     （一）加快建设现代化产业体系 | 新建5G基站1万个。
}

// A sentence broken across lines is joined and keeps the line it starts on.
func ExampleSplit_brokenLines() {
	r := &read.Report{Year: 2025, Lines: []read.Line{
		{Text: "二、2025年工作安排", No: 20},
		{Text: "做好今年工作意义重大。今年全县发展的", No: 21},
		{Text: "主要预期目标", No: 22},
		{Text: "是：生产总值增长6%左右。", No: 23},
		{Text: "名词解释", No: 40},
		{Text: "1.“两新”：指设备更新和以旧换新。", No: 41},
	}}
	for _, s := range split.Split(r) {
		fmt.Printf("%d %s\n", s.Line, s.Text)
	}
	// Output:
	// 20 二、2025年工作安排
	// 21 做好今年工作意义重大。
	// 21 今年全县发展的主要预期目标是：生产总值增长6%左右。
}
