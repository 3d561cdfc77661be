// Package attainment sets the targets a report gives for its year against the
// outcome that the region's next report states for that year in its review:
// the rows of the attainment table. It works on rows (goals, and the review
// section's sentences and figures), so that a run can build the table after
// every report is read, and a sharded commit can build it over its shards.
//
// The outcome of a goal is a figure of the review that speaks of the goal's
// year, measures the same indicator (figures.indicator, through the level code
// of indicator.LevelOf for a level goal), is of the goal's kind (a growth rate
// for a growth goal, an amount or rate for a level goal, a change in points
// for a change in points), and is the whole region's and the whole year's:
// not a sub-sector (人均…, 高技术制造业…), not a part of the year (前三季度),
// not an average or total over years (年均, 累计, 较2020年), not a target. The
// first such figure of the review wins: reports state the headline first. A
// goal stated without a number (国际收支保持基本平衡) may have its outcome in
// words (国际收支基本平衡): the clause is kept with a null value.
package attainment

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/indicator"
	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/region"
	"github.com/govreports/govreports/stages/relative"
	"github.com/govreports/govreports/stages/split"
)

// Review is what Build needs of one report: its keys, and the sentences and
// figures of its review section. Every report of a run should have one, even
// with an empty review: a report is what makes a later year exist.
type Review struct {
	Keys      schemas.Keys
	Sentences []schemas.Sentence // review section, in sentence order
	Figures   []schemas.Figure   // review section, with an indicator
}

// ReviewOf keeps what Build needs of a report's rows: the figures of the
// review that measure an indicator, and the review's sentences that hold
// such a figure or an indicator's words — a few dozen rows, not the report.
func ReviewOf(keys schemas.Keys, sentences []schemas.Sentence, figures []schemas.Figure) Review {
	r := Review{Keys: keys}
	measured := map[int32]bool{}
	for _, f := range figures {
		if split.Section(f.Section) == split.Review && f.Indicator != nil {
			r.Figures = append(r.Figures, f)
			measured[f.SentenceID] = true
		}
	}
	for _, s := range sentences {
		if split.Section(s.Section) != split.Review {
			continue
		}
		if measured[s.SentenceID] {
			r.Sentences = append(r.Sentences, s)
		} else if _, ok := indicator.Match(s.Text); ok {
			r.Sentences = append(r.Sentences, s)
		}
	}
	return r
}

