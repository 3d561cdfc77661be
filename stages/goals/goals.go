// Package goals reads the year's main expected targets out of the targets
// passage of a government work report: one Goal per indicator and value, with
// the subject as written, the comparator, the stretch flag and the period.
//
// The clause grammar is subject list (A、B、C / A和B / A及B) + predicate
// (增长, 控制在, 达到 …) + value(s) + qualifier. 分别 pairs subjects and values
// in order; one predicate shared by a list gives one goal per subject; a
// clause opening with 力争 is a stretch aim, of the previous subject when it
// names none; an amount beside a growth (增长7.5%，达到326.4亿元) is a second
// goal with the indicator's level code; a subject set before a colon
// (地区生产总值：增长8%左右, a list laid out as a table) is the subject of the
// clause after it, and the field of a list (经济运行方面，…) states none.
// Clauses without a number read as subject + predicate (comparisons with
// economic growth, 正增长/稳步增长, anything else qualitative) or as a
// verb-first target (完成国家下达…任务); conditions and policies in the list
// give none. Numbers, units and their qualifiers come from stages/quantity;
// the grammar words live in grammar.tsv.
package goals

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/indicator"
	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/split"
	"github.com/govreports/govreports/stages/targets"
)

// The unit of the margin of a relative target (高于全省1个百分点): percentage
// points, as the goals table writes them (goals.unit), whatever the report wrote.
const marginUnit = "pp"

// rankUnit is the base unit of a place in a ranking (第5位, 前10位).
const rankUnit = "rank"

// maxShortItem is the longest item of a subject list, in code points, that
// is a bare modifier sharing the head of the last item (城镇 in
// 城镇、农村居民人均可支配收入, 城镇常住居民 in 城镇常住居民、农村常住居民人均可支配收入,
// 一 in 一、二、三产增加值).
const maxShortItem = 6

const (
	// maxAdverbial is the longest adverbial, in code points, before the verb
	// of a verb-first target (按序时进度 in 按序时进度完成国家下达的…目标).
	maxAdverbial = 6
	// maxOtherSubject is the longest subject, in code points, of a target
	// that names no indicator of the lexicon (现行标准下农村贫困人口).
	maxOtherSubject = 12
	gdpGrowth       = "gdp_growth"
)

// Goal is one target. Offsets are code points in the sentence's Text.
type Goal struct {
	SentenceIndex int // index into the sentences slice passed in
	Indicator     indicator.Indicator
	Subject       string
	Value         *float64
	ValueMax      *float64
	Multiplier    *float64
	Unit          string
	BaseValue     *float64
	BaseUnit      string
	Comparator    schemas.Comparator
	Reference     string // relative targets: the words naming the reference region (全省, 全国), else ""
	Stretch       bool
	Period        string
	Note          string
	Span          string
	SpanStart     int
	SpanEnd       int
}

// Extract returns the targets stated in the sentences with Section ==
// split.Targets, in text order, from the end of the words that introduce
// them to the justification that may follow them in the same sentence
// (提出上述预期目标…). year is the report's year (for period).
func Extract(sentences []split.Sentence, year int) []Goal {
	var idx []int
	var texts []string
	for i, s := range sentences {
		if s.Section == split.Targets {
			idx = append(idx, i)
			texts = append(texts, s.Text)
		}
	}
	var goals []Goal
	var prev *Goal                // the last goal, whose subject a bare stretch aim takes over
	var label *Goal               // a subject set before a colon (地区生产总值：增长8%左右), for the clause after it
	stated := map[statement]int{} // the sentence where each target was first stated
	first, at := targets.ListStart(texts)
	for n := first; n < len(idx); n++ {
		s := sentences[idx[n]]
		from := 0
		if n == first {
			from = utf8.RuneCountInString(s.Text[:at])
		}
		justifies := targets.Ends(s.Text)
		for k, c := range clauses([]rune(s.Text), from, quantity.Extract(s.Text)) {
			c.sentence = idx[n]
			// The list's first clause may name the target it introduces
			// (国内生产总值增长预期目标为7%左右); any later one that does begins
			// the justification.
			if (n != first || k > 0) && targets.Ends(c.text()) {
				return goals
			}
			if targets.FieldLabel(c.text()) {
				continue // 经济运行方面，…: the field of the targets after it, none itself
			}
			subjectOf := prev
			if label != nil {
				subjectOf, label = label, nil
			}
			if c.colon && len(c.mentions) == 0 && targets.BareSubject(c.text()) {
				label = &Goal{Subject: c.text(), Indicator: indicatorOf(c.text()), SentenceIndex: idx[n], SpanStart: c.start}
				continue
			}
			for _, g := range c.goals(subjectOf, strconv.Itoa(year)) {
				g.SentenceIndex = idx[n]
				if restated(stated, g) && justifies {
					continue
				}
				goals = append(goals, g)
				prev = &g
			}
		}
	}
	return goals
}

