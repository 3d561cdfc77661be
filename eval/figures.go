package eval

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/govreports/govreports/schemas"
)

// GoldFigure is one answer mention of figures.json.
type GoldFigure struct {
	SID        int      `json:"sid"`
	Mention    string   `json:"mention"`
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"value_max"`
	Multiplier float64  `json:"multiplier"`
	Unit       *string  `json:"unit"`
	BaseValue  float64  `json:"base_value"`
	BaseUnit   string   `json:"base_unit"`
	Kind       string   `json:"kind"`
	Direction  *string  `json:"direction"`
	Comparator string   `json:"comparator"`
	Approx     bool     `json:"approx"`
	Subject    string   `json:"subject"`
	Note       string   `json:"note"`
}

// FigureSentence is one entry of figures.json: a sentence and every quantity
// mention in it.
type FigureSentence struct {
	SID         int          `json:"sid"`
	Report      int          `json:"report"`
	ReportTitle string       `json:"report_title"`
	Line        int          `json:"line"`
	Text        string       `json:"text"`
	Section     string       `json:"section"`
	Mentions    []GoldFigure `json:"mentions"`
}

// LoadFigures reads a figures answer key.
func LoadFigures(path string) ([]FigureSentence, error) {
	return loadKey[FigureSentence](path, "figures")
}

// FigureMiss is a mention of one side with no partner on the other.
type FigureMiss struct {
	Line     int
	Mention  string
	Sentence string
}

// FigureMismatch is a matched mention whose values differ from the key.
type FigureMismatch struct {
	Line    int
	Mention string
	Field   string // base, kind or comparator
	Want    string
	Got     string
}

// FiguresScore is the result of ScoreFigures.
type FiguresScore struct {
	Mentions   PRF // on the exact mention string, as a multiset per sentence
	Matched    int
	BaseOK     int // base_value and base_unit equal the key
	KindOK     int
	CompareOK  int
	Misses     []FigureMiss // in the key, not predicted
	Extras     []FigureMiss // predicted, not in the key
	Mismatches []FigureMismatch
}

// BaseAccuracy is the share of matched mentions with the right base_value and base_unit.
func (s FiguresScore) BaseAccuracy() float64 { return ratio(s.BaseOK, s.Matched) }

// KindAccuracy is the share of matched mentions with the right kind.
func (s FiguresScore) KindAccuracy() float64 { return ratio(s.KindOK, s.Matched) }

// ComparatorAccuracy is the share of matched mentions with the right comparator.
func (s FiguresScore) ComparatorAccuracy() float64 { return ratio(s.CompareOK, s.Matched) }

// ScoreFigures matches predicted figures to the gold mentions. Our sentence
// split may differ from the annotators': a predicted figure belongs to a gold
// sentence when its sentence is on the same line and one sentence text
// contains the other. Gold and predicted sentences linked that way are scored
// together; mentions match on the exact mention string (multiset).
func ScoreFigures(gold []FigureSentence, sentences []schemas.Sentence, figures []schemas.Figure) FiguresScore {
	type sentKey struct {
		report string
		id     int32
	}
	byLine := sentencesByLine(sentences)
	figs := map[sentKey][]schemas.Figure{}
	for _, f := range figures {
		k := sentKey{f.ReportID, f.SentenceID}
		figs[k] = append(figs[k], f)
	}
	var score FiguresScore
	seen := map[sentKey]bool{} // a predicted sentence is scored once, with every gold sentence it overlaps
	for _, group := range groupByLine(gold) {
		var golds []GoldFigure
		var text []string
		var preds []schemas.Figure
		for _, g := range group {
			golds = append(golds, g.Mentions...)
			text = append(text, g.Text)
			for _, s := range byLine[g.Line] {
				k := sentKey{s.ReportID, s.SentenceID}
				if seen[k] || !(strings.Contains(s.Text, g.Text) || strings.Contains(g.Text, s.Text)) {
					continue
				}
				seen[k] = true
				preds = append(preds, figs[k]...)
			}
		}
		score.add(group[0].Line, strings.Join(text, " "), golds, preds)
	}
	return score
}

// groupByLine groups the gold sentences of one line, in line order.
func groupByLine(gold []FigureSentence) [][]FigureSentence {
	byLine := map[int][]FigureSentence{}
	var lines []int
	for _, g := range gold {
		if _, ok := byLine[g.Line]; !ok {
			lines = append(lines, g.Line)
		}
		byLine[g.Line] = append(byLine[g.Line], g)
	}
	sort.Ints(lines)
	out := make([][]FigureSentence, len(lines))
	for k, l := range lines {
		out[k] = byLine[l]
	}
	return out
}

// add matches the mentions of one line, in text order on both sides.
func (s *FiguresScore) add(line int, text string, golds []GoldFigure, preds []schemas.Figure) {
	used := make([]bool, len(preds))
	for _, g := range golds {
		k := -1
		for j, p := range preds {
			if !used[j] && p.Mention == g.Mention {
				k = j
				break
			}
		}
		if k < 0 {
			s.Mentions.FN++
			s.Misses = append(s.Misses, FigureMiss{line, g.Mention, text})
			continue
		}
		used[k] = true
		s.Mentions.TP++
		s.compare(line, g, preds[k])
	}
	for j, p := range preds {
		if !used[j] {
			s.Mentions.FP++
			s.Extras = append(s.Extras, FigureMiss{line, p.Mention, text})
		}
	}
}

func (s *FiguresScore) compare(line int, g GoldFigure, p schemas.Figure) {
	s.Matched++
	mismatch := func(field, want, got string) {
		s.Mismatches = append(s.Mismatches, FigureMismatch{line, g.Mention, field, want, got})
	}
	if sameValue(g.BaseValue, p.BaseValue) && g.BaseUnit == p.BaseUnit {
		s.BaseOK++
	} else {
		mismatch("base", fmt.Sprintf("%g %s", g.BaseValue, g.BaseUnit), fmt.Sprintf("%g %s", p.BaseValue, p.BaseUnit))
	}
	if g.Kind == p.Kind {
		s.KindOK++
	} else {
		mismatch("kind", g.Kind, p.Kind)
	}
	if g.Comparator == p.Comparator {
		s.CompareOK++
	} else {
		mismatch("comparator", g.Comparator, p.Comparator)
	}
}

// sameValue compares base values up to the rounding of unit conversions.
func sameValue(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a))
}

// Write prints the scores, then every miss, extra and mismatch.
func (s FiguresScore) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "figures mentions: %s\n", s.Mentions)
	fmt.Fprintf(&b, "base_value+unit %.3f  kind %.3f  comparator %.3f  (over %d matched)\n",
		s.BaseAccuracy(), s.KindAccuracy(), s.ComparatorAccuracy(), s.Matched)
	for _, m := range s.Misses {
		fmt.Fprintf(&b, "MISS  line %d %s\t%s\n", m.Line, m.Mention, m.Sentence)
	}
	for _, m := range s.Extras {
		fmt.Fprintf(&b, "EXTRA line %d %s\t%s\n", m.Line, m.Mention, m.Sentence)
	}
	for _, m := range s.Mismatches {
		fmt.Fprintf(&b, "DIFF  line %d %s %s: want %s, got %s\n", m.Line, m.Mention, m.Field, m.Want, m.Got)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write figures score: %w", err)
	}
	return nil
}
