package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runWith commits at out a run with opts whose rows add appends; budget,
// when not 0, is the rows it holds before it spills.
func runWith(t *testing.T, out string, opts Options, budget int, add func(d *Dataset)) (Summary, error) {
	t.Helper()
	ctx := context.Background()
	opts.Out = out
	opts.ToolVersion = "test"
	d, err := Open(ctx, opts)
	if err != nil {
		return Summary{}, err
	}
	defer d.Abort()
	if budget > 0 {
		d.files.sortBudget = budget
	}
	add(d)
	return d.Commit(ctx)
}

// reportsOf appends the corpus's reports in rs, in this order, and the regions.
func reportsOf(t *testing.T, c testCorpus, rs ...int) func(d *Dataset) {
	return func(d *Dataset) {
		for _, r := range rs {
			for _, tbl := range schemas.All {
				if tbl.Partitioned {
					require.NoError(t, d.Append(tbl, testRows(tbl, r, c.rowsOf(tbl, r))))
				}
			}
		}
		require.NoError(t, d.Append(schemas.Regions, testRows(schemas.Regions, 0, c.perReport)))
	}
}

// TestBatchesGiveTheBytesOfOneRun: loading reports in batches, in any order
// and with reruns, gives the dataset one run over all of them writes, byte
// for byte (manifest included), with the rows waiting in memory or spilled.
func TestBatchesGiveTheBytesOfOneRun(t *testing.T) {
	c := testCorpus{reports: 6, perReport: 3} // 2023 for even, 2024 for odd
	in := Options{Inputs: []Input{{Name: "in.txt", SHA256: "ab", Bytes: 2}}}
	single := t.TempDir()
	_, err := runWith(t, single, in, 0, reportsOf(t, c, 0, 1, 2, 3, 4, 5))
	require.NoError(t, err)
	want := snapshot(t, single)

	for _, tc := range []struct {
		name    string
		batches [][]int
		budget  int
	}{
		{"one run, reports in reverse", [][]int{{5, 4, 3, 2, 1, 0}}, 0},
		{"one run, spilled", [][]int{{5, 2, 3, 0, 1, 4}}, 7},
		{"three batches", [][]int{{0, 1}, {2, 3}, {4, 5}}, 0},
		{"three batches, last first", [][]int{{4, 5}, {2, 3}, {0, 1}}, 0},
		{"a year at a time, later year first", [][]int{{1, 3, 5}, {0, 2, 4}}, 0},
		{"one report at a time, spilled", [][]int{{3}, {0}, {5}, {2}, {4}, {1}}, 5},
		{"reruns", [][]int{{0, 1, 2, 3, 4, 5}, {2}, {5, 1}, {0, 1, 2, 3, 4, 5}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			for _, b := range tc.batches {
				sum, err := runWith(t, out, in, tc.budget, reportsOf(t, c, b...))
				require.NoError(t, err)
				assert.Empty(t, sum.Removed)
				assert.EqualValues(t, len(b), sum.Tables["reports"], "the rows the run brought")
			}
			assert.Equal(t, want, snapshot(t, out))
		})
	}
}

// sourcedReports appends one report row of the corpus's report r for each
// source, as if read from it, and every table's rows of the reports.
func sourcedReports(t *testing.T, c testCorpus, sources map[int]string) func(d *Dataset) {
	return func(d *Dataset) {
		for r := 0; r < c.reports; r++ {
			src, ok := sources[r]
			if !ok {
				continue
			}
			rows := testRows(schemas.Reports, r, 1).([]schemas.Report)
			rows[0].Source = src
			require.NoError(t, d.Append(schemas.Reports, rows))
			require.NoError(t, d.Append(schemas.Goals, testRows(schemas.Goals, r, 2)))
		}
	}
}

func inputNamesOf(m Manifest) []string {
	var names []string
	for _, in := range m.Inputs {
		names = append(names, in.Name)
	}
	return names
}

