package pdftext_test

import (
	"context"
	"fmt"
	"os"

	"github.com/govreports/govreports/stages/pdftext"
)

// A report printed by a browser: the date and title header and the address
// footer with its page number are on every page.
func ExampleClean() {
	pages := []pdftext.Page{
		{"政府工作报告", "今年经济社会发展的主要预期目标是：地区生", "2/20/25, 10:31 AM 2025年某县政府工作报告", "https://www.example.gov.cn/zfgzbg.html 1/2"},
		{"产总值增长6%左右。", "2/20/25, 10:31 AM 2025年某县政府工作报告", "https://www.example.gov.cn/zfgzbg.html 2/2"},
	}
	for _, l := range pdftext.Clean(pages) {
		fmt.Println(l.Page, l.No, l.Text)
	}
	// Output:
	// 1 1 政府工作报告
	// 1 2 今年经济社会发展的主要预期目标是：地区生
	// 2 5 产总值增长6%左右。
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
