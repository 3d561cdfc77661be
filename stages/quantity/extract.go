package quantity

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/schemas"
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
	Comparator schemas.Comparator
	// QualifierEnd is where the comparator word written after the mention
	// (以上, 左右) ends, End when there is none: a stray full stop before it
	// (7.8%。以内) ends no clause.
	QualifierEnd int
	Approx       bool
	Subject      string // "" when none
	Indicator    string // code of the indicator lexicon (package indicator) or ""
}

// Kinds and directions of a Mention (its comparators are schemas.Comparator).
const (
	KindLevel       = "level"
	KindGrowth      = "growth"
	KindShare       = "share"
	KindPPChange    = "pp_change"
	KindCountChange = "count_change"
	KindMultiple    = "multiple"
	KindRank        = "rank"

	Up   = "up"
	Down = "down"
)

// found is a mention while the sentence is being read, with what the later
// passes (kind, subject, lists) need to know about it.
type found struct {
	Mention
	class       string
	prefixStart int  // start of a comparator word before the number, else Start
	prefixWord  bool // a comparator word was written before the number (超过, 近)
	suffixEnd   int  // end of a comparator word after the mention, else End
	suffixWord  bool // the comparator was written after the mention (以上, 左右)
	rankChange  bool // places gained or lost in a ranking (上升6位), not a rank
}

// Extract finds every quantity mention in one sentence, in text order. It is
// deterministic and safe for concurrent use.
func Extract(sentence string) []Mention {
	sc := scratches.Get().(*scratch)
	t := &sc.text
	t.load(sentence)
	readOCRDigits(t.rs)
	rs := t.rs
	quoted := quotedLabels(rs, sc.quoted)
	if quoted != nil {
		sc.quoted = quoted
	}
	fs := sc.found[:0]
	for i := 0; i < len(rs); {
		if !isNumeralStart(rs[i]) || quoted != nil && quoted[i] {
			i++
			continue
		}
		f, next, ok := readMention(t, i)
		if ok {
			fs = append(fs, f)
		}
		i = max(next, i+1)
	}
	annotate(t, fs)
	out := make([]Mention, len(fs))
	for k, f := range fs {
		out[k] = f.Mention
		out[k].QualifierEnd = max(f.End, f.suffixEnd)
	}
	sc.found = fs
	scratches.Put(sc)
	return out
}

// ocrDigit returns the digit that OCR misreads as the letter r (O for 0, l
// for 1), and false for any other rune.
func ocrDigit(r rune) (rune, bool) {
	switch r {
	case 'O', 'o', 'Ｏ', 'ｏ':
		return '0', true
	case 'l', 'I', 'ｌ', 'Ｉ':
		return '1', true
	}
	return 0, false
}

// readOCRDigits rewrites, in the runes being read (the text and its
// offsets stay as written), the letters that OCR puts for digits inside a
// number with a unit: a run of digits, such letters and decimal points that
// follows no Latin letter or digit, has a unit after it and holds a digit or,
// before a percent sign, two characters at least (增长1O％, lO.5％, lO％).
// Elsewhere a letter stays a letter (CO2, O2O, IPO).
func readOCRDigits(rs []rune) {
	for i := 0; i < len(rs); i++ {
		if _, ok := ocrDigit(rs[i]); !ok {
			continue
		}
		from := i
		for from > 0 && (isDigit(rs[from-1]) || isPoint(rs[from-1])) {
			from--
		}
		to, digits := from, 0
		for ; to < len(rs); to++ {
			if isDigit(rs[to]) {
				digits++
			} else if _, ok := ocrDigit(rs[to]); !ok && !isPoint(rs[to]) {
				break
			}
		}
		i = to
		if from > 0 && isLatin(rs[from-1]) {
			continue
		}
		// Letters alone (lO％) read as a number only before a percent sign.
		if u, ok := unitAfter(rs, to); !ok || u.Class == classLabel || digits == 0 && (to-from < 2 || u.Class != classPercent) {
			continue
		}
		for k := from; k < to; k++ {
			if d, ok := ocrDigit(rs[k]); ok {
				rs[k] = d
			}
		}
	}
}

// isLatin reports an ASCII or full-width Latin letter.
func isLatin(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || 'ａ' <= r && r <= 'ｚ' || 'Ａ' <= r && r <= 'Ｚ'
}