// TestInputsOfEveryReport: the manifest lists the input of every report of
// the dataset, table files for their rows, under the names the partitions
// use, whichever run read it.
func TestInputsOfEveryReport(t *testing.T) {
	c := testCorpus{reports: 6, perReport: 1}
	out := t.TempDir()
	csv := Options{Inputs: []Input{{Name: "exports/a.csv", SHA256: "aa", Bytes: 9}}}
	_, err := runWith(t, out, csv, 0, sourcedReports(t, c, map[int]string{0: "exports/a.csv#row=1", 1: "exports/a.csv#row=2", 3: "exports/a.csv#row=3"}))
	require.NoError(t, err)
	txt := Options{Inputs: []Input{{Name: "b.txt", SHA256: "bb", Bytes: 3}}}
	_, err = runWith(t, out, txt, 0, sourcedReports(t, c, map[int]string{5: "b.txt"})) // 2024, beside the CSV's
	require.NoError(t, err)
	m := checkManifest(t, out)
	assert.Equal(t, []string{"b.txt", "exports/a.csv"}, inputNamesOf(m))
	require.Len(t, m.Partitions, 2)
	assert.Equal(t, []string{"exports/a.csv"}, m.Partitions[0].Inputs)
	assert.Equal(t, []string{"b.txt", "exports/a.csv"}, m.Partitions[1].Inputs)

	_, err = runWith(t, out, Options{Mode: OverwritePartitions, Inputs: txt.Inputs}, 0, sourcedReports(t, c, map[int]string{5: "b.txt"}))
	require.NoError(t, err)
	m = checkManifest(t, out)
	assert.Equal(t, []string{"b.txt", "exports/a.csv"}, inputNamesOf(m), "2023 still comes from the CSV")
	assert.Equal(t, []string{"2024-120000", "2024-140000"}, m.Removed)

	_, err = runWith(t, out, Options{Mode: Overwrite, Inputs: txt.Inputs}, 0, sourcedReports(t, c, map[int]string{5: "b.txt"}))
	require.NoError(t, err)
	m = checkManifest(t, out)
	assert.Equal(t, []string{"b.txt"}, inputNamesOf(m))
}

// TestRelinkerRewritesOtherYears: a relinker sees the dataset as the commit
// leaves it and replaces rows of reports the run did not bring; their
// partitions are rewritten with the rest of their rows.
func TestRelinkerRewritesOtherYears(t *testing.T) {
	ctx := context.Background()
	c := testCorpus{reports: 4, perReport: 2} // 2023: 0, 2; 2024: 1, 3
	out := t.TempDir()
	_, err := runWith(t, out, Options{}, 0, reportsOf(t, c, 0, 1, 2))
	require.NoError(t, err)

	var seen []string
	// Each 2024 report marks the goals of the 2023 report before it (r-1)
	// and of itself: a stand-in for the links across years.
	relink := func(ctx context.Context, m *Merged) error {
		for _, k := range m.Reports() {
			seen = append(seen, fmt.Sprintf("%s:%v", k.ID, k.Brought))
		}
		var ids []string
		err := m.Scan(schemas.Goals, 2024, nil, func(id string, rows any) error {
			ids = append(ids, fmt.Sprintf("%s×%d", id, reflect.ValueOf(rows).Len()))
			return nil
		})
		if err != nil {
			return err
		}
		seen = append(seen, ids...)
		for _, r := range []int{0, 3} {
			id, year, _ := reportKeys(r)
			goals := testRows(schemas.Goals, r, 1).([]schemas.Goal)
			goals[0].Span = "relinked"
			if err := m.Replace(schemas.Goals, id, year, goals); err != nil {
				return err
			}
		}
		return m.Replace(schemas.Goals, "2023-130000", 2023, []schemas.Goal{}) // report 2: none
	}
	_, err = runWith(t, out, Options{Relink: relink}, 0, reportsOf(t, c, 3))
	require.NoError(t, err)
	assert.Equal(t, []string{"2023-110000:false", "2023-130000:false", "2024-120000:false", "2024-140000:true",
		"2024-120000×3", "2024-140000×5"}, seen)

	goals, err := ReadTable[schemas.Goal](ctx, out, schemas.Goals)
	require.NoError(t, err)
	var got []string
	for _, g := range goals {
		got = append(got, g.ReportID+":"+g.Span)
	}
	want := []string{"2023-110000:relinked"}
	for _, g := range testRows(schemas.Goals, 1, c.rowsOf(schemas.Goals, 1)).([]schemas.Goal) {
		want = append(want, g.ReportID+":"+g.Span)
	}
	want = append(want, "2024-140000:relinked")
	assert.Equal(t, want, got, "2023 rewritten with the relinked rows; the run's own rows replaced too")
	sentences, err := ReadTable[schemas.Sentence](ctx, out, schemas.Sentences)
	require.NoError(t, err)
	assert.Len(t, sentences, int(c.rowsOf(schemas.Sentences, 0)+c.rowsOf(schemas.Sentences, 1)+
		c.rowsOf(schemas.Sentences, 2)+c.rowsOf(schemas.Sentences, 3)), "the other tables of the years rewritten keep every row")
	assert.ElementsMatch(t, []string{"2023-110000", "2023-130000", "2024-120000", "2024-140000"}, reportIDs(t, out))
	checkManifest(t, out)
}

