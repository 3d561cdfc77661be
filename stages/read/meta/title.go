package meta

import (
	"regexp"
	"strings"
)

var (
	// A numbered title line of a file holding many reports: 2.北京市政府工作报告 (spaces removed).
	numberedTitle = regexp.MustCompile(`^\d{1,3}[.．、](\S{0,30}政府工作报告)$`)
	// The title of a file holding one report, on its first non-empty line.
	bareTitle = regexp.MustCompile(`^《?(\S{0,30}政府工作报告)》?(?:[（(](?:摘要|全文|节选|摘登)[）)])?$`)
	// A year written at the start of a title or file name: 2025年, 2009, 二〇二六年.
	leadingYear = regexp.MustCompile(`^(` + yearDigits + `)(?:年度|年)?`)
	// A year after the region: 海拉尔区2019年政府工作报告.
	innerYear = regexp.MustCompile(`(` + yearDigits + `)年`)
)

// TitleOf tells whether a line is a report's title and returns it without
// its running number and spaces. A bare title (no number) counts only as the
// first line of a report (first).
func TitleOf(line string, first bool) (string, bool) {
	if !strings.HasSuffix(line, "告") && !strings.HasSuffix(line, "》") && !strings.HasSuffix(line, "）") && !strings.HasSuffix(line, ")") { // cheap test before the regular expressions
		return "", false
	}
	c := Compact(line)
	if m := numberedTitle.FindStringSubmatch(c); m != nil {
		return m[1], true
	}
	if first {
		// A sentence of the opening (我代表…向大会作政府工作报告) is no title.
		if m := bareTitle.FindStringSubmatch(c); m != nil && !strings.Contains(m[1], "我代表") && !strings.Contains(m[1], "向大会") {
			return m[1], true
		}
	}
	return "", false
}

// splitTitle reads the year and the region text of a title or file name:
// 2025年重庆市政府工作报告 → 2025, 重庆市政府工作报告.
func splitTitle(t string) (year int, rest string) {
	t = strings.TrimPrefix(Compact(t), "《")
	if m := leadingYear.FindStringSubmatch(t); m != nil {
		if y, ok := parseYear(m[1]); ok {
			return y, t[len(m[0]):]
		}
	}
	// A year after the region: 海拉尔区2019年政府工作报告.
	if m := innerYear.FindStringSubmatch(t); m != nil {
		if y, ok := parseYear(m[1]); ok {
			return y, t
		}
	}
	return 0, t
}

// TitleAmong finds a title among the first short lines of a report's text,
// where page chrome (下载 打印 全屏) pushed it down so that the reader took it
// for text: the title and its line, or ok false.
func TitleAmong(lines []Line) (title string, line int, ok bool) {
	seen := 0
	for _, l := range lines {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		if seen++; seen > metaLines {
			break
		}
		if len(t) > maxMetaLine {
			continue
		}
		if title, ok := TitleOf(t, true); ok {
			return title, l.No, true
		}
	}
	return "", 0, false
}