// statement is what makes two goals the same target.
type statement struct {
	code             string
	comparator       schemas.Comparator
	value, valueMax  float64
	hasValue, ranged bool
	stretch          bool
}

// restated reports whether g states again, in a later sentence, a target of
// an indicator that an earlier sentence stated (经济增长预期7%左右，考虑了需要和
// 可能…, after the list's 国内生产总值增长7%左右): in a sentence that goes on
// to the justification, that is the justification's, not a target of its
// own. It records g otherwise.
func restated(stated map[statement]int, g Goal) bool {
	if g.Indicator.Code == indicator.Other {
		return false // other subjects differ from each other
	}
	k := statement{code: g.Indicator.Code, comparator: g.Comparator, stretch: g.Stretch}
	if g.Value != nil {
		k.value, k.hasValue = *g.Value, true
	}
	if g.ValueMax != nil {
		k.valueMax, k.ranged = *g.ValueMax, true
	}
	if at, ok := stated[k]; ok {
		return at != g.SentenceIndex
	}
	stated[k] = g.SentenceIndex
	return false
}

// clause is one target clause of a sentence: runes [start, end) of rs and
// the quantity mentions inside it.
type clause struct {
	sentence   int // index of the sentence in Extract's input
	rs         []rune
	start, end int
	mentions   []quantity.Mention // the target values, baselines (由2.1%提高到…) left out
	valuesAt   int                // where the first mention, baseline or not, starts
	colon      bool               // the clause ends at a colon
}

func (c clause) text() string { return string(c.rs[c.start:c.end]) }

// clauses cuts rs[from:] at clause punctuation outside brackets and quotes,
// and at an enumeration comma that follows a value and is not followed by
// another (城镇新增就业46万人、城镇调查失业率控制在5.5%以内), follows a
// comparison (居民收入增长与经济增长同步、农村居民收入增速快于城镇居民) or
// follows a subject with its predicate (贫困人口全部脱贫、贫困县全部摘帽),
// since that comma joins two whole targets rather than the items of a list.
func clauses(rs []rune, from int, mentions []quantity.Mention) []clause {
	var out []clause
	start, depth := from, 0
	cut := func(end int) {
		c := trimClause(clause{rs: rs, start: start, end: end, colon: end < len(rs) && strings.ContainsRune("：:", rs[end])})
		c.valuesAt = c.end
		for _, m := range mentions {
			if m.Start < c.start || m.End > c.end {
				continue
			}
			c.valuesAt = min(c.valuesAt, m.Start)
			if !containsAny(string(rs[max(m.Start-1, 0):m.Start]), lex.baseline) {
				c.mentions = append(c.mentions, m)
			}
		}
		if c.end > c.start {
			out = append(out, c)
		}
		start = end + 1
	}
	for i := from; i < len(rs); i++ {
		switch r := rs[i]; {
		case strings.ContainsRune("（(“《", r):
			depth++
		case strings.ContainsRune("）)”》", r):
			depth = max(depth-1, 0)
		case depth > 0:
		case strings.ContainsRune("，,；;。！？!?：:", r) && !qualifiedAcross(mentions, i):
			cut(i)
		case r == '、' && inCondition(rs, start):
			// 在优化结构、提高效益、降低消耗的基础上: one condition, not a list.
		case r == '、' && valueEndsAt(mentions, start, i) && !valueStartsAt(mentions, i+1):
			cut(i)
		case r == '、' && (comparesBefore(rs[start:i]) || predicatedBefore(rs[start:i], mentions, start)):
			cut(i)
		}
	}
	cut(len(rs))
	return out
}

