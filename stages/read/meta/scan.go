package meta

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
)

//go:embed cues.tsv
var cuesTSV string

// cues are the words of cues.tsv by class, longest first.
var cues = func() map[string][]string {
	c, err := lexicon.Classes("cues.tsv", cuesTSV, nil, "review", "plan", "either", "done", "span", "plan_mark",
		"header_title", "header_year", "header_date", "header_issuer", "header_speaker")
	if err != nil {
		panic(err) // embedded: a defect of the build, checked by the tests
	}
	return c
}()

// bodyScan is what one pass over a report's body finds: its dated review
// and plan headings, and how its review and plan open. A year named in
// passing (比2019年同期) is none of these.
type bodyScan struct {
	review, plan []dated // dated headings, in reading order
	either       []dated // 2012年主要工作: a review or a plan by where it stands
	// opening is the year the review opens with, in the first sentence after
	// the opening address (2023年，在…领导下; 过去的2023年; 2023年是…之年).
	opening dated
	// planOpens are the sentences that open the plan after it: 2024年是…之年
	// with 今年 or 总体要求 in it or the next sentence.
	planOpens []dated
	size      int // bytes scanned: positions are read against it

	// the state of the pass
	at       int  // offset of the line being scanned
	address  int  // end of the opening address (我代表…政府…。); -1 before it
	awaiting bool // the next sentence is the review's first
	reviewAt int  // end of the first sentence after the address
}

// dated is a year read from the body, with where it stands.
type dated struct {
	year, line int
	at         int // byte offset in the scanned body
}

// headingWindow is how many characters after a heading's year its key words
// may stand: 2012年国民经济和社会发展工作回顾.
const headingWindow = 14

// scanBody reads the body once, a line at a time. It looks only at the
// character that ends what it reads (年), found with strings.Index, and trims
// no more than the ends of a line. It is read when the dateline and title do
// not tell the year.
func scanBody(lines []Line) *bodyScan {
	s := &bodyScan{address: -1}
	for _, l := range lines {
		t := strings.TrimFunc(l.Text, unicode.IsSpace)
		if t != "" {
			s.line(t, l.No)
		}
		s.at += len(t) + 1
	}
	s.size = s.at
	return s
}

func (s *bodyScan) line(t string, no int) {
	if s.address < 0 {
		s.findAddress(t)
	}
	if s.awaiting {
		s.reviewOpening(t, no)
	}
	for i := 0; ; i += len("年") {
		k := strings.Index(t[i:], "年")
		if k < 0 {
			break
		}
		i += k
		s.year(t, i, no)
	}
}

// levelWords counts the level words of the body (全市, 我县, 本区) by kind:
// a pass of its own, needed only when nothing else tells the kind of
// government a report speaks for.
func levelWordsOf(lines []Line) map[rune]int {
	levels := map[rune]int{}
	for _, l := range lines {
		for _, w := range []string{"全", "我", "本"} {
			for i := 0; ; {
				k := strings.Index(l.Text[i:], w)
				if k < 0 {
					break
				}
				i += k + len(w)
				if r, _ := utf8.DecodeRuneInString(l.Text[i:]); strings.ContainsRune(divisionKinds, r) {
					levels[r]++
				}
			}
		}
	}
	return levels
}

// findAddress finds the opening address (我代表市人民政府…; 受县人民政府委托…)
// and the end of its sentence, after which the review opens.
func (s *bodyScan) findAddress(t string) {
	k := strings.Index(t, "我代表")
	if k < 0 {
		if k = strings.Index(t, "委托"); k < 0 {
			return
		}
	}
	end := len(t)
	if e := strings.Index(t[k:], "。"); e >= 0 {
		end = k + e + len("。")
	}
	s.address, s.awaiting = s.at+end, true
	if end == len(t) {
		s.reviewAt = -1 // the review opens on a later line
	}
}

// reviewOpening reads the first sentence after the opening address: on the
// rest of the address's line, or the next line. An undated review heading
// before it (一、过去一年工作回顾) is passed over.
func (s *bodyScan) reviewOpening(t string, no int) {
	from := 0
	if s.address >= s.at {
		from = s.address - s.at
	}
	rest := t[from:]
	if rest == "" {
		return
	}
	// Pass over a heading: numbered, or a short line, that names the review.
	if h := strings.Index(rest, "回顾"); h >= 0 && utf8.RuneCountInString(rest[:h]) <= headingWindow && !strings.ContainsAny(rest[:h], "，。") {
		rest = rest[h+len("回顾"):]
		from = len(t) - len(rest)
		if rest == "" {
			return // the heading is a line of its own: the opening is on the next
		}
	}
	s.awaiting = false
	end := strings.Index(rest, "。")
	if end < 0 {
		end = len(rest)
	}
	s.reviewAt = s.at + from + end
	first, past := rest[:end], false
	for _, p := range []string{"刚刚过去的", "即将过去的", "过去的"} {
		if r, ok := strings.CutPrefix(first, p); ok {
			first, past = r, true
			break
		}
	}
	y, n := leadingYearOf(first)
	if y == 0 {
		return
	}
	// 2023年，在…领导下; 2023年是…之年; 过去的2023年…: the review's year. Not 2023年以来.
	if after := first[n:]; past || strings.HasPrefix(after, "，") || strings.HasPrefix(after, ",") || strings.HasPrefix(after, "是") {
		s.opening = dated{year: y, line: no, at: s.at + from}
	}
}

