package read

import "context"

// A county report of the kind the fixtures below carry, written for these tests.
const countyText = "某县政府工作报告\n——2025年1月8日在某县第三届人民代表大会第四次会议上\n县长 张某\n各位代表：\n一、2024年工作回顾\n全县生产总值增长6%。\n"

func lineTexts(r *Report) []string {
	var out []string
	for _, l := range r.Lines {
		out = append(out, l.Text)
	}
	return out
}

func lineNos(r *Report) []int {
	var out []int
	for _, l := range r.Lines {
		out = append(out, l.No)
	}
	return out
}

func fuzzRead(name string, data []byte, textColumn string) {
	_, _ = Read(context.Background(), BytesSource(name, data), Options{Region: "北京", Year: 2024, TextColumn: textColumn}, func(*Report) error { return nil })
}
