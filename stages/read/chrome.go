package read

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
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
