package quantity

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
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

// unit is one entry of the unit lexicon.
type unit struct {
	Text     string
	BaseUnit string
	Factor   float64
	Class    string
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
	Unit        string // "*" for any
	After       bool
	ChineseOnly bool // the rule is about Chinese numerals (上千万, 数万)
	Regexp      *regexp.Regexp
}

// lexicon holds every embedded word list, keyed for longest-match lookups.
type lexicon struct {
	units      map[string]unit
	unitMaxLen int
	before     map[string]comparatorWord
	after      map[string]comparatorWord
	compMaxLen int
	cues       map[string][]cue // one word may have several roles (增长: growth and count)
	cueMaxLen  int
	labels     []labelRule
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
	}
	err := eachRow(unitsTSV, 4, func(f []string) error {
		factor, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return fmt.Errorf("unit %q: %w", f[0], err)
		}
		l.units[f[0]] = unit{Text: f[0], BaseUnit: f[1], Factor: factor, Class: f[3]}
		l.unitMaxLen = max(l.unitMaxLen, runeLen(f[0]))
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
		l.compMaxLen = max(l.compMaxLen, runeLen(f[0]))
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
	err = eachRow(labelsTSV, 4, func(f []string) error {
		re, err := regexp.Compile(f[3])
		if err != nil {
			return fmt.Errorf("label %q: %w", f[3], err)
		}
		l.labels = append(l.labels, labelRule{Unit: f[0], After: f[1] == "after", ChineseOnly: f[2] == "chinese", Regexp: re})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("labels.tsv: %w", err)
	}
	return l, nil
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

func runeLen(s string) int { return len([]rune(s)) }

// matchUnit returns the longest unit written at rs[i:].
func (l *lexicon) matchUnit(rs []rune, i int) (unit, bool) {
	for n := min(l.unitMaxLen, len(rs)-i); n > 0; n-- {
		if u, ok := l.units[string(rs[i:i+n])]; ok {
			return u, true
		}
	}
	return unit{}, false
}

// matchBefore returns the longest comparator word ending at rs[:i].
func (l *lexicon) matchBefore(rs []rune, i int) (comparatorWord, bool) {
	for n := min(l.compMaxLen, i); n > 0; n-- {
		if w, ok := l.before[string(rs[i-n:i])]; ok {
			return w, true
		}
	}
	return comparatorWord{}, false
}

// matchAfter returns the longest comparator word starting at rs[i:].
func (l *lexicon) matchAfter(rs []rune, i int) (comparatorWord, bool) {
	for n := min(l.compMaxLen, len(rs)-i); n > 0; n-- {
		if w, ok := l.after[string(rs[i:i+n])]; ok {
			return w, true
		}
	}
	return comparatorWord{}, false
}

// matchCue returns the longest cue word starting at rs[i:] and its length.
func (l *lexicon) matchCue(rs []rune, i int) ([]cue, int) {
	for n := min(l.cueMaxLen, len(rs)-i); n > 0; n-- {
		if c, ok := l.cues[string(rs[i:i+n])]; ok {
			return c, n
		}
	}
	return nil, 0
}

// isLabel reports whether a label rule fits the text around a number.
func (l *lexicon) isLabel(unitText, before, after string, chinese bool) bool {
	for _, r := range l.labels {
		if r.Unit != "*" && r.Unit != unitText || r.ChineseOnly && !chinese {
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
	return false
}
