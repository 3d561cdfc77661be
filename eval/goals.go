package eval

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/govreports/govreports/schemas"
)

// GoldGoal is one record of goals.json.
type GoldGoal struct {
	File       string   `json:"file"` // the source file, in keys that cover several files
	Year       int      `json:"year"` // 0 when the key covers one year only
	Region     string   `json:"region"`
	Line       int      `json:"line"`
	Indicator  string   `json:"indicator"`
	Subject    string   `json:"subject"`
	Value      *float64 `json:"value"`
	ValueMax   *float64 `json:"value_max"`
	Multiplier *float64 `json:"multiplier"`
	Unit       *string  `json:"unit"`
	Comparator string   `json:"comparator"`
	Period     string   `json:"period"`
	Stretch    bool     `json:"stretch"`
	Span       string   `json:"span"`
	Note       string   `json:"note"`
}

// LoadGoals reads a goals answer key.
func LoadGoals(path string) ([]GoldGoal, error) {
	return loadKey[GoldGoal](path, "goals")
}

// GoalMiss is a goal of one side with no partner on the other.
type GoalMiss struct {
	Region, Indicator, Subject, Value, Comparator string
	Year                                          int // 0 for a key record without one
	Stretch                                       bool
	Line                                          int
	Span                                          string
}

// GoalsScore is the result of ScoreGoals.
type GoalsScore struct {
	Numeric     PRF // goals with a value: region, indicator, value, value_max, multiplier, unit, comparator, stretch, period
	Qualitative PRF // goals without one: region, indicator, comparator, period
	Overall     PRF
	Misses      []GoalMiss // in the key, not extracted
	Extras      []GoalMiss // extracted, not in the key
}

// ScoreGoals scores goals rows against the key, only for the reports (region,
// and year where the key gives one) the key covers. Goals match as a
// multiset: numeric ones on region, year, indicator, value, value_max,
// multiplier, unit, comparator, stretch and period; qualitative ones on
// region, year, indicator, comparator and period. What a key record leaves
// out (year, period, multiplier) is not compared.
func ScoreGoals(gold []GoldGoal, rows []schemas.Goal) GoalsScore {
	var s GoalsScore
	type report struct {
		region string
		year   int
	}
	covered := map[report]bool{}
	for _, g := range gold {
		covered[report{g.Region, g.Year}] = true
	}
	var open []schemas.Goal
	for _, r := range rows {
		if covered[report{r.Region, int(r.Year)}] || covered[report{r.Region, 0}] {
			open = append(open, r)
		}
	}
	for _, g := range gold {
		score := &s.Qualitative
		if g.Value != nil {
			score = &s.Numeric
		}
		i := matchGoal(g, open)
		if i < 0 {
			score.FN++
			s.Misses = append(s.Misses, GoalMiss{g.Region, g.Indicator, g.Subject, valueText(g.Value, g.ValueMax, g.Unit),
				g.Comparator, g.Year, g.Stretch, g.Line, g.Span})
			continue
		}
		score.TP++
		open = append(open[:i], open[i+1:]...)
	}
	for _, r := range open {
		if r.Value != nil {
			s.Numeric.FP++
		} else {
			s.Qualitative.FP++
		}
		s.Extras = append(s.Extras, GoalMiss{r.Region, r.Indicator, r.Subject, valueText(r.Value, r.ValueMax, r.Unit),
			r.Comparator, int(r.Year), r.Stretch, int(r.Line), r.Span})
	}
	s.Overall = PRF{TP: s.Numeric.TP + s.Qualitative.TP, FP: s.Numeric.FP + s.Qualitative.FP, FN: s.Numeric.FN + s.Qualitative.FN}
	return s
}

// matchGoal returns the index of the first row that matches g, or -1.
func matchGoal(g GoldGoal, rows []schemas.Goal) int {
	for i, r := range rows {
		if r.Region != g.Region || (g.Year != 0 && int(r.Year) != g.Year) || r.Indicator != g.Indicator || r.Comparator != g.Comparator ||
			(g.Period != "" && r.Period != g.Period) {
			continue
		}
		if g.Value == nil {
			if r.Value == nil {
				return i
			}
			continue
		}
		if sameNumber(g.Value, r.Value) && sameNumber(g.ValueMax, r.ValueMax) && (g.Multiplier == nil || sameNumber(g.Multiplier, r.Multiplier)) &&
			sameString(g.Unit, r.Unit) && g.Stretch == r.Stretch {
			return i
		}
	}
	return -1
}

func sameNumber(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) <= 1e-9*math.Max(1, math.Abs(*a))
}

func sameString(a, b *string) bool {
	if a == nil || b == nil {
		return (a == nil || *a == "") && (b == nil || *b == "")
	}
	return *a == *b
}

func valueText(v, vmax *float64, unit *string) string {
	if v == nil {
		return "-"
	}
	s := strconv.FormatFloat(*v, 'g', -1, 64)
	if vmax != nil {
		s += "–" + strconv.FormatFloat(*vmax, 'g', -1, 64)
	}
	if unit != nil {
		s += *unit
	}
	return s
}

// Write prints the scores and every miss and extra with its span.
func (s GoalsScore) Write(w io.Writer) error {
	_, err := fmt.Fprintf(w, "goals numeric     %v\ngoals qualitative %v\ngoals overall     %v\n", s.Numeric, s.Qualitative, s.Overall)
	for _, list := range []struct {
		name  string
		goals []GoalMiss
	}{{"miss", s.Misses}, {"extra", s.Extras}} {
		for _, g := range list.goals {
			if err != nil {
				return fmt.Errorf("write goals score: %w", err)
			}
			where := g.Region
			if g.Year != 0 {
				where = fmt.Sprintf("%d %s", g.Year, g.Region)
			}
			_, err = fmt.Fprintf(w, "%s\t%s line %d\t%s\t%s\t%s\t%s stretch=%v\t%s\n",
				list.name, where, g.Line, g.Indicator, g.Subject, g.Value, g.Comparator, g.Stretch, g.Span)
		}
	}
	if err != nil {
		return fmt.Errorf("write goals score: %w", err)
	}
	return nil
}