// Build returns one row per goal of goals (the goals of one report, of year
// Y) against review, the review of the same region's report of year Y+1,
// which speaks of Y; none when review is nil or of another year (a review
// of Y+2 speaks of Y+1: the caller finds the report of Y+1).
func Build(goals []schemas.Goal, review *Review) []schemas.AttainmentRow {
	if len(goals) == 0 || review == nil || review.Keys.Year != goals[0].Year+1 {
		return nil
	}
	// The names of both reports: a region renumbered or renamed between them is
	// called by either in the review.
	names := namesOf(review.Keys)
	for _, n := range namesOf(goals[0].Keys) {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	slices.SortStableFunc(names, func(a, b string) int { return len(b) - len(a) })
	rows := make([]schemas.AttainmentRow, 0, len(goals))
	for _, g := range goals {
		rows = append(rows, build(g, review, names))
	}
	return rows
}

func build(g schemas.Goal, rv *Review, names []string) schemas.AttainmentRow {
	row := schemas.AttainmentRow{
		Keys: g.Keys, SentenceRef: g.SentenceRef,
		Indicator: g.Indicator, Subject: g.Subject, Stretch: g.Stretch,
		GoalValue: g.Value, GoalValueMax: g.ValueMax, GoalMultiplier: g.Multiplier, GoalUnit: g.Unit,
		GoalComparator: g.Comparator, GoalResolvedValue: g.ResolvedValue, GoalSpan: g.Span,
		ReviewReportID: rv.Keys.ReportID,
	}
	year := int(g.Year)
	if g.Period != "" && g.Period != strconv.Itoa(year) {
		return row // a target for several years (2021-2025): no one year's review states its outcome
	}
	t := targetOf(g)
	t.names = names
	o, ok := t.figure(rv, year)
	if !ok && g.Value == nil {
		o, ok = t.words(rv, year)
	}
	if !ok {
		return row
	}
	row.ActualValue, row.ActualMultiplier, row.ActualUnit = o.value, o.multiplier, o.unit
	row.ActualComparator, row.ActualSpan = &o.comparator, &o.span
	row.ActualSentenceID, row.ActualLine = &o.sentenceID, &o.line
	var gdp *float64
	if t.comparator == schemas.InSync || t.comparator == schemas.AboveGDP {
		growth := gdpGrowth
		growth.names = t.names
		if o, ok := growth.figure(rv, year); ok {
			gdp = o.value
		}
	}
	row.Met, row.Gap = t.judge(o, gdp)
	return row
}

// Kinds of measure a goal and its outcome must share.
const (
	familyGrowth = "growth" // a rate of change (增长5%, 降低2.5%)
	familyPoints = "points" // a change in percentage points
	familyAmount = "amount" // a level, a rate or a count (1200万人, 5.5%)
	// familyRate is a rate in percent, of change or of level: the resolved
	// value of a relative target (高于全省1个百分点) is the one or the other
	// as the reference's target is.
	familyRate = "rate"
)

func family(kind string) string {
	switch kind {
	case quantity.KindGrowth:
		return familyGrowth
	case quantity.KindPPChange:
		return familyPoints
	case quantity.KindLevel, quantity.KindShare, quantity.KindCountChange:
		return familyAmount
	}
	return kind
}

// target is a goal as the matching reads it.
type target struct {
	g        schemas.Goal
	ind      indicator.Indicator
	family   string // "" when only words can state the outcome
	baseUnit string
	down     bool     // the goal is a fall (降低2.5%): an outcome that rises counts negative
	scale    float64  // base units per written unit of the goal (1e4 for 万人)
	names    []string // the region's names, longest first: they may stand before a subject
	// What the outcome is judged against: the goal's value and comparator,
	// or for a relative goal its resolved value and the comparator of its way.
	value, valueMax *float64
	comparator      schemas.Comparator
}

// gdpGrowth is the goal the outcome of in_sync and above_gdp goals is compared with.
var gdpGrowth = target{ind: mustIndicator("gdp_growth"), family: familyGrowth, baseUnit: "percent", scale: 1}

// namesOf are the names a report may call its region by: the full name
// (重庆市) before the short one (重庆).
func namesOf(k schemas.Keys) []string {
	if r, ok := region.ByCode(k.RegionCode); ok && r.Full != k.Region {
		return []string{r.Full, k.Region}
	}
	return []string{k.Region}
}

func mustIndicator(code string) indicator.Indicator {
	ind, ok := indicator.ByCode(code)
	if !ok {
		panic("attainment: indicator lexicon has no " + code) // build-time data: a defect, not input
	}
	return ind
}

func targetOf(g schemas.Goal) target {
	ind, ok := indicator.ByCode(g.Indicator)
	if !ok {
		ind, _ = indicator.ByCode(indicator.Other)
	}
	t := target{g: g, ind: ind, scale: 1, value: g.Value, valueMax: g.ValueMax, comparator: schemas.Comparator(g.Comparator)}
	switch {
	case t.comparator == schemas.Relative && g.ResolvedValue != nil:
		// 高于全省1个百分点 once the province's 6.5% is known: at least 7.5%.
		t.family, t.baseUnit, t.value, t.valueMax = familyRate, "percent", g.ResolvedValue, nil
		t.comparator = relative.Comparator(g)
	case g.Value != nil:
		// The kind and direction of a goal are those of its number in its
		// own words, as the figures stage reads them.
		for _, m := range quantity.Extract(g.Span) {
			if m.Value == *g.Value {
				t.family, t.baseUnit, t.down = family(m.Kind), m.BaseUnit, m.Direction == quantity.Down
				if m.Value != 0 {
					t.scale = m.BaseValue / m.Value
				}
				break
			}
		}
		// A percentage of a growth indicator whose own words name no change
		// (力争达到6%以上, a stretch aim after the main target) is a growth rate.
		if _, level := indicator.LevelOf(g.Indicator); t.family == familyAmount && t.baseUnit == "percent" &&
			(level || strings.HasSuffix(g.Indicator, "_growth")) {
			t.family = familyGrowth
		}
	case growthWithoutNumber(g.Comparator):
		t.family, t.baseUnit = familyGrowth, "percent"
	}
	return t
}

// growthWithoutNumber reports a comparator of a goal that sets a growth
// without a number of its own (与经济增长同步, 快于经济增长, 正增长).
func growthWithoutNumber(comparator string) bool {
	switch schemas.Comparator(comparator) {
	case schemas.InSync, schemas.AboveGDP, schemas.Positive:
		return true
	}
	return false
}

// outcome is what a review states for a goal.
type outcome struct {
	value      *float64 // in the goal's direction; nil when stated in words
	base       float64  // value in base units
	baseUnit   string
	multiplier *float64
	unit       *string
	comparator string
	span       string
	sentenceID int32
	line       int32
}

// Tolerances of an "about" goal: half a point for rates, 1% of the goal for amounts.
const (
	aboutPoints   = 0.5
	aboutFraction = 0.01
)

// judge applies the rule of the table's description (schemas.Attainment):
// whether the outcome meets the goal, and by how much it is over or under.
func (t target) judge(o outcome, gdp *float64) (*bool, *float64) {
	if o.value == nil {
		return nil, nil
	}
	a := *o.value
	switch t.comparator {
	case schemas.Positive:
		return ptr(a > 0), nil
	case schemas.InSync:
		if gdp == nil {
			return nil, nil
		}
		return ptr(a >= *gdp-aboutPoints), nil
	case schemas.AboveGDP:
		if gdp == nil {
			return nil, nil
		}
		return ptr(a > *gdp), nil
	}
	if t.value == nil || o.baseUnit != t.baseUnit || t.scale == 0 {
		return nil, nil
	}
	// In the goal's written unit: 1256万人 against 1200万人 is 1256 against 1200.
	a = round(o.base / t.scale)
	g, gmax := *t.value, *t.value
	if t.valueMax != nil {
		gmax = *t.valueMax
	}
	tol := aboutPoints
	if t.baseUnit != "percent" && t.baseUnit != "pp" {
		tol = aboutFraction * math.Abs(g)
	}
	up, down := t.ind.Good == indicator.GoodUp, t.ind.Good == indicator.GoodDown
	var ok bool
	switch t.comparator {
	case schemas.About:
		ok = up && a >= g-tol || down && a <= g+tol || !up && !down && math.Abs(a-g) <= tol
	case schemas.AtLeast:
		ok = a >= g
	case schemas.AtMost:
		ok = a <= gmax
	case schemas.Range:
		ok = up && a >= g || down && a <= gmax || !up && !down && a >= g && a <= gmax
	case schemas.Exact:
		ok = up && a >= g || down && a <= g || !up && !down && math.Abs(a-g) <= tol
	default:
		return nil, nil
	}
	return &ok, ptr(round(a - g))
}

// round drops the float noise of a difference (5.1 − 5.5 = −0.40000000000000036).
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func ptr[T any](v T) *T { return &v }
