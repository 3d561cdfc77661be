package quantity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/indicator"
)

// annotate sets what depends on the words around each mention: kind and
// direction, the base unit of a bare magnitude, the subject, and what a
// list shares (分别 subjects, a trailing 左右 or 以上).
func annotate(t *decoded, fs []found) {
	rs := t.rs
	prevSubject := ""
	for k := range fs {
		f := &fs[k]
		from := clauseStart(rs, f.prefixStart)
		kindFrom := from
		if k > 0 && fs[k-1].End > from && relativeChange(fs[k-1].Kind) && countable(unit{Class: f.class}) &&
			afterListMark(rs, fs[k-1].suffixEnd, f.prefixStart) {
			// 增长5.2%、约4.4万亿元: the verb of a rate is not the amount's change.
			// Lists of amounts share theirs (新增绿地8万平方米、公园27个), and so
			// does a figure inside the noun (新增营收过百亿的企业2家).
			kindFrom = fs[k-1].suffixEnd
		} else if k > 0 && fs[k-1].End > from && f.prefixStart > fs[k-1].suffixEnd+1 && rs[f.prefixStart-1] == '、' &&
			changeCueIn(rs, fs[k-1].suffixEnd, f.prefixStart-1) {
			// 两次降低存款准备金率、两次下调利率: the verb after the figure
			// before is that item's, not this one's.
			kindFrom = f.prefixStart
		}
		setKind(rs, f, kindFrom)
		if f.BaseUnit == "" {
			f.BaseUnit = bareMagnitudeUnit(rs, f, from)
		}
		if k > 0 && fs[k-1].End > from {
			from = min(fs[k-1].suffixEnd, f.prefixStart) // the clause goes on after the previous mention
		}
		f.Subject = subject(t, f, from)
		if f.Subject == "" {
			f.Subject = prevSubject
		}
		prevSubject = f.Subject
	}
	for _, run := range lists(rs, fs) {
		spreadList(t, fs[run[0]:run[1]], fs[:run[0]])
	}
	lastSubject, code := "", ""
	for k := range fs {
		f := &fs[k]
		if f.Subject == "" {
			continue
		}
		if f.Subject != lastSubject { // a list shares its subject
			lastSubject, code = f.Subject, subjectCode(f.Subject)
		}
		f.Indicator = indicatorOfKind(code, f)
	}
}

// subjectCode returns the indicator code of a subject, "" when none matches.
// A share (X占地区生产总值比重, 产业投资占比) is measured on its numerator, and
// is never a growth indicator: neither the denominator's nor the numerator's.
func subjectCode(subject string) string {
	numerator := subject
	k := strings.Index(subject, "占")
	if k >= 0 {
		numerator = subject[:k+len("占")] // 研发经费占: the variant of rd_intensity
	}
	ind, v, ok := indicator.MatchVariant(numerator)
	switch {
	case !ok:
		return ""
	case isGrowthCode(ind.Code) && (k >= 0 || strings.Contains(subject, "比重") || strings.Contains(subject, "比例")):
		return ""
	case strings.Contains(numerator, "人均") && !strings.Contains(v, "人均"):
		return "" // 人均地区生产总值 is not GDP
	}
	return ind.Code
}

// indicatorOfKind fits the indicator of a mention's subject to its kind: an
// amount or an absolute change of a growth indicator is its level
// (地区生产总值13.57万亿元 is gdp_level), or none when it has no level code;
// a growth with no indicator may name one with its verb (全省经济增长5.3%).
func indicatorOfKind(code string, f *found) string {
	switch {
	case code == "" && f.Kind == KindGrowth:
		return verbNamedCode(f.Subject, "", "增长")
	case code == "" && f.Kind == KindCountChange && f.Direction == Up:
		return verbNamedCode(f.Subject, "新增", "") // 新增城镇就业980万人
	case isGrowthCode(code) && (f.Kind == KindLevel || f.Kind == KindCountChange):
		// Every level code is an amount of money: 进出口企业100家 is not trade.
		if l, ok := indicator.LevelOf(code); ok && (f.BaseUnit == "CNY" || f.BaseUnit == "USD") {
			return l.Code
		}
		return ""
	}
	return code
}