// inCondition reports whether the clause that starts at rune start, up to
// the next clause punctuation, states no target (在…的基础上, 尽最大努力…).
func inCondition(rs []rune, start int) bool {
	end := start
	for end < len(rs) && !strings.ContainsRune("，,；;。！？!?：:", rs[end]) {
		end++
	}
	return containsAny(string(rs[start:end]), lex.skip)
}

// qualifiedAcross reports whether a mark at rune i stands between a value
// and its qualifier (7.8%。以内): a stray mark that ends no clause.
func qualifiedAcross(ms []quantity.Mention, i int) bool {
	for _, m := range ms {
		if m.End <= i && i < m.QualifierEnd {
			return true
		}
	}
	return false
}

// comparesBefore reports whether a stretch of a clause holds a comparison
// (同步, 高于 …), which ends a target without a number.
func comparesBefore(rs []rune) bool {
	s := string(rs)
	for _, p := range lex.compare {
		if strings.Contains(s, p.word) {
			return true
		}
	}
	return false
}

// predicatedBefore reports whether a stretch of a clause that starts at rune
// from and holds no value is a subject with a predicate of more than its
// opening word (贫困人口全部脱贫, not 经济增长).
func predicatedBefore(rs []rune, mentions []quantity.Mention, from int) bool {
	if valueEndsAt(mentions, from, from+len(rs)) {
		return false
	}
	s := string(rs)
	at, w := predicateStart(s)
	return at > 0 && w != "" && len(s) > at+len(w)
}

// valueEndsAt reports whether a mention lies in [from, at).
func valueEndsAt(ms []quantity.Mention, from, at int) bool {
	for _, m := range ms {
		if m.Start >= from && m.End <= at {
			return true
		}
	}
	return false
}

func valueStartsAt(ms []quantity.Mention, at int) bool {
	for _, m := range ms {
		if m.Start == at {
			return true
		}
	}
	return false
}

// trimClause drops spaces, a list item's marker (——, （一）, 1., ①, 一是) and
// connectors (其中, 并) at the clause's start.
func trimClause(c clause) clause {
	for c.start < c.end && unicode.IsSpace(c.rs[c.start]) {
		c.start++
	}
	c.start += itemMarker(c.rs[c.start:c.end])
	for c.start < c.end && unicode.IsSpace(c.rs[c.start]) {
		c.start++
	}
	for c.end > c.start && unicode.IsSpace(c.rs[c.end-1]) {
		c.end--
	}
	if w := prefixOf(c.text(), lex.lead); w != "" && len([]rune(w)) < c.end-c.start {
		c.start += len([]rune(w))
	}
	return c
}

// itemMarker is the length in runes of the marker of a list item that opens
// rs: a run of bullets (——, ●), a circled number, or an ordinal numeral in
// brackets (（一）, (1)), before 、 . ． (一、, 1.) or before 是 (一是).
func itemMarker(rs []rune) int {
	n := 0
	for n < len(rs) && strings.ContainsRune(lex.bullets, rs[n]) {
		n++
	}
	if n > 0 && (n == len(rs) || !unicode.IsDigit(rs[n])) { // -2% is a value, not an item
		return n
	}
	if n > 0 {
		return 0
	}
	if len(rs) > 0 && rs[0] >= '①' && rs[0] <= '⑳' {
		return 1
	}
	open := len(rs) > 0 && strings.ContainsRune("（(", rs[0])
	if open {
		n++
	}
	digits := n
	for n < len(rs) && (strings.ContainsRune(ordinalDigits, rs[n]) || unicode.IsDigit(rs[n])) && n-digits < maxOrdinal {
		n++
	}
	if n == digits || n == len(rs) {
		return 0
	}
	switch r := rs[n]; {
	case open && strings.ContainsRune("）)", r):
		return n + 1
	case open:
		return 0
	case strings.ContainsRune("、．", r), r == '.':
		// 一、二、三产增加值 lists numerals, and 1.5 is a number: neither is an item's marker.
		if n+1 < len(rs) && (strings.ContainsRune(ordinalDigits, rs[n+1]) || unicode.IsDigit(rs[n+1])) {
			return 0
		}
		return n + 1
	case r == '是' && !unicode.IsDigit(rs[0]):
		return n + 1
	}
	return 0
}

const (
	ordinalDigits = "一二三四五六七八九十"
	maxOrdinal    = 3 // 十二 and 12 are ordinals; a longer number is a value
)

