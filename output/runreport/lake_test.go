package runreport_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/output/runreport"
	"github.com/govreports/govreports/schemas"
)

// The datasets of these tests are written by hand: invented regions, years
// and targets, each report with the goals a test names.

// handReport is an invented report and its goals.
type handReport struct {
	year          int16
	code, region  string
	level, source string
	goals         []schemas.Goal
	warnings      string
}

func (r handReport) keys() schemas.Keys {
	return schemas.Keys{ReportID: fmt.Sprintf("%d-%s", r.year, r.code), Year: r.year, RegionCode: r.code, Region: r.region}
}

// commitHand commits reports as one run of mode, with figures and
// commitments of every kind and topic for each report.
func commitHand(t *testing.T, out string, mode output.Mode, reports []handReport, inputs []output.Input, rejected []output.Rejection) {
	t.Helper()
	ctx := context.Background()
	ds, err := output.Open(ctx, output.Options{Out: out, ToolVersion: "test", Mode: mode, Inputs: inputs})
	require.NoError(t, err)
	var rs []schemas.Report
	var goals []schemas.Goal
	var figures []schemas.Figure
	var commitments []schemas.Commitment
	kinds := strings.Split(schemas.Figures.Columns[columnIndex(t, schemas.Figures, "kind")].Doc, " | ")
	topics := strings.Split(schemas.Commitments.Columns[columnIndex(t, schemas.Commitments, "topic")].Doc, " | ")
	for _, r := range reports {
		k := r.keys()
		rep := schemas.Report{Keys: k, Level: r.level, Source: r.source, SourceLine: 1, Chars: 20000, YearSource: "dateline", RegionSource: "title"}
		if r.warnings != "" {
			rep.Warnings = &r.warnings
		}
		rs = append(rs, rep)
		for _, g := range r.goals {
			g.Keys = k
			goals = append(goals, g)
		}
		for i := range max(len(kinds), len(topics)) {
			figures = append(figures, schemas.Figure{Keys: k, Kind: kinds[i%len(kinds)], BaseUnit: "percent"})
			commitments = append(commitments, schemas.Commitment{Keys: k, CommitmentID: int32(i), Topic: topics[i%len(topics)]})
		}
	}
	require.NoError(t, ds.Append(schemas.Reports, rs))
	require.NoError(t, ds.Append(schemas.Goals, goals))
	require.NoError(t, ds.Append(schemas.Figures, figures))
	require.NoError(t, ds.Append(schemas.Commitments, commitments))
	ds.SetRejected(rejected)
	_, err = ds.Commit(ctx)
	require.NoError(t, err)
}

func columnIndex(t *testing.T, tb *schemas.Table, name string) int {
	for i, c := range tb.Columns {
		if c.Name == name {
			return i
		}
	}
	t.Fatalf("table %s has no column %s", tb.Name, name)
	return -1
}

// goal is a target of an indicator: value (and value_max for a range)
// with unit % unless the options say otherwise.
func goal(indicator string, c schemas.Comparator, value ...float64) schemas.Goal {
	g := schemas.Goal{Indicator: indicator, Comparator: string(c)}
	if len(value) > 0 {
		g.Value, g.Multiplier = &value[0], schemas.Ptr(1.0)
		g.Unit, g.BaseUnit, g.BaseValue = schemas.Ptr("%"), schemas.Ptr("percent"), &value[0]
	}
	if len(value) > 1 {
		g.ValueMax = &value[1]
	}
	return g
}

// jobs is a new-jobs target of n people written with multiplier m (万 1e4).
func jobs(c schemas.Comparator, n, m float64) schemas.Goal {
	return schemas.Goal{
		Indicator: "urban_new_jobs", Comparator: string(c), Value: &n, Multiplier: &m,
		Unit: schemas.Ptr("人"), BaseUnit: schemas.Ptr("person"), BaseValue: schemas.Ptr(n * m),
	}
}

