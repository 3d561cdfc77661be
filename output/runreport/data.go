// Package runreport builds the page a person looks at after a run:
// OUT/_report/index.html, one self-contained HTML file (inline CSS and SVG,
// nothing fetched) with the run's inputs and row counts, each year's goals by
// region with a chart of the GDP growth targets, attainment, the coverage and
// warnings of every report (worst first), and figures and commitments at a
// glance. It is made from the committed dataset through the project's reader,
// never from a run's memory, so `govreports report` rebuilds the same bytes.
package runreport

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/indicator"
)

// Limits keep the page bounded for runs of thousands of reports: long tables
// show their top rows and say how many more there are.
const (
	maxInputs     = 50
	maxRegions    = 60 // rows of a year's goals table and bars of its chart
	maxCoverage   = 100
	maxAttainment = 200
	maxGlance     = 60
)

// fewFiguresPer10k is the figure density under which a report is flagged:
// reports state 35–200 quantities per 10,000 characters (the national ones
// the fewest), so a report far below that lost its text or its numbers to
// the reader.
const fewFiguresPer10k = 20

// mainIndicators are the columns of the goals table: the targets every
// report sets, in the order readers of the reports expect them. Each column
// takes the first code a report has a non-stretch goal for.
var mainIndicators = []struct {
	Label string
	Codes []string
}{
	{"GDP", []string{"gdp_growth"}},
	{"CPI", []string{"cpi"}},
	{"Unemployment", []string{"unemployment_rate", "registered_unemployment_rate"}},
	{"New urban jobs", []string{"urban_new_jobs"}},
	{"Income", []string{"income_growth", "urban_income_growth", "rural_income_growth"}},
	{"Energy intensity", []string{"energy_intensity_reduction"}},
}

// Page is everything the page shows; the HTML template only lays it out.
// Its JSON form is what the golden test holds.
type Page struct {
	ToolVersion   string
	SchemaVersion string
	StartedAt     string
	Timing        *Timing // of the run that committed the dataset, when it left one
	Inputs        []InputRow
	MoreInputs    int
	Reports       int
	ByYearLevel   []Count // "2024 provincial" → reports
	Tables        []Count // table → rows
	Years         []Year
	Attainment    []AttainmentRow
	MoreAttain    int
	AttainCounts  []Count            // met / not met / not stated
	Rejected      []output.Rejection // inputs the last run left out (--on-error skip), listed first
	Removed       []string           // reports the last run removed without bringing them (--mode overwrite-partitions, overwrite)
	Coverage      []Coverage
	MoreCoverage  int
	Clean         int // reports without any problem
	Glance        []Glance
	MoreGlance    int
	FigureKinds   []string // columns of Glance.Kinds
	Topics        []string // columns of Glance.Topics
}

// InputRow is one input of the run.
type InputRow struct {
	Name   string
	Bytes  int64
	SHA256 string // first 12 hex digits
}

// Count is a labelled number.
type Count struct {
	Label string
	N     int64
}

// Year is one year's goals: a row per region and a chart of GDP targets.
type Year struct {
	Year       int16
	Columns    []string
	Rows       []GoalRow
	MoreRows   int
	Chart      []Bar
	ChartScale float64 // the value at the right end of the chart
}

// GoalRow is one region's main targets of a year.
type GoalRow struct {
	ReportID string
	Region   string
	Level    string
	Cells    []string // as Columns; "" when the report sets none
	Goals    int      // all goals of the report
}

// Bar is one region's GDP growth target in the chart.
type Bar struct {
	Region     string
	Value      float64
	ValueMax   float64 // > Value for a range
	Comparator schemas.Comparator
	Label      string
}

// AttainmentRow is one goal against its outcome.
type AttainmentRow struct {
	Year      int16
	Region    string
	Indicator string
	Goal      string
	Actual    string
	Status    string // met | not met | not stated | qualitative
}

// Coverage is one report's problems, for the worst-first list.
type Coverage struct {
	ReportID string
	Region   string
	Source   string
	Line     int32
	Goals    int
	Figures  int
	Chars    int32
	Problems []string
	Severity int
}

// Glance is one report's figures by kind and commitments by topic.
type Glance struct {
	ReportID    string
	Region      string
	Figures     int
	Kinds       []int // as Page.FigureKinds
	Commitments int
	Topics      []int // as Page.Topics
}

