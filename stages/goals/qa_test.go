package goals_test

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/eval"
	"github.com/govreports/govreports/pipeline"
	"github.com/govreports/govreports/stages/read"
)

// qaDir holds reports of our own writing (invented figures, no sentence of
// a real report) in the styles the answer keys do not hold: national reports
// of the planning era (1954–1994, figures in words, 工农业总产值, 钢产量),
// of 1997–2010 (宏观调控目标, 控制在4.6%) and after; provinces of every era;
// prefecture-level cities, counties, districts, autonomous prefectures and
// leagues (保X争Y, 确保/力争, 高于全省, 跨越台阶, 万元生产总值能耗, 价格指数103),
// with the list introduced in many ways or not at all, over several
// sentences, numbered, laid out as a table, with full-width, spaced or OCR
// digits and ASCII punctuation. goals.json is their key in the format of
// the shared keys, annotated per GUIDE_goals.md before the pipeline first
// ran on them; SOURCES.tsv their year and region.
var qaDir = filepath.Join("testdata", "qa")

// TestQAReports runs the whole pipeline over the reports of qaDir, each as
// found with no flags, and scores the goals against the key and the metadata
// against SOURCES.tsv. A report the key does not cover states no targets of
// its year (a five-year plan's only) and must give none. The floors are what
// the project reaches now: they may rise, never fall.
func TestQAReports(t *testing.T) {
	srcs, err := read.Sources([]string{filepath.Join(qaDir, "files")}, nil, nil)
	require.NoError(t, err)
	tables, err := pipeline.Collect(context.Background(), srcs, read.Options{}, 0)
	require.NoError(t, err)

	sources, err := eval.LoadSources(filepath.Join(qaDir, "SOURCES.tsv"))
	require.NoError(t, err)
	key, err := eval.LoadGoals(filepath.Join(qaDir, "goals.json"))
	require.NoError(t, err)
	meta, score := eval.CheckSources(sources, tables.Reports), eval.ScoreGoals(key, tables.Goals)
	var log strings.Builder
	for _, s := range []interface{ Write(io.Writer) error }{meta, score} {
		require.NoError(t, s.Write(&log)) // the misses and extras, for whoever reads a failing run
	}
	t.Log("\n" + log.String())

	assert.Equal(t, len(srcs), len(sources), "every file has its row in SOURCES.tsv")
	assert.Equal(t, len(sources), meta.Year, "reports with the right year")
	assert.Equal(t, len(sources), meta.Region, "reports with the right region")
	assert.GreaterOrEqual(t, score.Overall.F1(), 1.0, "goals F1: %v", score.Overall)
	assert.GreaterOrEqual(t, score.Overall.Precision(), 1.0, "goals precision: %v", score.Overall)

	keyed := map[string]bool{}
	for _, g := range key {
		keyed[g.File] = true
	}
	source := map[string]string{}
	for _, r := range tables.Reports {
		source[r.ReportID] = filepath.Base(r.Source)
	}
	unkeyed := 0
	for _, s := range sources {
		if !keyed[s.File] {
			unkeyed++
		}
	}
	require.Positive(t, unkeyed, "the fixtures hold a report without targets")
	for _, g := range tables.Goals {
		assert.True(t, keyed[source[g.ReportID]], "%s states no targets of its year, got %s %s", source[g.ReportID], g.Indicator, g.Span)
	}
}