// goals reads the targets of one clause. prev is the goal before it, whose
// subject a clause without one (力争达到6%以上) takes over; year is the
// default period.
func (c clause) goals(prev *Goal, year string) []Goal {
	text := c.text()
	if text == "" || containsAny(text, lex.skip) {
		return nil
	}
	base := Goal{Period: year, Span: text, SpanStart: c.start, SpanEnd: c.end}
	body, stretched := stripStretch(text)
	base.Stretch = stretched
	for _, p := range lex.period {
		if strings.Contains(text, p.word) {
			base.Period = p.value
		}
	}
	var gs []Goal
	if len(c.mentions) == 0 {
		if gs = slogan(base, body, prev); gs == nil {
			gs = qualitative(base, body, prev)
		}
	} else {
		gs = c.numeric(base, dropMarkers(string(c.rs[c.start:c.valuesAt])), prev)
	}
	main := prev
	for i, g := range gs {
		// 力争 makes a stretch only beside a main target of the same
		// indicator: a list that opens with 力争全市生产总值增长8% states the
		// main targets.
		gs[i].Stretch = g.Stretch && main != nil && (g.Subject == main.Subject || sameIndicator(g, *main))
		if !gs[i].Stretch {
			main = &gs[i]
		}
	}
	return gs
}

// sameIndicator reports whether two goals measure one indicator, as its
// growth or its level.
func sameIndicator(a, b Goal) bool {
	if a.Indicator.Code == b.Indicator.Code {
		return true
	}
	l, ok := indicator.LevelOf(b.Indicator.Code)
	return ok && l.Code == a.Indicator.Code
}

// The unit of the values of a slogan (保8争9), which are growth rates.
const (
	sloganUnit     = "%"
	sloganBaseUnit = "percent"
)

// slogan reads a slogan that holds a main target and a stretch aim
// (地区生产总值增速“保8争9”): the main value and the stretch, exact.
func slogan(base Goal, body string, prev *Goal) []Goal {
	for _, re := range lex.slogans {
		loc := re.FindStringSubmatchIndex(body)
		if loc == nil {
			continue
		}
		items := subjectItems(trimPredicate(dropMarkers(strings.TrimRight(body[:loc[0]], quoteMarks))))
		if len(items) == 0 && prev != nil {
			items = []string{prev.Subject}
		}
		var out []Goal
		for k, stretch := range []bool{false, true} {
			n, err := quantity.ParseNumber(body[loc[2+2*k]:loc[3+2*k]])
			if err != nil {
				return nil
			}
			for _, it := range items {
				g := base
				g.Subject, g.Indicator = it, indicatorOf(it)
				value, base, one := n.Value, n.Value, 1.0
				g.Value, g.BaseValue, g.Multiplier = &value, &base, &one
				g.Unit, g.BaseUnit, g.Comparator, g.Stretch = sloganUnit, sloganBaseUnit, schemas.Exact, stretch
				out = append(out, g)
			}
		}
		return out
	}
	return nil
}

// quoteMarks are trimmed from a subject before a quoted slogan.
const quoteMarks = "“”\"'‘’「」 "

// stripStretch returns s without the stretch word that opens it (力争, or
// 争取 after an adverbial such as 在执行中), and whether there was one.
func stripStretch(s string) (string, bool) {
	rest := s
	for _, re := range lex.stretchAdverbials {
		if loc := re.FindStringIndex(rest); loc != nil && prefixOf(rest[loc[1]:], lex.stretch) != "" {
			rest = rest[loc[1]:]
			break
		}
	}
	if w := prefixOf(rest, lex.stretch); w != "" {
		return rest[len(w):], true
	}
	return s, false
}

// dropMarkers removes the stretch word opening a clause, the names of plan
// periods (“十四五”) and the year a growth is counted from (比一九五八年),
// which are not part of a subject.
func dropMarkers(s string) string {
	s, _ = stripStretch(s)
	for _, p := range lex.period {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "“"+p.word+"”", ""), p.word, "")
	}
	for _, re := range lex.baseYears {
		s = re.ReplaceAllString(s, "")
	}
	return strings.TrimSpace(s) // 生产总值增长 11 ％: a spaced layout
}