// scratch is the working memory of one Extract call, recycled through
// scratches: the decoded sentence, the quotation marks and the mentions being
// read. Extract returns copies, so nothing in it outlives the call.
type scratch struct {
	text   decoded
	quoted []bool
	found  []found
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// decoded is a sentence decoded for reading: its runes, and where each
// starts in the sentence, so that a run of runes is read as a substring of it
// rather than copied out.
type decoded struct {
	s    string // the sentence, each invalid byte as the U+FFFD it decodes to
	rs   []rune
	offs []int // byte offset in s of each rune, then len(s)
}

// load decodes s, reusing the memory of the text before. Every rune of every
// sentence passes here, so the three-byte runes of Chinese text are decoded
// inline rather than by a call.
func (t *decoded) load(s string) {
	rs, offs := t.rs[:0], t.offs[:0]
	suspect := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		switch {
		case r < utf8.RuneSelf:
		case i+2 < len(s) && r&0xF0 == 0xE0 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, size = (r&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			if r < 0x800 || 0xD800 <= r && r <= 0xDFFF { // overlong, or a surrogate
				r, size = utf8.RuneError, 1
			}
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		rs = append(rs, r)
		offs = append(offs, i)
		suspect = suspect || r == utf8.RuneError
		i += size
	}
	t.rs, t.offs = rs, offs
	if suspect && !utf8.ValidString(s) {
		t.load(string(t.rs))
		return
	}
	t.s = s
	t.offs = append(t.offs, len(s))
}

// str is string(t.rs[from:to]), without the copy.
func (t *decoded) str(from, to int) string { return t.s[t.offs[from]:t.offs[to]] }

// quotedLabels marks the runes inside short quotations and book titles: a
// number there is a name (“十四五”, “13710”, 《…2023—2025年…》). It returns nil
// when rs has no quotation, else the marks in buf's memory when it is large
// enough.
func quotedLabels(rs []rune, buf []bool) []bool {
	const maxLabel = 12
	var in []bool // made at the first quotation: most sentences have none
	for i := 0; i < len(rs); i++ {
		closing := closingQuote(rs[i])
		if closing == 0 {
			continue
		}
		if in == nil {
			in = slices.Grow(buf[:0], len(rs))[:len(rs)]
			clear(in)
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

// closingQuote returns the mark closing a quotation opened by r, else 0.
func closingQuote(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '‘':
		return '’'
	case '「':
		return '」'
	case '《':
		return '》'
	case '"':
		return '"'
	}
	return 0
}

// readMention reads the mention whose number starts at rs[i]. When there is
// none it returns false and where to look next.
func readMention(t *decoded, i int) (found, int, bool) {
	rs := t.rs
	n, ok := writtenPercent(rs, i)
	if !ok {
		n, ok = scanNumeral(rs, i)
	}
	if !ok {
		return found{}, skipNumeralRun(rs, i), false
	}
	if p := blanksBefore(rs, i) - 1; p >= 0 && rs[p] == '第' {
		return readRank(t, p, n)
	} else if p >= 0 && rs[p] == '前' {
		if f, next, ok := readRank(t, p, n); ok {
			return f, next, true
		}
	}
	u, hasUnit := unitAfter(rs, n.end)
	if u.Class == classDenominator {
		u, hasUnit = unit{}, false
	}
	end := n.end
	if n.per != "" {
		u, hasUnit = lex.units[n.per], true // 百分之九点七: the unit is written first
	} else if den, e, ok := fraction(rs, n); ok {
		// 占全国1/7: a share written as a fraction.
		n.Value /= den
		u, hasUnit, end = unit{BaseUnit: "percent", Factor: 100, Class: classPercent}, true, e
	} else if hasUnit {
		end = skipBlanks(rs, end) + runeLen(u.Text)
		if u.Class == classLabel {
			return found{}, end, false
		}
		u, end = compoundUnit(rs, u, end)
		if u.Text == "个" {
			u, end = approxMeasure(rs, u, end, &n.Number)
		}
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
		if n.chinese || n.yearLike || !scoreBefore(t, i) {
			return found{}, n.end, false // a bare number: an item number, a code, a ratio
		}
		u, hasUnit = unit{BaseUnit: "other", Factor: 1, Class: classScore}, true // 指数达91.9
	}
	if notAQuantity(t, n, u, hasUnit, end) {
		return found{}, end, false
	}
	f := found{class: u.Class}
	f.Start, f.End = i, end
	f.Value, f.ValueMax, f.Multiplier, f.Unit = n.Value, valueMax, n.Multiplier, u.Text
	f.BaseUnit, f.BaseValue = u.BaseUnit, n.Value*n.Multiplier
	if hasUnit {
		f.BaseValue *= u.Factor
	}
	f.BaseValue = roundBase(f.BaseValue)
	f.Comparator, f.Approx = schemas.Exact, n.Approx
	if n.Approx {
		f.Comparator = schemas.AtLeast
	}
	f.prefixStart, f.suffixEnd = i, end
	if w, ok := lex.matchBefore(rs, i); ok {
		f.prefixStart, f.prefixWord = i-runeLen(w.Text), true
		if w.Comparator != schemas.Exact || !n.Approx {
			f.Comparator = w.Comparator
		}
		f.Approx = f.Approx || w.Approx
		if w.InMention {
			f.Start = f.prefixStart
		}
	}
	if at, w, ok := qualifierAfter(rs, end); ok && suffixBoundary(rs, at+runeLen(w.Text), w) {
		f.suffixEnd = at + runeLen(w.Text)
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
	case n.chinese && n.round && !n.Approx && u.Class != classDuration && f.prefixStart == i:
		// 千万工程, 百万吨乙烯, 信心百倍, 亿元以上项目: a round Chinese number is a
		// name, an idiom or a class unless 过/超/突破 or 余 make it an amount (营收过千亿).
		return found{}, end, false
	case n.chinese && !hasUnit && f.Comparator == schemas.Exact:
		return found{}, end, false // 十万大山
	case n.chinese && !n.magnitude && countable(u) && !chineseCount(rs, n, u, f.Comparator):
		return found{}, end, false
	}
	if u.Text == "位" && rankChange(rs, f.prefixStart) {
		// 排名上升6位: places gained or lost in a ranking, not persons.
		f.class, f.BaseUnit, f.rankChange = KindRank, "rank", true
	}
	f.Text = t.str(f.Start, f.End)
	return f, end, true
}

// qualifierAfter finds the comparator word written after a mention that
// ends at rs[end]: right there, past the blanks of a spaced layout (11 ％ 左右),
// or past a stray full stop when no sentence opens with the word (控制在7.8%。
// 以内). It returns where the word starts.
func qualifierAfter(rs []rune, end int) (int, comparatorWord, bool) {
	if w, ok := lex.matchAfter(rs, end); ok {
		return end, w, true
	}
	if at := skipBlanks(rs, end); at > end {
		if w, ok := lex.matchAfter(rs, at); ok {
			return at, w, true
		}
	}
	if end < len(rs) && rs[end] == '。' {
		if w, ok := lex.matchAfter(rs, end+1); ok && w.Detached {
			return end + 1, w, true
		}
	}
	return end, comparatorWord{}, false
}

// roundBase rounds a base value to 12 significant digits, which drops the
// binary noise of a product (2.3 × 1e8 is 229999999.99999997) and keeps every
// digit a report writes.
func roundBase(v float64) float64 {
	if v == math.Trunc(v) && math.Abs(v) < 1e12 {
		return v // an integer of 12 digits at most: no noise to drop
	}
	var buf [32]byte
	r, err := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], v, 'g', 12, 64)), 64)
	if err != nil {
		return v
	}
	return r
}

