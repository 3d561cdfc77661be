// Package relative reads the targets a region sets against another region's
// figure (生产总值增长高于全省1个百分点, 居民消费价格涨幅低于全国, 与全省同步):
// which way such a target points (ways.tsv), the number it amounts to once
// the reference region's own target of the year is known (goals.resolved_value),
// and the comparator an outcome is judged by against that number.
package relative

import (
	_ "embed"
	"fmt"
	"math"
	"strings"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/indicator"
	"github.com/govreports/govreports/stages/lexicon"
)

//go:embed ways.tsv
var waysTSV string

// Way is which way a relative target points from the reference's figure.
type Way string

// The ways of ways.tsv.
const (
	Above  Way = "above"
	Below  Way = "below"
	Better Way = "better"
	Same   Way = "same"
)

// ways are the words of each way, longest first.
var ways = func() map[string][]string {
	m, err := lexicon.Classes("ways.tsv", waysTSV, nil, string(Above), string(Below), string(Better), string(Same))
	if err != nil {
		panic(fmt.Sprintf("relative: embedded lexicon: %v", err)) // build-time data: a defect, not input
	}
	return m
}()

// WayOf is the way of a relative target by the words of its comparison
// (goals.note), "" when none of ways.tsv stands in them.
func WayOf(note string) Way {
	for i := range note {
		var best Way
		n := 0
		for _, w := range []Way{Above, Below, Better, Same} {
			for _, word := range ways[string(w)] {
				if len(word) > n && strings.HasPrefix(note[i:], word) {
					best, n = w, len(word)
				}
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// percent is the base unit of the rates that relative targets compare.
const percent = "percent"

// Resolve is the number relative goal g amounts to, given the goals of the
// reference region's report of the same year (its own target of g's
// indicator, the first that is not a stretch aim, plus or less the margin),
// or nil: when g is not relative, when the reference sets no such target,
// or sets it as no number (in words, in sync with growth) or not as a rate in
// percent, or when the words give no way. A range counts by its lower bound;
// a reference target that is relative itself counts by its resolved value.
func Resolve(g schemas.Goal, reference []schemas.Goal) *float64 {
	if schemas.Comparator(g.Comparator) != schemas.Relative || g.Note == nil {
		return nil
	}
	way := WayOf(*g.Note)
	sign := signOf(way, g.Indicator)
	if sign == 0 && way != Same {
		return nil
	}
	for _, r := range reference {
		if r.Indicator != g.Indicator || r.Stretch || r.Period != g.Period {
			continue
		}
		base, ok := valueOf(r)
		if !ok {
			return nil
		}
		margin := 0.0
		if g.Value != nil {
			margin = *g.Value
		}
		v := round(base + sign*margin)
		return &v
	}
	return nil
}

// valueOf is the number a reference goal sets, when it is a rate in percent.
func valueOf(r schemas.Goal) (float64, bool) {
	switch schemas.Comparator(r.Comparator) {
	case schemas.Relative:
		if r.ResolvedValue != nil {
			return *r.ResolvedValue, true
		}
	case schemas.About, schemas.AtLeast, schemas.AtMost, schemas.Exact, schemas.Range:
		if r.Value != nil && r.BaseUnit != nil && *r.BaseUnit == percent {
			return *r.Value, true
		}
	}
	return 0, false
}

// signOf is +1 when a target of this way is above the reference, −1 below,
// 0 the same or unknown.
func signOf(w Way, code string) float64 {
	switch w {
	case Above:
		return 1
	case Below:
		return -1
	case Better:
		switch goodOf(code) {
		case indicator.GoodUp:
			return 1
		case indicator.GoodDown:
			return -1
		}
	}
	return 0
}

func goodOf(code string) string {
	ind, ok := indicator.ByCode(code)
	if !ok {
		return ""
	}
	return ind.Good
}

// Comparator is how an outcome is judged against the resolved value of
// relative goal g: at least it above the reference, at most below it,
// about it when the same; "" when the words give no way.
func Comparator(g schemas.Goal) schemas.Comparator {
	if g.Note == nil {
		return ""
	}
	switch w := WayOf(*g.Note); {
	case w == Same:
		return schemas.About
	case signOf(w, g.Indicator) > 0:
		return schemas.AtLeast
	case signOf(w, g.Indicator) < 0:
		return schemas.AtMost
	}
	return ""
}

// round drops the float noise of a sum (6.5 + 1.2 = 7.7000000000000002).
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }
