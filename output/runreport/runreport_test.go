package runreport_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/output/runreport"
	"github.com/govreports/govreports/pipeline"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/testdata"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// seedDataset runs the pipeline on the embedded corpus into a temp dir.
func seedDataset(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "ds")
	_, err := pipeline.Run(context.Background(), pipeline.Config{
		Inputs: []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}, Out: out, ToolVersion: "test",
	})
	require.NoError(t, err)
	return out
}

// TestSeedPageGolden pins the page's data for the seed corpus (not its
// pixels): run with -update after a deliberate change and review the diff.
func TestSeedPageGolden(t *testing.T) {
	out := seedDataset(t)
	p, err := runreport.Build(context.Background(), out)
	require.NoError(t, err)
	p.StartedAt = "" // the one time-dependent field of a dataset
	got, err := json.MarshalIndent(p, "", " ")
	require.NoError(t, err)
	const golden = "testdata/seed_page.golden.json"
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update once to create %s", golden)
	assert.JSONEq(t, string(want), string(got))

	// All 32 regions in the goals table and in the GDP chart, a bar each.
	require.Len(t, p.Years, 1)
	assert.Len(t, p.Years[0].Rows, 32)
	for _, r := range p.Years[0].Rows {
		assert.NotEmpty(t, r.Cells[0], "%s has a GDP target", r.Region)
	}
	require.NotEmpty(t, p.Charts)
	gdp := p.Charts[0]
	assert.Equal(t, "GDP growth", gdp.Indicator)
	assert.Equal(t, []int16{2024}, gdp.Years)
	require.Len(t, gdp.Rows, 32)
	assert.Equal(t, "全国", gdp.Rows[0].Region, "the nation first")
	for _, r := range gdp.Rows {
		assert.True(t, r.Cells[0].Bar, "%s's GDP target is a bar", r.Region)
	}
	assert.Equal(t, 1, p.InputCount)

	timing := &runreport.Timing{Command: "run", StartedAt: "2026-03-05T01:02:03Z", Seconds: 0.5}
	require.NoError(t, runreport.Write(context.Background(), out, timing))
	page, err := os.ReadFile(filepath.Join(out, runreport.Key))
	require.NoError(t, err)
	assert.Contains(t, string(page), "run started 2026-03-05T01:02:03Z, took 0.5 s")
	assert.Contains(t, string(page), "32 reports from 1 input<", "counts for one and for many")
	assert.Less(t, len(page), 400<<10, "a few hundred KB for the seed")
	assert.Contains(t, string(page), "<svg")
	assert.NotContains(t, string(page), "pp_change", "kinds in words, not codes")
	for _, r := range p.Years[0].Rows {
		assert.Contains(t, string(page), ">"+r.Region+"<")
	}
	checkSelfContained(t, page)

	// The same dataset gives the same bytes, the run's timing included.
	require.NoError(t, runreport.Write(context.Background(), out, nil))
	again, err := os.ReadFile(filepath.Join(out, runreport.Key))
	require.NoError(t, err)
	assert.Equal(t, page, again)
}

