package quantity

import (
	"cmp"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	//go:embed units.tsv
	unitsTSV string
	//go:embed comparators.tsv
	comparatorsTSV string
	//go:embed cues.tsv
	cuesTSV string
	//go:embed labels.tsv
	labelsTSV string
)

// Unit classes of units.tsv: they decide the kind of a figure and which
// numerals a unit accepts.
const (
	classPercent     = "percent"
	classPP          = "pp"
	classTimes       = "times"
	classDoubling    = "doubling" // 翻一番: value n means 2^n times
	classCurrency    = "currency"
	classPhysical    = "physical"
	classPerson      = "person"
	classDuration    = "duration"
	classCount       = "count"
	classArabicCount = "arabic-count" // 10大: a count only after Arabic digits
	classLabel       = "label"        // 75周年, 18号线: never a figure
	classDenominator = "denominator"  // 日 in 立方米/日: only after a slash
)

// How a small Chinese numeral before a unit reads (the chinese column of units.tsv).
const (
	countsChinese   = "count"    // 两次, 四个: a count
	sequenceChinese = "sequence" // 推出三期 is a count, 机场三期 a phase
)

// unit is one entry of the unit lexicon.
type unit struct {
	Text     string
	BaseUnit string
	Factor   float64
	Class    string
	Chinese  string // how a small Chinese numeral before it reads: chineseCount, chineseSequence or ""
}

// comparatorWord is one entry of the comparator lexicon.
type comparatorWord struct {
	Text       string
	After      bool // written after the mention (以上) rather than before (超过)
	Comparator string
	Approx     bool
	InMention  bool // part of the mention as written (近9.2万人)
}

// cue is a word that decides the kind of a figure (增长, 新增, 率 …).
type cue struct {
	Text      string
	Role      string // growth, count, share, to, filler, none
	Direction string
}

// labelRule makes a number a label in a given context.
type labelRule struct {
	After       bool
	ChineseOnly bool // the rule is about Chinese numerals (上千万, 数万)
	Regexp      *regexp.Regexp
}

// lexicon holds every embedded word list, keyed by word and indexed for
// longest-match lookups in a text.
type lexicon struct {
	units         map[string]unit
	before        map[string]comparatorWord
	after         map[string]comparatorWord
	cues          map[string][]cue // one word may have several roles (增长: growth and count)
	cueMaxLen     int
	labels        map[string][]labelRule // by unit text; "*" for rules of any unit
	stripped      map[string]bool        // words trimmed from the ends of a subject
	unitAt        wordIndex[unit]
	beforeEnd     wordIndex[comparatorWord]
	afterAt       wordIndex[comparatorWord]
	cueAt, cueEnd wordIndex[[]cue]
}

// wordIndex finds the longest word of a word list at a position of a text
// without building strings: the words are grouped by their first rune (or,
// for lookups of a word ending at a position, their last), longest first.
type wordIndex[T any] struct {
	byEdge  map[rune][]indexedWord[T]
	fromEnd bool
}

type indexedWord[T any] struct {
	runes []rune
	val   T
}

func newWordIndex[T any](words map[string]T, fromEnd bool) wordIndex[T] {
	x := wordIndex[T]{byEdge: map[rune][]indexedWord[T]{}, fromEnd: fromEnd}
	for w, v := range words {
		rs := []rune(w)
		if len(rs) == 0 {
			continue
		}
		edge := rs[0]
		if fromEnd {
			edge = rs[len(rs)-1]
		}
		x.byEdge[edge] = append(x.byEdge[edge], indexedWord[T]{rs, v})
	}
	for _, ws := range x.byEdge {
		slices.SortFunc(ws, func(a, b indexedWord[T]) int {
			if c := cmp.Compare(len(b.runes), len(a.runes)); c != 0 {
				return c
			}
			return slices.Compare(a.runes, b.runes)
		})
	}
	return x
}

// longest returns the longest word starting at rs[i] (or, for an index from
// the end, ending just before rs[i]) and its length in runes.
func (x wordIndex[T]) longest(rs []rune, i int) (T, int, bool) {
	var zero T
	if x.fromEnd {
		if i <= 0 || i > len(rs) {
			return zero, 0, false
		}
		for _, w := range x.byEdge[rs[i-1]] {
			if n := len(w.runes); n <= i && slices.Equal(rs[i-n:i], w.runes) {
				return w.val, n, true
			}
		}
		return zero, 0, false
	}
	if i < 0 || i >= len(rs) {
		return zero, 0, false
	}
	for _, w := range x.byEdge[rs[i]] {
		if n := len(w.runes); i+n <= len(rs) && slices.Equal(rs[i:i+n], w.runes) {
			return w.val, n, true
		}
	}
	return zero, 0, false
}

var lex = mustLoadLexicon()

func mustLoadLexicon() *lexicon {
	l, err := loadLexicon()
	if err != nil {
		// The lexicons are embedded at build time; a broken one is a programming error.
		panic(err)
	}
	return l
}

