package meta

import (
	"strings"
	"unicode/utf8"
)

// A scraper's header lines stand above a page's text: 标题：二O一三年政府工作报告,
// 年份：2014, 发布时间：2014-02-20, 发文单位：某市人民政府, 报告人：某市市长 某某
// (the labels are in cues.tsv). They are evidence beside the text: the site's
// or the scraper's word, which can be wrong (a page filed under 2014 that
// holds the report of 2013), so the text's own statements outrank them.

// headerLabels maps a header line's label to its class in cues.tsv.
var headerLabels = func() map[string]string {
	m := map[string]string{}
	for _, class := range []string{"header_title", "header_year", "header_date", "header_issuer", "header_speaker"} {
		for _, w := range cues[class] {
			m[w] = class
		}
	}
	return m
}()

// maxLabel is the longest header label, in bytes.
const maxLabel = 4 * 3

// headerOf splits a header line into its label and value: 年份：2014 →
// 年份, 2014. ok is false for a line that is no header line.
func headerOf(line string) (label, value string, ok bool) {
	t := strings.TrimSpace(line)
	i := strings.IndexAny(t, ":：")
	if i <= 0 || i > maxLabel {
		return "", "", false
	}
	label = Compact(t[:i])
	if headerLabels[label] == "" {
		return "", "", false
	}
	_, w := utf8.DecodeRuneInString(t[i:])
	return label, strings.TrimSpace(t[i+w:]), true
}

// cueClass is the class of a header label, "" for none.
func cueClass(label string) string { return headerLabels[label] }

// header reads a header line of the opening, and tells whether it was one.
func (r *resolver) header(ev *evidence, t string, no int) bool {
	label, value, ok := headerOf(t)
	if !ok || value == "" {
		return false
	}
	where := label + "："
	switch cueClass(label) {
	case "header_title":
		if r.m.Title == "" && r.in.Title == "" {
			r.m.Title = Compact(value)
		}
		ev.addTitle(Compact(value), FromHeader, no, where)
	case "header_year", "header_date":
		if y, _ := splitTitle(value); y != 0 { // 2014, 2014年, 2014-02-20
			ev.years = append(ev.years, clue{source: FromHeader, year: y, line: no, where: where})
		}
	case "header_issuer":
		name := Compact(value)
		for _, s := range []string{"政府", "人民", "办公室", "办公厅"} {
			name = strings.TrimSuffix(name, s)
		}
		if name != "" {
			ev.regions = append(ev.regions, clue{source: FromHeader, name: name, line: no, where: where})
			ev.nearby.WriteString(name)
		}
	case "header_speaker":
		if place, role, name, ok := speakerLine(value); ok && r.m.Speaker == "" {
			r.speaker(ev, FromHeader, where, place, role, name, no)
		}
	}
	return true
}
