package attainment

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/indicator"
	"github.com/govreports/govreports/stages/quantity"
)

// figure finds the first figure of the review that states the goal's outcome
// for year.
func (t target) figure(rv *Review, year int) (outcome, bool) {
	if t.family == "" || t.ind.Code == indicator.Other {
		return outcome{}, false
	}
	period := strconv.Itoa(year)
	for i := range rv.Figures {
		f := &rv.Figures[i]
		if f.Period != period || f.Indicator == nil || f.Subject == nil || f.BaseUnit != t.baseUnit ||
			!t.measures(family(f.Kind)) {
			continue
		}
		if code := *f.Indicator; code != t.ind.Code {
			if l, ok := indicator.LevelOf(code); !ok || l.Code != t.ind.Code {
				continue
			}
		}
		s := sentenceOf(rv, f.SentenceID)
		if s == nil {
			continue
		}
		lo := i // the figures of the sentence before f
		for lo > 0 && rv.Figures[lo-1].SentenceID == f.SentenceID {
			lo--
		}
		start, ok := states(s, f, rv.Figures[lo:i], t.names, year)
		if !ok || shared(rv.Figures, i, s.Text) {
			continue
		}
		sign := 1.0
		if family(f.Kind) == familyGrowth && (f.Direction != nil && *f.Direction == quantity.Down) != t.down {
			sign = -1 // 下降1.2% against a growth goal
		}
		rs := []rune(s.Text)
		return outcome{
			value: ptr(sign * f.Value), base: sign * f.BaseValue, baseUnit: f.BaseUnit,
			multiplier: ptr(f.Multiplier), unit: f.Unit, comparator: f.Comparator,
			span: string(rs[start:f.SpanEnd]), sentenceID: s.SentenceID, line: s.Line,
		}, true
	}
	return outcome{}, false
}

// measures tells whether a figure of the family f can state the target's outcome.
func (t target) measures(f string) bool {
	return f == t.family || t.family == familyRate && (f == familyGrowth || f == familyAmount)
}

// shared reports whether the subject of figure i is shared with another
// figure of its sentence by 分别 (城乡居民人均可支配收入分别增长4.4%、6.3%):
// each number is then one part's, not the subject's as a whole.
func shared(figures []schemas.Figure, i int, sentence string) bool {
	if !strings.Contains(sentence, "分别") {
		return false
	}
	f := &figures[i]
	for j := range figures {
		o := &figures[j]
		if j != i && o.SentenceID == f.SentenceID && o.Kind == f.Kind && o.Subject != nil && *o.Subject == *f.Subject {
			return true
		}
	}
	return false
}

func sentenceOf(rv *Review, id int32) *schemas.Sentence {
	i, ok := slices.BinarySearchFunc(rv.Sentences, id, func(s schemas.Sentence, id int32) int {
		return int(s.SentenceID) - int(id)
	})
	if !ok {
		return nil
	}
	return &rv.Sentences[i]
}

// states reports whether figure f of sentence s is the whole region's outcome
// of year, and where its span starts (the subject, with the words before it
// that keep it whole: 全年地区生产总值达到…).
//
// The period a figure speaks of is set by the words of its clause, and by
// the words that lead its part of the sentence (up to a semicolon) before the
// part's first figure: 五年来，地区生产总值年均增长…, 前三季度，… A remark
// after another figure (…增长7.3%、创2010年以来最好位次；) does not reach it.
func states(s *schemas.Sentence, f *schemas.Figure, earlier []schemas.Figure, names []string, year int) (int, bool) {
	if s.Heading != nil && hasCue(cueCumulative, *s.Heading) {
		return 0, false // a part on the past five years
	}
	rs := []rune(s.Text)
	if int(f.SpanEnd) > len(rs) || f.SpanStart < 0 || f.SpanStart > f.SpanEnd {
		return 0, false
	}
	cs := clauseStart(rs, int(f.SpanStart))
	part := partStart(rs, int(f.SpanStart))
	lead := cs
	for _, e := range earlier {
		if int(e.SpanStart) >= part && int(e.SpanStart) < lead {
			lead = int(e.SpanStart)
		}
	}
	context := string(rs[part:lead]) + "｜" + string(rs[cs:f.SpanEnd])
	if hasCue(cueCumulative, context) || otherYear(context, year) || partOfYear(context) {
		return 0, false
	}
	if hasCue(cueTarget, string(rs[cs:f.SpanEnd])) {
		return 0, false
	}
	subject := *f.Subject
	_, v, ok := indicator.MatchVariant(subject)
	at := strings.Index(subject, v)
	if !ok || at < 0 || !wholePrefix(subject[:at], names) {
		return 0, false
	}
	// The span starts at the subject, in an earlier clause where the figure
	// continues it (国内生产总值超过126万亿元，增长5.2%), and takes in the
	// words before it that keep it whole (全年地区生产总值…).
	start := cs
	before := string(rs[:f.SpanStart])
	i := strings.LastIndex(before, subject)
	after := subject[at+len(v):]
	if i >= 0 {
		after = before[i+at+len(v):] // read on: the subject may end inside a word (城镇调查失业率平|均为)
	}
	if each(after) {
		return 0, false
	}
	if i >= 0 {
		start = len([]rune(before[:i]))
		if c := clauseStart(rs, start); wholePrefix(string(rs[c:start]), names) {
			start = c
		}
	}
	for start < int(f.SpanStart) && notWord(rs[start]) {
		start++
	}
	return start, true
}

