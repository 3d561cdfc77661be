// Package runreport builds the page a person looks at after a run:
// OUT/_report/index.html, one self-contained HTML file (inline CSS and SVG,
// nothing fetched) about the whole dataset: its inputs and row counts, for
// each main indicator a chart of every region's targets across the years,
// the newest years' goals by region, attainment, the reports a run removed
// and the coverage and warnings of every report (worst first), and figures
// and commitments at a glance. It fits a 1,280-pixel window and an A4 page,
// and stays bounded for a lake of thousands of reports (top rows and
// counts). It is made from the committed dataset through the project's
// reader, never from a run's memory, so `govreports report` rebuilds the
// same bytes.
package runreport

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
)

// Limits keep the page bounded for lakes of thousands of reports: long
// tables show their top rows and say how many more there are.
const (
	maxInputs     = 50
	maxYearRows   = 25 // years of the reports-by-year table, newest first
	maxGoalYears  = 3  // years with a goals table, newest first (the charts show more)
	maxRegions    = 60 // rows of a year's goals table
	maxCoverage   = 50
	maxAttainment = 100
	maxAttainInd  = 15 // indicators of the attainment summary
	maxGlance     = 60
	maxListed     = 50 // rejected inputs, removed reports
)

// fewFiguresPer10k is the figure density under which a report is flagged:
// reports state 35–200 quantities per 10,000 characters (the national ones
// the fewest), so a report far below that lost its text or its numbers to
// the reader.
const fewFiguresPer10k = 20

// mainIndicators are the columns of the goals tables and the charts: the
// targets every report sets, in the order readers of the reports expect
// them. Each takes the first code a report has a non-stretch goal for.
var mainIndicators = []struct {
	Label string
	Codes []string
}{
	{"GDP growth", []string{"gdp_growth"}},
	{"CPI", []string{"cpi"}},
	{"Unemployment", []string{"unemployment_rate", "registered_unemployment_rate"}},
	{"New urban jobs", []string{"urban_new_jobs"}},
	{"Income growth", []string{"income_growth", "urban_income_growth", "rural_income_growth"}},
	{"Energy intensity", []string{"energy_intensity_reduction"}},
}

// Page is everything the page shows; the HTML template only lays it out.
// Its JSON form is what the golden test holds.
type Page struct {
	ToolVersion   string
	SchemaVersion string
	StartedAt     string
	Mode          string  // the last run's write mode
	Timing        *Timing // of the run that committed the dataset, when it left one
	InputCount    int     // every input of every report of the dataset (the manifest's inputs)
	Inputs        []InputRow
	MoreInputs    int
	Reports       int
	Levels        []Label     // columns of ReportsByYear: the levels the dataset holds, the nation first
	ReportsByYear []YearCount // newest first
	EarlierYears  YearCount   // the years ReportsByYear leaves out, summed (Year: how many)
	Tables        []Count     // table → rows
	Charts        []Chart     // per main indicator, its targets across the years
	Years         []Year      // goals tables of the newest years
	EarlierGoals  YearCount   // the years without a goals table, summed
	Attainment    []AttainmentRow
	MoreAttain    int
	AttainCounts  []Count            // met / not met / not stated
	AttainByInd   []AttainCount      // per indicator, the most goals first
	Rejected      []output.Rejection // inputs the last run left out (--on-error skip), listed first; the first maxListed
	MoreRejected  int
	Removed       []string // reports the last run removed without bringing them (--mode overwrite-partitions, overwrite); the first maxListed
	MoreRemoved   int
	Problems      []Count // reports per kind of problem
	Coverage      []Coverage
	MoreCoverage  int
	Clean         int     // reports without any problem
	FigureKinds   []Label // columns of Glance.Kinds
	Topics        []Label // columns of Glance.Topics
	GlanceTotal   Glance  // every report summed
	Glance        []Glance
	MoreGlance    int
}

// InputRow is one input of the dataset.
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

// YearCount is a year's reports, in all and per level (as Page.Levels).
type YearCount struct {
	Year    int16
	Reports int
	Levels  []int
}

// Year is one year's goals: a row per report.
type Year struct {
	Year     int16
	Columns  []string
	Rows     []GoalRow
	MoreRows int
}

