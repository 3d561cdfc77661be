package read

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/internal/shareddir"
	"github.com/govreports/govreports/stages/read/meta"
)

// devSource is one row of the reports-dev answer key.
type devSource struct {
	file, code, level, format string
	year                      int
}

func devSources(t *testing.T) (dir string, srcs []devSource) {
	t.Helper()
	dir = shareddir.Path(t, "reports-dev")
	data, err := os.ReadFile(filepath.Join(dir, "SOURCES.tsv"))
	require.NoError(t, err)
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		require.GreaterOrEqual(t, len(f), 7, line)
		y, err := strconv.Atoi(f[1])
		require.NoError(t, err)
		level := f[3]
		if level == "province" { // the key's word for the schema's provincial level
			level = "provincial"
		}
		srcs = append(srcs, devSource{file: f[0], year: y, code: f[2], level: level, format: f[6]})
	}
	return dir, srcs
}

// TestReportsDevPlainText reads the plain-text reports of reports-dev as
// found, with no options: each must get the year, region code and level of
// the answer key.
func TestReportsDevPlainText(t *testing.T) {
	devDir, srcs := devSources(t)
	n := 0
	for _, s := range srcs {
		if !strings.HasPrefix(s.format, "txt") {
			continue
		}
		n++
		t.Run(s.file, func(t *testing.T) {
			srcs, err := Sources([]string{filepath.Join(devDir, "files", s.file)}, nil, nil)
			require.NoError(t, err)
			var logs bytes.Buffer
			var rs []*Report
			_, err = Read(context.Background(), srcs[0], Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))}, func(r *Report) error {
				rs = append(rs, r)
				return nil
			})
			require.NoError(t, err)
			require.Len(t, rs, 1)
			r := rs[0]
			assert.Equal(t, s.year, r.Year)
			assert.Equal(t, s.code, r.Region.Code)
			assert.Equal(t, s.level, r.Region.Level)
			t.Logf("year from %s, region from %s; warnings %q", r.YearSource, r.RegionSource, r.Warnings)
		})
	}
	assert.Equal(t, 3, n)
}

// TestReportsDevTables checks the metadata of the Word and CSV reports of
// reports-dev as their readers hand them over: the file name, and for a
// table the row's title, year and province columns. The text here is an
// opening of our own, not the reports'.
func TestReportsDevTables(t *testing.T) {
	rows := map[string]Hints{
		"2026_广东省_政府工作报告.csv": {Title: "2026年广东省政府工作报告", Year: 2026, Region: "广东省"},
		"2026_江苏省_政府工作报告.csv": {Title: "2026年江苏省政府工作报告", Year: 2026, Region: "江苏省"},
	}
	devDir, srcs := devSources(t)
	n := 0
	for _, s := range srcs {
		if s.format != "csv" && s.format != "docx" {
			continue
		}
		n++
		t.Run(s.file, func(t *testing.T) {
			source := filepath.Join(devDir, "files", s.file)
			if s.format == "csv" {
				source += "#row=1"
			}
			for _, hints := range []Hints{rows[s.file], {}} {
				r := &Report{Source: source, SourceLine: 1, Hints: hints, Lines: lines("各位代表：", "现在，我代表人民政府，向大会报告工作。", "一、过去一年工作回顾")}
				require.NoError(t, r.finish(Options{}))
				assert.Equal(t, s.year, r.Year)
				assert.Equal(t, s.code, r.Region.Code)
				assert.Equal(t, s.level, r.Region.Level)
				if hints == (Hints{}) {
					assert.Equal(t, meta.FromFileName, r.RegionSource)
					assert.Equal(t, meta.FromFileName, r.YearSource)
					assert.Len(t, r.Warnings, 2, "metadata from the file name is a warning")
				} else {
					assert.Equal(t, meta.FromRow, r.RegionSource)
					assert.Empty(t, r.Warnings)
				}
			}
		})
	}
	assert.Equal(t, 3, n)
}

func lines(texts ...string) []Line {
	out := make([]Line, len(texts))
	for i, t := range texts {
		out[i] = Line{Text: t, No: i + 2}
	}
	return out
}
