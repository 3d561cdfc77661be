package quantity

import (
	"cmp"
	_ "embed"
	"fmt"
	"iter"
	"maps"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/lexicon"
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
	classScore       = "score"        // 指数达91.9: a bare number after a score noun (cues.tsv)
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
	Comparator schemas.Comparator
	Approx     bool
	InMention  bool // part of the mention as written (近9.2万人)
	Detached   bool // may follow a stray full stop (控制在7.8%。以内): no sentence opens with it
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
	// Edges holds the runes a match can begin with (an after rule) or end
	// with (a before rule), nil when any may: the regexp need not run on a
	// text whose edge rune is not one of them.
	Edges *lexicon.RuneSet
}

// lexicons holds every embedded word list, keyed by word and indexed for
// longest-match lookups in a text. Its loader reads the rows itself rather
// than through lexicon.Classes: a word has several attributes (side, factor,
// comparator …) and every candidate number is looked up in these indexes.
type lexicons struct {
	units         map[string]unit
	before        map[string]comparatorWord
	after         map[string]comparatorWord
	cues          map[string][]cue // one word may have several roles (增长: growth and count)
	cueMaxLen     int
	labels        map[string][]labelRule // by unit text; "*" for rules of any unit
	stripped      map[string]bool        // words trimmed from the ends of a subject
	strippedStart *affixIndex            // the stripped words a subject may start with
	strippedEnd   *affixIndex            // and end with
	unitAt        *wordIndex[unit]
	beforeEnd     *wordIndex[comparatorWord]
	afterAt       *wordIndex[comparatorWord]
	cueAt, cueEnd *wordIndex[[]cue]
}

// wordIndex finds the longest word of a word list at a position of a text
// without building strings: the words are grouped by their first rune (or,
// for lookups of a word ending at a position, their last), longest first.
type wordIndex[T any] struct {
	byEdge  lexicon.ByFirst[indexedWord[T]]
	fromEnd bool
}

// affixIndex finds the longest of a list of words that a text starts with
// (or, fromEnd, ends with): the words are grouped by their first (last) rune,
// longest first, and the bitmap of those runes refuses most texts at once.
type affixIndex struct {
	byEdge  lexicon.ByFirst[string]
	fromEnd bool
}

