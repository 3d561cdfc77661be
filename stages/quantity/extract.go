package quantity

import (
	"math"
	"strings"
	"unicode"
)

// Mention is one quantity in a text. Offsets are in code points (runes) of the
// text passed in: []rune(text)[Start:End] is Text.
type Mention struct {
	Start, End int
	Text       string   // 126万亿元, 近9.2万人, 0.4个百分点, 第6位
	Value      float64  // as written: 126
	ValueMax   *float64 // upper bound of a written range, else nil
	Multiplier float64  // 1e12 for 万亿; 1 if none
	Unit       string   // 元 人 % 个百分点 个 … ("" when none)
	BaseValue  float64
	BaseUnit   string // CNY USD person tonne percent pp times rank km km2 m2 mu hectare kW kWh count day month year hour other
	Kind       string // level growth share pp_change count_change multiple rank other
	Direction  string // up | down | ""
	Comparator string // exact about at_least at_most
	Approx     bool
	Subject    string // "" when none
	Indicator  string // code from INDICATORS.md or ""
}

// Kinds, comparators and directions of a Mention.
const (
	KindLevel       = "level"
	KindGrowth      = "growth"
	KindShare       = "share"
	KindPPChange    = "pp_change"
	KindCountChange = "count_change"
	KindMultiple    = "multiple"
	KindRank        = "rank"

	Exact   = "exact"
	About   = "about"
	AtLeast = "at_least"
	AtMost  = "at_most"

	Up   = "up"
	Down = "down"
)

// found is a mention while the sentence is being read, with what the later
// passes (kind, subject, lists) need to know about it.
type found struct {
	Mention
	class       string
	prefixStart int  // start of a comparator word before the number, else Start
	suffixEnd   int  // end of a comparator word after the mention, else End
	suffixWord  bool // the comparator was written after the mention (以上, 左右)
}

// Extract finds every quantity mention in one sentence, in text order. It is
// deterministic and safe for concurrent use.
func Extract(sentence string) []Mention {
	rs := []rune(sentence)
	quoted := quotedLabels(rs)
	var fs []found
	for i := 0; i < len(rs); {
		if !isNumeralStart(rs[i]) || quoted[i] {
			i++
			continue
		}
		f, next, ok := readMention(rs, i)
		if ok {
			fs = append(fs, f)
		}
		i = max(next, i+1)
	}
	annotate(rs, fs)
	out := make([]Mention, len(fs))
	for k, f := range fs {
		out[k] = f.Mention
	}
	return out
}

// quotedLabels marks the runes inside short quotations and book titles: a
// number there is a name (“十四五”, “13710”, 《…2023—2025年…》).
func quotedLabels(rs []rune) []bool {
	const maxLabel = 12
	in := make([]bool, len(rs))
	pairs := map[rune]rune{'“': '”', '‘': '’', '「': '」', '《': '》', '"': '"'}
	for i := 0; i < len(rs); i++ {
		closing, ok := pairs[rs[i]]
		if !ok {
			continue
		}
		for j := i + 1; j < len(rs); j++ {
			if rs[j] != closing {
				continue
			}
			if rs[i] == '《' || j-i-1 <= maxLabel {
				for k := i + 1; k < j; k++ {
					in[k] = true
				}
			}
			i = j
			break
		}
	}
	return in
}