// year reads what the year before the 年 at t[i:] stands for: a review or
// plan heading, or the opening of the plan.
func (s *bodyScan) year(t string, i, no int) {
	y, start := yearBefore(t, i)
	if y == 0 {
		return
	}
	lead := strings.TrimRightFunc(t[:start], unicode.IsSpace)
	rest := t[i+len("年"):]
	d := dated{year: y, line: no, at: s.at + start}
	if strings.HasPrefix(rest, "是") {
		// 2024年是…之年 at a sentence's start, or right after a plan heading
		// run into it (…重点任务2024年是…), past the review's first sentence.
		_, afterHeading := cueEnding(lead, cues["plan"])
		if (sentenceStart(t, start) || afterHeading) && s.reviewAt > 0 && d.at >= s.reviewAt && s.planMarked(rest) {
			s.planOpens = append(s.planOpens, d)
		}
		return
	}
	for _, p := range []string{"关于", "对"} {
		lead = strings.TrimSuffix(lead, p)
	}
	if !headingStart(lead) {
		return
	}
	for _, w := range cues["span"] {
		if strings.HasPrefix(rest, w) {
			return
		}
	}
	window := cutRunes(rest, headingWindow)
	if p := strings.IndexAny(window, "，。；：、,;:（(！？“"); p >= 0 {
		window = window[:p]
	}
	if _, _, ok := cueIn(window, cues["review"]); ok {
		s.review = append(s.review, d)
		return
	}
	end, ok := cueEnd(window, cues["plan"])
	either := false
	if !ok {
		if end, ok = cueEnd(window, cues["either"]); !ok {
			return
		}
		either = true
	}
	// A plan heading is one: numbered, a short line of its own, or run into
	// the text of a one-paragraph report, which then opens with its year
	// (…2024年重点任务2024年是…) or with 今年.
	after := rest[end:]
	numbered := strings.HasSuffix(lead, "、") || strings.HasSuffix(lead, "）") || strings.HasSuffix(lead, ")")
	alone := lead == "" && utf8.RuneCountInString(t) <= 40 && !strings.Contains(t, "。")
	runOn := strings.HasPrefix(after, "今年")
	if ry, _ := leadingYearOf(after); ry == y {
		runOn = true
	}
	if !numbered && !alone && !runOn {
		return
	}
	// What the heading goes on with: the whole line when it stands alone, a
	// few characters after the key word when it runs on into the text.
	tail := rest
	if !alone {
		tail = rest[:end+len(cutRunes(after, 3))]
	}
	if _, _, done := cueIn(tail, cues["done"]); done {
		return
	}
	if either {
		s.either = append(s.either, d)
	} else {
		s.plan = append(s.plan, d)
	}
}

// planMarked tells whether the sentence after a year's 年, or the next,
// speaks of the plan (plan_mark of cues.tsv: 今年, 总体要求 …): 2024年是…关键一年。
// 做好今年工作… opens the plan; 2023年是极不平凡的一年 in the review does not.
func (s *bodyScan) planMarked(rest string) bool {
	n := 0
	for i := 0; i < len(rest) && n < 2; {
		e := strings.Index(rest[i:], "。")
		if e < 0 {
			e = len(rest) - i
		}
		if _, _, ok := cueIn(rest[i:i+e], cues["plan_mark"]); ok {
			return true
		}
		i += e + len("。")
		n++
	}
	return false
}