// fraction reads the denominator of a fraction written after n (1/7, 1/10).
func fraction(rs []rune, n numeral) (float64, int, bool) {
	if n.chinese || n.magnitude || n.end+1 >= len(rs) || rs[n.end] != '/' || !isDigit(rs[n.end+1]) {
		return 0, 0, false
	}
	d, end, ok := scanArabic(rs, n.end+1)
	if !ok || d.Value == 0 || d.Value != math.Trunc(d.Value) || end < len(rs) && (rs[end] == '/' || isDigit(rs[end])) {
		return 0, 0, false
	}
	return d.Value, end, true
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

// approxMeasure reads a unit that starts with 个 written around 多 or 余
// (3个多月, 1个多百分点): the unit is 个月, and the number approximate.
func approxMeasure(rs []rune, u unit, end int, n *Number) (unit, int) {
	if end >= len(rs) || rs[end] != '多' && rs[end] != '余' || n.Approx {
		return u, end
	}
	rest, ok := lex.matchUnit(rs, end+1)
	if !ok {
		return u, end
	}
	full, ok := lex.units["个"+rest.Text]
	if !ok {
		return u, end
	}
	n.Approx = true
	return full, end + 1 + runeLen(rest.Text)
}

// scoreBefore reports a score noun (指数, 得分: two or three runes) before a
// bare number at rs[i], with at most two verbs or comparators between
// (指数达91.9, 指数保持在90以上).
func scoreBefore(t *decoded, i int) bool {
	p := i
	for range 3 {
		for n := 2; n <= 3 && n <= p; n++ {
			if hasCue(t, p-n, p, "score") {
				return true
			}
		}
		if _, n, ok := lex.cueEnd.longest(t.rs, p); ok {
			p -= n
		} else if w, ok := lex.matchBefore(t.rs, p); ok {
			p -= runeLen(w.Text)
		} else {
			return false
		}
	}
	return false
}

// unitAfter matches the unit written at rs[j], or after a few blanks there (8 ％).
func unitAfter(rs []rune, j int) (unit, bool) {
	u, ok := lex.matchUnit(rs, j)
	if !ok && j < len(rs) && isBlank(rs[j]) {
		if k := skipBlanks(rs, j); k > j {
			u, ok = lex.matchUnit(rs, k)
		}
	}
	return u, ok
}

// blanksBefore returns the start of the blanks (at most maxBlanks) that end
// just before rs[i], i itself when there are none.
func blanksBefore(rs []rune, i int) int {
	k := i
	for k > 0 && i-k < maxBlanks && isBlank(rs[k-1]) {
		k--
	}
	return k
}

// rangeMarks join the numbers of a range.
var rangeMarks = []rune("—－-~～至到–")

// readRangeEnd reads the second number of a range (5%—5.5%, 5至6个) written
// at rs[end:], returning it with the unit of the whole range.
func readRangeEnd(rs []rune, end int, hasUnit bool, u unit) (numeral, unit, int, bool) {
	m := skipBlanks(rs, end) // 4 ．5 ％ － 5 ％
	if m+1 >= len(rs) || !slices.Contains(rangeMarks, rs[m]) {
		return numeral{}, u, end, false
	}
	j := m + 1
	if rs[m] == '—' && rs[j] == '—' {
		j++
	}
	n2, ok := scanNumeral(rs, skipBlanks(rs, j))
	if !ok || n2.yearLike {
		return numeral{}, u, end, false
	}
	u2, ok2 := unitAfter(rs, n2.end)
	if !ok2 || u2.Class == classLabel || u2.Class == classDenominator || (hasUnit && !sameUnit(u2, u)) {
		return numeral{}, u, end, false
	}
	u2, e := compoundUnit(rs, u2, skipBlanks(rs, n2.end)+runeLen(u2.Text))
	return n2, u2, e, true
}

// sameUnit reports the unit of both ends of a range, also when one end writes
// the percent sign in full width (5%～5.5％).
func sameUnit(a, b unit) bool {
	return a.Text == b.Text || a.Class == classPercent && b.Class == classPercent && a.Factor == b.Factor
}

// notAQuantity applies the grammar of years, labels and Chinese counts.
func notAQuantity(t *decoded, n numeral, u unit, hasUnit bool, end int) bool {
	if n.yearLike && !n.magnitude && (!hasUnit || u.Text == "年") {
		return true // 2023年, 2021—2025
	}
	// The windows of labels.tsv: its before rules are end-anchored, which Go's
	// regexp tries at every position, so that window is kept short.
	const beforeWindow, afterWindow = 4, 10
	before := t.str(max(0, n.start-beforeWindow), n.start)
	after := t.str(end, min(len(t.rs), end+afterWindow))
	unitText := u.Text
	if !hasUnit {
		unitText = ""
	}
	if lex.isLabel(unitText, before, after, n.chinese) {
		return true
	}
	if !n.chinese || n.magnitude {
		return false
	}
	// A small Chinese number is a rate (四成, 一半), a multiple, a count
	// (chineseCount decides) or, as a duration, only 连续三年: 三年行动 is a name.
	switch u.Class {
	case classPercent, classPP, classTimes, classDoubling:
		return false
	case classDuration:
		return !strings.HasSuffix(before, "连续") && !n.Approx // 连续三年, 两个多月
	}
	return !countable(u)
}

// countable reports a unit that counts or measures (个, 人, 元, 公里), as
// opposed to a rate, a multiple or a duration.
func countable(u unit) bool {
	switch u.Class {
	case classCount, classArabicCount, classPerson, classCurrency, classPhysical:
		return true
	}
	return false
}

// chineseCount decides whether a small Chinese numeral before a measure word
// is a count. In these texts 一个 and 一批 are articles, 机场三期 a phase, and
// 两个确立 and 八项规定 names (labels.tsv has them); but 推出四批, 两次亲临,
// 贵阳、贵安、遵义三个综保区 and 近千人 are counts, as 5个城市 is in the key.
func chineseCount(rs []rune, n numeral, u unit, comparator schemas.Comparator) bool {
	switch {
	case n.Value < 2:
		return false // 一个, 突破一批: an article
	case n.Approx || comparator != schemas.Exact:
		return true // 近千人, 百余位, 二十多个: an amount
	case u.Chinese == "" || n.end-n.start == 1 && rs[n.start] == '二':
		return false // 八方支援, 金九银十; a lone 二 is an ordinal (二次开发): two is 两
	case u.Chinese == sequenceChinese:
		return n.start == 0 || isClauseEnd(rs[n.start-1]) || cueBefore(rs, n.start, "batch")
	}
	return true
}

// cueBefore reports whether the longest cue word ending just before rs[p]
// has the role.
func cueBefore(rs []rune, p int, role string) bool {
	cs, _, ok := lex.cueEnd.longest(rs, p)
	return ok && hasRole(cs, role)
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
		if k >= 0 && hasPrefixAt(rs, k, p) {
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
func readRank(t *decoded, p int, n numeral) (found, int, bool) {
	rs := t.rs
	end := n.end
	unitText := ""
	if e := skipBlanks(rs, end); e < len(rs) && (rs[e] == '位' || rs[e] == '名') {
		unitText = t.str(e, e+1)
		end = e + 1
	} else if end < len(rs) && unicode.Is(unicode.Han, rs[end]) && rs[end] != '和' && rs[end] != '与' {
		return found{}, n.end, false
	} else if _, isUnit := lex.matchUnit(rs, end); isUnit {
		return found{}, n.end, false // 前1%: a share, not a rank
	}
	if n.magnitude || n.Approx || !rankContext(rs, p) && !rankListed(rs, p) {
		return found{}, n.end, false
	}
	f := found{class: KindRank}
	f.Start, f.End, f.prefixStart, f.suffixEnd = p, end, p, end
	f.Text = t.str(p, end)
	f.Value, f.Multiplier, f.Unit = n.Value, 1, unitText
	f.BaseValue, f.BaseUnit = n.Value, "rank"
	f.Comparator = schemas.Exact
	return f, end, true
}

// rankChange reports a change word before N位 in a sentence about a ranking,
// one with a rank cue (排名, 全国) or a 第N shortly before (排名上升6位,
// 居全国第2位，比上年前移8位); 院士新增5位 counts persons.
func rankChange(rs []rune, p int) bool {
	const window = 24
	var buf cueBuf
	if _, _, ok := lastCue(cuesIn(buf[:0], rs, clauseStart(rs, p), p), "growth"); !ok {
		return false
	}
	from := max(0, p-window)
	if slices.Contains(rs[from:p], '第') {
		return true
	}
	_, _, ok := lastCue(cuesIn(buf[:0], rs, from, p), "rank")
	return ok
}

// rankListed reports a rank listed after another (居全国第4位、第7位、第6位).
func rankListed(rs []rune, p int) bool {
	const window = 6
	return p > 1 && strings.ContainsRune("、和与及", rs[p-1]) && slices.Contains(rs[max(0, p-1-window):p-1], '第')
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

func isClauseEnd(r rune) bool {
	switch r {
	case '，', '。', '；', '！', '？', '：', ',', ';', '!', '?', ':', '\n':
		return true
	}
	return false
}