// readMention reads the mention whose number starts at rs[i]. When there is
// none it returns false and where to look next.
func readMention(rs []rune, i int) (found, int, bool) {
	n, ok := scanNumeral(rs, i)
	if !ok {
		return found{}, skipNumeralRun(rs, i), false
	}
	if i > 0 && rs[i-1] == '第' {
		return readRank(rs, i-1, n)
	}
	if i > 0 && rs[i-1] == '前' {
		if f, next, ok := readRank(rs, i-1, n); ok {
			return f, next, true
		}
	}
	u, hasUnit := lex.matchUnit(rs, n.end)
	if u.Class == classDenominator {
		u, hasUnit = unit{}, false
	}
	end := n.end
	if hasUnit {
		end += runeLen(u.Text)
		if u.Class == classLabel {
			return found{}, end, false
		}
		u, end = compoundUnit(rs, u, end)
	}
	var valueMax *float64
	if n2, u2, end2, ok := readRangeEnd(rs, end, hasUnit, u); ok {
		if !n.magnitude {
			n.Multiplier, n.magnitude = n2.Multiplier, n2.magnitude
		}
		v := n2.Value
		valueMax, u, hasUnit, end = &v, u2, true, end2
	}
	if !hasUnit && !n.magnitude {
		return found{}, n.end, false // a bare number: an item number, a code, a ratio
	}
	if notAQuantity(rs, n, u, hasUnit, end) {
		return found{}, end, false
	}
	f := found{class: u.Class}
	f.Start, f.End = i, end
	f.Value, f.ValueMax, f.Multiplier, f.Unit = n.Value, valueMax, n.Multiplier, u.Text
	f.BaseUnit, f.BaseValue = u.BaseUnit, n.Value*n.Multiplier
	if hasUnit {
		f.BaseValue *= u.Factor
	}
	f.Comparator, f.Approx = Exact, n.Approx
	if n.Approx {
		f.Comparator = AtLeast
	}
	f.prefixStart, f.suffixEnd = i, end
	if w, ok := lex.matchBefore(rs, i); ok {
		f.prefixStart = i - runeLen(w.Text)
		if w.Comparator != Exact || !n.Approx {
			f.Comparator = w.Comparator
		}
		f.Approx = f.Approx || w.Approx
		if w.InMention {
			f.Start = f.prefixStart
		}
	}
	if w, ok := lex.matchAfter(rs, end); ok && suffixBoundary(rs, end+runeLen(w.Text), w) {
		f.suffixEnd = end + runeLen(w.Text)
		f.suffixWord = true
		if w.InMention {
			f.End = f.suffixEnd // 1年多
		}
		f.Comparator = w.Comparator
		f.Approx = f.Approx || w.Approx
	}
	if u.Class == classDoubling {
		if !doubling(rs, &f) {
			return found{}, end, false
		}
	}
	switch {
	case n.chinese && n.round && u.Class != classDuration && f.prefixStart == i:
		// 千万工程, 百万吨乙烯, 信心百倍, 亿元以上项目: a round Chinese number is a
		// name, an idiom or a class unless 过/超/突破 make it an amount (营收过千亿).
		return found{}, end, false
	case n.chinese && !hasUnit && f.Comparator == Exact:
		return found{}, end, false // 十万大山
	}
	f.Text = string(rs[f.Start:f.End])
	return f, end, true
}

// skipNumeralRun returns the end of the run of numeral characters at rs[i].
func skipNumeralRun(rs []rune, i int) int {
	j := i + 1
	for j < len(rs) && (isNumeralStart(rs[j]) || rs[j] == '万' || rs[j] == '亿' || rs[j] == '.') {
		j++
	}
	return j
}

// compoundUnit extends a unit with its denominator (元/人, 微克/立方米): the
// compound keeps its full text and has no base unit of its own.
func compoundUnit(rs []rune, u unit, end int) (unit, int) {
	if end >= len(rs) || (rs[end] != '/' && rs[end] != '／') {
		return u, end
	}
	d, ok := lex.matchUnit(rs, end+1)
	if !ok || d.Class == classLabel {
		return u, end
	}
	return unit{Text: u.Text + "/" + d.Text, BaseUnit: "other", Factor: 1, Class: classPhysical}, end + 1 + runeLen(d.Text)
}

// readRangeEnd reads the second number of a range (5%—5.5%, 5至6个) written
// at rs[end:], returning it with the unit of the whole range.
func readRangeEnd(rs []rune, end int, hasUnit bool, u unit) (numeral, unit, int, bool) {
	if end+1 >= len(rs) || !strings.ContainsRune("—－-~～至到–", rs[end]) {
		return numeral{}, u, end, false
	}
	j := end + 1
	if rs[end] == '—' && rs[j] == '—' {
		j++
	}
	n2, ok := scanNumeral(rs, j)
	if !ok || n2.yearLike {
		return numeral{}, u, end, false
	}
	u2, ok2 := lex.matchUnit(rs, n2.end)
	if !ok2 || u2.Class == classLabel || u2.Class == classDenominator || (hasUnit && u2.Text != u.Text) {
		return numeral{}, u, end, false
	}
	u2, e := compoundUnit(rs, u2, n2.end+runeLen(u2.Text))
	return n2, u2, e, true
}