// headingYear is the year the headings give, with the line, or 0: the
// first review heading's year and one, else the first plan heading's. A
// heading of the either kind is a review in the first part of the report (up
// to eitherEnd of it), a plan after. conflict is a plan heading of the year
// before or after, where both are there.
func (s *bodyScan) headingYear() (year, line int, conflict dated) {
	review := s.review
	var plan []dated
	for _, p := range s.plan {
		// A plan heading of the year the review opens with heads a part of
		// the review (（二）2023年重点项目), not the plan.
		if s.opening.year == 0 || p.year != s.opening.year {
			plan = append(plan, p)
		}
	}
	for _, d := range s.either {
		if d.at*eitherEnd[1] < s.size*eitherEnd[0] {
			review = append(review, d)
		} else {
			plan = append(plan, d)
		}
	}
	first := func(ds []dated) dated {
		f := ds[0]
		for _, d := range ds[1:] {
			if d.at < f.at {
				f = d
			}
		}
		return f
	}
	switch {
	case len(review) > 0:
		r := first(review)
		year, line = r.year+1, r.line
		for _, p := range plan {
			if p.at > r.at && (p.year == year-1 || p.year == year+1) {
				return year, line, p
			}
		}
		return year, line, dated{}
	case len(plan) > 0:
		p := first(plan)
		return p.year, p.line, dated{}
	}
	return 0, 0, dated{}
}

// eitherEnd is the part of a report (2/5) in which a heading of the either
// kind reviews the past year: the review takes the first third or so of a
// report, the plan the rest.
var eitherEnd = [2]int{2, 5}

// openingsYear is the year how the review and the plan open gives, or 0:
// the review's year and one, or the plan's year.
func (s *bodyScan) openingsYear() (year, line int, where string) {
	if s.opening.year != 0 {
		return s.opening.year + 1, s.opening.line, "review"
	}
	if len(s.planOpens) > 0 {
		p := s.planOpens[0]
		return p.year, p.line, "plan"
	}
	return 0, 0, ""
}

// levelOf is the kind of government the level words say a report speaks
// for (市 for 全市, 我市), when one of them stands out; "" otherwise.
func levelOf(levels map[rune]int) (kind string, n int) {
	var best, second int
	var top rune
	for _, r := range divisionKinds { // a fixed order: ties resolve alike on every run
		switch c := levels[r]; {
		case c > best:
			best, second, top = c, best, r
		case c > second:
			second = c
		}
	}
	if best < 3 || best < 2*second {
		return "", 0
	}
	return string(top), best
}

// yearBefore reads the four digits of a year that end at t[i:] (…2023年,
// 二O一三年) with nothing numeral before them, and where they start.
func yearBefore(t string, i int) (year, start int) {
	start = i
	for k := 0; k < 4; k++ {
		r, n := utf8.DecodeLastRuneInString(t[:start])
		if chineseDigit(r) < 0 {
			return 0, 0
		}
		start -= n
	}
	if r, _ := utf8.DecodeLastRuneInString(t[:start]); start > 0 && (chineseDigit(r) >= 0 || r == '十') {
		return 0, 0
	}
	y, ok := parseYear(t[start:i])
	if !ok {
		return 0, 0
	}
	return y, start
}

// leadingYearOf reads a year at the start of s (2023年, 二O二三年) and the
// bytes it takes with its 年.
func leadingYearOf(s string) (year, n int) {
	k := 0
	for range 4 {
		r, w := utf8.DecodeRuneInString(s[k:])
		if chineseDigit(r) < 0 {
			return 0, 0
		}
		k += w
	}
	if !strings.HasPrefix(s[k:], "年") {
		return 0, 0
	}
	y, ok := parseYear(s[:k])
	if !ok {
		return 0, 0
	}
	return y, k + len("年")
}

// headingStart tells whether a heading may start after lead, the text of
// its line before it: at the line's start, after a number (一、, （二）), or
// after a sentence's end where a report runs its headings into one
// paragraph.
func headingStart(lead string) bool {
	if lead = strings.TrimRightFunc(lead, unicode.IsSpace); lead == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(lead)
	return strings.ContainsRune("。！？；：、）)", r) || strings.HasSuffix(lead, "部分")
}

// sentenceStart tells whether t[i:] starts a sentence.
func sentenceStart(t string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return strings.ContainsRune("。！？；", r)
}

// cueEnd finds where the last of words in s to end ends.
func cueEnd(s string, words []string) (end int, ok bool) {
	end = -1
	for _, w := range words {
		if k := strings.LastIndex(s, w); k >= 0 && k+len(w) > end {
			end = k + len(w)
		}
	}
	return end, end >= 0
}

// cueEnding tells which of words s ends with.
func cueEnding(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return w, true
		}
	}
	return "", false
}

// cueIn finds the first of words (longest first) in s: where, which.
func cueIn(s string, words []string) (at int, word string, ok bool) {
	at = -1
	for _, w := range words {
		if k := strings.Index(s, w); k >= 0 && (at < 0 || k < at) {
			at, word = k, w
		}
	}
	return at, word, at >= 0
}

// cutRunes is s cut to its first n characters.
func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
