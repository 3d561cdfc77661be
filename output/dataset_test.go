package output

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var corpus = testCorpus{reports: 5, perReport: 40}

func TestRoundTripEveryTable(t *testing.T) {
	out := t.TempDir()
	sum := corpus.write(t, out)
	for _, tbl := range schemas.All {
		t.Run(tbl.Name, func(t *testing.T) {
			got, err := readTable(context.Background(), out, tbl, nil)
			require.NoError(t, err)
			require.Equal(t, corpus.want(tbl), got.Interface())
			assert.Equal(t, corpus.wantCount(tbl), sum.Tables[tbl.Name])
		})
	}
}

func TestReadColumns(t *testing.T) {
	out := t.TempDir()
	corpus.write(t, out)
	figs, err := ReadColumns[schemas.Figure](context.Background(), out, schemas.Figures, "report_id", "kind")
	require.NoError(t, err)
	all := corpus.want(schemas.Figures).([]schemas.Figure)
	require.Len(t, figs, len(all))
	for i, f := range figs {
		want := schemas.Figure{Keys: schemas.Keys{ReportID: all[i].ReportID, Year: all[i].Year}, Kind: all[i].Kind}
		assert.Equal(t, want, f, "only the named columns and the partition column are read")
	}
	_, err = ReadColumns[schemas.Figure](context.Background(), out, schemas.Figures, "no_such_column")
	assert.ErrorContains(t, err, `no column "no_such_column"`)
}

func TestReadTableTyped(t *testing.T) {
	out := t.TempDir()
	corpus.write(t, out)
	figs, err := ReadTable[schemas.Figure](context.Background(), out, schemas.Figures)
	require.NoError(t, err)
	assert.Equal(t, corpus.want(schemas.Figures), figs)

	_, err = ReadTable[schemas.Goal](context.Background(), out, schemas.Figures)
	assert.ErrorContains(t, err, "want schemas.Figure")
}

func TestLayoutAndManifest(t *testing.T) {
	out := t.TempDir()
	sum := corpus.write(t, out)
	files := snapshot(t, out)

	var want []string
	for _, tbl := range schemas.All {
		if tbl.Partitioned {
			want = append(want, tbl.Name+"/year=2023/part-00000.parquet", tbl.Name+"/year=2024/part-00000.parquet")
		} else {
			want = append(want, tbl.Name+"/part-00000.parquet")
		}
	}
	want = append(want, ManifestKey, SuccessKey)
	assert.ElementsMatch(t, want, sortedKeys(files), "no temp file, no stray folder")

	m, err := ReadManifest(context.Background(), out)
	require.NoError(t, err)
	assert.Equal(t, schemas.Version, m.SchemaVersion)
	assert.Equal(t, "test", m.ToolVersion)
	assert.Empty(t, m.StartedAt, "no timestamp unless the caller gives one")
	assert.Equal(t, []Input{{Name: "in.txt", SHA256: "ab", Bytes: 2}}, m.Inputs)
	assert.Equal(t, sum.Tables, m.Tables)
	assert.Equal(t, sum.Files, m.Files)
	require.Len(t, m.Files, len(want)-2)
	for _, f := range m.Files {
		assert.Equal(t, files[f.Path], f.SHA256, f.Path)
		st, err := os.Stat(filepath.Join(out, f.Path))
		require.NoError(t, err)
		assert.Equal(t, st.Size(), f.Bytes, f.Path)
	}
	raw, err := os.ReadFile(filepath.Join(out, ManifestKey))
	require.NoError(t, err)
	assert.True(t, json.Valid(raw))
}

func TestSameInputSameBytes(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	corpus.write(t, a)
	corpus.write(t, b)
	first := snapshot(t, a)
	assert.Equal(t, first, snapshot(t, b), "two runs")
	corpus.write(t, a) // over the previous dataset
	assert.Equal(t, first, snapshot(t, a), "rewrite in place")
}

func TestRowGroupsAreBounded(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	st, err := newLocalStore(out)
	require.NoError(t, err)
	d, err := openDataset(ctx, Options{Out: out}, st)
	require.NoError(t, err)
	d.files.rowGroupRows = 100
	rows := testRows(schemas.Regions, 0, 250)
	require.NoError(t, d.Append(schemas.Regions, rows))
	_, err = d.Commit(ctx)
	require.NoError(t, err)

	f, err := os.Open(filepath.Join(out, "regions/part-00000.parquet"))
	require.NoError(t, err)
	defer f.Close()
	pr, err := file.NewParquetReader(f)
	require.NoError(t, err)
	defer pr.Close()
	require.Equal(t, 3, pr.NumRowGroups())
	for g, want := range []int64{100, 100, 50} {
		assert.Equal(t, want, pr.MetaData().RowGroup(g).NumRows())
	}
	got, err := ReadTable[schemas.Region](ctx, out, schemas.Regions)
	require.NoError(t, err)
	assert.Equal(t, rows, got)
}

