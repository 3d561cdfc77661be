package output

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeShard writes shard index of count: the reports r with r%count == index.
func writeShard(t *testing.T, out string, c testCorpus, index, count int, keep func(r int) bool) Summary {
	t.Helper()
	ctx := context.Background()
	d, err := Open(ctx, Options{Out: out, ShardIndex: index, ShardCount: count, ToolVersion: "test",
		Inputs: []Input{{Name: "in.txt", SHA256: "ab", Bytes: 2}}})
	require.NoError(t, err)
	defer d.Abort()
	c.appendAll(t, d, keep)
	sum, err := d.Commit(ctx)
	require.NoError(t, err)
	return sum
}

func byShard(index, count int) func(r int) bool {
	return func(r int) bool { return r%count == index }
}

func TestShardsCommitIntoOneDataset(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	corpus.write(t, out) // an earlier unsharded run, to be replaced

	for i := 0; i < 2; i++ {
		ok, err := ShardDone(ctx, out, i, 2)
		require.NoError(t, err)
		assert.False(t, ok)
		writeShard(t, out, corpus, i, 2, byShard(i, 2))
		ok, err = ShardDone(ctx, out, i, 2)
		require.NoError(t, err)
		assert.True(t, ok)
		assert.NoFileExists(t, filepath.Join(out, SuccessKey), "no _SUCCESS before the commit")
	}
	assert.FileExists(t, filepath.Join(out, "sentences/year=2024/part-00001-of-00002.parquet"))
	assert.FileExists(t, filepath.Join(out, "_shards/00000-of-00002.json"))

	sum, err := Commit(ctx, out)
	require.NoError(t, err)
	for _, tbl := range schemas.All {
		assert.Equal(t, corpus.wantCount(tbl), sum.Tables[tbl.Name], tbl.Name)
	}
	m, err := ReadManifest(ctx, out)
	require.NoError(t, err)
	assert.Equal(t, 2, m.Shards)
	assert.Equal(t, sum.Files, m.Files)
	assert.Equal(t, []Input{{Name: "in.txt", SHA256: "ab", Bytes: 2}}, m.Inputs)
	assert.NoFileExists(t, filepath.Join(out, "sentences/year=2024/part-00000.parquet"), "the unsharded run's file is gone")

	// Shards are read in file order, so compare as sets of rows.
	got, err := ReadTable[schemas.Figure](ctx, out, schemas.Figures)
	require.NoError(t, err)
	assert.ElementsMatch(t, corpus.want(schemas.Figures), got)
	regions, err := ReadTable[schemas.Region](ctx, out, schemas.Regions)
	require.NoError(t, err)
	assert.Equal(t, corpus.want(schemas.Regions), regions)
}

func TestShardCommitErrors(t *testing.T) {
	ctx := context.Background()
	twice, _, _ := reportKeys(2)
	cases := []struct {
		name  string
		write func(t *testing.T, out string)
		want  string
	}{
		{"missing shard", func(t *testing.T, out string) {
			writeShard(t, out, corpus, 0, 3, byShard(0, 3))
			writeShard(t, out, corpus, 2, 3, byShard(2, 3))
		}, "00001-of-00003"},
		{"report in two shards", func(t *testing.T, out string) {
			writeShard(t, out, corpus, 0, 2, byShard(0, 2))
			writeShard(t, out, corpus, 1, 2, func(r int) bool { return r%2 == 1 || r == 2 })
		}, "report " + twice + " is in shard 00000-of-00002 and in shard 00001-of-00002"},
		{"no shard", func(*testing.T, string) {}, "no finished shard"},
		{"file of a shard gone", func(t *testing.T, out string) {
			writeShard(t, out, corpus, 0, 2, byShard(0, 2))
			writeShard(t, out, corpus, 1, 2, byShard(1, 2))
			require.NoError(t, os.Remove(filepath.Join(out, "goals/year=2024/part-00001-of-00002.parquet")))
		}, "shard 00001-of-00002 lists goals/year=2024/part-00001-of-00002.parquet"},
		{"other schema version", func(t *testing.T, out string) {
			writeShard(t, out, corpus, 0, 2, byShard(0, 2))
			writeShard(t, out, corpus, 1, 2, byShard(1, 2))
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
			_, err := Commit(ctx, out)
			require.ErrorContains(t, err, tc.want)
			assert.NoFileExists(t, filepath.Join(out, SuccessKey))
			assert.NoFileExists(t, filepath.Join(out, ManifestKey))
		})
	}
}

func TestShardRerunWithAnotherCount(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	for i := 0; i < 3; i++ {
		writeShard(t, out, corpus, i, 3, byShard(i, 3))
	}
	for i := 0; i < 2; i++ {
		writeShard(t, out, corpus, i, 2, byShard(i, 2))
	}
	_, err := Commit(ctx, out)
	require.NoError(t, err)
	for k := range snapshot(t, out) {
		assert.NotContains(t, k, "of-00003", "files of the old shard count are removed")
	}
	got, err := ReadTable[schemas.Sentence](ctx, out, schemas.Sentences)
	require.NoError(t, err)
	assert.ElementsMatch(t, corpus.want(schemas.Sentences), got)
}