// verbNamedCode returns the indicator that a subject names with its verb
// before or after it, after a scope word (全省经济 + 增长 is 经济增长,
// gdp_growth; 新增 + 城镇就业 is urban_new_jobs), else "". The whole subject
// must name it: 数字经济增长 is not the economy's.
func verbNamedCode(subject, before, after string) string {
	_, n1 := utf8.DecodeRuneInString(subject)
	_, n2 := utf8.DecodeRuneInString(subject[n1:])
	if cs, ok := lex.cues[subject[:n1+n2]]; ok && hasRole(cs, "scope") {
		subject = subject[n1+n2:]
	}
	// A longer subject is a phrase, not a name (the names with a verb are of
	// two to four characters): skip the lookup.
	const maxNamed = 4 * utf8.UTFMax
	if len(subject) > maxNamed {
		return ""
	}
	phrase := before + subject + after
	if ind, v, ok := indicator.MatchVariant(phrase); ok && v == phrase {
		return ind.Code
	}
	return ""
}

// isGrowthCode reports an indicator of relative change (gdp_growth).
func isGrowthCode(code string) bool { return strings.HasSuffix(code, "_growth") }

// changeCueIn reports a change word in rs[from:to].
func changeCueIn(rs []rune, from, to int) bool {
	var buf cueBuf
	_, _, ok := lastCue(cuesIn(buf[:0], rs, from, to), "growth", "count")
	return ok
}

// relativeChange reports a kind that changes by a rate or a multiple.
func relativeChange(kind string) bool {
	return kind == KindGrowth || kind == KindPPChange || kind == KindMultiple
}

// afterListMark reports a list mark (、) right after the previous figure: the
// words between it and the next figure are that figure's.
func afterListMark(rs []rune, prevEnd, start int) bool {
	return prevEnd < start && rs[prevEnd] == '、'
}

// clauseStart returns the start of the clause holding rs[i].
func clauseStart(rs []rune, i int) int {
	for k := i - 1; k >= 0; k-- {
		if isClauseEnd(rs[k]) {
			return k + 1
		}
	}
	return 0
}

// clauseEnd returns the end of the clause holding rs[i].
func clauseEnd(rs []rune, i int) int {
	for k := i; k < len(rs); k++ {
		if isClauseEnd(rs[k]) {
			return k
		}
	}
	return len(rs)
}

// cueAt is a cue word found in a clause.
type cueAt struct {
	*cue       // in the lexicon
	start, end int
}

// cueBuf holds the cues of a clause; the few a clause has fit without a
// heap allocation.
type cueBuf [8]cueAt

// cuesIn appends the cue words of rs[from:to] to dst, reading longest
// matches left to right.
func cuesIn(dst []cueAt, rs []rune, from, to int) []cueAt {
	for k := from; k < to; {
		cs, n := lex.matchCue(rs, k)
		if n == 0 || k+n > to {
			k++
			continue
		}
		for j := range cs {
			dst = append(dst, cueAt{cue: &cs[j], start: k, end: k + n})
		}
		k += n
	}
	return dst
}

// lastCue returns the last cue of one of the roles, and whether a "to" word
// (提高到, 降至) follows it: then the number is the level reached, not the change.
func lastCue(cs []cueAt, roles ...string) (cueAt, bool, bool) {
	for k := len(cs) - 1; k >= 0; k-- {
		for _, r := range roles {
			if cs[k].Role != r {
				continue
			}
			to := false
			for _, c := range cs[k+1:] {
				if c.Role == "to" && c.start == cs[k].end {
					to = true
				}
			}
			return cs[k], to, true
		}
	}
	return cueAt{}, false, false
}