// partStart is the rune offset where the part of the sentence holding offset
// at begins: after the last semicolon before it.
func partStart(rs []rune, at int) int {
	for i := min(at, len(rs)) - 1; i >= 0; i-- {
		if rs[i] == '；' || rs[i] == ';' {
			return i + 1
		}
	}
	return 0
}

// each reports whether the words after a subject spread it over several
// parts (两市规上工业增加值均增长20%), which 均值 (an average) does not.
func each(after string) bool {
	return strings.HasPrefix(after, "均") && !strings.HasPrefix(after, "均值") || strings.HasPrefix(after, "都")
}

// clauseStart is the rune offset where the clause holding offset at begins:
// after the last comma, semicolon, colon or full stop before it (not after
// 、, which lists the parts of one clause).
func clauseStart(rs []rune, at int) int {
	for i := min(at, len(rs)) - 1; i >= 0; i-- {
		switch rs[i] {
		case '，', '；', '：', '。', '！', '？', ',', ';', ':':
			return i + 1
		}
	}
	return 0
}

// words finds a clause of the review that states the goal's outcome in words:
// the goal's subject, whole, followed by an outcome predicate and no number
// (国际收支基本平衡, 生态环境质量有新改善).
func (t target) words(rv *Review, year int) (outcome, bool) {
	for i := range rv.Sentences {
		s := &rv.Sentences[i]
		if s.Heading != nil && hasCue(cueCumulative, *s.Heading) {
			continue
		}
		rs := []rune(s.Text)
		for start := 0; start < len(rs); {
			end := clauseEnd(rs, start)
			// Trimmed of spaces and of punctuation before it; a closing quote stays.
			clause := strings.TrimRightFunc(strings.TrimLeftFunc(string(rs[start:end]), notWord), unicode.IsSpace)
			start = end + 1
			if span, ok := t.statesInWords(clause, year); ok {
				return outcome{
					comparator: string(schemas.Qualitative), span: span, sentenceID: s.SentenceID, line: s.Line,
				}, true
			}
		}
	}
	return outcome{}, false
}

func clauseEnd(rs []rune, from int) int {
	for i := from; i < len(rs); i++ {
		switch rs[i] {
		case '，', '；', '：', '。', '！', '？', ',', ';', ':':
			return i
		}
	}
	return len(rs)
}

func (t target) statesInWords(clause string, year int) (string, bool) {
	if clause == "" || hasCue(cueTarget, clause) || partOfYear(clause) ||
		hasCue(cueCumulative, clause) || otherYear(clause, year) {
		return "", false
	}
	// The lexicon's subject first; else the goal's subject as written, for
	// clauses where another indicator's words win the match (居民收入增长和经济增长基本同步).
	var v string
	if ind, w, ok := indicator.MatchVariant(clause); ok && ind.Code == t.ind.Code && t.ind.Code != indicator.Other {
		v = w
	} else if t.g.Subject != "" && strings.Contains(clause, t.g.Subject) {
		v = t.g.Subject
	}
	at := strings.Index(clause, v)
	if v == "" || at < 0 || !wholePrefix(clause[:at], t.names) {
		return "", false
	}
	rest := clause[at+len(v):]
	if strings.IndexFunc(rest, unicode.IsDigit) >= 0 || !hasCue(cueOutcome, rest) {
		return "", false
	}
	return clause, true
}