// notAQuantity applies the grammar of years, labels and Chinese counts.
func notAQuantity(rs []rune, n numeral, u unit, hasUnit bool, end int) bool {
	if n.yearLike && !n.magnitude && (!hasUnit || u.Text == "年") {
		return true // 2023年, 2021—2025
	}
	before := string(rs[max(0, n.start-8):n.start])
	after := string(rs[end:min(len(rs), end+10)])
	unitText := u.Text
	if !hasUnit {
		unitText = ""
	}
	if lex.isLabel(unitText, before, after, n.chinese) {
		return true
	}
	if !n.chinese {
		return false
	}
	if n.magnitude {
		return false
	}
	// Small Chinese numbers are mostly labels, articles and idioms in these texts
	// (两个确立, 八项规定, 一批, 千方百计); amounts are written in digits. They
	// stay figures only with a rate (四成, 一半), a multiple, or as 连续三年.
	switch u.Class {
	case classPercent, classPP, classTimes, classDoubling:
		return false
	case classDuration:
		return !strings.HasSuffix(before, "连续")
	}
	return true
}

// suffixBoundary accepts a one-character comparator after the mention (1年多)
// only when the phrase ends there, so that 3个多功能 is not "more than 3".
func suffixBoundary(rs []rune, j int, w comparatorWord) bool {
	if runeLen(w.Text) > 1 || j >= len(rs) {
		return true
	}
	return !unicode.Is(unicode.Han, rs[j]) || rs[j] == '来'
}

// doubling reads 翻一番 / 翻了两番: the mention starts at 翻 and n doublings
// are 2^n times.
func doubling(rs []rune, f *found) bool {
	for _, p := range []string{"翻了", "翻"} {
		k := f.Start - runeLen(p)
		if k >= 0 && string(rs[k:f.Start]) == p {
			f.Start, f.prefixStart = k, k
			f.BaseValue = math.Pow(2, f.Value)
			return true
		}
	}
	return false
}

// readRank reads 第N位 / 第N名 / 全国第N and 前N / 前N位 (at rs[p], 第 or 前),
// which are ranks only where a word such as 居 or 全国 comes shortly before:
// otherwise 第一批, 第二跑道, 前三季度 are ordinals or periods.
func readRank(rs []rune, p int, n numeral) (found, int, bool) {
	end := n.end
	unitText := ""
	if end < len(rs) && (rs[end] == '位' || rs[end] == '名') {
		unitText = string(rs[end])
		end++
	} else if end < len(rs) && unicode.Is(unicode.Han, rs[end]) && rs[end] != '和' && rs[end] != '与' {
		return found{}, n.end, false
	} else if _, isUnit := lex.matchUnit(rs, end); isUnit {
		return found{}, n.end, false // 前1%: a share, not a rank
	}
	if n.magnitude || n.Approx || !rankContext(rs, p) {
		return found{}, n.end, false
	}
	f := found{class: KindRank}
	f.Start, f.End, f.prefixStart, f.suffixEnd = p, end, p, end
	f.Text = string(rs[p:end])
	f.Value, f.Multiplier, f.Unit = n.Value, 1, unitText
	f.BaseValue, f.BaseUnit = n.Value, "rank"
	f.Comparator = Exact
	return f, end, true
}

// rankContext reports a rank cue (居, 全国 …) in the few runes before rs[p].
func rankContext(rs []rune, p int) bool {
	const window = 8
	from := max(0, p-window)
	for k := from; k < p; k++ {
		if isClauseEnd(rs[k]) {
			from = k + 1
		}
	}
	for k := from; k < p; k++ {
		cs, _ := lex.matchCue(rs, k)
		for _, c := range cs {
			if c.Role == "rank" {
				return true
			}
		}
	}
	return false
}

func isClauseEnd(r rune) bool { return strings.ContainsRune("，。；！？：,;!?:\n", r) }
