package runreport

import (
	"cmp"
	"slices"
	"strings"

	"github.com/govreports/govreports/schemas"
)

// Bounds of a chart: the newest years with a target are its columns, the
// regions with targets in the most of them its rows. A lake of many years
// or regions gets a chart of the same size that says what it leaves out.
const (
	maxChartYears   = 8
	maxChartRegions = 40
)

// Chart is one indicator's targets of every region across the years of the
// dataset: a row per region, a column per year, one axis for all cells, so
// that a region's targets compare across years and regions within a year.
type Chart struct {
	Indicator string  // the indicator's words, as the goals tables head it
	Unit      string  // the base unit of the axis (percent, person …); targets in another unit are written, not drawn
	Reduction bool    // the values are decreases (energy intensity down 3%)
	Years     []int16 // the columns, oldest first
	Rows      []ChartRow
	Max       float64 // the largest value drawn
	// What is left out: years before the first column that have targets,
	// and regions with targets in fewer of the shown years than the last row.
	EarlierYears           int
	EarlierFrom, EarlierTo int16 // the first and last of them
	MoreRegions            int
}

// ChartRow is one region's targets, a cell per year of the chart.
type ChartRow struct {
	Region     string
	RegionCode string
	Level      string
	Cells      []Target // as Chart.Years
}

// Target is one cell of a chart: a bar when the target has a number in the
// chart's unit, else its words. An empty cell (Label "") is a year without
// a report of the region, or a report without a target for the indicator.
type Target struct {
	Label      string             `json:",omitempty"` // what the cell writes: ≈ 5%, 4.5–5%, in step, prov. + 1 pp
	Text       string             `json:",omitempty"` // the target as the goals table writes it
	Bar        bool               `json:",omitempty"`
	Value      float64            `json:",omitempty"` // in the chart's unit
	ValueMax   float64            `json:",omitempty"` // > Value for a range
	Comparator schemas.Comparator `json:",omitempty"`
}

// chartGoal is a report's main goal for a chart's indicator.
type chartGoal struct {
	report *schemas.Report
	goal   *schemas.Goal
}

// charts are the cross-year charts of the main indicators that any report
// sets a target for. reports are in year order.
func charts(reports []schemas.Report, goalsOf map[string][]*schemas.Goal) []Chart {
	var out []Chart
	for _, ind := range mainIndicators {
		var found []chartGoal
		for i := range reports {
			if g := mainGoal(goalsOf[reports[i].ReportID], ind.Codes); g != nil {
				found = append(found, chartGoal{&reports[i], g})
			}
		}
		if len(found) > 0 {
			out = append(out, chartOf(ind.Label, found))
		}
	}
	return out
}

