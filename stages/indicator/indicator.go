// Package indicator is the lexicon of the indicators that government work
// reports set targets for (govreports schema indicators lists them): a code, Chinese and English labels
// and the ways reports write the subject. The data lives in indicators.tsv,
// embedded at build time.
package indicator

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
)

// Other is the code of subjects that no indicator of the lexicon covers.
const Other = "other"

// Indicator is one entry of the lexicon.
type Indicator struct {
	Code string // gdp_growth, cpi, … or other
	ZH   string // Chinese label
	EN   string // English label
	// Good is the direction in which the value is better: up (growth,
	// income, reductions of intensity), down (unemployment, price rises) or
	// none (qualitative indicators such as the balance of payments).
	Good string
	// Level is the code of the same subject stated as an amount (gdp_growth →
	// gdp_level); empty when the indicator has no level code.
	Level string
}

// Directions of Indicator.Good.
const (
	GoodUp   = "up"
	GoodDown = "down"
	GoodNone = "none"
)

type variant struct {
	text  string
	runes int // utf8.RuneCountInString(text)
	ind   Indicator
}

//go:embed indicators.tsv
var indicatorsTSV string

//go:embed qualifiers.tsv
var qualifiersTSV string

var (
	byCode   = map[string]Indicator{}
	other    Indicator // byCode[Other], at hand for the subjects no variant matches
	variants []variant
	codes    []string
	// byFirst indexes variants (by index) by their first character, so a
	// subject is scanned once instead of once per variant.
	byFirst lexicon.ByFirst[int]
	// shareVerbs introduce the denominator of a share (占, 相当于); parts make
	// the variant after them a ratio or a part of it (人均, 单位, 民营), and
	// so do economies before its 经济 (工业经济增长); afters make the variant
	// before them another quantity of it (质量, 贡献率).
	shareVerbs, parts, economies, afters []string
)

func init() {
	if err := load(indicatorsTSV); err != nil {
		panic(fmt.Sprintf("indicator: embedded lexicon: %v", err)) // build-time data: a defect, not input
	}
	if err := loadQualifiers(qualifiersTSV); err != nil {
		panic(fmt.Sprintf("indicator: embedded lexicon: %v", err))
	}
}

func loadQualifiers(data string) error {
	rows, err := lexicon.Parse("qualifiers.tsv", data, 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		switch r.Fields[0] {
		case "share":
			shareVerbs = append(shareVerbs, r.Fields[1])
		case "part":
			parts = append(parts, r.Fields[1])
		case "economy":
			economies = append(economies, r.Fields[1])
		case "after":
			afters = append(afters, r.Fields[1])
		default:
			return r.Errorf("qualifiers.tsv", "unknown kind %q", r.Fields[0])
		}
	}
	return nil
}

func load(data string) error {
	rows, err := lexicon.Parse("indicators.tsv", data, 6)
	if err != nil {
		return err
	}
	for _, r := range rows {
		f := r.Fields
		if len(f) != 6 {
			return r.Errorf("indicators.tsv", "want 6 tab-separated fields, got %d", len(f))
		}
		ind := Indicator{Code: f[0], ZH: f[1], EN: f[2], Good: f[3], Level: f[4]}
		if _, dup := byCode[ind.Code]; dup {
			return r.Errorf("indicators.tsv", "duplicate code %q", ind.Code)
		}
		if ind.Good != GoodUp && ind.Good != GoodDown && ind.Good != GoodNone {
			return r.Errorf("indicators.tsv", "good direction %q: want up, down or none", ind.Good)
		}
		byCode[ind.Code] = ind
		codes = append(codes, ind.Code)
		for _, v := range lexicon.List(f[5]) {
			if v = normalize(v); v != "" {
				byFirst.Add(v, len(variants))
				variants = append(variants, variant{text: v, runes: utf8.RuneCountInString(v), ind: ind})
			}
		}
	}
	o, ok := byCode[Other]
	if !ok {
		return fmt.Errorf("no %q entry", Other)
	}
	for _, c := range codes {
		if l := byCode[c].Level; l != "" {
			if _, ok := byCode[l]; !ok {
				return fmt.Errorf("%s: level code %q is not in the lexicon", c, l)
			}
		}
	}
	other = o
	return nil
}

// ByCode returns the indicator with that code, including "other".
func ByCode(code string) (Indicator, bool) {
	ind, ok := byCode[code]
	return ind, ok
}

// LevelOf returns the level indicator of a growth indicator (gdp_growth →
// gdp_level), and false when it has none.
func LevelOf(code string) (Indicator, bool) {
	l := byCode[code].Level
	if l == "" {
		return Indicator{}, false
	}
	return byCode[l], true
}