// numeric reads a clause with values; pre is what stands before the first
// value: the subject list and the predicate.
func (c clause) numeric(base Goal, pre string, prev *Goal) []Goal {
	distributive := containsAny(pre, lex.distribute)
	subject := pre
	if open, ref := relativeAt(pre); open >= 0 {
		// 生产总值增速高于全省1个百分点左右: the value is the margin over the reference.
		base.Reference, subject = ref, pre[:open]
		base.Note = pre[open:]
		if at := strings.Index(c.text(), pre[open:]); at >= 0 {
			base.Note = c.text()[at:]
		}
	}
	items := subjectItems(trimPredicate(subject))
	if len(items) == 1 && slices.Contains(lex.anaphor, items[0]) {
		items = nil // 总量突破7000亿元: the amount of the subject before it
	}
	borrowed := len(items) == 0
	if borrowed {
		if prev == nil {
			return nil
		}
		items = []string{prev.Subject}
	}
	mentions := c.mentions
	if distributive {
		mentions = withSharedUnit(mentions)
		if len(items) == 1 {
			// 城乡居民人均可支配收入分别增长5.5%、6.5% (or 分别增长6%: the same for both).
			items = collective(items[0], len(mentions))
		}
	}
	// 分别 lists pair items and values in order; one value is shared by every item.
	n := max(len(items), len(mentions))
	out := make([]Goal, 0, n)
	for i := range n {
		m := mentions[min(i, len(mentions)-1)]
		g := base
		g.Subject = items[min(i, len(items)-1)]
		g.Indicator = indicatorOf(g.Subject)
		if level, ok := indicator.LevelOf(g.Indicator.Code); ok && isAmount(m) && g.Reference == "" && m.BaseUnit != rankUnit {
			g.Indicator = level // 地区生产总值增长7.5%，达到326.4亿元: the second value is the level
			if borrowed && prev.SentenceIndex == c.sentence {
				// The level's span runs from the subject it shares with the growth.
				g.SpanStart, g.Span = prev.SpanStart, string(c.rs[prev.SpanStart:c.end])
			}
			m = inBareUnit(m)
		}
		if m.BaseUnit == rankUnit {
			// 地区生产总值总量保持全省第5位: a ranking aim, whatever it ranks.
			g.Indicator = indicatorOf("")
			if at, _ := predicateStart(g.Subject); at > 0 {
				g.Subject = g.Subject[:at]
			}
		}
		m = asChange(m, g.Indicator.Code)
		g.Value, g.ValueMax, g.Multiplier, g.BaseValue = &m.Value, m.ValueMax, &m.Multiplier, &m.BaseValue
		g.Unit, g.BaseUnit, g.Comparator = width.Fold.String(m.Unit), m.BaseUnit, m.Comparator
		switch {
		case g.Reference != "":
			one := 1.0
			g.Comparator, g.Unit, g.BaseUnit, g.Multiplier, g.BaseValue, g.ValueMax = schemas.Relative, marginUnit, marginUnit, &one, &m.Value, nil
		case m.ValueMax != nil:
			g.Comparator = schemas.Range
		}
		out = append(out, g)
	}
	return out
}

// withSharedUnit gives a value of a distributive list written without its
// unit the unit of the next value that has one (合同外资、实到外资分别为8亿、6亿美元:
// 8亿美元).
func withSharedUnit(ms []quantity.Mention) []quantity.Mention {
	out := slices.Clone(ms)
	for i := len(out) - 2; i >= 0; i-- {
		next := out[i+1]
		if out[i].Unit != "" || next.Unit == "" || next.Value == 0 || next.Multiplier == 0 {
			continue
		}
		factor := next.BaseValue / (next.Value * next.Multiplier)
		out[i].Unit, out[i].BaseUnit = next.Unit, next.BaseUnit
		out[i].BaseValue = out[i].Value * out[i].Multiplier * factor
	}
	return out
}

// inBareUnit gives an amount written with its magnitude alone (跨越千亿台阶)
// the unit that such amounts are in (元).
func inBareUnit(m quantity.Mention) quantity.Mention {
	if m.Unit != "" || m.Multiplier <= 1 {
		return m
	}
	m.Unit, m.BaseUnit = lex.bareAmount[0].word, lex.bareAmount[0].value
	m.BaseValue = m.Value * m.Multiplier
	return m
}

