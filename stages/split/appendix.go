package split

import (
	_ "embed"
	"strings"

	"github.com/govreports/govreports/stages/lexicon"
	"github.com/govreports/govreports/stages/read"
)

//go:embed appendix.txt
var appendixTXT string

var appendixHeadings = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.Words(appendixTXT) {
		m[w] = true
	}
	return m
}()

// maxAppendixBytes is longer than any appendix heading with its label.
const maxAppendixBytes = 48

// appendix tells whether lines[i] opens a glossary or notes appended to the
// report: such a heading, or an annex label (附件2) whose next line is one.
func appendix(lines []read.Line, i int) bool {
	t := strings.TrimSpace(lines[i].Text)
	if len(t) > maxAppendixBytes {
		return false
	}
	rest, labelled := cutAnnexLabel(t)
	if appendixHeadings[strings.TrimRight(rest, "：: ")] {
		return true
	}
	if !labelled || rest != "" {
		return false
	}
	for _, l := range lines[i+1:] {
		if next := strings.TrimSpace(l.Text); next != "" {
			rest, _ := cutAnnexLabel(next)
			return len(next) <= maxAppendixBytes && appendixHeadings[strings.TrimRight(rest, "：: ")]
		}
	}
	return false
}

// cutAnnexLabel takes a leading 附：, 附件, 附件2： or 附录一、 off t.
func cutAnnexLabel(t string) (string, bool) {
	rest, ok := cutAnyPrefix(t, "附件", "附录", "附")
	if !ok {
		return t, false
	}
	rest = strings.TrimLeft(skipChineseDigits(rest), "0123456789 ")
	rest, _ = cutAnyPrefix(rest, "：", ":", "、", ".", "．")
	return strings.TrimSpace(rest), true
}
