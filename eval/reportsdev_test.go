package eval_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/eval"
	"github.com/govreports/govreports/internal/shareddir"
	"github.com/govreports/govreports/pipeline"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
)

// devSource is a row of reports-dev/SOURCES.tsv: a file and what a run over
// it must find.
type devSource struct {
	file, regionCode string
	year             int
}

func loadDevSources(t *testing.T, reportsDev string) []devSource {
	f, err := os.Open(filepath.Join(reportsDev, "SOURCES.tsv"))
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	rows, err := r.ReadAll()
	require.NoError(t, err)
	var out []devSource
	for _, row := range rows[1:] { // a header, then file, year, region_code, …
		year, err := strconv.Atoi(row[1])
		require.NoError(t, err, row[0])
		out = append(out, devSource{file: row[0], year: year, regionCode: row[2]})
	}
	return out
}

// TestReportsDevGoals runs the pipeline over the real reports of other years,
// levels and formats in ../shared/reports-dev as they were found, with no
// flags: each file must give one report of the right year and region, and
// their goals must meet the key (goals.json) at F1 ≥ 0.95. A file the
// readers cannot read yet skips the test, naming why.
func TestReportsDevGoals(t *testing.T) {
	reportsDev := shareddir.Path(t, "reports-dev")
	key, err := eval.LoadGoals(filepath.Join(reportsDev, "goals.json"))
	require.NoError(t, err)
	var rows []schemas.Goal
	var unread []string
	for _, src := range loadDevSources(t, reportsDev) {
		srcs, err := read.Sources([]string{filepath.Join(reportsDev, "files", src.file)}, nil, nil)
		require.NoError(t, err, src.file)
		tables, err := pipeline.Collect(context.Background(), srcs, read.Options{}, 1)
		if err != nil {
			unread = append(unread, err.Error())
			continue
		}
		if !assert.Len(t, tables.Reports, 1, src.file) {
			continue
		}
		rep := tables.Reports[0]
		assert.Equal(t, src.year, int(rep.Year), src.file)
		assert.Equal(t, src.regionCode, rep.RegionCode, src.file)
		rows = append(rows, tables.Goals...)
	}
	s := eval.ScoreGoals(key, rows)
	var report strings.Builder
	require.NoError(t, s.Write(&report))
	t.Log("\n" + report.String())
	if len(unread) > 0 {
		t.Skipf("%d of the reports cannot be read yet:\n%s", len(unread), strings.Join(unread, "\n"))
	}
	assert.GreaterOrEqual(t, s.Overall.F1(), 0.95, "goals: %v", s.Overall)
}