// asChange reads an index written as a level with last year as its base
// (居民消费价格指数103左右) as its change in % (3, about).
func asChange(m quantity.Mention, code string) quantity.Mention {
	for _, p := range lex.index {
		base, _ := strconv.ParseFloat(p.value, 64) // checked by load
		if p.word != code || m.Value <= base/2 {
			continue
		}
		m.Value -= base
		if m.ValueMax != nil {
			v := *m.ValueMax - base
			m.ValueMax = &v
		}
		m.Unit, m.BaseUnit, m.BaseValue, m.Multiplier = sloganUnit, sloganBaseUnit, m.Value, 1
	}
	return m
}

// relativeAt finds a comparison with another region's figure in s (高于全省,
// 比全省平均高, 与全省同步): the byte offset where it opens and the words
// naming the reference, or -1.
func relativeAt(s string) (int, string) {
	for from := 0; ; {
		at, ref := -1, ""
		for _, p := range lex.reference {
			if i := strings.Index(s[from:], p.word); i >= 0 && (at < 0 || from+i < at) {
				at, ref = from+i, p.word
			}
		}
		if at < 0 {
			return -1, ""
		}
		if w := suffixOf(s[:at], lex.relative); w != "" {
			return at - len(w), ref
		}
		if w := suffixOf(s[:at], lex.relativeOpen); w != "" && containsAny(s[at+len(ref):], lex.relativeClose) {
			return at - len(w), ref
		}
		from = at + len(ref)
	}
}

// isAmount reports whether a value states an amount (326.4亿元) rather than
// a rate of change or a ratio.
func isAmount(m quantity.Mention) bool {
	return !slices.Contains(lex.rateUnits, m.BaseUnit)
}

// qualitative reads a clause without values: subject + predicate
// (居民收入增长与经济增长同步), a verb-first target whose object names the
// indicators (完成国家下达的节能减排和环境保护等任务), a bare comparison that
// qualifies the goal before it (…增长5%左右，与经济增长基本同步), a comparison
// with another region (增速高于全省平均水平: relative) or a ranking aim
// (主要经济指标增速保持全省前列: other, whatever its subject).
func qualitative(base Goal, body string, prev *Goal) []Goal {
	ranked := containsAny(body, lex.rank)
	if open, ref := relativeAt(body); open >= 0 && !ranked {
		base.Comparator, base.Reference, base.Note = schemas.Relative, ref, body[open:]
		subject := body[:open]
		if onlyAdverbs(subject) {
			subject = "" // 努力跑赢全省: the goal before it is compared
		}
		return withSubjects(base, subjectItems(trimPredicate(dropMarkers(subject))), prev)
	}
	at, w := predicateStart(body)
	if at < 0 && ranked {
		at, w = 0, "" // 进入全市县域经济第一方阵: a ranking aim with no subject
	}
	if at < 0 {
		return nil
	}
	subject, predicate := body[:at], body[at:]
	if rest := body[at+len(w):]; prefixOf(w, lex.lightVerb) != "" && onlyAdverbs(subject) && named(rest) {
		return qualitative(base, rest, prev) // 努力实现居民收入增长和经济发展同步
	}
	base.Comparator = schemas.Qualitative
	compared := false
	for _, p := range lex.compare {
		if i := strings.Index(predicate, p.word); i >= 0 && !ranked {
			compared = true
			base.Comparator = schemas.Comparator(p.value)
			if base.Comparator == schemas.AboveGDP {
				// Only a comparison with economic growth is above_gdp (and the
				// legacy 快于城镇居民 of rural incomes); 高于全国平均水平 is not.
				// What it is compared with follows the word (高于经济增长), or
				// comes before it when nothing does (与GDP增长同步并略高).
				base.Note = predicate[i:]
				ref := predicate[i+len(p.word):]
				if ref == "" {
					ref = predicate[:i]
				}
				if indicatorOf(ref).Code != gdpGrowth && !containsAny(ref, lex.aboveRef) {
					base.Comparator = schemas.Qualitative
				}
			}
			break
		}
	}
	var items []string
	switch {
	case ranked:
		// 继续保持全省第一方阵: a ranking aim; with no subject, its words name it.
		items := subjectItems(trimPredicate(dropMarkers(subject)))
		if len(items) == 0 {
			items = []string{body}
		}
		out := withSubjects(base, items, nil)
		for i := range out {
			out[i].Indicator = indicatorOf("")
		}
		return out
	case subject == "" && compared && prev != nil:
		items = []string{prev.Subject}
	case prefixOf(w, lex.verb) != "" && adverbial(subject) && (onlyAdverbs(subject) || !tasksOnly(body[at+len(w):])):
		items = subjectItems(trimPredicate(dropMarkers(verbObject(body[at+len(w):]))))
		for i, it := range items {
			if w := suffixOf(it, lex.objectSuffix); w != "" && w != it {
				items[i] = strings.TrimSuffix(it, w) // 居民消费价格涨幅控制目标、碳排放…目标任务
			}
		}
	case onlyAdverbs(subject):
		return nil
	default:
		items = subjectItems(trimPredicate(dropMarkers(subject)))
	}
	return withSubjects(base, items, nil)
}

