package output

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryTableHasAFile(t *testing.T) {
	ctx := context.Background()
	t.Run("only reports", func(t *testing.T) {
		out := t.TempDir()
		d, err := Open(ctx, Options{Out: out})
		require.NoError(t, err)
		require.NoError(t, d.Append(schemas.Reports, testRows(schemas.Reports, 1, 1)))
		sum, err := d.Commit(ctx)
		require.NoError(t, err)
		assert.Len(t, sum.Files, len(schemas.All))
		for _, tbl := range schemas.All {
			got, err := readTable(ctx, out, tbl, nil)
			require.NoError(t, err, tbl.Name)
			assert.Equal(t, int(sum.Tables[tbl.Name]), got.Len(), tbl.Name)
		}
		assert.FileExists(t, filepath.Join(out, "goals/year=2024/part-00000.parquet"))
	})
	t.Run("no rows at all", func(t *testing.T) {
		out := t.TempDir()
		d, err := Open(ctx, Options{Out: out})
		require.NoError(t, err)
		sum, err := d.Commit(ctx)
		require.NoError(t, err)
		for _, tbl := range schemas.All {
			assert.FileExists(t, filepath.Join(out, tbl.Name, "part-00000.parquet"))
			assert.Zero(t, sum.Tables[tbl.Name])
			got, err := readTable(ctx, out, tbl, nil)
			require.NoError(t, err, tbl.Name)
			assert.Zero(t, got.Len())
		}
	})
}

// failingStore makes writes fail once a byte budget is spent, as a full disk
// or a dropped connection would.
type failingStore struct {
	store
	budget atomic.Int64
}

var errInjected = errors.New("injected write failure")

func (s *failingStore) Create(ctx context.Context, key string) (objectWriter, error) {
	w, err := s.store.Create(ctx, key)
	if err != nil {
		return nil, err
	}
	return &failingWriter{objectWriter: w, s: s}, nil
}

type failingWriter struct {
	objectWriter
	s *failingStore
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.s.budget.Add(-int64(len(p))) < 0 {
		return 0, errInjected
	}
	return w.objectWriter.Write(p)
}

// openFailing opens a run on out whose writes fail once budget bytes are written.
func openFailing(t *testing.T, out string, budget int64) *Dataset {
	st, err := newLocalStore(out)
	require.NoError(t, err)
	fs := &failingStore{store: st}
	fs.budget.Store(budget)
	d, err := openDataset(context.Background(), Options{Out: out}, fs)
	require.NoError(t, err)
	return d
}

func TestFailedRunKeepsPreviousDataset(t *testing.T) {
	big := testCorpus{reports: 6, perReport: 200}
	cases := []struct {
		name string
		run  func(t *testing.T, out string) error
		want string
	}{
		{"append error", func(t *testing.T, out string) error {
			d, err := Open(context.Background(), Options{Out: out})
			require.NoError(t, err)
			defer d.Abort()
			require.NoError(t, d.Append(schemas.Reports, testRows(schemas.Reports, 0, 1)))
			err = d.Append(schemas.Goals, testRows(schemas.Figures, 0, 3))
			require.Error(t, err)
			_, cerr := d.Commit(context.Background())
			require.Error(t, cerr, "a failed run cannot commit")
			return err
		}, "want []schemas.Goal"},
		{"cancelled mid-way", func(t *testing.T, out string) error {
			ctx, cancel := context.WithCancel(context.Background())
			d, err := Open(ctx, Options{Out: out})
			require.NoError(t, err)
			defer d.Abort()
			big.appendAll(t, d, func(r int) bool { return r < 3 })
			cancel()
			err = d.Append(schemas.Reports, testRows(schemas.Reports, 4, 1))
			require.Error(t, err)
			return err
		}, "context canceled"},
		{"cancelled before commit", func(t *testing.T, out string) error {
			ctx, cancel := context.WithCancel(context.Background())
			d, err := Open(ctx, Options{Out: out})
			require.NoError(t, err)
			big.appendAll(t, d, func(int) bool { return true })
			cancel()
			_, err = d.Commit(ctx)
			return err
		}, "context canceled"},
		{"write fails half-way", func(t *testing.T, out string) error {
			d := openFailing(t, out, 40<<10)
			big.appendAll(t, d, func(int) bool { return true })
			_, err := d.Commit(context.Background())
			return err
		}, errInjected.Error()},
		{"write fails in a file closed early", func(t *testing.T, out string) error {
			d := openFailing(t, out, 20<<10)
			defer d.Abort()
			// One year after another: each new year closes the oldest open one in the background.
			for year := int16(2001); year <= 2012; year++ {
				rows := testRows(schemas.Sentences, 0, 300).([]schemas.Sentence)
				for i := range rows {
					rows[i].Year = year
				}
				if err := d.Append(schemas.Sentences, rows); err != nil {
					return err
				}
			}
			_, err := d.Commit(context.Background())
			return err
		}, errInjected.Error()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			corpus.write(t, out)
			before := snapshot(t, out)
			err := tc.run(t, out)
			require.ErrorContains(t, err, tc.want)
			assert.Equal(t, before, snapshot(t, out), "previous dataset intact, no temp file")
			assert.NoDirExists(t, filepath.Join(out, stagingDir))
			got, err := ReadTable[schemas.Sentence](context.Background(), out, schemas.Sentences)
			require.NoError(t, err)
			assert.Equal(t, corpus.want(schemas.Sentences), got)
		})
	}
}

func TestAbortAndCommitAreFinal(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	d, err := Open(ctx, Options{Out: out})
	require.NoError(t, err)
	_, err = d.Commit(ctx)
	require.NoError(t, err)
	before := snapshot(t, out)
	d.Abort()
	assert.Equal(t, before, snapshot(t, out), "Abort after Commit is a no-op")
	assert.Error(t, d.Append(schemas.Regions, []schemas.Region{{}}))
	_, err = d.Commit(ctx)
	assert.Error(t, err)
}

func TestUnwritableOutput(t *testing.T) {
	out := t.TempDir()
	if os.Geteuid() == 0 {
		// Root ignores permission bits; an immutable directory stops root too.
		if err := exec.Command("chattr", "+i", out).Run(); err != nil {
			t.Skipf("cannot make a directory read-only as root: %v", err)
		}
		t.Cleanup(func() { _ = exec.Command("chattr", "-i", out).Run() })
	} else {
		require.NoError(t, os.Chmod(out, 0o555))
		t.Cleanup(func() { _ = os.Chmod(out, 0o755) })
	}
	_, err := Open(context.Background(), Options{Out: out})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not writable")
	assert.Contains(t, err.Error(), out)
}

func TestOpenRejectsBadOptions(t *testing.T) {
	ctx := context.Background()
	for _, opts := range []Options{
		{Out: ""},
		{Out: t.TempDir(), ShardIndex: 2, ShardCount: 2},
		{Out: t.TempDir(), ShardIndex: -1, ShardCount: 2},
		{Out: "nosuchscheme://bucket"},
	} {
		_, err := Open(ctx, opts)
		assert.Error(t, err, "%+v", opts)
	}
}
