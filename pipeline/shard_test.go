package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/testdata"
)

// mixedYears are two inputs of the seed corpus's provincial reports, each
// moved back 0, 1 or 2 years in turn, so that years alternate report by
// report: each partition is still written as one file, in report_id order.
func mixedYears(t *testing.T) []read.Source {
	t.Helper()
	parts := mixedYearsText(t)
	return []read.Source{read.BytesSource("first.txt", parts[0]), read.BytesSource("second.txt", parts[1])}
}

func mixedYearsText(t *testing.T) [2][]byte {
	t.Helper()
	var parts [2][]byte
	for k := 1; k <= 12; k++ { // the provinces after the national report
		parts[(k-1)/6] = append(parts[(k-1)/6], shiftedReport(t, k, -k%3)...)
	}
	return parts
}

// nextYears is an input of the next year's reports of some provinces of
// mixedYears: their goals of a year meet the outcomes of the next, so the
// attainment table has rows, and of regions whose reports are in different
// inputs (and shards).
func nextYears(t *testing.T) read.Source {
	t.Helper()
	var text []byte
	for _, k := range []int{2, 3, 7, 8, 10} {
		text = append(text, shiftedReport(t, k, 1-k%3)...)
	}
	return read.BytesSource("next.txt", text)
}

// shiftedReport is the k-th report of the seed corpus with every year moved by shift.
func shiftedReport(t *testing.T, k, shift int) []byte {
	t.Helper()
	title := regexp.MustCompile(`(?m)^ ?\d+\.`)
	year := regexp.MustCompile(`(1[89]|2[01])\d\d年`)
	starts := title.FindAllIndex(testdata.Corpus, -1)
	require.Greater(t, len(starts), k+1)
	report := testdata.Corpus[starts[k][0]:starts[k+1][0]]
	return year.ReplaceAllFunc(report, func(m []byte) []byte {
		y, _ := strconv.Atoi(string(m[:4]))
		return append(strconv.AppendInt(nil, int64(y+shift), 10), m[4:]...)
	})
}

// files maps every file under dir to its sha256.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		sum := sha256.Sum256(b)
		got[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return err
	})
	require.NoError(t, err)
	return got
}

// TestShardedRunEqualsSingleRun: 2 and 3 shards and their commit write the
// dataset of a single run over the same inputs, byte for byte (every table
// file, the manifest and _SUCCESS), and no shard's rows are in the table
// folders before the commit. Some regions have reports of two years, so
// the attainment table (built over every report) has rows.
func TestShardedRunEqualsSingleRun(t *testing.T) {
	ctx := context.Background()
	inputs := append(mixedYears(t), nextYears(t))
	single := filepath.Join(t.TempDir(), "single")
	sum, err := Run(ctx, Config{Inputs: inputs, Out: single, ToolVersion: "test"})
	require.NoError(t, err)
	require.Equal(t, 17, sum.Reports)
	require.Positive(t, sum.Tables["attainment"], "goals of a year meet the next year's review")
	want := files(t, single)
	assert.NotContains(t, want, "sentences/year=2023/part-00001.parquet", "years alternate, and a partition is still one file")
	for _, p := range []string{"terms/year=2022/part-00000.parquet", "regions/part-00000.parquet", "attainment/year=2024/part-00000.parquet"} {
		assert.Contains(t, want, p)
	}

	for _, count := range []int{2, 3} {
		t.Run(fmt.Sprintf("%d shards", count), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "sharded")
			reports := 0
			for i := range count {
				sum, err := Run(ctx, Config{Inputs: inputs, Out: out, ShardIndex: i, ShardCount: count, ToolVersion: "test"})
				require.NoError(t, err)
				reports += sum.Reports
				for k := range files(t, out) {
					assert.True(t, strings.HasPrefix(k, "_shards/"), "%s is visible before the commit", k)
				}
			}
			assert.Equal(t, 17, reports)
			sum, err := Commit(ctx, CommitConfig{Out: out, ToolVersion: "test"})
			require.NoError(t, err)
			assert.Equal(t, 17, sum.Reports)
			assert.Equal(t, want, files(t, out))
		})
	}
}