// tables is what the page reads of a dataset.
type tables struct {
	manifest    output.Manifest
	timing      *Timing
	reports     []schemas.Report
	goals       []schemas.Goal
	figures     []schemas.Figure
	commitments []schemas.Commitment
	attainment  []schemas.AttainmentRow
}

// Build reads the committed dataset at out and computes the page.
func Build(ctx context.Context, out string) (*Page, error) {
	t, err := load(ctx, out)
	if err != nil {
		return nil, err
	}
	return t.page(), nil
}

func load(ctx context.Context, out string) (*tables, error) {
	var t tables
	var err error
	if t.manifest, err = output.ReadManifest(ctx, out); err != nil {
		return nil, fmt.Errorf("run report: %w", err)
	}
	switch b, err := output.ReadObject(ctx, out, TimingKey); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("run report: %w", err)
	default:
		t.timing = &Timing{}
		if err := json.Unmarshal(b, t.timing); err != nil {
			return nil, fmt.Errorf("run report: %s: %w", TimingKey, err)
		}
	}
	if t.reports, err = output.ReadTable[schemas.Report](ctx, out, schemas.Reports); err != nil {
		return nil, fmt.Errorf("run report: %w", err)
	}
	if t.goals, err = output.ReadTable[schemas.Goal](ctx, out, schemas.Goals); err != nil {
		return nil, fmt.Errorf("run report: %w", err)
	}
	// Of the two biggest tables the page counts rows by report and kind or topic only.
	if t.figures, err = output.ReadColumns[schemas.Figure](ctx, out, schemas.Figures, "report_id", "kind"); err != nil {
		return nil, fmt.Errorf("run report: %w", err)
	}
	if t.commitments, err = output.ReadColumns[schemas.Commitment](ctx, out, schemas.Commitments, "report_id", "topic"); err != nil {
		return nil, fmt.Errorf("run report: %w", err)
	}
	if t.attainment, err = output.ReadTable[schemas.AttainmentRow](ctx, out, schemas.Attainment); err != nil {
		return nil, fmt.Errorf("run report: %w", err)
	}
	// Reports in a stable order whatever the partition files' order.
	slices.SortStableFunc(t.reports, func(a, b schemas.Report) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.RegionCode, b.RegionCode))
	})
	return &t, nil
}

func (t *tables) page() *Page {
	p := &Page{
		ToolVersion: t.manifest.ToolVersion, SchemaVersion: t.manifest.SchemaVersion,
		StartedAt: t.manifest.StartedAt, Timing: t.timing, Reports: len(t.reports),
	}
	for i, in := range t.manifest.Inputs {
		if i == maxInputs {
			p.MoreInputs = len(t.manifest.Inputs) - maxInputs
			break
		}
		p.Inputs = append(p.Inputs, InputRow{Name: in.Name, Bytes: in.Bytes, SHA256: shortHash(in.SHA256)})
	}
	p.ByYearLevel = countBy(t.reports, func(r schemas.Report) string { return fmt.Sprintf("%d %s", r.Year, r.Level) })
	for _, tb := range schemas.All {
		p.Tables = append(p.Tables, Count{Label: tb.Name, N: t.manifest.Tables[tb.Name]})
	}
	p.Years = t.years()
	p.Attainment, p.MoreAttain, p.AttainCounts = t.attainmentRows()
	p.Rejected = t.manifest.Rejected
	p.Removed = t.manifest.Removed
	p.Coverage, p.MoreCoverage, p.Clean = t.coverage()
	p.FigureKinds, p.Topics = figureKinds(), topics()
	p.Glance, p.MoreGlance = t.glance(p.FigureKinds, p.Topics)
	return p
}

func shortHash(h string) string { return h[:min(12, len(h))] }

// countBy counts rows by a label, in label order.
func countBy[T any](rows []T, label func(T) string) []Count {
	n := map[string]int64{}
	for _, r := range rows {
		n[label(r)]++
	}
	out := make([]Count, 0, len(n))
	for l, c := range n {
		out = append(out, Count{Label: l, N: c})
	}
	slices.SortFunc(out, func(a, b Count) int { return strings.Compare(a.Label, b.Label) })
	return out
}