// withSubjects makes a goal of base for each subject, or for prev's subject
// when there is none and prev is given.
func withSubjects(base Goal, items []string, prev *Goal) []Goal {
	if len(items) == 0 && prev != nil {
		items = []string{prev.Subject}
	}
	out := make([]Goal, 0, len(items))
	for _, it := range items {
		g := base
		g.Subject, g.Indicator = it, indicatorOf(it)
		if g.Indicator.Code == indicator.Other && !otherSubject(it) {
			return nil // a policy sentence (新增可再生能源不纳入能源消费总量控制), not a target
		}
		out = append(out, g)
	}
	return out
}

// named reports whether s names an indicator of the lexicon.
func named(s string) bool {
	_, ok := indicator.Match(s)
	return ok
}

// adverbial reports whether the words before the verb of a verb-first target
// are an adverbial (全面, 不折不扣, 按序时进度) rather than a subject.
func adverbial(s string) bool {
	_, named := indicator.Match(s)
	return !named && utf8.RuneCountInString(s) <= maxAdverbial
}

// onlyAdverbs reports whether s is a run of adverbs (重点, 进一步), with no
// word of a subject.
func onlyAdverbs(s string) bool {
	for s != "" {
		w := prefixOf(s, lex.adverb)
		if w == "" {
			return false
		}
		s = s[len(w):]
	}
	return true
}

// otherSubject reports whether an item that names no indicator reads as the
// subject of a target: a short noun phrase, not a clause of its own.
func otherSubject(s string) bool {
	return utf8.RuneCountInString(s) <= maxOtherSubject && !containsAny(s, lex.negation)
}

// predicateStart returns the byte offset and the word of the earliest
// predicate opener in s, or -1. An opener that ends the name of an indicator
// (增长 of 经济增长) is no opener; one at the very start that neither is a
// verb nor begins a comparison (有效 of 有效投资保持合理增长) is part of the
// subject: the next one counts.
func predicateStart(s string) (int, string) {
	at, word := firstOf(s, lex.start, 0)
	for at > 0 && namesIndicator(s[:at+len(word)], word) {
		at, word = firstOf(s, lex.start, at+len(word))
	}
	if at == 0 && prefixOf(word, lex.verb) == "" && !comparesBefore([]rune(s)) {
		if next, w := firstOf(s, lex.start, len(word)); next > 0 {
			return next, w
		}
	}
	if at < 0 {
		// No opener: a clause that begins with an indicator has the rest as
		// its predicate (进出口回稳向好).
		if _, v, ok := indicator.MatchVariant(s); ok && strings.HasPrefix(s, v) && len(v) < len(s) {
			return len(v), ""
		}
	}
	return at, word
}

// namesIndicator reports whether s ends with the name of an indicator that
// holds more than its last word w (经济增长, GDP增速).
func namesIndicator(s, w string) bool {
	_, v, ok := indicator.MatchVariant(s)
	return ok && len(v) > len(w) && strings.HasSuffix(s, v)
}

// firstOf returns the byte offset at or after from and the word of the
// earliest of words in s, or -1.
func firstOf(s string, words []string, from int) (int, string) {
	at, word := -1, ""
	for _, w := range words {
		if i := strings.Index(s[from:], w); i >= 0 && (at < 0 || from+i < at) {
			at, word = from+i, w
		}
	}
	return at, word
}

// verbObject is the indicator part of the object of a verb-first target:
// 国家下达的单位地区生产总值能耗下降目标 → 单位地区生产总值能耗下降.
func verbObject(obj string) string {
	obj = strings.TrimPrefix(obj, prefixOf(obj, lex.objectPrefix))
	if w := suffixOf(obj, lex.objectSuffix); w != "" && w != obj {
		obj = strings.TrimSuffix(obj, w)
	}
	return obj
}

