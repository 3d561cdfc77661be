package eval_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/eval"
	"github.com/govreports/govreports/internal/shareddir"
	"github.com/govreports/govreports/pipeline"
	"github.com/govreports/govreports/stages/read"
)

// TestReportsDev2 runs the pipeline over the city, county and provincial
// reports of ../shared/reports-dev2 as they were found, each file on its own
// with no flags (as a plain run over the folder would), and scores the
// metadata against SOURCES.tsv, the GDP growth targets against gdp.json and
// the goals of six reports against goals.json. The floors are what the
// project reaches now: they may rise, never fall.
func TestReportsDev2(t *testing.T) {
	dir := shareddir.Path(t, "reports-dev2")
	srcs, err := read.Sources([]string{filepath.Join(dir, "files")}, nil, nil)
	require.NoError(t, err)
	tables, meta, gdp, log := scoreCollection(t, srcs, dir)
	goalsKey, err := eval.LoadGoals(filepath.Join(dir, "goals.json"))
	require.NoError(t, err)
	goals := eval.ScoreGoals(goalsKey, tables.Goals)
	require.NoError(t, goals.Write(log))
	t.Log("\n" + log.String())

	assert.GreaterOrEqual(t, meta.Region, 26, "reports with the right region")
	assert.GreaterOrEqual(t, meta.Year, 26, "reports with the right year")
	assert.GreaterOrEqual(t, gdp.Right, 26, "GDP growth targets right")
	assert.GreaterOrEqual(t, goals.Overall.F1(), 1.0, "goals F1")
}

// scoreCollection runs the pipeline over each source on its own and scores
// the metadata against DIR/SOURCES.tsv and the GDP growth targets against
// DIR/gdp.json; the log lists the sources refused, every report's metadata
// and both scores.
func scoreCollection(t *testing.T, srcs []read.Source, dir string) (*pipeline.Tables, eval.SourcesScore, eval.GDPScore, *strings.Builder) {
	t.Helper()
	tables, rejected := collectEach(srcs)
	log := &strings.Builder{}
	for _, r := range rejected {
		log.WriteString("rejected\t" + r + "\n")
	}
	for _, r := range tables.Reports {
		warnings := ""
		if r.Warnings != nil {
			warnings = strings.ReplaceAll(*r.Warnings, "\n", "; ")
		}
		fmt.Fprintf(log, "report\t%s\t%d %s\t%s %s %s\t%s\n", r.Source, r.Year, r.YearSource, r.RegionCode, r.RegionName, r.RegionSource, warnings)
	}
	sources, err := eval.LoadSources(filepath.Join(dir, "SOURCES.tsv"))
	require.NoError(t, err)
	meta := eval.CheckSources(sources, tables.Reports)
	require.NoError(t, meta.Write(log))
	gdpKey, err := eval.LoadGDP(filepath.Join(dir, "gdp.json"))
	require.NoError(t, err)
	gdp := eval.ScoreGDP(gdpKey, tables.Reports, tables.Goals)
	require.NoError(t, gdp.Write(log))
	return tables, meta, gdp, log
}

// collectEach runs the pipeline over each source on its own, as a plain run
// with --on-error skip would: a source that fails is left out, its error
// kept.
func collectEach(srcs []read.Source) (*pipeline.Tables, []string) {
	tables := &pipeline.Tables{}
	var failed []string
	for _, src := range srcs {
		tb, err := pipeline.Collect(context.Background(), []read.Source{src}, read.Options{}, 1)
		if err != nil {
			failed = append(failed, err.Error())
			continue
		}
		tables.Reports = append(tables.Reports, tb.Reports...)
		tables.Goals = append(tables.Goals, tb.Goals...)
	}
	return tables, failed
}