func (t *tables) years() []Year {
	goalsOf := map[string][]schemas.Goal{}
	for _, g := range t.goals {
		goalsOf[g.ReportID] = append(goalsOf[g.ReportID], g)
	}
	var years []Year
	for _, r := range t.reports {
		if len(years) == 0 || years[len(years)-1].Year != r.Year {
			y := Year{Year: r.Year}
			for _, c := range mainIndicators {
				y.Columns = append(y.Columns, c.Label)
			}
			years = append(years, y)
		}
		y := &years[len(years)-1]
		gs := goalsOf[r.ReportID]
		row := GoalRow{ReportID: r.ReportID, Region: r.Region, Level: r.Level, Goals: len(gs)}
		for _, c := range mainIndicators {
			g, ok := mainGoal(gs, c.Codes)
			cell := ""
			if ok {
				cell = goalText(g)
			}
			row.Cells = append(row.Cells, cell)
		}
		y.Rows = append(y.Rows, row)
		if g, ok := mainGoal(gs, []string{"gdp_growth"}); ok && g.Value != nil {
			bar := Bar{Region: r.Region, Value: *g.Value, ValueMax: *g.Value, Comparator: schemas.Comparator(g.Comparator), Label: goalText(g)}
			if g.ValueMax != nil {
				bar.ValueMax = *g.ValueMax
			}
			y.Chart = append(y.Chart, bar)
		}
	}
	for i := range years {
		y := &years[i]
		if len(y.Rows) > maxRegions {
			y.MoreRows = len(y.Rows) - maxRegions
			y.Rows = y.Rows[:maxRegions]
		}
		slices.SortStableFunc(y.Chart, func(a, b Bar) int {
			return cmp.Or(cmp.Compare(b.ValueMax, a.ValueMax), cmp.Compare(b.Value, a.Value), strings.Compare(a.Region, b.Region))
		})
		y.Chart = y.Chart[:min(len(y.Chart), maxRegions)]
		for _, b := range y.Chart {
			y.ChartScale = math.Max(y.ChartScale, b.ValueMax)
		}
		// A round right end: the next whole number above the largest target.
		y.ChartScale = math.Floor(y.ChartScale) + 1
	}
	return years
}

// mainGoal is the first main (non-stretch) goal of a report with one of codes, by code order.
func mainGoal(gs []schemas.Goal, codes []string) (schemas.Goal, bool) {
	for _, c := range codes {
		for _, g := range gs {
			if g.Indicator == c && !g.Stretch {
				return g, true
			}
		}
	}
	return schemas.Goal{}, false
}

// comparatorMarks write a comparator the way a chart or a table cell does.
var comparatorMarks = map[schemas.Comparator]string{
	schemas.About: "≈", schemas.AtLeast: "≥", schemas.AtMost: "≤", schemas.InSync: "in step with GDP",
	schemas.AboveGDP: "above GDP growth", schemas.Positive: "positive", schemas.Qualitative: "qualitative",
}

// goalText is a goal in a few characters: ≈5%, ≥1200万人, 4.5–5%, in step with GDP.
func goalText(g schemas.Goal) string {
	if g.Value == nil {
		return comparatorMarks[schemas.Comparator(g.Comparator)]
	}
	unit, mult := "", ""
	if g.Unit != nil {
		unit = *g.Unit
	}
	if g.Multiplier != nil {
		mult = magnitude(*g.Multiplier)
	}
	v := number(*g.Value)
	if g.ValueMax != nil {
		v += "–" + number(*g.ValueMax)
	}
	return comparatorMarks[schemas.Comparator(g.Comparator)] + v + mult + unit
}

// magnitude writes a multiplier back as the magnitude word reports use.
func magnitude(m float64) string {
	switch m {
	case 1e4:
		return "万"
	case 1e8:
		return "亿"
	case 1e12:
		return "万亿"
	case 1e3:
		return "千"
	}
	return ""
}

func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func (t *tables) attainmentRows() ([]AttainmentRow, int, []Count) {
	var rows []AttainmentRow
	counts := map[string]int64{}
	for _, a := range t.attainment {
		r := AttainmentRow{Year: a.Year, Region: a.Region, Indicator: a.Indicator, Goal: a.GoalSpan}
		if a.ActualSpan != nil {
			r.Actual = *a.ActualSpan
		}
		switch {
		case a.Met != nil && *a.Met:
			r.Status = "met"
		case a.Met != nil:
			r.Status = "not met"
		case a.ActualSpan == nil:
			r.Status = "not stated"
		default:
			r.Status = "qualitative"
		}
		counts[r.Status]++
		rows = append(rows, r)
	}
	var cs []Count
	for _, s := range []string{"met", "not met", "qualitative", "not stated"} {
		if counts[s] > 0 {
			cs = append(cs, Count{Label: s, N: counts[s]})
		}
	}
	more := 0
	if len(rows) > maxAttainment {
		more = len(rows) - maxAttainment
		rows = rows[:maxAttainment]
	}
	return rows, more, cs
}