func newAffixIndex(words iter.Seq[string], fromEnd bool) *affixIndex {
	x := &affixIndex{fromEnd: fromEnd}
	for w := range words {
		edge, _ := utf8.DecodeRuneInString(w)
		if fromEnd {
			edge, _ = utf8.DecodeLastRuneInString(w)
		}
		x.byEdge.AddAt(edge, w)
	}
	x.byEdge.SortFunc(func(a, b string) int {
		if c := cmp.Compare(runeLen(b), runeLen(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return x
}

// longest returns the byte length of the longest word s starts (ends) with,
// else 0.
func (x *affixIndex) longest(s string) int {
	edge, _ := utf8.DecodeRuneInString(s)
	if x.fromEnd {
		edge, _ = utf8.DecodeLastRuneInString(s)
	}
	for _, w := range x.byEdge.Get(edge) {
		if x.fromEnd && strings.HasSuffix(s, w) || !x.fromEnd && strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

type indexedWord[T any] struct {
	runes []rune
	val   T
}

func newWordIndex[T any](words map[string]T, fromEnd bool) *wordIndex[T] {
	x := &wordIndex[T]{fromEnd: fromEnd}
	for w, v := range words {
		rs := []rune(w)
		if len(rs) == 0 {
			continue
		}
		edge := rs[0]
		if fromEnd {
			edge = rs[len(rs)-1]
		}
		x.byEdge.AddAt(edge, indexedWord[T]{rs, v})
	}
	x.byEdge.SortFunc(func(a, b indexedWord[T]) int {
		if c := cmp.Compare(len(b.runes), len(a.runes)); c != 0 {
			return c
		}
		return slices.Compare(a.runes, b.runes)
	})
	return x
}

// longest returns the longest word starting at rs[i] (or, for an index from
// the end, ending just before rs[i]) and its length in runes.
func (x *wordIndex[T]) longest(rs []rune, i int) (T, int, bool) {
	var zero T
	if x.fromEnd {
		if i <= 0 || i > len(rs) {
			return zero, 0, false
		}
		for _, w := range x.byEdge.Get(rs[i-1]) {
			if n := len(w.runes); n <= i && slices.Equal(rs[i-n:i], w.runes) {
				return w.val, n, true
			}
		}
		return zero, 0, false
	}
	if i < 0 || i >= len(rs) {
		return zero, 0, false
	}
	for _, w := range x.byEdge.Get(rs[i]) {
		if n := len(w.runes); i+n <= len(rs) && slices.Equal(rs[i:i+n], w.runes) {
			return w.val, n, true
		}
	}
	return zero, 0, false
}

var lex = mustLoadLexicon()

func mustLoadLexicon() *lexicons {
	l, err := loadLexicon()
	if err != nil {
		// The lexicons are embedded at build time; a broken one is a programming error.
		panic(err)
	}
	return l
}

func loadLexicon() (*lexicons, error) {
	l := &lexicons{
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
		w := comparatorWord{Text: f[0], After: f[1] == "after", Comparator: schemas.Comparator(f[2]), Approx: f[3] == "true", InMention: f[4] == "true"}
		if !w.Comparator.Known() {
			return fmt.Errorf("unknown comparator %q", f[2])
		}
		w.Detached = len(f) > 5 && f[5] == "true"
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
		if k.rule.Edges, err = edgeRunes(expr, !k.rule.After); err != nil {
			return nil, fmt.Errorf("labels.tsv: unit %q: %w", k.unit, err)
		}
		l.labels[k.unit] = append(l.labels[k.unit], k.rule)
	}
	l.stripped = strippedWords(l)
	// A word at the start has two runes at least: a lone 减 or 增 may start a
	// noun (减税降费). No word is longer than the longest cue.
	l.strippedStart = newAffixIndex(wordsOf(l.stripped, 2, l.cueMaxLen), false)
	l.strippedEnd = newAffixIndex(wordsOf(l.stripped, 1, l.cueMaxLen), true)
	l.unitAt = newWordIndex(l.units, false)
	l.beforeEnd = newWordIndex(l.before, true)
	l.afterAt = newWordIndex(l.after, false)
	scanned := maps.Clone(l.cues)
	maps.DeleteFunc(scanned, func(_ string, cs []cue) bool {
		return !slices.ContainsFunc(cs, func(c cue) bool { return !lookupOnlyRoles[c.Role] })
	})
	l.cueAt = newWordIndex(scanned, false)
	l.cueEnd = newWordIndex(scanned, true)
	return l, nil
}

// lookupOnlyRoles are the roles of cue words that are looked up by their
// text where a rule expects them (全省经济, 是…, 首个, 指数) and never scanned
// for: kept out of the scanning indexes, their first runes (我, 第, 首 …) do
// not slow every clause scan.
var lookupOnlyRoles = map[string]bool{"scope": true, "copula": true, "ordinal": true, "score": true}

// hasCue reports a cue word of the role written at t's runes [from, to).
func hasCue(t *decoded, from, to int, role string) bool {
	cs, ok := lex.cues[t.str(from, to)]
	return ok && hasRole(cs, role)
}

// strippedWords lists the words that are never part of a subject: comparator
// words before a number, and change verbs and fillers, except the nouns
// among them (增速, 增幅, 增长率 are measured things).
func strippedWords(l *lexicons) map[string]bool {
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

// wordsOf yields the words of a set of minRunes to maxRunes runes.
func wordsOf(set map[string]bool, minRunes, maxRunes int) iter.Seq[string] {
	return func(yield func(string) bool) {
		for w := range set {
			if n := runeLen(w); n >= minRunes && n <= maxRunes && !yield(w) {
				return
			}
		}
	}
}

// eachRow calls fn with the tab-separated fields of every row of a lexicon
// file (see lexicon.Parse), which must have at least minFields fields.
func eachRow(data string, minFields int, fn func([]string) error) error {
	rows, err := lexicon.Parse("", data, minFields)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := fn(r.Fields); err != nil {
			return fmt.Errorf("line %d: %w", r.Line, err)
		}
	}
	return nil
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// matchUnit returns the longest unit written at rs[i:].
func (l *lexicons) matchUnit(rs []rune, i int) (unit, bool) {
	u, _, ok := l.unitAt.longest(rs, i)
	return u, ok
}

// matchBefore returns the longest comparator word ending at rs[:i].
func (l *lexicons) matchBefore(rs []rune, i int) (comparatorWord, bool) {
	w, _, ok := l.beforeEnd.longest(rs, i)
	return w, ok
}

// matchAfter returns the longest comparator word starting at rs[i:].
func (l *lexicons) matchAfter(rs []rune, i int) (comparatorWord, bool) {
	w, _, ok := l.afterAt.longest(rs, i)
	return w, ok
}

// StrayStopAt reports whether the full stop that ends s[:i] (s[i-3:i] is
// 。) is a stray mark inside a quantity rather than the end of a sentence:
// a number or a percent sign stands before it and a comparator word that no
// sentence opens with after it (控制在7.8%。以内).
func StrayStopAt(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(s[:i], "。"))
	if !isDigit(before) && !strings.ContainsRune("%％‰", before) {
		return false
	}
	for w, c := range lex.after {
		if c.Detached && strings.HasPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

// matchCue returns the longest cue word starting at rs[i:] and its length.
func (l *lexicons) matchCue(rs []rune, i int) ([]cue, int) {
	c, n, _ := l.cueAt.longest(rs, i)
	return c, n
}

// isLabel reports whether a label rule fits the text around a number.
func (l *lexicons) isLabel(unitText, before, after string, chinese bool) bool {
	for _, rules := range [2][]labelRule{l.labels["*"], l.labels[unitText]} {
		for _, r := range rules {
			if r.ChineseOnly && !chinese {
				continue
			}
			text := before
			edge, _ := utf8.DecodeLastRuneInString(before)
			if r.After {
				text = after
				edge, _ = utf8.DecodeRuneInString(after)
			}
			if r.Edges != nil && edge < 1<<16 && !r.Edges.Has(edge) {
				continue
			}
			if r.Regexp.MatchString(text) {
				return true
			}
		}
	}
	return false
}

// edgeRunes returns the runes that every match of expr begins with (or, with
// last, ends with), nil when a match may be empty or have any edge rune.
func edgeRunes(expr string, last bool) (*lexicon.RuneSet, error) {
	re, err := syntax.Parse(expr, syntax.Perl) // as regexp.Compile parses
	if err != nil {
		return nil, err
	}
	set := new(lexicon.RuneSet)
	if nullable, ok := addEdges(set, re, last); !ok || nullable {
		return nil, nil
	}
	return set, nil
}

// addEdges adds to set the runes a match of re can begin (or end) with, and
// reports whether the match can be empty; ok is false when any rune can be
// an edge.
func addEdges(set *lexicon.RuneSet, re *syntax.Regexp, last bool) (nullable, ok bool) {
	if re.Flags&syntax.FoldCase != 0 {
		return false, false
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true, true
	case syntax.OpLiteral:
		r := re.Rune[0]
		if last {
			r = re.Rune[len(re.Rune)-1]
		}
		set.Add(r)
		return false, true
	case syntax.OpCharClass:
		for k := 0; k+1 < len(re.Rune); k += 2 {
			for r := re.Rune[k]; r <= min(re.Rune[k+1], 1<<16-1); r++ {
				set.Add(r)
			}
		}
		return false, true
	case syntax.OpCapture, syntax.OpPlus:
		return addEdges(set, re.Sub[0], last)
	case syntax.OpStar, syntax.OpQuest:
		_, ok := addEdges(set, re.Sub[0], last)
		return true, ok
	case syntax.OpRepeat:
		if re.Max == 0 {
			return true, true
		}
		nullable, ok := addEdges(set, re.Sub[0], last)
		return nullable || re.Min == 0, ok
	case syntax.OpConcat:
		// The edges are those of the parts up to the first that cannot be
		// empty (with last, counting from the end).
		for k := range re.Sub {
			sub := re.Sub[k]
			if last {
				sub = re.Sub[len(re.Sub)-1-k]
			}
			nullable, ok := addEdges(set, sub, last)
			if !ok || !nullable {
				return false, ok
			}
		}
		return true, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			n, ok := addEdges(set, sub, last)
			if !ok {
				return false, false
			}
			nullable = nullable || n
		}
		return nullable, true
	}
	return false, false // any character
}