// relative is a target set against the province: margin points above it,
// resolved to the province's target plus the margin when resolved > 0.
func relative(margin, resolved float64) schemas.Goal {
	g := schemas.Goal{
		Indicator: "gdp_growth", Comparator: string(schemas.Relative), Reference: schemas.Ptr("province"),
		Value: &margin, Multiplier: schemas.Ptr(1.0), Unit: schemas.Ptr("pp"), BaseUnit: schemas.Ptr("pp"), BaseValue: &margin,
		Note: schemas.Ptr("高于全省1个百分点左右"),
	}
	if resolved > 0 {
		g.ResolvedValue = &resolved
	}
	return g
}

// TestCrossYearCharts: each main indicator's targets of every region across
// the years are one chart, a row per region and a column per year; a lake
// of more years or regions than a chart holds keeps the newest years and
// the most-covered regions and says how many it leaves out.
func TestCrossYearCharts(t *testing.T) {
	var reports []handReport
	for y := int16(2011); y <= 2020; y++ {
		reports = append(reports, handReport{year: y, code: "000000", region: "全国", level: "national", source: "nation.txt",
			goals: []schemas.Goal{goal("gdp_growth", schemas.About, 9-float64(y-2011)/2), jobs(schemas.AtLeast, 1100, 1e4)}})
	}
	for y := int16(2013); y <= 2020; y++ {
		g := goal("gdp_growth", schemas.About, 7)
		switch y {
		case 2019:
			g = goal("gdp_growth", schemas.AtLeast, 6.5)
		case 2020:
			g = goal("gdp_growth", schemas.Range, 6, 6.5)
		}
		reports = append(reports, handReport{year: y, code: "990000", region: "南江", level: "provincial", source: "nanjiang.txt",
			goals: []schemas.Goal{g, goal("energy_intensity_reduction", schemas.AtLeast, 3)}})
	}
	reports = append(reports,
		handReport{year: 2019, code: "990100", region: "西桥市", level: "prefecture", source: "xiqiao.txt", goals: []schemas.Goal{relative(1, 0)}},
		handReport{year: 2020, code: "990100", region: "西桥市", level: "prefecture", source: "xiqiao.txt", goals: []schemas.Goal{relative(1, 7.5)}},
	)
	// 45 counties with a target of 2020 each: more regions than a chart holds.
	for i := range 45 {
		reports = append(reports, handReport{year: 2020, code: fmt.Sprintf("9901%02d", i+1), region: fmt.Sprintf("北岭%d县", i+1), level: "county",
			source: "counties.txt", goals: []schemas.Goal{goal("gdp_growth", schemas.Qualitative), jobs(schemas.Exact, 5000, 1)}})
	}
	out := filepath.Join(t.TempDir(), "ds")
	commitHand(t, out, "", reports, nil, nil)
	p, err := runreport.Build(context.Background(), out)
	require.NoError(t, err)

	charts := map[string]runreport.Chart{}
	for _, c := range p.Charts {
		charts[c.Indicator] = c
	}
	require.Contains(t, charts, "GDP growth")
	gdp := charts["GDP growth"]
	assert.Equal(t, []int16{2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020}, gdp.Years, "the newest eight years")
	assert.Equal(t, 2, gdp.EarlierYears)
	assert.Equal(t, [2]int16{2011, 2012}, [2]int16{gdp.EarlierFrom, gdp.EarlierTo})
	assert.Equal(t, "percent", gdp.Unit)
	require.Len(t, gdp.Rows, 40)
	assert.Equal(t, 48-40, gdp.MoreRegions, "48 regions, 40 rows")
	assert.Equal(t, "全国", gdp.Rows[0].Region, "the nation first")
	// Then the highest newest target: 西桥市's 7.5% (the province's 6.5 + 1), 南江's 6–6.5%.
	assert.Equal(t, "西桥市", gdp.Rows[1].Region)
	assert.Equal(t, "南江", gdp.Rows[2].Region)
	// The counties kept are those of the lowest codes (all cover one year).
	var kept []string
	for _, r := range gdp.Rows[3:] {
		kept = append(kept, r.RegionCode)
	}
	assert.Len(t, kept, 37)
	assert.Equal(t, "990101", kept[0])
	assert.NotContains(t, kept, "990145")

	nation := gdp.Rows[0].Cells
	assert.Equal(t, runreport.Target{Label: "≈ 8%", Text: "≈ 8%", Bar: true, Value: 8, ValueMax: 8, Comparator: schemas.About}, nation[0], "2013")
	assert.Equal(t, 4.5, nation[7].Value, "2020")
	city := gdp.Rows[1].Cells
	assert.Empty(t, city[5].Label, "no report of 西桥市 in 2018")
	assert.Equal(t, runreport.Target{Label: "prov. + 1 pp", Text: "about 1 pp above the province", Comparator: schemas.Relative}, city[6],
		"unresolved: words, no bar")
	assert.Equal(t, runreport.Target{Label: "7.5%", Text: "7.5% (about 1 pp above the province)", Bar: true, Value: 7.5, ValueMax: 7.5, Comparator: schemas.Relative}, city[7])
	province := gdp.Rows[2].Cells
	assert.Equal(t, runreport.Target{Label: "6–6.5%", Text: "6–6.5%", Bar: true, Value: 6, ValueMax: 6.5, Comparator: schemas.Range}, province[7])
	assert.Equal(t, runreport.Target{Label: "≥ 6.5%", Text: "≥ 6.5%", Bar: true, Value: 6.5, ValueMax: 6.5, Comparator: schemas.AtLeast}, province[6])
	assert.Equal(t, runreport.Target{Label: "in words", Text: "in words", Comparator: schemas.Qualitative}, gdp.Rows[3].Cells[7])
	assert.Equal(t, 8.0, gdp.Max, "the largest target drawn")

	// New jobs on one axis of people, whether written in 万人 or 人.
	jobsChart := charts["New urban jobs"]
	assert.Equal(t, "person", jobsChart.Unit)
	assert.Equal(t, 1.1e7, jobsChart.Rows[0].Cells[len(jobsChart.Years)-1].Value)
	assert.Equal(t, "≥ 1100万人", jobsChart.Rows[0].Cells[len(jobsChart.Years)-1].Label)
	assert.Equal(t, 5000.0, jobsChart.Rows[1].Cells[len(jobsChart.Years)-1].Value)

	// A reduction reads as one.
	energy := charts["Energy intensity"]
	assert.True(t, energy.Reduction)
	assert.Equal(t, "down ≥ 3%", energy.Rows[0].Cells[0].Text)
	assert.NotContains(t, charts, "CPI", "no chart for an indicator no report sets")

	// The goals tables: the newest three years, the others counted.
	require.Len(t, p.Years, 3)
	assert.Equal(t, []int16{2020, 2019, 2018}, []int16{p.Years[0].Year, p.Years[1].Year, p.Years[2].Year})
	assert.Equal(t, runreport.YearCount{Year: 7, Reports: 7 + 5}, p.EarlierGoals, "7 earlier years: the nation's 7, the province's 5")
}

