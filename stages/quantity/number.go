package quantity

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/govreports/govreports/stages/lexicon"
)

// Number is a numeral as written: its value, the magnitude word after it and
// whether 多/余/几 make it approximate (6600多万: 6600, 1e4, true).
type Number struct {
	Value      float64
	Multiplier float64 // 万 1e4, 亿 1e8, 万亿 1e12 …; 1 if none
	Approx     bool
}

// Base is Value × Multiplier.
func (n Number) Base() float64 { return n.Value * n.Multiplier }

// ErrNotNumber is returned by ParseNumber for text that is not one numeral.
var ErrNotNumber = errors.New("not a number")

// ParseNumber parses a whole numeral: Arabic digits (also full-width, with
// decimals and thousands separators), Chinese numerals (两千, 二十多, 十几) and
// mixed forms (3.5万, 1.39万亿, 6600多万), with their magnitude word.
func ParseNumber(s string) (Number, error) {
	rs := []rune(strings.TrimSpace(s))
	n, ok := scanNumeral(rs, 0)
	if !ok || n.end != len(rs) {
		return Number{}, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
	}
	return n.Number, nil
}

// numeral is a Number found in a text, with where it stands.
type numeral struct {
	Number
	start, end int
	chinese    bool   // written in Chinese numerals (两千) rather than digits
	magnitude  bool   // a magnitude word (万, 亿 …) follows the digits
	round      bool   // a bare 百 or 千 (千亿斤, 百万吨, 信心百倍): a round word, not a count
	yearLike   bool   // four plain digits 1900–2100, as years are written
	per        string // the unit of a rate written in words before the number (百分之八: %), else ""
}

// rateWords are rates written in words before their number, with the unit
// of units.tsv each stands for.
var rateWords = []struct{ text, unit string }{{"百分之", "%"}, {"千分之", "‰"}}

// writtenPercent reads a rate written in words, as older texts do (百分之九点七,
// 千分之十, 百分之8): the numeral after the words, with its unit in per.
func writtenPercent(rs []rune, i int) (numeral, bool) {
	if i+3 >= len(rs) || rs[i+1] != '分' || rs[i+2] != '之' {
		return numeral{}, false
	}
	for _, w := range rateWords {
		if !hasPrefixAt(rs, i, w.text) {
			continue
		}
		j := i + runeLen(w.text)
		var n numeral
		var end int
		var ok bool
		if isDigit(rs[j]) {
			n, end, ok = scanArabic(rs, j)
		} else {
			n, end, ok = scanChinese(rs, j)
			end = chineseDecimals(rs, end, &n.Number)
		}
		if !ok || end == j {
			return numeral{}, false
		}
		n.start, n.end, n.Multiplier, n.per, n.round = i, end, 1, w.unit, false
		return n, true
	}
	return numeral{}, false
}

// chineseDecimals reads the decimals of a Chinese numeral (九点七: 点 and one
// digit word each) at rs[j], adding them to n, and returns where they end.
func chineseDecimals(rs []rune, j int, n *Number) int {
	if j+1 >= len(rs) || rs[j] != '点' {
		return j
	}
	scale, k := 0.1, j+1
	for ; k < len(rs); k++ {
		d, ok := chineseDigits[rs[k]]
		if !ok || rs[k] == '两' {
			break
		}
		n.Value += d * scale
		scale /= 10
	}
	if k == j+1 {
		return j // 点 with no digit after it is a word (九点钟)
	}
	return k
}

var chineseDigits = map[rune]float64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

var chineseUnits = map[rune]float64{'十': 10, '百': 100, '千': 1000}

// Magnitude words, longest first. The single 千 and 百 follow digits only
// when no unit starts with them (3千米 is 3 km, not 3000 米).
var arabicMagnitudes = []string{"万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万", "千", "百"}

var chineseMagnitudes = []string{"万亿", "亿", "万"}

var magnitudeValue = map[rune]float64{'十': 10, '百': 100, '千': 1000, '万': 1e4, '亿': 1e8}

// isDigit reports an ASCII or full-width decimal digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func digitValue(r rune) rune {
	if r >= '０' && r <= '９' {
		return r - '０' + '0'
	}
	return r
}

// isNumeralStart reports whether a numeral may begin with r. It is asked of
// every rune of a text, hence the bitmap.
func isNumeralStart(r rune) bool { return numeralStarts.Has(r) }

var numeralStarts = func() *lexicon.RuneSet {
	s := new(lexicon.RuneSet)
	for _, r := range "万亿零〇一二两三四五六七八九十百千0123456789０１２３４５６７８９" {
		s.Add(r)
	}
	return s
}()

// scanNumeral reads the numeral starting at rs[i], with 多/余 and its magnitude.
func scanNumeral(rs []rune, i int) (numeral, bool) {
	if i >= len(rs) {
		return numeral{}, false
	}
	var n numeral
	var j int
	var ok bool
	switch {
	case isDigit(rs[i]):
		n, j, ok = scanArabic(rs, i)
	case rs[i] == '万' || rs[i] == '亿':
		// 超万亿元, 近万人: a bare magnitude word is one of it, and a round word.
		n, j, ok = numeral{Number: Number{Value: 1}, chinese: true, round: true}, i, true
	default:
		n, j, ok = scanChinese(rs, i)
	}
	if !ok {
		return numeral{}, false
	}
	n.start = i
	n.Multiplier = 1
	j = skipMany(rs, j, &n.Number)
	if !n.chinese && j < len(rs) && isBlank(rs[j]) && isMagnitude(rs, skipBlanks(rs, j)) {
		j = skipBlanks(rs, j) // 7 4 7 7 2 亿元
	}
	mags := arabicMagnitudes
	if n.chinese {
		mags = chineseMagnitudes
	}
	if isMagnitude(rs, j) && (rs[j] != '千' && rs[j] != '百' || !startsUnit(rs, j)) {
		for _, m := range mags {
			if hasPrefixAt(rs, j, m) {
				n.Multiplier = magnitudeOf(m)
				n.magnitude = true
				j += runeLen(m)
				j = skipMany(rs, j, &n.Number)
				break
			}
		}
	}
	n.end = j
	return n, true
}