// GoalRow is one region's main targets of a year.
type GoalRow struct {
	ReportID string
	Region   string
	Level    string
	Cells    []string // as Columns; "" when the report sets none
	Goals    int      // all goals of the report
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

// AttainCount is one indicator's goals by status (as attainStatuses).
type AttainCount struct {
	Indicator string
	Goals     int
	Status    []int
}

// Coverage is one report's problems, for the worst-first list.
type Coverage struct {
	ReportID string
	Region   string
	Year     int16
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
	Year        int16
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
		StartedAt: t.manifest.StartedAt, Mode: string(t.manifest.Mode), Timing: t.timing,
		InputCount: len(t.manifest.Inputs), Reports: len(t.reports),
	}
	inputs, more := firstOf(t.manifest.Inputs, maxInputs)
	p.MoreInputs = more
	for _, in := range inputs {
		p.Inputs = append(p.Inputs, InputRow{Name: in.Name, Bytes: in.Bytes, SHA256: shortHash(in.SHA256)})
	}
	p.Levels, p.ReportsByYear, p.EarlierYears = t.reportsByYear()
	for _, tb := range schemas.All {
		p.Tables = append(p.Tables, Count{Label: tb.Name, N: t.manifest.Tables[tb.Name]})
	}
	goalsOf := map[string][]*schemas.Goal{}
	for i := range t.goals {
		g := &t.goals[i]
		goalsOf[g.ReportID] = append(goalsOf[g.ReportID], g)
	}
	p.Charts = charts(t.reports, goalsOf)
	p.Years, p.EarlierGoals = t.years(goalsOf)
	p.Attainment, p.MoreAttain, p.AttainCounts, p.AttainByInd = t.attainmentRows()
	p.Rejected, p.MoreRejected = firstOf(t.manifest.Rejected, maxListed)
	p.Removed, p.MoreRemoved = firstOf(t.manifest.Removed, maxListed)
	p.Coverage, p.MoreCoverage, p.Clean, p.Problems = t.coverage()
	p.FigureKinds, p.Topics = columnLabels(schemas.Figures, "kind"), columnLabels(schemas.Commitments, "topic")
	p.GlanceTotal, p.Glance, p.MoreGlance = t.glance(p.FigureKinds, p.Topics)
	return p
}

func shortHash(h string) string { return h[:min(12, len(h))] }

// firstOf is the first n of xs and how many more there are.
func firstOf[T any](xs []T, n int) ([]T, int) {
	if len(xs) <= n {
		return xs, 0
	}
	return xs[:n], len(xs) - n
}

// newestYears are the reports grouped by year, newest first, each year's
// by region code: the newest n years, and the others summed.
func (t *tables) newestYears(n int) ([][]schemas.Report, YearCount) {
	var years [][]schemas.Report
	var earlier YearCount
	for i := len(t.reports); i > 0; {
		j := i - 1
		for j > 0 && t.reports[j-1].Year == t.reports[i-1].Year {
			j--
		}
		if len(years) < n {
			years = append(years, t.reports[j:i])
		} else {
			earlier.Year++
			earlier.Reports += i - j
		}
		i = j
	}
	return years, earlier
}

// reportsByYear counts the reports of each year by level, newest first;
// years past maxYearRows are summed into one.
func (t *tables) reportsByYear() ([]Label, []YearCount, YearCount) {
	all := columnLabels(schemas.Reports, "level")
	held := make([]bool, len(all))
	for _, r := range t.reports {
		if i := levelRank(r.Level); i < len(all) {
			held[i] = true
		}
	}
	// Only the levels the dataset holds are columns.
	var cols []Label
	for i, l := range all {
		if held[i] {
			cols = append(cols, l)
		}
	}
	newest, earlier := t.newestYears(maxYearRows)
	var years []YearCount
	for _, rs := range newest {
		y := YearCount{Year: rs[0].Year, Reports: len(rs), Levels: make([]int, len(cols))}
		for _, r := range rs {
			if i := slices.IndexFunc(cols, func(l Label) bool { return l.Code == r.Level }); i >= 0 {
				y.Levels[i]++
			}
		}
		years = append(years, y)
	}
	return cols, years, earlier
}

