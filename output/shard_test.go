package output

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shardSpec is a shard of a test corpus: by default the reports r with
// r%count == index, listed in the marker with their number r.
type shardSpec struct {
	index, count int
	keep         func(r int) bool // the reports whose rows the shard writes
	listed       func(r int) bool // the reports its marker lists; keep when nil
	skipped      []int            // the reports it left out (--on-error skip)
	read         int              // reports the inputs hold; the corpus's when 0
	inputs       []Input
}

func (s shardSpec) defaults(c testCorpus) shardSpec {
	if s.keep == nil {
		s.keep = func(r int) bool { return r%s.count == s.index }
	}
	if s.listed == nil {
		s.listed = s.keep
	}
	if s.read == 0 {
		s.read = c.reports
	}
	if s.inputs == nil {
		s.inputs = []Input{{Name: "in.txt", SHA256: "ab", Bytes: 2}}
	}
	return s
}

// writeShard writes a shard of c at out as the pipeline does: the per-report
// tables, no regions.
func writeShard(t *testing.T, out string, c testCorpus, s shardSpec) Summary {
	t.Helper()
	s = s.defaults(c)
	ctx := context.Background()
	d, err := Open(ctx, Options{Out: out, ShardIndex: s.index, ShardCount: s.count, ToolVersion: "test", Inputs: s.inputs})
	require.NoError(t, err)
	defer d.Abort()
	var reports []ShardReport
	for r := 0; r < c.reports; r++ {
		if s.keep(r) {
			for _, tbl := range schemas.All {
				if tbl.Partitioned {
					require.NoError(t, d.Append(tbl, testRows(tbl, r, c.rowsOf(tbl, r))))
				}
			}
		}
		if s.listed(r) {
			id, year, _ := reportKeys(r)
			reports = append(reports, ShardReport{ID: id, Seq: r, Year: year})
		}
	}
	d.SetShardReports(reports, s.skipped, s.read)
	sum, err := d.Commit(ctx)
	require.NoError(t, err)
	return sum
}

// commitShards does at out what pipeline.Commit does, for any table: the
// shards' rows, report by report in input order, go to a single run.
func commitShards(ctx context.Context, out string, c testCorpus) (Summary, error) {
	return commitShardsOn(ctx, c, func() (store, error) { return openStore(ctx, out) })
}

// commitShardsOn is commitShards on the stores open gives (one for the
// shards, one for the dataset).
func commitShardsOn(ctx context.Context, c testCorpus, open func() (store, error)) (Summary, error) {
	st, err := open()
	if err != nil {
		return Summary{}, err
	}
	shards, err := openShards(ctx, st)
	if err != nil {
		_ = st.Close()
		return Summary{}, err
	}
	defer shards.Close()
	st, err = open()
	if err != nil {
		return Summary{}, err
	}
	d, err := openDataset(ctx, Options{ToolVersion: shards.ToolVersion(), Inputs: shards.Inputs()}, st)
	if err != nil {
		_ = st.Close()
		return Summary{}, err
	}
	defer d.Abort()
	for _, r := range shards.Reports() {
		for _, tbl := range schemas.All {
			if !tbl.Partitioned {
				continue
			}
			rows, err := shards.reportRows(ctx, tbl, r)
			if err != nil {
				return Summary{}, err
			}
			if err := d.Append(tbl, rows.Interface()); err != nil {
				return Summary{}, err
			}
		}
	}
	if err := shards.Done(); err != nil {
		return Summary{}, err
	}
	if err := d.Append(schemas.Regions, testRows(schemas.Regions, 0, c.perReport)); err != nil {
		return Summary{}, err
	}
	sum, err := d.Commit(ctx)
	if err != nil {
		return Summary{}, err
	}
	return sum, shards.Remove(ctx, 0)
}

// tableFiles is the part of a snapshot outside _shards/.
func tableFiles(files map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		if !strings.HasPrefix(k, shardsDir) {
			out[k] = v
		}
	}
	return out
}

