package split

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/targets"
)

//go:embed sections.tsv
var sectionsTSV string

type sectionRule struct {
	section Section
	re      *regexp.Regexp
}

var sectionRules = mustSectionRules(sectionsTSV)

func mustSectionRules(data string) []sectionRule {
	var rules []sectionRule
	for _, r := range lexicon.MustParse("sections.tsv", data, 2) {
		section := Section(r.Fields[0])
		if !section.known() {
			panic(fmt.Sprintf("embedded lexicon: %v", r.Errorf("sections.tsv", "unknown section %q", section)))
		}
		rules = append(rules, sectionRule{section, regexp.MustCompile(strings.Join(r.Fields[1:], "\t"))})
	}
	return rules
}

// Heading numbers are read by hand, not by regexp: every line is tried.

// isLevel1 reports a line numbered as a level-1 heading: 一、
func isLevel1(text string) bool {
	rest := skipChineseDigits(text)
	return len(rest) < len(text) && strings.HasPrefix(rest, "、")
}

// isLevel2 reports a line numbered as a level-2 heading: （一）
func isLevel2(text string) bool {
	rest, ok := cutAnyPrefix(text, "（", "(")
	if !ok {
		return false
	}
	inner := skipChineseDigits(rest)
	if len(inner) == len(rest) {
		return false
	}
	_, ok = cutAnyPrefix(inner, "）", ")")
	return ok
}

// isLevel3 reports a line numbered as a level-3 heading: one or two digits,
// a full stop or 、 and no more digits (1.强化, not 1.5).
func isLevel3(text string) bool {
	rest := strings.TrimLeft(text, "0123456789")
	if digits := len(text) - len(rest); digits < 1 || digits > 2 {
		return false
	}
	rest, ok := cutAnyPrefix(rest, ".", "．", "、")
	return ok && rest != "" && (rest[0] < '0' || rest[0] > '9')
}

// skipChineseDigits drops the leading run of 一 … 十 from s.
func skipChineseDigits(s string) string {
	for {
		r, size := utf8.DecodeRuneInString(s)
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			return s
		}
		s = s[size:]
	}
}