// checkSelfContained parses the page and fails on anything it would fetch.
func checkSelfContained(t *testing.T, page []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	require.NoError(t, err)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "link", "img", "iframe", "object", "embed", "image", "use":
				t.Errorf("page has a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				switch strings.ToLower(a.Key) {
				case "src", "href", "srcset", "action", "data", "poster":
					if !strings.HasPrefix(a.Val, "#") {
						t.Errorf("<%s %s=%q> references something outside the page", n.Data, a.Key, a.Val)
					}
				}
			}
		}
		if n.Type == html.TextNode && n.Parent != nil && n.Parent.Data == "style" {
			assert.NotContains(t, n.Data, "url(", "CSS fetches nothing")
			assert.NotContains(t, n.Data, "@import")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// TestCoverageWorstFirst builds a small dataset by hand: a report without
// a targets passage comes first, one with its metadata from the file name
// next, and a clean one is only counted.
func TestCoverageWorstFirst(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "ds")
	ds, err := output.Open(ctx, output.Options{Out: out, ToolVersion: "test"})
	require.NoError(t, err)
	report := func(code, region, yearSrc string, warn *string) schemas.Report {
		return schemas.Report{
			Keys:  schemas.Keys{ReportID: "2013-" + code, Year: 2013, RegionCode: code, Region: region},
			Level: "county", Source: region + ".txt", SourceLine: 1, Chars: 1000,
			YearSource: yearSrc, RegionSource: "title", Warnings: warn,
		}
	}
	reports := []schemas.Report{
		report("150702", "海拉尔区", "dateline", nil),
		report("150703", "扎赉诺尔区", "file_name", schemas.Ptr("line 3: dateline year 22013 repaired to 2013")),
		report("150721", "阿荣旗", "dateline", nil),
	}
	require.NoError(t, ds.Append(schemas.Reports, reports))
	v, m := 8.0, 1.0
	goal := func(k schemas.Keys) schemas.Goal {
		return schemas.Goal{Keys: k, Indicator: "gdp_growth", Value: &v, Multiplier: &m, Unit: schemas.Ptr("%"), Comparator: "about", Span: "地区生产总值增长8%左右"}
	}
	require.NoError(t, ds.Append(schemas.Goals, []schemas.Goal{goal(reports[1].Keys), goal(reports[2].Keys)}))
	var figures []schemas.Figure
	for _, r := range reports {
		for range 10 {
			figures = append(figures, schemas.Figure{Keys: r.Keys, Kind: "level", BaseUnit: "CNY"})
		}
	}
	require.NoError(t, ds.Append(schemas.Figures, figures))
	ds.SetRejected([]output.Rejection{{Input: "scan.docx", Line: 0, Reason: "zip: not a valid zip file"}})
	_, err = ds.Commit(ctx)
	require.NoError(t, err)

	p, err := runreport.Build(ctx, out)
	require.NoError(t, err)
	require.Len(t, p.Coverage, 2)
	assert.Equal(t, "2013-150702", p.Coverage[0].ReportID, "the report without goals comes first")
	assert.Contains(t, p.Coverage[0].Problems, "no targets passage found (no goals)")
	assert.Equal(t, "2013-150703", p.Coverage[1].ReportID)
	assert.Contains(t, strings.Join(p.Coverage[1].Problems, "|"), "file name")
	assert.Contains(t, strings.Join(p.Coverage[1].Problems, "|"), "line 3: dateline year 22013 repaired to 2013")
	assert.Equal(t, 1, p.Clean)
	require.Len(t, p.Rejected, 1)
	assert.Equal(t, "scan.docx", p.Rejected[0].Input)
	page, err := runreport.Render(p)
	require.NoError(t, err)
	rejected, noGoals := strings.Index(string(page), "scan.docx"), strings.Index(string(page), "no targets passage found")
	assert.True(t, rejected > 0 && noGoals > rejected, "rejected inputs first, then the report without goals")
	require.Len(t, p.Years, 1)
	assert.Equal(t, "≈ 8%", p.Years[0].Rows[1].Cells[0])
	assert.Empty(t, p.Years[0].Rows[0].Cells[0])
}

// TestRemovedReportsOnThePage: the reports a run removed without bringing
// them (a mode that replaces whole years) are on the page.
func TestRemovedReportsOnThePage(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "ds")
	run := func(mode output.Mode, codes ...string) {
		ds, err := output.Open(ctx, output.Options{Out: out, ToolVersion: "test", Mode: mode})
		require.NoError(t, err)
		for _, code := range codes {
			k := schemas.Keys{ReportID: "2021-" + code, Year: 2021, RegionCode: code, Region: code}
			require.NoError(t, ds.Append(schemas.Reports, []schemas.Report{{Keys: k, Source: code + ".txt", Level: "county"}}))
		}
		_, err = ds.Commit(ctx)
		require.NoError(t, err)
	}
	run("", "150702", "150703")
	p, err := runreport.Build(ctx, out)
	require.NoError(t, err)
	assert.Empty(t, p.Removed)
	run(output.OverwritePartitions, "150702")
	p, err = runreport.Build(ctx, out)
	require.NoError(t, err)
	assert.Equal(t, []string{"2021-150703"}, p.Removed)
	page, err := runreport.Render(p)
	require.NoError(t, err)
	assert.Contains(t, string(page), "removed 1 report of the dataset that it did not bring")
}