func loadLexicon() (*lexicon, error) {
	l := &lexicon{
		units:  map[string]unit{},
		before: map[string]comparatorWord{},
		after:  map[string]comparatorWord{},
		cues:   map[string][]cue{},
		labels: map[string][]labelRule{},
	}
	err := eachRow(unitsTSV, 4, func(f []string) error {
		factor, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return fmt.Errorf("unit %q: %w", f[0], err)
		}
		u := unit{Text: f[0], BaseUnit: f[1], Factor: factor, Class: f[3]}
		if len(f) > 4 {
			u.Chinese = f[4]
		}
		l.units[f[0]] = u
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("units.tsv: %w", err)
	}
	err = eachRow(comparatorsTSV, 5, func(f []string) error {
		w := comparatorWord{Text: f[0], After: f[1] == "after", Comparator: f[2], Approx: f[3] == "true", InMention: f[4] == "true"}
		if w.After {
			l.after[w.Text] = w
		} else {
			l.before[w.Text] = w
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("comparators.tsv: %w", err)
	}
	err = eachRow(cuesTSV, 2, func(f []string) error {
		c := cue{Text: f[0], Role: f[1]}
		if len(f) > 2 {
			c.Direction = f[2]
		}
		l.cues[c.Text] = append(l.cues[c.Text], c)
		l.cueMaxLen = max(l.cueMaxLen, runeLen(f[0]))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cues.tsv: %w", err)
	}
	// The rules of one unit, side and numeral kind are joined into one regexp:
	// every candidate number is checked, and one pass is cheaper than many.
	type ruleKey struct {
		unit string
		rule labelRule
	}
	var keys []ruleKey
	patterns := map[ruleKey][]string{}
	err = eachRow(labelsTSV, 4, func(f []string) error {
		if _, err := regexp.Compile(f[3]); err != nil {
			return fmt.Errorf("label %q: %w", f[3], err)
		}
		k := ruleKey{f[0], labelRule{After: f[1] == "after", ChineseOnly: f[2] == "chinese"}}
		if _, ok := patterns[k]; !ok {
			keys = append(keys, k)
		}
		// Rules are anchored (labels.tsv): one anchor for the group lets the
		// regexp engine stop at the edge instead of trying every position.
		p := f[3]
		if k.rule.After {
			p = strings.TrimPrefix(p, "^")
		} else {
			p = strings.TrimSuffix(p, "$")
		}
		patterns[k] = append(patterns[k], "(?:"+p+")")
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("labels.tsv: %w", err)
	}
	for _, k := range keys {
		expr := "(?:" + strings.Join(patterns[k], "|") + ")$"
		if k.rule.After {
			expr = "^(?:" + strings.Join(patterns[k], "|") + ")"
		}
		re, err := regexp.Compile(expr)
		if err != nil {
			return nil, fmt.Errorf("labels.tsv: unit %q: %w", k.unit, err)
		}
		k.rule.Regexp = re
		l.labels[k.unit] = append(l.labels[k.unit], k.rule)
	}
	l.stripped = strippedWords(l)
	l.unitAt = newWordIndex(l.units, false)
	l.beforeEnd = newWordIndex(l.before, true)
	l.afterAt = newWordIndex(l.after, false)
	l.cueAt = newWordIndex(l.cues, false)
	l.cueEnd = newWordIndex(l.cues, true)
	return l, nil
}

// strippedWords lists the words that are never part of a subject: comparator
// words before a number, and change verbs and fillers, except the nouns
// among them (增速, 增幅, 增长率 are measured things).
func strippedWords(l *lexicon) map[string]bool {
	out := map[string]bool{}
	for w := range l.before {
		out[w] = true
	}
	for w, cs := range l.cues {
		if strings.HasSuffix(w, "速") || strings.HasSuffix(w, "幅") || strings.HasSuffix(w, "率") {
			continue
		}
		for _, c := range cs {
			switch c.Role {
			case "growth", "count", "to", "filler":
				out[w] = true
			}
		}
	}
	return out
}

// eachRow calls fn with the tab-separated fields of every non-comment line,
// which must have at least minFields fields.
func eachRow(data string, minFields int, fn func([]string) error) error {
	for n, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < minFields {
			return fmt.Errorf("line %d: %d fields, want %d", n+1, len(f), minFields)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	return nil
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// matchUnit returns the longest unit written at rs[i:].
func (l *lexicon) matchUnit(rs []rune, i int) (unit, bool) {
	u, _, ok := l.unitAt.longest(rs, i)
	return u, ok
}

// matchBefore returns the longest comparator word ending at rs[:i].
func (l *lexicon) matchBefore(rs []rune, i int) (comparatorWord, bool) {
	w, _, ok := l.beforeEnd.longest(rs, i)
	return w, ok
}

// matchAfter returns the longest comparator word starting at rs[i:].
func (l *lexicon) matchAfter(rs []rune, i int) (comparatorWord, bool) {
	w, _, ok := l.afterAt.longest(rs, i)
	return w, ok
}

// matchCue returns the longest cue word starting at rs[i:] and its length.
func (l *lexicon) matchCue(rs []rune, i int) ([]cue, int) {
	c, n, _ := l.cueAt.longest(rs, i)
	return c, n
}

// isLabel reports whether a label rule fits the text around a number.
func (l *lexicon) isLabel(unitText, before, after string, chinese bool) bool {
	for _, rules := range [2][]labelRule{l.labels["*"], l.labels[unitText]} {
		for _, r := range rules {
			if r.ChineseOnly && !chinese {
				continue
			}
			text := before
			if r.After {
				text = after
			}
			if r.Regexp.MatchString(text) {
				return true
			}
		}
	}
	return false
}