// cutAnyPrefix cuts the first of prefixes that s starts with.
func cutAnyPrefix(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

// maxHeadingRunes is the longest unnumbered line taken as a heading.
const maxHeadingRunes = 30

// Split returns the sentences of a report in order. A line that does not
// end its sentence is joined with the next line of its paragraph (text cut
// by a page or column width); a printed report's lines (a PDF's,
// Report.Wrapped) are joined where the layout runs them on instead, for a
// line full to the page's edge may end at any mark. Each sentence keeps
// the line it starts on. A glossary or notes appended after the report
// (名词解释) is left out.
func Split(r *read.Report) []Sentence {
	var sents []Sentence
	var heads [3]string // headings in force by level
	section := Preamble
	seenLevel1 := false
	para := 0
	for i := 0; i < len(r.Lines); i++ {
		text := strings.TrimSpace(r.Lines[i].Text)
		if text == "" {
			continue
		}
		if appendix(r.Lines, i) {
			break
		}
		level := headingLevel(text, r)
		var joins []join
		switch {
		case r.Wrapped:
			// Printed lines: where they stand tells where paragraphs end.
			text, joins, i = joinLines(r.Lines, i, text, true)
		case level == 0 && broken(text, r):
			text, joins, i = joinLines(r.Lines, i, text, false)
		case brokenDateline(r.Lines, i, text):
			joins = []join{{0, r.Lines[i].No}, {len(text), r.Lines[i+1].No}}
			i++
			text += strings.TrimSpace(r.Lines[i].Text)
		}
		pieces := Sentences(text)
		if level > 0 {
			h := strings.TrimRight(pieces[0], "。；;：:")
			heads[level-1] = h
			for i := level; i < len(heads); i++ {
				heads[i] = ""
			}
			if level == 1 {
				section = sectionOf(h, section, !seenLevel1)
				seenLevel1 = true
			} else if section != Governance && section != Review && sectionRules[0].re.MatchString(h) {
				section = Governance
			}
		}
		heading := innermost(heads)
		line, at := r.Lines[i].No, 0
		if joins != nil {
			line = joins[0].line
		}
		for k, p := range pieces {
			if joins != nil {
				at = strings.Index(text[at:], p) + at
				line = lineAt(joins, at)
				at += len(p)
			}
			sents = append(sents, Sentence{
				ID: len(sents), Line: line, Paragraph: para, Section: section,
				Heading: heading, IsHeading: level > 0 && k == 0, Text: p,
			})
		}
		para++
	}
	markAddresses(sents)
	markTargets(sents)
	return sents
}

// join is where a source line starts in a joined paragraph.
type join struct {
	offset, line int
}

// joinLines joins lines[i] (text, trimmed) with the lines after it while
// its paragraph runs on (runsOn). It returns the text, where each line
// starts in it, and the index of the last line taken.
func joinLines(lines []read.Line, i int, text string, wrapped bool) (string, []join, int) {
	joins := []join{{0, lines[i].No}}
	for i+1 < len(lines) && runsOn(lines, i, text, wrapped) {
		joins = append(joins, join{len(text), lines[i+1].No})
		text += strings.TrimSpace(lines[i+1].Text)
		i++
	}
	if len(joins) == 1 {
		return text, nil, i
	}
	return text, joins, i
}

// runsOn tells whether the paragraph of lines[i], whose text so far is
// text, runs on into the next line. A printed line (wrapped) runs on where
// the layout says so (Line.Wraps), whatever mark it ends with. Other lines
// run on while the text does not end its sentence and the next line is in
// the same paragraph: not blank, and not a numbered heading, a dateline or
// an appendix.
func runsOn(lines []read.Line, i int, text string, wrapped bool) bool {
	if wrapped {
		return lines[i].Wraps
	}
	if endsSentence(text) {
		return false
	}
	next := strings.TrimSpace(lines[i+1].Text)
	return next != "" && !isLevel1(next) && !isLevel2(next) && !isLevel3(next) &&
		!strings.HasPrefix(next, "—") && !strings.HasPrefix(next, "-") && !appendix(lines, i+1)
}

func lineAt(joins []join, offset int) int {
	line := joins[0].line
	for _, j := range joins {
		if j.offset > offset {
			break
		}
		line = j.line
	}
	return line
}

// broken tells whether a paragraph line stops before its sentence ends: a
// line of running text (punctuated, or longer than a heading) whose last
// mark is no terminator. Datelines, speaker lines and headings never are.
func broken(text string, r *read.Report) bool {
	if strings.HasPrefix(text, "—") || strings.HasPrefix(text, "-") || endsSentence(text) {
		return false
	}
	return utf8.RuneCountInString(text) > maxHeadingRunes || strings.ContainsAny(text, "，、；：,;:。！？")
}

// brokenDateline tells whether lines[i] (text) is a dateline cut before the
// meeting's name ends (——2025年1月8日在某县第三届 / 人民代表大会第四次会议上).
func brokenDateline(lines []read.Line, i int, text string) bool {
	if !strings.HasPrefix(text, "—") || !strings.Contains(text, "年") || strings.Contains(text, "会议") || i+1 == len(lines) {
		return false
	}
	next := strings.TrimSpace(lines[i+1].Text)
	return utf8.RuneCountInString(next) <= maxHeadingRunes && (strings.HasSuffix(next, "会议上") || strings.HasSuffix(next, "会议"))
}

// endsSentence tells whether text ends with a terminator, a colon or a
// semicolon, closing quotes and brackets aside.
func endsSentence(text string) bool {
	for text != "" {
		r, size := utf8.DecodeLastRuneInString(text)
		switch {
		case isCloser(r) || r == ' ' || r == '\u3000':
			text = text[:len(text)-size]
			continue
		case isTerminator(r) || r == '；' || r == ';' || r == '：' || r == ':' || r == '…':
			return true
		}
		return false
	}
	return false
}

func innermost(heads [3]string) string {
	for i := len(heads) - 1; i >= 0; i-- {
		if heads[i] != "" {
			return heads[i]
		}
	}
	return ""
}

// headingLevel is 1, 2 or 3 for a heading paragraph, 0 otherwise.
func headingLevel(text string, r *read.Report) int {
	switch {
	case isLevel1(text):
		return 1
	case isLevel2(text):
		return 2
	case isLevel3(text):
		return 3
	}
	tooLong := len(text) > maxHeadingRunes*utf8.UTFMax || utf8.RuneCountInString(text) > maxHeadingRunes
	if tooLong || strings.ContainsAny(text, "。！？!?：:；;，,") || strings.HasPrefix(text, "—") ||
		strings.HasPrefix(text, "-") || text == r.Speaker || strings.HasSuffix(text, " "+r.Speaker) {
		return 0
	}
	// An unnumbered heading that names a section is a top heading (四川, 西藏); others are sub-headings.
	for _, rule := range sectionRules {
		if rule.re.MatchString(text) {
			return 1
		}
	}
	return 2
}

func sectionOf(heading string, current Section, first bool) Section {
	for _, rule := range sectionRules {
		if rule.re.MatchString(heading) {
			if rule.section == Plan && current == Preamble {
				// A dated heading before any review ("2023年…") is the review when it looks back.
				break
			}
			return rule.section
		}
	}
	if first {
		return Review
	}
	if current == Review {
		// A slogan heading after the review (福建) opens the plan.
		return Plan
	}
	return current
}

// markTargets gives the targets passage its section.
func markTargets(sents []Sentence) {
	texts := make([]string, len(sents))
	for i, s := range sents {
		texts[i] = s.Text
	}
	first, end, ok := targets.Passage(texts)
	if !ok {
		return
	}
	for i := first; i < end; i++ {
		sents[i].Section = Targets
	}
}

// markAddresses handles the paragraphs addressed to the deputies (各位代表)
// after the review: the last one opens the closing words; an earlier one that
// turns to the government itself (对政府工作提出了新的更高要求) opens the
// governance part, any other returns to the plan.
func markAddresses(sents []Sentence) {
	var at []int
	for i, s := range sents {
		if strings.HasPrefix(s.Text, "各位代表") && (s.Section == Plan || s.Section == Governance || s.Section == Targets) {
			at = append(at, i)
		}
	}
	for k, i := range at {
		end := len(sents)
		if k+1 < len(at) {
			end = at[k+1]
		}
		section := Plan
		switch {
		case k == len(at)-1:
			section = Closing
		case sectionRules[0].re.MatchString(window(sents, i, 3)):
			section = Governance
		case sents[i].Section == Governance:
			section = Governance
		}
		for j := i; j < end; j++ {
			if sents[j].IsHeading && sents[j].Section != sents[i].Section {
				break
			}
			sents[j].Section = section
		}
	}
}

// window joins the texts of n sentences from i.
func window(sents []Sentence, i, n int) string {
	var b strings.Builder
	for j := i; j < len(sents) && j < i+n; j++ {
		b.WriteString(sents[j].Text)
	}
	return b.String()
}

// Sentences splits a paragraph at 。！？!? and …… outside quotes and
// brackets. Closing marks that follow a terminator stay with the sentence.
// When the paragraph's quotes or brackets do not balance, they are ignored.
func Sentences(para string) []string {
	out, balanced, valid := sentences(para, true)
	if !valid {
		// The sentences are cut from para itself: each invalid byte must
		// read as the U+FFFD it decodes to.
		para = string([]rune(para))
		out, balanced, _ = sentences(para, true)
	}
	if !balanced {
		out, _, _ = sentences(para, false)
	}
	return out
}

// closerOf returns the mark closing a quotation or bracket opened by r, else 0.
func closerOf(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '《':
		return '》'
	case '（':
		return '）'
	case '(':
		return ')'
	case '‘':
		return '’'
	case '「':
		return '」'
	case '『':
		return '』'
	case '【':
		return '】'
	}
	return 0
}