func TestShardsCommitLikeOneRun(t *testing.T) {
	ctx := context.Background()
	single := t.TempDir()
	corpus.write(t, single)
	want := snapshot(t, single)

	for _, count := range []int{2, 3, corpus.reports + 1} { // the last has a shard without reports
		t.Run(fmt.Sprint(count), func(t *testing.T) {
			out := t.TempDir()
			corpus.write(t, out) // an earlier run, to be replaced
			for i := 0; i < count; i++ {
				ok, err := ShardDone(ctx, out, i, count, []string{"in.txt"})
				require.NoError(t, err)
				assert.False(t, ok)
				writeShard(t, out, corpus, shardSpec{index: i, count: count})
				ok, err = ShardDone(ctx, out, i, count, []string{"in.txt"})
				require.NoError(t, err)
				assert.True(t, ok)
				assert.Equal(t, want, tableFiles(snapshot(t, out)), "the shards stay out of the tables until the commit")
			}
			assert.FileExists(t, filepath.Join(out, "_shards/00001-of-0000"+fmt.Sprint(count)+"/reports/year=2024/part-00000.parquet"))
			sum, err := commitShards(ctx, out, corpus)
			require.NoError(t, err)
			for _, tbl := range schemas.All {
				assert.Equal(t, corpus.wantCount(tbl), sum.Tables[tbl.Name], tbl.Name)
			}
			assert.Equal(t, want, snapshot(t, out), "the files of a single run, byte for byte; no _shards/ left")
		})
	}
}

func TestShardDoneNeedsEveryFile(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	writeShard(t, out, corpus, shardSpec{index: 1, count: 2})
	for _, f := range []string{"_shards/00001-of-00002/goals/year=2024/part-00000.parquet", "_shards/00001-of-00002/reports/year=2024/part-00000.parquet"} {
		out := t.TempDir()
		writeShard(t, out, corpus, shardSpec{index: 1, count: 2})
		require.NoError(t, os.Remove(filepath.Join(out, f)))
		ok, err := ShardDone(ctx, out, 1, 2, []string{"in.txt"})
		require.NoError(t, err)
		assert.False(t, ok, f)
	}
	for _, names := range [][]string{{"in.txt", "more.txt"}, {"other.txt"}, nil} {
		ok, err := ShardDone(ctx, out, 1, 2, names)
		require.NoError(t, err)
		assert.False(t, ok, "a rerun over other inputs, %q", names)
	}
	ok, err := ShardDone(ctx, out, 1, 2, []string{"in.txt"})
	require.NoError(t, err)
	assert.True(t, ok)
}

func TestShardCommitErrors(t *testing.T) {
	ctx := context.Background()
	twice, _, _ := reportKeys(2)
	pair := func(specs ...shardSpec) func(t *testing.T, out string) {
		return func(t *testing.T, out string) {
			for _, s := range specs {
				writeShard(t, out, corpus, s)
			}
		}
	}
	cases := []struct {
		name  string
		write func(t *testing.T, out string)
		want  string
	}{
		{"missing shard", pair(shardSpec{index: 0, count: 3}, shardSpec{index: 2, count: 3}), "shards not finished"},
		{"no shard", func(*testing.T, string) {}, "no finished shard"},
		{"report in two shards", pair(shardSpec{index: 0, count: 2},
			shardSpec{index: 1, count: 2, keep: func(r int) bool { return r%2 == 1 || r == 2 }}),
			"report " + twice + " is in shard 00000-of-00002 and in shard 00001-of-00002"},
		{"other inputs", pair(shardSpec{index: 0, count: 2},
			shardSpec{index: 1, count: 2, inputs: []Input{{Name: "in.txt", SHA256: "cd", Bytes: 2}}}),
			"shards 00000-of-00002 and 00001-of-00002 were run over different inputs (input 1 is in.txt (sha256 ab) and in.txt (sha256 cd))"},
		{"other number of reports read", pair(shardSpec{index: 0, count: 2},
			shardSpec{index: 1, count: 2, read: corpus.reports + 1}),
			fmt.Sprintf("shard 00001-of-00002 read %d reports", corpus.reports+1)},
		{"a report in no shard", pair(shardSpec{index: 0, count: 2},
			shardSpec{index: 1, count: 2, keep: func(r int) bool { return r == 1 }}),
			fmt.Sprintf("the shards hold %d of the inputs' %d reports", corpus.reports-1, corpus.reports)},
		{"rows of a report the marker does not list", pair(
			shardSpec{index: 0, count: 2, listed: func(r int) bool { return r%2 == 0 || r == 3 }},
			shardSpec{index: 1, count: 2, listed: func(r int) bool { return r == 1 }}),
			"shard 00001-of-00002 has"},
		{"file of a shard gone", func(t *testing.T, out string) {
			pair(shardSpec{index: 0, count: 2}, shardSpec{index: 1, count: 2})(t, out)
			require.NoError(t, os.Remove(filepath.Join(out, "_shards/00001-of-00002/goals/year=2024/part-00000.parquet")))
		}, "shard 00001-of-00002 lists _shards/00001-of-00002/goals/year=2024/part-00000.parquet"},
		{"a report both left out and written", pair(shardSpec{index: 0, count: 2},
			shardSpec{index: 1, count: 2, skipped: []int{0}}),
			"shard 00001-of-00002 left out report number 0"},
		{"other schema version", func(t *testing.T, out string) {
			pair(shardSpec{index: 0, count: 2}, shardSpec{index: 1, count: 2})(t, out)
			p := filepath.Join(out, "_shards/00001-of-00002.json")
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			b = []byte(strings.Replace(string(b), `"schema_version": "`+schemas.Version+`"`, `"schema_version": "0.0.1"`, 1))
			require.NoError(t, os.WriteFile(p, b, 0o644))
		}, "schema version 0.0.1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			tc.write(t, out)
			_, err := commitShards(ctx, out, corpus)
			require.ErrorContains(t, err, tc.want)
			assert.NoFileExists(t, filepath.Join(out, SuccessKey))
			assert.NoFileExists(t, filepath.Join(out, ManifestKey))
		})
	}
}