// TestRelinkerSeesWhatTheCommitChanges: a relinker learns the reports a
// commit removes, reads only the reports it asks for (not the files that
// hold none of them), and an appending run may replace its own reports'
// rows only.
func TestRelinkerSeesWhatTheCommitChanges(t *testing.T) {
	c := testCorpus{reports: 4, perReport: 2} // 2023: 0, 2; 2024: 1, 3
	out := t.TempDir()
	_, err := runWith(t, out, Options{}, 0, reportsOf(t, c, 0, 1, 2, 3))
	require.NoError(t, err)

	var removed, scanned []string
	relink := func(_ context.Context, m *Merged) error {
		for _, k := range m.Removed() {
			removed = append(removed, k.ID)
		}
		err := m.Scan(schemas.Goals, 2024, func(id string) bool { return id == "2024-140000" }, func(id string, rows any) error {
			scanned = append(scanned, fmt.Sprintf("%s×%d", id, reflect.ValueOf(rows).Len()))
			return nil
		})
		if err != nil {
			return err
		}
		// The goals partition of 2023 is read by no one: a damaged file there goes unnoticed.
		return m.Scan(schemas.Goals, 2023, func(string) bool { return false }, func(string, any) error {
			return errors.New("no report wanted")
		})
	}
	require.NoError(t, os.WriteFile(filepath.Join(out, "goals", "year=2023", "part-00000.parquet"), []byte("damaged"), 0o644))
	_, err = runWith(t, out, Options{Relink: relink, Mode: OverwritePartitions}, 0, reportsOf(t, c, 1))
	require.NoError(t, err)
	assert.Equal(t, []string{"2024-140000"}, removed, "overwrite-partitions of 2024 removes the other report of 2024")
	assert.Empty(t, scanned, "a removed report is not scanned")

	scanned = nil
	_, err = runWith(t, out, Options{Relink: relink}, 0, reportsOf(t, c, 3))
	require.NoError(t, err)
	assert.Equal(t, []string{"2024-140000×5"}, scanned, "the run's own report, read back")

	appendRun := func(_ context.Context, m *Merged) error {
		assert.True(t, m.Appending())
		id, year, _ := reportKeys(1)
		err := m.Replace(schemas.Goals, id, year, testRows(schemas.Goals, 1, 1))
		assert.ErrorContains(t, err, "an appending run rewrites no partition")
		id, year, _ = reportKeys(5)
		return m.Replace(schemas.Goals, id, year, testRows(schemas.Goals, 5, 1))
	}
	c6 := testCorpus{reports: 6, perReport: 2}
	_, err = runWith(t, out, Options{Relink: appendRun, Mode: Append}, 0, reportsOf(t, c6, 5))
	require.NoError(t, err)
	checkManifest(t, out)
}

// TestFailedRunLeavesNoNewFolder: a run that stops before its commit leaves
// no --out it made (nor the folders above it that it made), and never
// removes one that was there.
func TestFailedRunLeavesNoNewFolder(t *testing.T) {
	ctx := context.Background()
	parent := t.TempDir()
	out := filepath.Join(parent, "new", "lake")
	d, err := Open(ctx, Options{Out: out})
	require.NoError(t, err)
	require.NoError(t, d.Append(schemas.Reports, testRows(schemas.Reports, 0, 1)))
	assert.DirExists(t, out)
	d.Abort()
	assert.NoDirExists(t, filepath.Join(parent, "new"))

	empty := t.TempDir()
	d, err = Open(ctx, Options{Out: empty})
	require.NoError(t, err)
	d.Abort()
	assert.DirExists(t, empty, "a folder that was there stays")

	_, err = runWith(t, out, Options{}, 0, reportsOf(t, corpus, 0))
	require.NoError(t, err)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.NotEmpty(t, entries, "a committed run's folder stays")
}

// TestMergeOnS3: merging batches into a bucket, with spilled runs, gives the
// objects of one run on a local disk.
func TestMergeOnS3(t *testing.T) {
	c := testCorpus{reports: 6, perReport: 3}
	in := Options{Inputs: []Input{{Name: "in.txt", SHA256: "ab", Bytes: 2}}}
	single := t.TempDir()
	_, err := runWith(t, single, in, 0, reportsOf(t, c, 0, 1, 2, 3, 4, 5))
	require.NoError(t, err)
	out := s3URL(fakeS3(t), "lake")
	for _, b := range [][]int{{4, 1}, {0, 3, 2}, {5, 1}} {
		_, err := runWith(t, out, in, 4, reportsOf(t, c, b...))
		require.NoError(t, err)
	}
	assert.Equal(t, snapshot(t, single), objects(t, out))
}
