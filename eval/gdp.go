package eval

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/govreports/govreports/schemas"
)

// GoldGDP is a record of a gdp.json key: a report's GDP growth target.
type GoldGDP struct {
	File       string      `json:"file"`
	Year       int         `json:"year"`
	RegionCode string      `json:"region_code"`
	GDP        *GoldTarget `json:"gdp"` // null: the report sets no GDP growth target
}

// GoldTarget is the GDP growth target of a gdp.json record.
type GoldTarget struct {
	Value      *float64 `json:"value"`
	ValueMax   *float64 `json:"value_max"`
	Comparator string   `json:"comparator"`
	Stretch    *float64 `json:"stretch"` // the stretch aim's value, null without one
	Span       string   `json:"span"`
}

// LoadGDP reads a gdp.json key.
func LoadGDP(path string) ([]GoldGDP, error) {
	return loadKey[GoldGDP](path, "gdp")
}

// GDPScore is the result of ScoreGDP.
type GDPScore struct {
	Reports  int      // records of the key
	Right    int      // the target right, and no other gdp_growth row
	Problems []string // one line per record that is not right
}

// ScoreGDP checks each record of the key against the goals of the report its
// file gave (matched as in CheckSources): right when the report has exactly
// the key's main gdp_growth row (value, value_max, comparator) and its
// stretch row when the key has one, and no other gdp_growth row.
func ScoreGDP(key []GoldGDP, reports []schemas.Report, goals []schemas.Goal) GDPScore {
	s := GDPScore{Reports: len(key)}
	for _, k := range key {
		var ids []string
		for _, r := range reports {
			src, _, _ := strings.Cut(r.Source, "#")
			if src == k.File || strings.HasSuffix(src, "/"+k.File) {
				ids = append(ids, r.ReportID)
			}
		}
		if len(ids) != 1 {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: %d reports, want 1", k.File, len(ids)))
			continue
		}
		var main, stretch []schemas.Goal
		for _, g := range goals {
			if g.ReportID != ids[0] || g.Indicator != "gdp_growth" {
				continue
			}
			if g.Stretch {
				stretch = append(stretch, g)
			} else {
				main = append(main, g)
			}
		}
		if why := gdpWrong(k.GDP, main, stretch); why != "" {
			s.Problems = append(s.Problems, fmt.Sprintf("%s (%d %s): %s", k.File, k.Year, k.RegionCode, why))
			continue
		}
		s.Right++
	}
	slices.Sort(s.Problems)
	return s
}

// gdpWrong says what is wrong with the rows against the key's target, or "".
func gdpWrong(want *GoldTarget, main, stretch []schemas.Goal) string {
	got := func() string {
		var parts []string
		for _, g := range append(append([]schemas.Goal{}, main...), stretch...) {
			parts = append(parts, fmt.Sprintf("%s %s%s (%s)", num(g.Value), g.Comparator, map[bool]string{true: " stretch"}[g.Stretch], g.Span))
		}
		if len(parts) == 0 {
			return "none"
		}
		return strings.Join(parts, "; ")
	}
	if want == nil {
		if len(main)+len(stretch) > 0 {
			return "the key has no target; got " + got()
		}
		return ""
	}
	wantStretch := 0
	if want.Stretch != nil {
		wantStretch = 1
	}
	ok := len(main) == 1 && len(stretch) == wantStretch &&
		same(main[0].Value, want.Value) && same(main[0].ValueMax, want.ValueMax) && main[0].Comparator == want.Comparator &&
		(want.Stretch == nil || same(stretch[0].Value, want.Stretch))
	if ok {
		return ""
	}
	w := fmt.Sprintf("%s %s", num(want.Value), want.Comparator)
	if want.ValueMax != nil {
		w += "–" + num(want.ValueMax)
	}
	if want.Stretch != nil {
		w += ", stretch " + num(want.Stretch)
	}
	return fmt.Sprintf("want %s (%s); got %s", w, want.Span, got())
}

func same(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) < 1e-9
}

func num(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%g", *v)
}

// Write prints the score and the problems, a line each.
func (s GDPScore) Write(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "GDP growth target right (no other gdp_growth row) for %d of %d reports\n", s.Right, s.Reports); err != nil {
		return err
	}
	for _, p := range s.Problems {
		if _, err := fmt.Fprintln(w, "wrong\t"+p); err != nil {
			return err
		}
	}
	return nil
}