// TestShardsLeftOut: the reports a shard left out (--on-error skip) count
// among the inputs' reports; the commit writes the others.
func TestShardsLeftOut(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	odd := func(r int) bool { return r%2 == 1 && r != 1 }
	writeShard(t, out, corpus, shardSpec{index: 0, count: 2})
	writeShard(t, out, corpus, shardSpec{index: 1, count: 2, keep: odd, skipped: []int{1}})
	sum, err := commitShards(ctx, out, corpus)
	require.NoError(t, err)
	assert.Equal(t, int64(corpus.reports-1), sum.Tables["reports"])
}

func TestShardRerunWithAnotherCount(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	for i := 0; i < 3; i++ {
		writeShard(t, out, corpus, shardSpec{index: i, count: 3})
	}
	for i := 0; i < 2; i++ {
		writeShard(t, out, corpus, shardSpec{index: i, count: 2})
	}
	for k := range snapshot(t, out) {
		assert.NotContains(t, k, "of-00003", "the shards of the old count are removed")
	}
	_, err := commitShards(ctx, out, corpus)
	require.NoError(t, err)
	got, err := ReadTable[schemas.Sentence](ctx, out, schemas.Sentences)
	require.NoError(t, err)
	assert.Equal(t, corpus.want(schemas.Sentences), got)
}

func TestParseShardKey(t *testing.T) {
	for _, tc := range []struct {
		key          string
		index, count int
		marker, ok   bool
	}{
		{"_shards/00001-of-00002.json", 1, 2, true, true},
		{"_shards/00001-of-00002/goals/year=2024/part-00000.parquet", 1, 2, false, true},
		{"_shards/1-of-2.json", 0, 0, false, false},
		{"_shards/00001-of-00000.json", 0, 0, false, false},
		{"_shards/notes.txt", 0, 0, false, false},
	} {
		i, n, marker, ok := parseShardKey(tc.key)
		assert.Equal(t, []any{tc.index, tc.count, tc.marker, tc.ok}, []any{i, n, marker, ok}, tc.key)
	}
}

func TestShardsOnS3(t *testing.T) {
	ctx := context.Background()
	out := s3URL(fakeS3(t), "lake")
	for i := 0; i < 2; i++ {
		writeShard(t, out, corpus, shardSpec{index: i, count: 2})
		ok, err := ShardDone(ctx, out, i, 2, []string{"in.txt"})
		require.NoError(t, err)
		assert.True(t, ok)
	}
	_, err := commitShards(ctx, out, corpus)
	require.NoError(t, err)
	single := t.TempDir()
	corpus.write(t, single)
	assert.Equal(t, snapshot(t, single), objects(t, out), "a single run's objects, no _shards/ left")
}
