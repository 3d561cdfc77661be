package read_test

import (
	"context"
	"fmt"

	"github.com/govreports/govreports/stages/read"
)

func ExampleRead() {
	text := "2.北京市政府工作报告\n——2024年1月21日在北京市第十六届人民代表大会第二次会议上\n市长 殷勇\n一、2023年工作回顾\n全市地区生产总值增长5.2%。\n"
	_, err := read.Read(context.Background(), read.BytesSource("reports.txt", []byte(text)), read.Options{}, func(r *read.Report) error {
		fmt.Println(r.Region.Code, r.Region.Short, r.Year, r.MeetingDate, r.SpeakerRole, r.Speaker)
		fmt.Println(r.Meeting)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// 110000 北京 2024 2024-01-21 市长 殷勇
	// 北京市第十六届人民代表大会第二次会议
}

// A table of reports: one report per row, its text in a column found by
// name (or Options.TextColumn), its other columns as hints.
func ExampleRead_table() {
	csv := "province,year,full_text\n" +
		"北京,2024,\"北京市政府工作报告\n——2024年1月21日在北京市第十六届人民代表大会第二次会议上\n市长 殷勇\n全市地区生产总值增长5.2%。\"\n"
	_, err := read.Read(context.Background(), read.BytesSource("reports.csv", []byte(csv)), read.Options{}, func(r *read.Report) error {
		fmt.Println(r.Source, r.Title, r.Year, r.Hints.Region, r.Hints.Year)
		fmt.Println(r.Lines[0].No, r.Lines[0].Text)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// reports.csv#row=1 北京市政府工作报告 2024 北京 2024
	// 2 ——2024年1月21日在北京市第十六届人民代表大会第二次会议上
}