// Codes returns every code of the lexicon in file order.
func Codes() []string { return append([]string(nil), codes...) }

// Match maps a subject as written (全省地区生产总值, 规上工业增加值,
// 城镇居民人均可支配收入 …) to its indicator. The longest variant found in the
// subject wins, so that 单位生产总值能耗 is energy intensity rather than GDP,
// and a tie goes to the variant ending later, as Chinese noun phrases are
// head-final. A share (A占B比重, A占比, A相当于全市生产总值的比例) is never the
// indicator of its denominator nor of its numerator: it matches only a
// variant that is itself a share (研发经费投入占…). A variant right after a
// word of a ratio or a part (人均生产总值, 万元工业增加值能耗, 民营经济增长), or
// right before a word of another quantity of it (经济增长质量, 收入倍差), is
// not its indicator either. When no variant occurs, Match returns the "other"
// indicator and false.
func Match(subject string) (Indicator, bool) {
	ind, _, ok := MatchVariant(subject)
	return ind, ok
}

// MatchVariant is Match that also returns the variant that decided, as it
// stands in the normalized subject.
func MatchVariant(subject string) (Indicator, string, bool) {
	s := normalize(subject)
	verb := ""
	if at, w := firstShareVerb(s); at >= 0 {
		s, verb = s[:at+len(w)], w // the numerator, the verb included
	}
	best, bestLen, bestStart, bestEnd := -1, 0, 0, -1
	for at, r := range s {
		for _, i := range byFirst.Get(r) {
			v := variants[i].text
			if !strings.HasPrefix(s[at:], v) {
				continue
			}
			// The longest variant wins; among equals, the one ending last, then the first listed.
			n, end := variants[i].runes, at+len(v)
			if n > bestLen || (n == bestLen && (end > bestEnd || (end == bestEnd && i < best))) {
				best, bestLen, bestStart, bestEnd = i, n, at, end
			}
		}
	}
	if best < 0 || (verb != "" && !strings.HasSuffix(variants[best].text, verb)) {
		return other, "", false
	}
	if partOf(s[:bestStart], variants[best].text) {
		return other, "", false // 人均生产总值, 单位生产总值用水量, 海洋经济生产总值: a ratio or a part of GDP, not GDP
	}
	for _, a := range afters {
		if strings.HasPrefix(s[bestEnd:], a) {
			return other, "", false // 经济增长质量, 城乡居民收入倍差: another quantity of it
		}
	}
	return variants[best].ind, variants[best].text, true
}

// partOf tells whether the words before a variant make it a ratio or a part
// of its indicator: a part word right before it (人均生产总值), or a part or
// economy word before the 经济 of an economy that is a part of the whole
// (海洋经济生产总值, 工业经济增长, whose variant 经济增长 holds that 经济).
func partOf(before, variant string) bool {
	for _, p := range parts {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	if strings.HasPrefix(variant, "经济") {
		before += "经济"
	}
	economy, ok := strings.CutSuffix(before, "经济")
	if !ok {
		return false
	}
	for _, words := range [][]string{parts, economies} {
		for _, p := range words {
			if strings.HasSuffix(economy, p) {
				return true
			}
		}
	}
	return false
}

// firstShareVerb returns the byte offset and the word of the earliest share
// verb in s, or -1.
func firstShareVerb(s string) (int, string) {
	at, word := -1, ""
	for _, w := range shareVerbs {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at, word = i, w
		}
	}
	return at, word
}

// normalize drops what does not decide the indicator: spaces, quotation
// marks and parenthetical glosses such as （CPI）, and folds full-width
// Latin letters and digits to ASCII.
func normalize(s string) string {
	if isNormal(s) {
		return s // the usual subject, all Chinese: no copy
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '（' || r == '(':
			depth++
		case r == '）' || r == ')':
			if depth > 0 {
				depth--
			}
		case depth > 0, r == ' ', r == '\u3000', r == '“', r == '”', r == '"':
		case r >= '！' && r <= '～':
			b.WriteRune(r - '！' + '!')
		default:
			b.WriteRune(r)
		}
	}
	return strings.ToUpper(b.String())
}

// isNormal reports whether normalize leaves s as it is: valid UTF-8 with
// nothing to drop, fold or upper-case.
func isNormal(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r == '(' || r == ')' || r == ' ' || r == '"' || 'a' <= r && r <= 'z' {
				return false
			}
		case r == '\u3000':
			return false
		case 0x2E80 <= r && r <= 0x9FFF: // CJK: no case, nothing else to drop
		case r == utf8.RuneError, r == '“', r == '”', r >= '！' && r <= '～', unicode.ToUpper(r) != r:
			// An invalid byte, a quotation mark, a full-width form (（） among them) or a letter with case.
			return false
		}
	}
	return true
}
