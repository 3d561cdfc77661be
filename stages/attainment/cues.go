package attainment

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"github.com/govreports/govreports/stages/lexicon"
)

//go:embed cues.tsv
var cuesTSV string

// The cue classes of cues.tsv.
const (
	cueWhole      = "whole"
	cuePartial    = "partial"
	cueYear       = "year"
	cueCumulative = "cumulative"
	cueTarget     = "target"
	cueOutcome    = "outcome"
)

// cues maps a class of cues.tsv to its words, longest first so that a prefix
// is stripped by its longest word.
var cues = func() map[string][]string {
	m, err := loadCues(cuesTSV)
	if err != nil {
		panic(fmt.Sprintf("attainment: embedded lexicon: %v", err)) // build-time data: a defect, not input
	}
	return m
}()

func loadCues(data string) (map[string][]string, error) {
	return lexicon.Classes("cues.tsv", data, nil, cueWhole, cuePartial, cueYear, cueCumulative, cueTarget, cueOutcome)
}

func hasCue(class, s string) bool {
	for _, w := range cues[class] {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// wholePrefix reports whether the words before a subject leave it the whole
// region's: nothing but cue words of class whole, the region's own names
// (longest first), a year (2024年) and punctuation. 人均地区生产总值 or
// 高技术制造业增加值 narrow the subject and fail.
func wholePrefix(prefix string, names []string) bool {
	s := strings.TrimFunc(prefix, notWord)
	for s != "" {
		name := ""
		for _, n := range names {
			if n != "" && strings.HasPrefix(s, n) {
				name = n
				break
			}
		}
		switch {
		case name != "":
			s = s[len(name):]
		case startsWithYear(s):
			s = strings.TrimLeftFunc(s, unicode.IsDigit)[len("年"):]
		default:
			w := firstCue(cueWhole, s)
			if w == "" {
				return false
			}
			s = s[len(w):]
		}
		s = strings.TrimLeftFunc(s, notWord)
	}
	return true
}

// partOfYear reports whether s, the sentence up to a figure, speaks of a part
// of the year where the figure stands: a partial cue or a numbered month not
// followed by a cue of the whole year (前三季度增长5.3%，全年增长5%).
func partOfYear(s string) bool {
	part := max(lastCue(cuePartial, s), lastNumberedMonth(s))
	return part >= 0 && part > lastCue(cueYear, s)
}

// lastCue is the byte offset of the last cue of class in s, or -1.
func lastCue(class, s string) int {
	last := -1
	for _, w := range cues[class] {
		last = max(last, strings.LastIndex(s, w))
	}
	return last
}

func firstCue(class, s string) string {
	for _, w := range cues[class] {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

func notWord(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }

// startsWithYear reports whether s starts with a four-digit year and 年.
func startsWithYear(s string) bool {
	d := strings.TrimLeftFunc(s, unicode.IsDigit)
	return len(s)-len(d) == 4 && strings.HasPrefix(d, "年")
}

// otherYear reports whether s names a year (2020年) other than year and the
// year before it (the base of a growth rate): 较2020年下降11.7% is not the
// outcome of year.
func otherYear(s string, year int) bool {
	rs := []rune(s)
	for i := 0; i+4 < len(rs); i++ {
		if (i > 0 && unicode.IsDigit(rs[i-1])) || rs[i+4] != '年' {
			continue
		}
		y, ok := 0, true
		for _, r := range rs[i : i+4] {
			if r < '0' || r > '9' {
				ok = false
				break
			}
			y = 10*y + int(r-'0')
		}
		if ok && y != year && y != year-1 {
			return true
		}
	}
	return false
}

// lastNumberedMonth is the byte offset of the last month named by number in s
// (1—11月, 11月份, 前10个月: a part of the year), or -1.
func lastNumberedMonth(s string) int {
	last, digit := -1, false
	for i, r := range s {
		if digit && (r == '月' || strings.HasPrefix(s[i:], "个月")) {
			last = i
		}
		digit = unicode.IsDigit(r)
	}
	return last
}