// longName is an invented region name as long as the longest real ones.
func longName(i int) string {
	syll := []rune("东西南北中山河湖江原平安新和兴")
	var b strings.Builder
	for j := range 4 + i%7 {
		b.WriteRune(syll[(i*7+j*3)%len(syll)])
	}
	return b.String() + []string{"市", "县", "自治州", "区"}[i%4]
}

// bigLake commits a lake of many regions and years with long names, long
// paths and long warnings, then reruns its newest year with fewer reports
// (removing the others), for the page's limits and layout. The tests share
// one, made by the first that asks, and TestMain removes it.
func bigLake(t *testing.T) string {
	t.Helper()
	lake.once.Do(func() {
		dir, err := os.MkdirTemp("", "runreport-lake-")
		require.NoError(t, err)
		lake.dir = dir
		writeBigLake(t, filepath.Join(dir, "lake"))
		lake.done = true
	})
	require.True(t, lake.done, "the shared lake failed in an earlier test")
	return filepath.Join(lake.dir, "lake")
}

var lake struct {
	once sync.Once
	dir  string
	done bool
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if lake.dir != "" {
		os.RemoveAll(lake.dir)
	}
	os.Exit(code)
}

func writeBigLake(t *testing.T, out string) {
	var reports []handReport
	var inputs []output.Input
	for i := range 160 {
		code := fmt.Sprintf("%06d", 110000+i*100)
		level, region := "prefecture", longName(i)
		if i == 0 {
			code, level, region = "000000", "national", "全国"
		}
		source := fmt.Sprintf("collections/some-public-collection-of-reports/data/reports-by-region/%s/政府工作报告全文（%s）.docx", code, region)
		inputs = append(inputs, output.Input{Name: source, SHA256: strings.Repeat(fmt.Sprintf("%x", i%16), 64), Bytes: int64(40000 + i)})
		for y := int16(2006); y <= 2024; y++ {
			if i > 40 && int(y)%(i%5+2) != 0 {
				continue
			}
			v := 5 + float64((i+int(y))%9)/2
			warn := ""
			if i%3 == 0 {
				warn = fmt.Sprintf("line %d: a second dateline (%d年2月1日) inside the report: the report was kept whole and may hold two reports\nline 9: dateline year 2%d repaired to %d", i+10, y, y, y)
			}
			reports = append(reports, handReport{year: y, code: code, region: region, level: level, source: source, warnings: warn,
				goals: []schemas.Goal{
					goal("gdp_growth", []schemas.Comparator{schemas.About, schemas.AtLeast, schemas.AtMost, schemas.Exact}[i%4], v),
					goal("cpi", schemas.About, 3), goal("unemployment_rate", schemas.AtMost, 5.5),
					jobs(schemas.AtLeast, float64(10+i), 1e4), goal("income_growth", schemas.InSync),
					goal("energy_intensity_reduction", schemas.Range, 2.5, 3),
				}})
		}
	}
	var rejected []output.Rejection
	for i := range 60 {
		rejected = append(rejected, output.Rejection{Input: fmt.Sprintf("inbox/scans-without-text/第%d批/扫描件-%d.docx", i, i), Line: 1,
			Reason: "zip: not a valid zip file: the file is no Word document (saved as .docx by a scanner that writes TIFF)"})
	}
	commitHand(t, out, "", reports, inputs, rejected)
	var newest []handReport
	for _, r := range reports {
		if r.year == 2024 && r.code == "000000" {
			newest = append(newest, r)
		}
	}
	commitHand(t, out, output.OverwritePartitions, newest, nil, nil)
}

// TestLakePageBounds: a lake of many regions and years gives a page of
// bounded size that counts what it leaves out.
func TestLakePageBounds(t *testing.T) {
	out := bigLake(t)
	p, err := runreport.Build(context.Background(), out)
	require.NoError(t, err)
	assert.Greater(t, p.MoreRemoved, 0, "the rerun of 2024 removed more reports than the page lists")
	assert.Len(t, p.Removed, 50)
	require.NotEmpty(t, p.Charts)
	assert.Len(t, p.Charts[0].Rows, 40)
	assert.Positive(t, p.Charts[0].MoreRegions)
	assert.Len(t, p.Charts[0].Years, 8)
	assert.Positive(t, p.Charts[0].EarlierYears)
	assert.Len(t, p.Glance, 60)
	assert.Positive(t, p.MoreGlance)
	page, err := runreport.Render(p)
	require.NoError(t, err)
	assert.Less(t, len(page), 600<<10, "a lake's page stays a few hundred KB")
	assert.Contains(t, string(page), fmt.Sprintf("The last run removed %d reports", len(p.Removed)+p.MoreRemoved))
	checkSelfContained(t, page)
}