// coverage lists each report's problems, worst first; reports without any are only counted.
func (t *tables) coverage() ([]Coverage, int, int) {
	goals, figures := map[string]int{}, map[string]int{}
	for _, g := range t.goals {
		goals[g.ReportID]++
	}
	for _, f := range t.figures {
		figures[f.ReportID]++
	}
	var out []Coverage
	clean := 0
	for _, r := range t.reports {
		c := Coverage{
			ReportID: r.ReportID, Region: r.Region, Source: r.Source, Line: r.SourceLine,
			Goals: goals[r.ReportID], Figures: figures[r.ReportID], Chars: r.Chars,
		}
		if c.Goals == 0 {
			c.add(3, "no targets passage found (no goals)")
		}
		if r.Chars > 0 && float64(c.Figures)*1e4/float64(r.Chars) < fewFiguresPer10k {
			c.add(2, fmt.Sprintf("few figures for its length: %d in %d characters", c.Figures, r.Chars))
		}
		if r.YearSource == "file_name" || r.RegionSource == "file_name" {
			c.add(2, fmt.Sprintf("metadata taken from the file name (year from %s, region from %s)", r.YearSource, r.RegionSource))
		}
		if r.YearSource == "flag" || r.RegionSource == "flag" {
			c.add(1, fmt.Sprintf("metadata given by flag (year from %s, region from %s)", r.YearSource, r.RegionSource))
		}
		if r.Warnings != nil {
			for _, w := range strings.Split(*r.Warnings, "\n") {
				c.add(1, w)
			}
		}
		if len(c.Problems) == 0 {
			clean++
			continue
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b Coverage) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), strings.Compare(a.ReportID, b.ReportID))
	})
	more := 0
	if len(out) > maxCoverage {
		more = len(out) - maxCoverage
		out = out[:maxCoverage]
	}
	return out, more, clean
}

func (c *Coverage) add(severity int, problem string) {
	c.Severity += severity
	c.Problems = append(c.Problems, problem)
}

// figureKinds and topics are the columns of the glance table, from the
// schema's own lists so that a new kind or topic shows up by itself.
func figureKinds() []string { return docList(schemas.Figures, "kind") }
func topics() []string      { return docList(schemas.Commitments, "topic") }

// docList reads the "a | b | c" list of a column's description.
func docList(t *schemas.Table, col string) []string {
	for _, c := range t.Columns {
		if c.Name == col {
			var out []string
			for _, v := range strings.Split(c.Doc, "|") {
				out = append(out, strings.TrimSpace(v))
			}
			return out
		}
	}
	return nil
}

func (t *tables) glance(kinds, topics []string) ([]Glance, int) {
	byID := map[string]*Glance{}
	var out []*Glance
	for _, r := range t.reports {
		g := &Glance{ReportID: r.ReportID, Region: r.Region, Kinds: make([]int, len(kinds)), Topics: make([]int, len(topics))}
		byID[r.ReportID] = g
		out = append(out, g)
	}
	for _, f := range t.figures {
		if g := byID[f.ReportID]; g != nil {
			g.Figures++
			if i := slices.Index(kinds, f.Kind); i >= 0 {
				g.Kinds[i]++
			}
		}
	}
	for _, c := range t.commitments {
		if g := byID[c.ReportID]; g != nil {
			g.Commitments++
			if i := slices.Index(topics, c.Topic); i >= 0 {
				g.Topics[i]++
			}
		}
	}
	rows := make([]Glance, 0, min(len(out), maxGlance))
	for _, g := range out[:min(len(out), maxGlance)] {
		rows = append(rows, *g)
	}
	return rows, max(0, len(out)-maxGlance)
}

// indicatorLabel is an indicator's English label, for the attainment table.
func indicatorLabel(code string) string {
	if ind, ok := indicator.ByCode(code); ok {
		return ind.EN
	}
	return code
}