// years are the goals tables of the newest maxGoalYears years, a row per
// report; the older years are summed (the charts show their targets).
func (t *tables) years(goalsOf map[string][]*schemas.Goal) ([]Year, YearCount) {
	newest, earlier := t.newestYears(maxGoalYears)
	var years []Year
	for _, rs := range newest {
		y := Year{Year: rs[0].Year}
		for _, c := range mainIndicators {
			y.Columns = append(y.Columns, c.Label)
		}
		shown, more := firstOf(rs, maxRegions)
		y.MoreRows = more
		for _, r := range shown {
			gs := goalsOf[r.ReportID]
			row := GoalRow{ReportID: r.ReportID, Region: r.Region, Level: r.Level, Goals: len(gs)}
			for _, c := range mainIndicators {
				cell := ""
				if g := mainGoal(gs, c.Codes); g != nil {
					cell = goalText(*g)
				}
				row.Cells = append(row.Cells, cell)
			}
			y.Rows = append(y.Rows, row)
		}
		years = append(years, y)
	}
	return years, earlier
}

// mainGoal is the first main (non-stretch) goal of a report with one of
// codes, by code order; nil when it has none.
func mainGoal(gs []*schemas.Goal, codes []string) *schemas.Goal {
	for _, c := range codes {
		for _, g := range gs {
			if g.Indicator == c && !g.Stretch {
				return g
			}
		}
	}
	return nil
}

// attainStatuses are the statuses of an attainment row, in the order the page counts them.
var attainStatuses = []string{"met", "not met", "qualitative", "not stated"}

// attainmentRows are the attainment rows newest first (the first
// maxAttainment of them), the rows by status, and by indicator and status.
func (t *tables) attainmentRows() ([]AttainmentRow, int, []Count, []AttainCount) {
	counts := map[string]int64{}
	byInd := map[string]*AttainCount{}
	var inds []*AttainCount
	for _, a := range t.attainment {
		status := attainStatus(a)
		counts[status]++
		ind := byInd[a.Indicator]
		if ind == nil {
			ind = &AttainCount{Indicator: a.Indicator, Status: make([]int, len(attainStatuses))}
			byInd[a.Indicator] = ind
			inds = append(inds, ind)
		}
		ind.Goals++
		ind.Status[slices.Index(attainStatuses, status)]++
	}
	var cs []Count
	for _, s := range attainStatuses {
		if counts[s] > 0 {
			cs = append(cs, Count{Label: s, N: counts[s]})
		}
	}
	slices.SortStableFunc(inds, func(a, b *AttainCount) int {
		return cmp.Or(cmp.Compare(b.Goals, a.Goals), strings.Compare(a.Indicator, b.Indicator))
	})
	var byIndicator []AttainCount
	for _, ind := range inds[:min(len(inds), maxAttainInd)] {
		byIndicator = append(byIndicator, *ind)
	}
	// Rows only for the newest, of a table that may hold tens of thousands.
	order := make([]int, len(t.attainment))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(t.attainment[j].Year, t.attainment[i].Year) })
	order, more := firstOf(order, maxAttainment)
	var rows []AttainmentRow
	for _, i := range order {
		a := t.attainment[i]
		r := AttainmentRow{Year: a.Year, Region: a.Region, Indicator: a.Indicator, Goal: a.GoalSpan, Status: attainStatus(a)}
		if a.ActualSpan != nil {
			r.Actual = *a.ActualSpan
		}
		rows = append(rows, r)
	}
	return rows, more, cs, byIndicator
}

// attainStatus is whether a goal was met, as the page says it.
func attainStatus(a schemas.AttainmentRow) string {
	switch {
	case a.Met != nil && *a.Met:
		return "met"
	case a.Met != nil:
		return "not met"
	case a.ActualSpan == nil:
		return "not stated"
	}
	return "qualitative"
}

// Kinds of problem of a report, the worst first, for the counts above the
// coverage table.
const (
	noGoals      = "no targets passage found (no goals)"
	fewFigures   = "few figures for its length"
	metaFileName = "metadata taken from the file name or its folder"
	metaFlag     = "metadata given by flag"
	readWarning  = "warnings of the reader"
)