func isTerminator(r rune) bool { return r == '。' || r == '！' || r == '？' || r == '!' || r == '?' }

func isCloser(r rune) bool {
	switch r {
	case '”', '》', '）', ')', '’', '」', '』', '】':
		return true
	}
	return false
}

// sentences cuts para at byte offsets, so that the sentences are substrings
// of it; valid is false, and the cut incomplete, when para is not valid UTF-8.
func sentences(para string, nest bool) (out []string, balanced, valid bool) {
	var open [8]rune // the closers awaited; deeper nesting spills to the heap
	stack := open[:0]
	start := 0
	for i := 0; i < len(para); {
		r, size := utf8.DecodeRuneInString(para[i:])
		if r == utf8.RuneError && size == 1 {
			return nil, false, false
		}
		next := i + size
		if nest {
			if c := closerOf(r); c != 0 {
				stack = append(stack, c)
				i = next
				continue
			}
			if len(stack) > 0 {
				if r == stack[len(stack)-1] {
					stack = stack[:len(stack)-1]
				}
				i = next
				continue
			}
		}
		end := -1
		switch {
		case r == '。' && quantity.StrayStopAt(para, next):
			// 控制在7.8%。以内: the qualifier after the stray stop belongs to the number.
		case isTerminator(r):
			end = next
		case r == '…' && strings.HasPrefix(para[next:], "…"):
			end = next + len("…")
			if after, _ := utf8.DecodeRuneInString(para[end:]); end < len(para) && isTerminator(after) {
				end = -1
			}
		}
		if end < 0 {
			i = next
			continue
		}
		for end < len(para) {
			r, size := utf8.DecodeRuneInString(para[end:])
			if !isTerminator(r) && (nest || !isCloser(r)) && r != '…' {
				break
			}
			end += size
		}
		if s := strings.TrimSpace(para[start:end]); s != "" {
			out = append(out, s)
		}
		start, i = end, end
	}
	if s := strings.TrimSpace(para[start:]); s != "" {
		out = append(out, s)
	}
	return out, len(stack) == 0, true
}
