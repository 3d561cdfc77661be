package pdftext_test

import (
	"context"
	"fmt"
	"os"

	"github.com/govreports/govreports/stages/pdftext"
)

// A report printed by a browser: the date and title header and the address
// footer with its page number are on every page. A paragraph's lines run on
// (↩) while they reach the right edge of the text and the next line is not
// indented, whatever mark they end with.
func ExampleClean() {
	const header, footer = "2/20/25, 10:31 AM 2025年某县政府工作报告", "https://www.example.gov.cn/zfgzbg.html"
	pages := []pdftext.Page{{
		{Text: "2025年某县政府工作报告", Left: 102, Right: 246, Base: 800},
		{Text: "各位代表：", Left: 54, Right: 114, Base: 776},
		{Text: "今年经济社会发展的主要预期目标是：地区生产总", Left: 54, Right: 318, Base: 752},
		{Text: "值增长6%左右；一般公共预算收入增长5.5%以上；", Left: 30, Right: 294, Base: 728},
		{Text: "城镇调查失业率控制在5.5%左右。", Left: 30, Right: 210, Base: 704},
		{Text: header, Left: 20, Right: 250, Base: 830},
		{Text: footer + " 1/2", Left: 20, Right: 330, Base: 10},
	}, {
		{Text: "各位代表，让我们携手奋进！", Left: 54, Right: 210, Base: 800},
		{Text: header, Left: 20, Right: 250, Base: 830},
		{Text: footer + " 2/2", Left: 20, Right: 330, Base: 10},
	}}
	for _, l := range pdftext.Clean(pages) {
		runsOn := ""
		if l.Wraps {
			runsOn = " ↩"
		}
		fmt.Printf("%d %d %s%s\n", l.Page, l.No, l.Text, runsOn)
	}
	// Output:
	// 1 1 2025年某县政府工作报告
	// 1 2 各位代表：
	// 1 3 今年经济社会发展的主要预期目标是：地区生产总 ↩
	// 1 4 值增长6%左右；一般公共预算收入增长5.5%以上； ↩
	// 1 5 城镇调查失业率控制在5.5%左右。
	// 2 8 各位代表，让我们携手奋进！
}

// Extract starts PDFium at its first call (a few hundred milliseconds with
// the compiled code cached, seconds the first time ever).
func ExampleExtract() {
	pdf, err := os.ReadFile("report.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	pages, err := pdftext.Extract(context.Background(), "report.pdf", pdf)
	if err != nil {
		fmt.Println(err) // report.pdf: no text layer (a scanned document? …
		return
	}
	for _, l := range pdftext.Clean(pages) {
		fmt.Println(l.No, l.Text)
	}
}
