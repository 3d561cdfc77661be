package goals

import (
	_ "embed"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/lexicon"
)

//go:embed grammar.tsv
var grammarTSV string

// pair is a word of the grammar with the value it stands for.
type pair struct{ word, value string }

// grammar holds the words of the clause grammar by kind.
type grammar struct {
	lead, stretch, skip, conj, strip, distribute, baseline, start, verb, adverb []string
	objectPrefix, objectSuffix, aboveRef, negation, rateUnits, lightVerb        []string
	relative, relativeOpen, relativeClose, rank, anaphor                        []string
	compare, period, collective, reference, index, bareAmount                   []pair
	slogans, stretchAdverbials, baseYears                                       []*regexp.Regexp
	bullets                                                                     string // runes that mark a list item (——, ●)
}

var lex = mustLoad(grammarTSV)

func mustLoad(data string) grammar {
	l, err := load(data)
	if err != nil {
		panic(fmt.Sprintf("goals: embedded lexicon: %v", err)) // build-time data: a defect, not input
	}
	return l
}

func load(data string) (grammar, error) {
	var l grammar
	words := map[string]*[]string{
		"lead": &l.lead, "stretch": &l.stretch, "skip": &l.skip, "conj": &l.conj, "strip": &l.strip,
		"distribute": &l.distribute, "baseline": &l.baseline, "start": &l.start, "verb": &l.verb, "adverb": &l.adverb,
		"object_prefix": &l.objectPrefix, "object_suffix": &l.objectSuffix, "above_ref": &l.aboveRef, "negation": &l.negation,
		"rate_unit": &l.rateUnits, "light_verb": &l.lightVerb, "relative": &l.relative, "relative_open": &l.relativeOpen,
		"relative_close": &l.relativeClose, "rank": &l.rank, "anaphor": &l.anaphor,
	}
	patterns := map[string]*[]*regexp.Regexp{"stretch_adverbial": &l.stretchAdverbials, "base_year": &l.baseYears}
	pairs := map[string]*[]pair{"compare": &l.compare, "period": &l.period, "collective": &l.collective,
		"reference": &l.reference, "index": &l.index, "bare_amount": &l.bareAmount}
	classes, err := lexicon.Classes("grammar.tsv", data, func(r lexicon.Row) error {
		f := r.Fields
		if f[1] == "" {
			return r.Errorf("grammar.tsv", "want kind<TAB>word[<TAB>value]")
		}
		switch f[0] {
		case "bullet":
			l.bullets += f[1]
			return nil
		case "slogan":
			re, err := regexp.Compile(f[1])
			if err != nil || re.NumSubexp() != 2 {
				return r.Errorf("grammar.tsv", "slogan %q: want a regular expression with two groups (%v)", f[1], err)
			}
			l.slogans = append(l.slogans, re)
			return nil
		}
		if dst, ok := patterns[f[0]]; ok {
			re, err := regexp.Compile(f[1])
			if err != nil {
				return r.Errorf("grammar.tsv", "%s %q: %v", f[0], f[1], err)
			}
			*dst = append(*dst, re)
			return nil
		}
		dst, ok := pairs[f[0]]
		if !ok {
			return r.Errorf("grammar.tsv", "unknown kind %q", f[0])
		}
		if len(f) != 3 || f[2] == "" {
			return r.Errorf("grammar.tsv", "kind %q needs a value", f[0])
		}
		if f[0] == "compare" && !schemas.Comparator(f[2]).Known() {
			return r.Errorf("grammar.tsv", "unknown comparator %q", f[2])
		}
		if f[0] == "index" {
			if _, err := strconv.ParseFloat(f[2], 64); err != nil {
				return r.Errorf("grammar.tsv", "index %q: base %q is no number", f[1], f[2])
			}
		}
		*dst = append(*dst, pair{f[1], f[2]})
		return nil
	}, slices.Collect(maps.Keys(words))...)
	if err != nil {
		return l, err
	}
	for class, dst := range words {
		*dst = classes[class] // longer words first, so that 稳定保持在 is stripped before 在
	}
	if len(l.bareAmount) != 1 {
		return l, fmt.Errorf("grammar.tsv: want one bare_amount row, got %d", len(l.bareAmount))
	}
	return l, nil
}

// prefixOf returns the word of ws that s starts with, or "".
func prefixOf(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// suffixOf returns the word of ws that s ends with, or "".
func suffixOf(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