// setKind decides kind and direction from the unit class and the cue words
// of the clause before the mention (and, for a rate, just after it).
func setKind(rs []rune, f *found, from int) {
	var buf cueBuf
	cs := cuesIn(buf[:0], rs, from, f.prefixStart)
	switch f.class {
	case KindRank:
		f.Kind = KindRank
		if c, _, ok := lastCue(cs, "growth"); ok && f.rankChange {
			f.Direction = c.Direction
		}
	case classPP:
		f.Kind = KindPPChange
		if c, _, ok := lastCue(cs, "growth"); ok {
			f.Direction = c.Direction
		}
	case classTimes, classDoubling:
		f.Kind = KindMultiple
		if c, _, ok := lastCue(cs, "growth"); ok {
			f.Direction = c.Direction
		}
	case classPercent:
		f.Kind = KindShare
		c, to, ok := lastCue(cs, "growth", "share")
		if !ok {
			// 保持25%以上增速: the cue may follow the rate.
			c, _, ok = lastCue(cuesIn(buf[:0], rs, f.suffixEnd, min(clauseEnd(rs, f.suffixEnd), f.suffixEnd+4)), "growth", "share")
		}
		if ok && c.Role == "growth" && !to {
			f.Kind, f.Direction = KindGrowth, c.Direction
		}
	case classDuration:
		// 连续6年 is how long; only a change word right before the number makes
		// it a change (优良天数增加109天, 审批时间缩短30天).
		f.Kind = KindLevel
		if len(cs) > 0 {
			if c := cs[len(cs)-1]; c.end == f.prefixStart && (c.Role == "count" || c.Role == "growth") {
				f.Kind, f.Direction = KindCountChange, c.Direction
			}
		}
	default:
		f.Kind = KindLevel
		c, to, ok := lastCue(cs, "count", "level", "count-next")
		if ok && !to && (c.Role == "count" || c.Role == "count-next" && c.end == f.prefixStart) {
			f.Kind, f.Direction = KindCountChange, c.Direction
		}
	}
}

// bareMagnitudeUnit gives a number with a magnitude but no unit (6.6万返乡人员,
// 营收过千亿) the base unit its context implies: the noun right after it, else
// the last person or money word of the clause before it (the head noun).
func bareMagnitudeUnit(rs []rune, f *found, from int) string {
	const window = 10 // the noun after the number, as far as its clause goes
	for k := f.End; k < min(len(rs), f.End+window) && unicode.Is(unicode.Han, rs[k]); k++ {
		cs, n := lex.matchCue(rs, k)
		if u := contextUnit(cs); u != "" {
			return u
		}
		k += max(n-1, 0)
	}
	var buf cueBuf
	cs := cuesIn(buf[:0], rs, from, f.prefixStart)
	for k := len(cs) - 1; k >= 0; k-- {
		if u := contextUnit([]cue{*cs[k].cue}); u != "" {
			return u
		}
	}
	return "other"
}

// contextUnit is the base unit a person or money word implies, else "".
func contextUnit(cs []cue) string {
	switch {
	case hasRole(cs, "person"):
		return "person"
	case hasRole(cs, "money"):
		return "CNY"
	}
	return ""
}

func hasRole(cs []cue, role string) bool {
	for _, c := range cs {
		if c.Role == role {
			return true
		}
	}
	return false
}

// subject returns the measured noun phrase of a mention: the words of its
// clause before it (from rs[from]), without verbs and fillers, and for a
// counted thing (8个国家区域医疗中心) the noun after the measure word too.
func subject(t *decoded, f *found, from int) string {
	rs := t.rs
	pre := trimCopula(trimWords(t.str(afterOrdinal(t, from, f.prefixStart), f.prefixStart)))
	if f.class != classCount && f.class != classArabicCount && f.class != classPerson {
		return pre
	}
	end := f.suffixEnd
	stop := clauseEnd(rs, end)
	for k := end; k < stop; k++ {
		if rs[k] == '、' || isDigit(rs[k]) || !unicode.Is(unicode.Han, rs[k]) && rs[k] != '“' && rs[k] != '”' {
			stop = k
			break
		}
	}
	return pre + trimWords(t.str(end, stop))
}

// afterOrdinal returns where the words after the last ordinal of t's runes
// [from, to) begin (是全国首个突破13万亿元的省份: 首个 says which one, not
// what is measured), else from. Ordinals (cues.tsv) are of two or three runes
// and start with 首, 第 or 唯, which spares the lookup at every other rune.
func afterOrdinal(t *decoded, from, to int) int {
	for k := to - 1; k >= from; k-- {
		if r := t.rs[k]; r != '首' && r != '第' && r != '唯' {
			continue
		}
		for n := 2; n <= 3 && k+n <= to; n++ {
			if hasCue(t, k, k+n, "ordinal") {
				return k + n
			}
		}
	}
	return from
}

