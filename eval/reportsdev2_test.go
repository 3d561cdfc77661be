package eval_test

import (
	"context"
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
	tables := &pipeline.Tables{}
	var unread []string
	for _, src := range srcs {
		tb, err := pipeline.Collect(context.Background(), []read.Source{src}, read.Options{}, 1)
		if err != nil {
			unread = append(unread, err.Error())
			continue
		}
		tables.Reports = append(tables.Reports, tb.Reports...)
		tables.Goals = append(tables.Goals, tb.Goals...)
	}
	var log strings.Builder
	for _, u := range unread {
		log.WriteString("unread\t" + u + "\n")
	}

	sources, err := eval.LoadSources(filepath.Join(dir, "SOURCES.tsv"))
	require.NoError(t, err)
	meta := eval.CheckSources(sources, tables.Reports)
	require.NoError(t, meta.Write(&log))

	gdpKey, err := eval.LoadGDP(filepath.Join(dir, "gdp.json"))
	require.NoError(t, err)
	gdp := eval.ScoreGDP(gdpKey, tables.Reports, tables.Goals)
	require.NoError(t, gdp.Write(&log))

	goalsKey, err := eval.LoadGoals(filepath.Join(dir, "goals.json"))
	require.NoError(t, err)
	goals := eval.ScoreGoals(goalsKey, tables.Goals)
	require.NoError(t, goals.Write(&log))
	t.Log("\n" + log.String())

	assert.GreaterOrEqual(t, meta.Region, 26, "reports with the right region")
	assert.GreaterOrEqual(t, meta.Year, 26, "reports with the right year")
	assert.GreaterOrEqual(t, gdp.Right, 26, "GDP growth targets right")
	assert.GreaterOrEqual(t, goals.Overall.F1(), 1.0, "goals F1")
}