func chartOf(label string, found []chartGoal) Chart {
	c := Chart{Indicator: label, Reduction: isReduction(found[0].goal.Indicator)}
	var years []int16
	for _, f := range found {
		if len(years) == 0 || years[len(years)-1] != f.report.Year {
			years = append(years, f.report.Year)
		}
	}
	shown := years[max(0, len(years)-maxChartYears):]
	if c.EarlierYears = len(years) - len(shown); c.EarlierYears > 0 {
		c.EarlierFrom, c.EarlierTo = years[0], years[c.EarlierYears-1]
	}
	c.Years = shown
	found = slices.DeleteFunc(found, func(f chartGoal) bool { return f.report.Year < shown[0] })
	c.Unit = commonUnit(found)

	type regionRow struct {
		row     ChartRow
		covered int
	}
	byCode := map[string]*regionRow{}
	var rows []*regionRow
	for _, f := range found {
		r := byCode[f.report.RegionCode]
		if r == nil {
			r = &regionRow{row: ChartRow{Region: f.report.Region, RegionCode: f.report.RegionCode, Level: f.report.Level, Cells: make([]Target, len(shown))}}
			byCode[f.report.RegionCode] = r
			rows = append(rows, r)
		}
		r.row.Cells[slices.Index(shown, f.report.Year)] = c.target(*f.goal)
		r.covered++
	}
	// The most-covered regions, the higher levels first among equals.
	slices.SortStableFunc(rows, func(a, b *regionRow) int {
		return cmp.Or(cmp.Compare(b.covered, a.covered), cmp.Compare(levelRank(a.row.Level), levelRank(b.row.Level)),
			strings.Compare(a.row.RegionCode, b.row.RegionCode))
	})
	if len(rows) > maxChartRegions {
		c.MoreRegions = len(rows) - maxChartRegions
		rows = rows[:maxChartRegions]
	}
	for _, r := range rows {
		c.Rows = append(c.Rows, r.row)
		for _, t := range r.row.Cells {
			if t.Bar {
				c.Max = max(c.Max, t.ValueMax)
			}
		}
	}
	// The nation first, as the reference of the others; then the highest
	// newest target first, so that the chart reads as a ranking of the last year.
	slices.SortStableFunc(c.Rows, func(a, b ChartRow) int {
		return cmp.Or(cmp.Compare(min(levelRank(a.Level), 1), min(levelRank(b.Level), 1)), cmp.Compare(newest(b), newest(a)),
			cmp.Compare(levelRank(a.Level), levelRank(b.Level)), strings.Compare(a.RegionCode, b.RegionCode))
	})
	return c
}

// commonUnit is the base unit most of the targets with a number are in
// (percent for rates, person for jobs), the first met among equals.
func commonUnit(found []chartGoal) string {
	n := map[string]int{}
	best := ""
	for _, f := range found {
		if u := f.goal.BaseUnit; u != nil && f.goal.Value != nil && schemas.Comparator(f.goal.Comparator) != schemas.Relative {
			n[*u]++
			if n[*u] > n[best] {
				best = *u
			}
		}
	}
	return best
}

// target is a goal as a chart cell.
func (c Chart) target(g schemas.Goal) Target {
	t := Target{Text: goalText(g), Comparator: schemas.Comparator(g.Comparator)}
	switch {
	case t.Comparator == schemas.Relative && g.ResolvedValue != nil && c.Unit == "percent":
		t.Bar, t.Value, t.ValueMax, t.Label = true, *g.ResolvedValue, *g.ResolvedValue, resolvedAmount(g)
	case t.Comparator == schemas.Relative:
		t.Label = relativeShort(g)
	case g.Value != nil && g.BaseUnit != nil && *g.BaseUnit == c.Unit:
		t.Bar, t.Label = true, marks[t.Comparator]+amount(g)
		t.Value = inBaseUnit(g, *g.Value)
		t.ValueMax = t.Value
		if g.ValueMax != nil {
			t.ValueMax = inBaseUnit(g, *g.ValueMax)
		}
	case g.Value != nil:
		t.Label = marks[t.Comparator] + amount(g) // another unit than the axis'
	default:
		t.Label = wordTargets[t.Comparator][1]
	}
	return t
}

// inBaseUnit converts a number of g (its value or value_max) to g's base
// unit, as base_value converts the value.
func inBaseUnit(g schemas.Goal, v float64) float64 {
	switch {
	case g.BaseValue != nil && *g.Value != 0:
		return v * *g.BaseValue / *g.Value
	case g.Multiplier != nil:
		return v * *g.Multiplier
	}
	return v
}

// newest is the upper end of a row's newest bar, -1 for a row without bars.
func newest(r ChartRow) float64 {
	for i := len(r.Cells) - 1; i >= 0; i-- {
		if r.Cells[i].Bar {
			return r.Cells[i].ValueMax
		}
	}
	return -1
}

// levelRank orders levels from the nation down, as the schema lists them.
func levelRank(level string) int {
	if i := slices.Index(levels, level); i >= 0 {
		return i
	}
	return len(levels)
}

var levels = docList(schemas.Reports, "level")