// skipMany consumes a 多 or 余 at rs[j] ("20余个", "6600多万").
func skipMany(rs []rune, j int, n *Number) int {
	if j < len(rs) && (rs[j] == '多' || rs[j] == '余') && !n.Approx {
		n.Approx = true
		return j + 1
	}
	return j
}

// isMagnitude reports whether a magnitude word may start at rs[j]: every
// one starts with a rune of magnitudeValue.
func isMagnitude(rs []rune, j int) bool {
	if j >= len(rs) {
		return false
	}
	_, ok := magnitudeValue[rs[j]]
	return ok
}

func startsUnit(rs []rune, j int) bool {
	_, ok := lex.matchUnit(rs, j)
	return ok
}

func magnitudeOf(m string) float64 {
	v := 1.0
	for _, r := range m {
		v *= magnitudeValue[r]
	}
	return v
}

func hasPrefixAt(rs []rune, i int, p string) bool {
	for _, r := range p {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// scanArabic reads digits with thousands separators (1,200) and a decimal
// part, full-width (４．６) or spaced as older texts and their PDF extractions
// write them (7 4 7 7 2, 4 ．5, 1 2 3 . 4): a blank joins lone digits only,
// so that 2024 5 and 1 2023 stay two numbers.
func scanArabic(rs []rune, i int) (numeral, int, bool) {
	var buf [24]byte // the number in ASCII; longer ones go to the heap
	b := buf[:0]
	j := i
	plain, decimal, spaced := true, false, false
	group := 0 // digits since the start, the last blank or the point
	for j < len(rs) {
		switch r := rs[j]; {
		case isDigit(r):
			b = append(b, byte(digitValue(r)))
			j++
			group++
			continue
		case r == ',' && thousandsGroup(rs, j+1):
			plain = false
			j++
			continue
		case isPoint(r) && !decimal:
			k := j + 1
			if spaced {
				k = skipBlanks(rs, k)
			}
			if digitAt(rs, k) {
				b = append(b, '.')
				plain, decimal = false, true
				j, group = k, 0
				continue
			}
		case isBlank(r) && group == 1:
			k := skipBlanks(rs, j)
			if digitAt(rs, k) && !digitAt(rs, k+1) && (k+1 >= len(rs) || !isPoint(rs[k+1])) ||
				k < len(rs) && isPoint(rs[k]) && !decimal && digitAt(rs, skipBlanks(rs, k+1)) {
				j, group, spaced = k, 0, true
				continue
			}
		}
		break
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) {
		return numeral{}, j, false
	}
	n := numeral{Number: Number{Value: v}}
	n.yearLike = plain && len(b) == 4 && v >= 1900 && v <= 2100
	return n, j, true
}

func digitAt(rs []rune, k int) bool { return k < len(rs) && isDigit(rs[k]) }

func isPoint(r rune) bool { return r == '.' || r == '．' }

// isBlank reports the blanks older texts put between the characters of a
// number and before its unit (8 ％): space, ideographic and no-break space.
func isBlank(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' }

// maxBlanks is the longest run of blanks read inside a number.
const maxBlanks = 2

// skipBlanks returns the end of a run of at most maxBlanks blanks at rs[j]
// (j itself when there is none or the run is longer).
func skipBlanks(rs []rune, j int) int {
	k := j
	for k < len(rs) && isBlank(rs[k]) {
		k++
	}
	if k-j > maxBlanks {
		return j
	}
	return k
}

// thousandsGroup reports exactly three digits at rs[i:] and no fourth.
func thousandsGroup(rs []rune, i int) bool {
	if i+3 > len(rs) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigit(rs[k]) {
			return false
		}
	}
	return i+3 == len(rs) || !isDigit(rs[i+3])
}

// scanChinese reads a Chinese numeral below 万 (两千, 一百二十, 十几); 万 and 亿
// are read as its magnitude. Ill-formed runs such as 十四五 are refused.
func scanChinese(rs []rune, i int) (numeral, int, bool) {
	var total float64
	digit := -1.0   // a digit waiting for its unit
	lastUnit := 1e9 // units must fall within a numeral: 千 … 百 … 十
	afterZero := false
	approx, round := false, true
	j := i
	for ; j < len(rs); j++ {
		r := rs[j]
		if d, ok := chineseDigits[r]; ok {
			if digit >= 0 && !afterZero {
				return numeral{}, j, false // 十四五, 三四: not one numeral
			}
			round = false
			if d == 0 {
				afterZero = true
				continue
			}
			digit = d
			continue
		}
		if u, ok := chineseUnits[r]; ok {
			if u >= lastUnit {
				return numeral{}, j, false
			}
			if _, isUnit := lex.matchUnit(rs, j); isUnit && j > i {
				break // 五千瓦: 千 starts the unit
			}
			if digit < 0 {
				digit = 1
			}
			total += digit * u
			digit, lastUnit, afterZero = -1, u, false
			continue
		}
		if r == '几' && lastUnit == 10 && digit < 0 {
			approx = true // 十几, 二十几
			j++
		}
		break
	}
	if j == i {
		return numeral{}, j, false
	}
	if digit > 0 {
		total += digit
	}
	n := numeral{Number: Number{Value: total, Approx: approx}, chinese: true, round: round && total >= 100}
	return n, j, true
}