func TestManifestStartedAt(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	started := time.Date(2024, 3, 5, 8, 30, 0, 0, time.FixedZone("CST", 8*3600))
	d, err := Open(ctx, Options{Out: out, StartedAt: started})
	require.NoError(t, err)
	_, err = d.Commit(ctx)
	require.NoError(t, err)
	m, err := ReadManifest(ctx, out)
	require.NoError(t, err)
	assert.Equal(t, "2024-03-05T00:30:00Z", m.StartedAt)
}

// TestOnePartitionFileInReportOrder: however the years and reports of a run
// come, each partition is one file whose rows are in report_id order (each
// report's in the order they came), whether the rows waited in memory or
// were spilled to sorted runs on the way.
func TestOnePartitionFileInReportOrder(t *testing.T) {
	ctx := context.Background()
	row := func(year int16, region, n int) []schemas.Goal {
		id := fmt.Sprintf("%d-%d", year, 110000+region)
		return []schemas.Goal{{Keys: schemas.Keys{ReportID: id, Year: year}, Span: fmt.Sprint(n)}, {Keys: schemas.Keys{ReportID: id, Year: year}, Span: fmt.Sprint(n) + "b"}}
	}
	var snapshots []map[string]string
	for _, budget := range []int{defaultSortBudget, 3, 1} {
		out := filepath.Join(t.TempDir(), "ds")
		st, err := newLocalStore(out)
		require.NoError(t, err)
		d, err := openDataset(ctx, Options{}, st)
		require.NoError(t, err)
		d.files.sortBudget = budget
		// Years and regions out of order, 2020 and 2021 coming back.
		for i, k := range []struct {
			year   int16
			region int
		}{{2020, 5}, {2021, 1}, {2022, 3}, {2020, 2}, {2021, 4}, {2020, 9}} {
			require.NoError(t, d.Append(schemas.Goals, row(k.year, k.region, i)))
		}
		sum, err := d.Commit(ctx)
		require.NoError(t, err)
		var paths []string
		for _, f := range sum.Files {
			if f.Table == "goals" {
				paths = append(paths, f.Path)
			}
		}
		assert.Equal(t, []string{
			"goals/year=2020/part-00000.parquet", "goals/year=2021/part-00000.parquet", "goals/year=2022/part-00000.parquet",
		}, paths)
		assert.EqualValues(t, 12, sum.Tables["goals"])
		got, err := ReadTable[schemas.Goal](ctx, out, schemas.Goals)
		require.NoError(t, err)
		var spans []string
		for _, g := range got {
			spans = append(spans, fmt.Sprintf("%s:%s", g.ReportID, g.Span))
		}
		assert.Equal(t, []string{
			"2020-110002:3", "2020-110002:3b", "2020-110005:0", "2020-110005:0b", "2020-110009:5", "2020-110009:5b",
			"2021-110001:1", "2021-110001:1b", "2021-110004:4", "2021-110004:4b", "2022-110003:2", "2022-110003:2b",
		}, spans, "budget %d", budget)
		for _, name := range []string{"reports", "sentences"} {
			for _, y := range []int{2020, 2021, 2022} {
				assert.FileExists(t, filepath.Join(out, name, fmt.Sprintf("year=%d", y), "part-00000.parquet"))
			}
		}
		snapshots = append(snapshots, snapshot(t, out))
	}
	assert.Equal(t, snapshots[0], snapshots[1], "spilled or not, the same bytes")
	assert.Equal(t, snapshots[0], snapshots[2])
}

// TestAppendFileIsAppend: a file of the regions table written by one run and
// handed to the next with AppendFile gives the same dataset files as
// appending its rows.
func TestAppendFileIsAppend(t *testing.T) {
	ctx := context.Background()
	rows := testRows(schemas.Regions, 0, 30)
	viaRows := t.TempDir()
	d, err := Open(ctx, Options{Out: viaRows})
	require.NoError(t, err)
	require.NoError(t, d.Append(schemas.Regions, rows))
	want, err := d.Commit(ctx)
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join(viaRows, "regions", "part-00000.parquet"))
	require.NoError(t, err)

	viaFile := t.TempDir()
	d, err = Open(ctx, Options{Out: viaFile})
	require.NoError(t, err)
	require.NoError(t, d.AppendFile(schemas.Regions, 30, data))
	got, err := d.Commit(ctx)
	require.NoError(t, err)
	assert.Equal(t, want.Files, got.Files)
	assert.Equal(t, want.Tables, got.Tables)
	assert.Equal(t, snapshot(t, viaRows), snapshot(t, viaFile))
}

func TestAppendFileRefuses(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		before  func(d *Dataset) error
		table   *schemas.Table
		wantErr string
	}{
		{"a partitioned table", func(*Dataset) error { return nil }, schemas.Figures, "a partitioned table"},
		{"a table with rows", func(d *Dataset) error { return d.Append(schemas.Regions, testRows(schemas.Regions, 0, 2)) },
			schemas.Regions, "has rows already"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Open(ctx, Options{Out: t.TempDir()})
			require.NoError(t, err)
			defer d.Abort()
			require.NoError(t, tt.before(d))
			assert.ErrorContains(t, d.AppendFile(tt.table, 1, []byte("PAR1")), tt.wantErr)
		})
	}
}
