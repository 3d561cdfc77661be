package read

import (
	_ "embed"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
	"github.com/govreports/govreports/stages/read/meta"
)

//go:embed chrome.txt
var chromeTXT string

// chrome is the lexicon of page chrome (chrome.txt).
var chrome = func() (c struct {
	words                    map[string]bool
	prefixes, suffixes, ends []string
	first                    lexicon.RuneSet // the first runes of words, prefixes and ends
}) {
	c.words = map[string]bool{}
	for _, row := range lexicon.MustParse("chrome.txt", chromeTXT, 2) {
		kind, text := row.Fields[0], strings.TrimSpace(strings.Join(row.Fields[1:], "\t"))
		if kind != "suffix" {
			r, _ := utf8.DecodeRuneInString(text)
			c.first.Add(r)
		}
		switch kind {
		case "word":
			c.words[text] = true
		case "prefix":
			c.prefixes = append(c.prefixes, text)
		case "suffix":
			c.suffixes = append(c.suffixes, text)
		case "end":
			c.ends = append(c.ends, text)
		}
	}
	return c
}()

// maxChromeBytes is longer than any line of chrome: longer lines are report text.
const maxChromeBytes = 120

type chromeKind int

const (
	notChrome  chromeKind = iota
	chromeLine            // drop the line
	chromeEnd             // the report's text ended before this line
)

// chromeOf tells whether a line is page chrome.
func chromeOf(line string) chromeKind {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > maxChromeBytes {
		return notChrome
	}
	for _, s := range chrome.suffixes {
		if strings.HasSuffix(t, s) {
			return chromeLine
		}
	}
	if r, _ := utf8.DecodeRuneInString(t); !chrome.first.Has(r) && !isChromeSeparator(r) {
		return notChrome // most lines: a cheap test before the lists
	}
	for _, p := range chrome.ends {
		if strings.HasPrefix(t, p) {
			return chromeEnd
		}
	}
	for _, p := range chrome.prefixes {
		if strings.HasPrefix(t, p) {
			return chromeLine
		}
	}
	// A breadcrumb starts at a chrome word and goes on after an arrow
	// (首页 > 政务公开 > 政府工作报告): its last item is no title.
	if strings.ContainsAny(t, breadcrumbArrows) {
		for w := range strings.FieldsFuncSeq(t, isChromeSeparator) {
			if chrome.words[w] {
				return chromeLine
			}
			break // only the first item
		}
	}
	// A line of separators alone is chrome too (】 left over from a bracketed bar).
	for w := range strings.FieldsFuncSeq(t, isChromeSeparator) {
		if !chrome.words[w] {
			return notChrome
		}
	}
	return chromeLine
}

// breadcrumbArrows separate the items of a page's breadcrumb.
const breadcrumbArrows = ">»＞›→"

func isChromeSeparator(r rune) bool {
	return strings.ContainsRune(" \u3000|/｜【】[]()（）:：·•"+breadcrumbArrows, r)
}

// stampDate is the start of a page's publication stamp: a date as web pages
// write it (2016-03-17, 2016/3/17, 2016.03.17) or as text (2016年03月17日),
// and a time (08:15, 08:15:00).
var stampDate = regexp.MustCompile(`^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)[ \t\x{3000}]*(\d{1,2}:\d{2}(?::\d{2})?)?`)

// unstamp reads a page's publication stamp (2016-03-17 08:15 来源： 新华社):
// a line that is one is chrome (ok, rest ""), and a title the page joined to
// it (…来源： 新华社2016年政府工作报告) is kept alone (ok, rest the title).
// A date alone is a stamp when written as pages write it: 2016年3月17日 alone
// is a dateline.
func unstamp(line string) (rest string, ok bool) {
	t := strings.TrimSpace(line)
	if t == "" || t[0] < '0' || t[0] > '9' {
		return line, false // most lines: a cheap test before the expression
	}
	m := stampDate.FindStringSubmatchIndex(t)
	if m == nil {
		return line, false
	}
	after := strings.TrimSpace(t[m[1]:])
	pageDate := !strings.HasSuffix(t[m[2]:m[3]], "日") || m[4] >= 0
	switch {
	case after == "" && pageDate:
		return "", true
	case after == "":
		return line, false
	}
	// A title joined to the stamp starts at its year or 《: 2016年…, 二〇一六年…, 《…》.
	for i, r := range after {
		if r >= '0' && r <= '9' || r == '《' || strings.ContainsRune("〇○一二", r) {
			if title, ok := meta.TitleOf(after[i:], true); ok && title != "" {
				return after[i:], true
			}
		}
	}
	if chromeOf(after) == notChrome {
		return line, false
	}
	return "", true
}