// trimCopula strips a copula that starts a subject (是全国进步最快的省份之一);
// a lone 是 is a cue word too short to be stripped with the others.
func trimCopula(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	if cs, ok := lex.cues[s[:n]]; ok && n < len(s) && hasRole(cs, "copula") {
		return s[n:]
	}
	return s
}

// connectors join list items; they never start or end a subject.
var (
	connectors      = []string{"、", "和", "与", "及", "以及", "并", "其中", "的"}
	connectorStarts = newAffixIndex(slices.Values(connectors), false)
	connectorEnds   = newAffixIndex(slices.Values(connectors), true)
)

// trimWords strips cue and filler words (lexicon.stripped) and connectors
// from both ends.
func trimWords(s string) string {
	for changed := true; changed; {
		changed = false
		s = strings.TrimSpace(s)
		if connectorStarts.longest(s) > 0 || connectorEnds.longest(s) > 0 {
			for _, c := range connectors {
				if t, ok := strings.CutPrefix(s, c); ok {
					s, changed = t, true
				}
				if t, ok := strings.CutSuffix(s, c); ok {
					s, changed = t, true
				}
			}
		}
		if n := lex.strippedEnd.longest(s); n > 0 {
			s, changed = s[:len(s)-n], true
		}
		if n := lex.strippedStart.longest(s); n > 0 {
			s, changed = s[n:], true
		}
	}
	return s
}

// lists returns the runs of mentions written as one list: consecutive in a
// clause with only 、 和 与 及 between them. Each run is [first, last+1).
func lists(rs []rune, fs []found) [][2]int {
	var runs [][2]int
	for a := 0; a < len(fs); {
		b := a + 1
		for b < len(fs) && fs[b].class == fs[a].class && fs[b-1].suffixEnd <= fs[b].prefixStart &&
			listGap(rs[fs[b-1].suffixEnd:fs[b].prefixStart]) {
			b++
		}
		if b-a > 1 {
			runs = append(runs, [2]int{a, b})
		}
		a = b
	}
	return runs
}

func listGap(gap []rune) bool {
	if len(gap) != 1 {
		return false
	}
	switch gap[0] {
	case '、', '和', '与', '及':
		return true
	}
	return false
}

// spreadList gives list items what the list shares: a comparator written once
// after the last item (分别增长6%、8%、5%左右), and with 分别 the subjects
// listed before it, paired in order, or when none is, those of the figures
// before the list (城镇…4377元，农民…1926元，分别增长3.8%和9%).
func spreadList(t *decoded, items, before []found) {
	first, last := items[0], items[len(items)-1]
	if first.prefixWord && first.Comparator != schemas.Exact { // 分别突破2000亿元、6000亿元; 超13.2亿吨、3530万标箱
		for k := range items[1:] {
			if it := &items[k+1]; !it.prefixWord && it.Comparator == schemas.Exact {
				it.Comparator, it.Approx = first.Comparator, first.Approx
			}
		}
	}
	if last.suffixWord && last.suffixEnd > last.End { // 左右, 以上; not the 多 of 1年多
		for k := range items[:len(items)-1] {
			if !items[k].suffixWord && items[k].Comparator == schemas.Exact {
				items[k].Comparator, items[k].Approx = last.Comparator, last.Approx
			}
		}
	}
	from := clauseStart(t.rs, items[0].prefixStart)
	head := t.str(from, items[0].prefixStart)
	listed, _, ok := strings.Cut(head, "分别")
	if !ok {
		return
	}
	subjects := splitList(listed)
	if len(subjects) == 0 {
		subjects = lastSubjects(before, len(items))
	}
	if len(subjects) != len(items) {
		return
	}
	for k := range items {
		items[k].Subject = subjects[k]
	}
}

// lastSubjects returns the last n distinct subjects of fs in text order, nil
// when fs has fewer.
func lastSubjects(fs []found, n int) []string {
	var out []string
	for k := len(fs) - 1; k >= 0 && len(out) < n; k-- {
		if s := fs[k].Subject; s != "" && (len(out) == 0 || out[len(out)-1] != s) {
			out = append(out, s)
		}
	}
	if len(out) < n {
		return nil
	}
	slices.Reverse(out)
	return out
}

// splitList splits 商品房销售面积、销售额 into its items.
func splitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '和' || r == '与' })
	out := parts[:0]
	for _, p := range parts {
		if p = trimWords(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