// tasksOnly reports whether the object of a verb-first target names nothing
// but the tasks (约束性指标完成省下达的目标任务): then the words before the verb
// are its subject, not an adverbial.
func tasksOnly(obj string) bool {
	obj = strings.TrimPrefix(obj, prefixOf(obj, lex.objectPrefix))
	return suffixOf(obj, lex.objectSuffix) == obj
}

// trimPredicate strips predicate and modifier words from the end of a
// subject, but never into the indicator's own words (经济增长 stays whole).
func trimPredicate(s string) string {
	for {
		w := suffixOf(s, lex.strip)
		if w == "" {
			return s
		}
		if _, v, ok := indicator.MatchVariant(s); ok && strings.HasSuffix(s, v) {
			return s
		}
		s = strings.TrimSuffix(s, w)
	}
}

// subjectItems splits a subject list into its items. Bare modifiers share the
// head of the last item (城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入,
// 农村居民人均可支配收入); modifiers that name no indicator before one that does
// are part of a single subject (长江、黄河干流、澜沧江出省境断面水质).
func subjectItems(subject string) []string {
	subject = strings.TrimSpace(subject)
	if subject == "" {
		return nil
	}
	if _, v, ok := indicator.MatchVariant(subject); ok && containsAny(v, lex.conj) {
		return []string{subject}
	}
	for _, p := range lex.collective {
		if strings.HasPrefix(subject, p.word) && containsAny(p.word, lex.conj) {
			return []string{subject} // 第一、二、三产业增加值: one collective subject, which 分别 splits
		}
	}
	items := splitItems(subject)
	if len(items) == 0 {
		return nil
	}
	last := items[len(items)-1]
	if len(items) > 1 && distributes(items) {
		head := []rune(last)
		for i, it := range items[:len(items)-1] {
			items[i] = it + string(head[len([]rune(it)):])
		}
		return items
	}
	named := 0
	for _, it := range items[:len(items)-1] {
		if _, ok := indicator.Match(it); ok {
			named++
		}
	}
	if _, v, ok := indicator.MatchVariant(last); ok && named == 0 && len(items) > 1 && !strings.HasPrefix(last, v) {
		return []string{subject}
	}
	return items
}

// splitItems cuts a subject at the conjunctions of a list.
func splitItems(s string) []string {
	var items []string
	rest := s
	for rest != "" {
		at, w := -1, ""
		for _, c := range lex.conj {
			if i := strings.Index(rest, c); i >= 0 && (at < 0 || i < at || (i == at && len(c) > len(w))) {
				at, w = i, c
			}
		}
		if at < 0 {
			items = append(items, rest)
			break
		}
		if at > 0 {
			items = append(items, rest[:at])
		}
		rest = rest[at+len(w):]
	}
	return items
}

// distributes reports whether every item but the last is a bare modifier
// that, put before the head of the last item, names an indicator whose words
// run across the join: 城镇 + 居民人均可支配收入 does, while 出口 + 使用外资 (of
// 出口、实际使用外资) is named by 出口 alone and so is an item of its own.
func distributes(items []string) bool {
	last := []rune(items[len(items)-1])
	for _, it := range items[:len(items)-1] {
		n := len([]rune(it))
		if n > maxShortItem || n >= len(last) {
			return false
		}
		joined := it + string(last[n:])
		whole, v, ok := indicator.MatchVariant(joined)
		if at := strings.LastIndex(joined, v); !ok || at < 0 || at >= len(it) || at+len(v) <= len(it) {
			return false
		}
		if alone, named := indicator.Match(it); named && alone != whole {
			return false
		}
	}
	return true
}

// collective splits a subject that stands for several items (城乡居民人均可支配收入,
// 三次产业增加值) into its items when it takes n values, as many as it has
// items or one for all.
func collective(subject string, n int) []string {
	for _, p := range lex.collective {
		if rest, ok := strings.CutPrefix(subject, p.word); ok {
			parts := strings.Split(p.value, "|")
			if n != 1 && n != len(parts) {
				break
			}
			out := make([]string, len(parts))
			for i, part := range parts {
				out[i] = part + rest
			}
			return out
		}
	}
	return []string{subject}
}

func indicatorOf(subject string) indicator.Indicator {
	ind, _ := indicator.Match(subject)
	return ind
}