// coverage lists each report's problems, worst first (the first
// maxCoverage), counts the reports without any, and the reports with each
// kind of problem.
func (t *tables) coverage() ([]Coverage, int, int, []Count) {
	goals, figures := map[string]int{}, map[string]int{}
	for _, g := range t.goals {
		goals[g.ReportID]++
	}
	for _, f := range t.figures {
		figures[f.ReportID]++
	}
	var out []Coverage
	clean := 0
	kinds := map[string]int64{}
	for _, r := range t.reports {
		c := Coverage{
			ReportID: r.ReportID, Region: r.Region, Year: r.Year, Source: r.Source, Line: r.SourceLine,
			Goals: goals[r.ReportID], Figures: figures[r.ReportID], Chars: r.Chars,
		}
		if c.Goals == 0 {
			c.add(3, noGoals)
			kinds[noGoals]++
		}
		if r.Chars > 0 && float64(c.Figures)*1e4/float64(r.Chars) < fewFiguresPer10k {
			c.add(2, fmt.Sprintf("%s: %s in %s", fewFigures, count(c.Figures, "figure"), count(int(r.Chars), "character")))
			kinds[fewFigures]++
		}
		if byName(r.YearSource) || byName(r.RegionSource) {
			c.add(2, fmt.Sprintf("%s (year from %s, region from %s)", metaFileName, words(r.YearSource), words(r.RegionSource)))
			kinds[metaFileName]++
		}
		if r.YearSource == "flag" || r.RegionSource == "flag" {
			c.add(1, fmt.Sprintf("%s (year from %s, region from %s)", metaFlag, words(r.YearSource), words(r.RegionSource)))
			kinds[metaFlag]++
		}
		if r.Warnings != nil {
			for _, w := range strings.Split(*r.Warnings, "\n") {
				c.add(1, w)
			}
			kinds[readWarning]++
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
	var problems []Count
	for _, k := range []string{noGoals, fewFigures, metaFileName, metaFlag, readWarning} {
		if kinds[k] > 0 {
			problems = append(problems, Count{Label: k, N: kinds[k]})
		}
	}
	out, more := firstOf(out, maxCoverage)
	return out, more, clean, problems
}

// byName tells the weakest metadata sources: the input's name, not its text.
func byName(source string) bool { return source == "file_name" || source == "folder" }

// words is a code with spaces for underscores: file_name → file name.
func words(code string) string { return strings.ReplaceAll(code, "_", " ") }

func (c *Coverage) add(severity int, problem string) {
	c.Severity += severity
	c.Problems = append(c.Problems, problem)
}

// glance counts each report's figures by kind and commitments by topic, and
// the sums over every report; rows are the newest reports first.
func (t *tables) glance(kinds, topics []Label) (Glance, []Glance, int) {
	newGlance := func(r schemas.Report) *Glance {
		return &Glance{ReportID: r.ReportID, Region: r.Region, Year: r.Year, Kinds: make([]int, len(kinds)), Topics: make([]int, len(topics))}
	}
	kindAt, topicAt := labelIndex(kinds), labelIndex(topics)
	byID := map[string]*Glance{}
	var rows []*Glance
	newest, _ := t.newestYears(len(t.reports))
	for _, rs := range newest {
		for _, r := range rs {
			g := newGlance(r)
			byID[r.ReportID] = g
			rows = append(rows, g)
		}
	}
	total := newGlance(schemas.Report{})
	for _, f := range t.figures {
		if g := byID[f.ReportID]; g != nil {
			g.Figures++
			total.Figures++
			if i, ok := kindAt[f.Kind]; ok {
				g.Kinds[i]++
				total.Kinds[i]++
			}
		}
	}
	for _, c := range t.commitments {
		if g := byID[c.ReportID]; g != nil {
			g.Commitments++
			total.Commitments++
			if i, ok := topicAt[c.Topic]; ok {
				g.Topics[i]++
				total.Topics[i]++
			}
		}
	}
	shown, more := firstOf(rows, maxGlance)
	out := make([]Glance, 0, len(shown))
	for _, g := range shown {
		out = append(out, *g)
	}
	return *total, out, more
}

// labelIndex is the position of each code in ls.
func labelIndex(ls []Label) map[string]int {
	m := make(map[string]int, len(ls))
	for i, l := range ls {
		m[l.Code] = i
	}
	return m
}