func TestCommitChecksTheShards(t *testing.T) {
	ctx := context.Background()
	inputs := mixedYears(t)
	cases := []struct {
		name  string
		shard func(i int) Config
		want  string
	}{
		{"other inputs", func(i int) Config {
			in := inputs
			if i == 1 {
				// The same reports, one more blank line.
				in = []read.Source{inputs[0], read.BytesSource("second.txt", append(mixedYearsText(t)[1], '\n'))}
			}
			return Config{Inputs: in}
		}, "were run over different inputs (input 2 is second.txt (sha256"},
		{"inputs in another order", func(i int) Config {
			if i == 1 {
				return Config{Inputs: []read.Source{inputs[1], inputs[0]}}
			}
			return Config{Inputs: inputs}
		}, "input 1 is first.txt"},
		{"other version", func(i int) Config { return Config{Inputs: inputs, ToolVersion: fmt.Sprint("v", i)} }, `shard 00001-of-00002 was written by "v1"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "ds")
			for i := range 2 {
				cfg := tc.shard(i)
				cfg.Out, cfg.ShardIndex, cfg.ShardCount = out, i, 2
				cfg.ToolVersion = cmp.Or(cfg.ToolVersion, "test")
				_, err := Run(ctx, cfg)
				require.NoError(t, err)
			}
			_, err := Commit(ctx, CommitConfig{Out: out, ToolVersion: "test"})
			require.ErrorContains(t, err, tc.want)
			assert.NoFileExists(t, filepath.Join(out, output.SuccessKey))
		})
	}

	t.Run("commit by another version", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "ds")
		for i := range 2 {
			_, err := Run(ctx, Config{Inputs: inputs, Out: out, ShardIndex: i, ShardCount: 2, ToolVersion: "test"})
			require.NoError(t, err)
		}
		_, err := Commit(ctx, CommitConfig{Out: out, ToolVersion: "newer"})
		require.ErrorContains(t, err, "the shards were written by govreports test, this is newer")
	})
}

// TestCommitJoinsTheDataset: a commit joins the dataset at --out as a run
// does: by its mode (the other years stay), under the dataset's lease, with
// what the shards left out (--on-error skip) listed once.
func TestCommitJoinsTheDataset(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "ds")
	_, err := Run(ctx, Config{Inputs: []read.Source{read.BytesSource("old.txt", shiftedReport(t, 1, -5))}, Out: out, ToolVersion: "test"})
	require.NoError(t, err)
	binary := read.BytesSource("bin.txt", []byte("1.河北省政府工作报告\n\x00\x01"))
	inputs := append(mixedYears(t), binary)
	shard := func() {
		for i := range 2 {
			sum, err := Run(ctx, Config{Inputs: inputs, Out: out, ShardIndex: i, ShardCount: 2, ToolVersion: "test", SkipErrors: true})
			require.NoError(t, err)
			require.Len(t, sum.Rejected, 1)
		}
	}
	shard()

	held, err := output.Open(ctx, output.Options{Out: out})
	require.NoError(t, err)
	_, err = Commit(ctx, CommitConfig{Out: out, ToolVersion: "test"})
	var lease *output.LeaseHeldError
	require.ErrorAs(t, err, &lease, "a commit needs the dataset's lease")
	held.Abort()

	sum, err := Commit(ctx, CommitConfig{Out: out, ToolVersion: "test"})
	require.NoError(t, err)
	require.Len(t, sum.Rejected, 1, "each shard rejected bin.txt: listed once")
	assert.Equal(t, "bin.txt", sum.Rejected[0].Input)
	m, err := output.ReadManifest(ctx, out)
	require.NoError(t, err)
	assert.Equal(t, output.Merge, m.Mode)
	assert.Equal(t, sum.Rejected, m.Rejected)
	var years []int16
	for _, p := range m.Partitions {
		years = append(years, p.Year)
	}
	assert.Equal(t, []int16{2019, 2022, 2023, 2024}, years, "the single run's year stays")
	assert.FileExists(t, filepath.Join(out, "terms", "year=2019", "part-00000.parquet"))
	assert.NoDirExists(t, filepath.Join(out, "_shards"))

	shard()
	_, err = Commit(ctx, CommitConfig{Out: out, ToolVersion: "test", Mode: output.Append})
	require.ErrorContains(t, err, "would duplicate reports")
	assert.DirExists(t, filepath.Join(out, "_shards"), "a failed commit keeps the shards")
}
