package output

import (
	"context"
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// faultStore fails the n-th call made to its store, counting from 0, as
// pebble's errorfs fails the n-th filesystem operation; the writes and
// closes of the objects it creates count as calls. A store that dies fails
// that call and every later one, as a run killed there would make no more;
// otherwise the run sees one error and goes on (to clean up).
type faultStore struct {
	store
	failAt   int64
	dies     bool
	calls    atomic.Int64
	injected atomic.Bool
}

// fail counts a call and tells whether it fails.
func (s *faultStore) fail() bool {
	n := s.calls.Add(1) - 1
	if n == s.failAt || s.dies && n > s.failAt {
		s.injected.Store(true)
		return true
	}
	return false
}

// do runs op unless the call fails.
func (s *faultStore) do(op func() error) error {
	if s.fail() {
		return errInjected
	}
	return op()
}

func (s *faultStore) Create(ctx context.Context, key string) (objectWriter, error) {
	if s.fail() {
		return nil, errInjected
	}
	w, err := s.store.Create(ctx, key)
	if err != nil {
		return nil, err
	}
	return &faultWriter{objectWriter: w, s: s}, nil
}

func (s *faultStore) CreateExclusive(ctx context.Context, key string, data []byte) error {
	return s.do(func() error { return s.store.CreateExclusive(ctx, key, data) })
}

func (s *faultStore) Move(ctx context.Context, from, to string) error {
	return s.do(func() error { return s.store.Move(ctx, from, to) })
}

func (s *faultStore) Delete(ctx context.Context, key string) error {
	return s.do(func() error { return s.store.Delete(ctx, key) })
}

func (s *faultStore) DeletePrefix(ctx context.Context, prefix string) error {
	return s.do(func() error { return s.store.DeletePrefix(ctx, prefix) })
}

func (s *faultStore) Sync(ctx context.Context, prefix string) error {
	return s.do(func() error { return s.store.Sync(ctx, prefix) })
}

func (s *faultStore) List(ctx context.Context, prefix string) ([]string, error) {
	if s.fail() {
		return nil, errInjected
	}
	return s.store.List(ctx, prefix)
}

func (s *faultStore) Exists(ctx context.Context, key string) (bool, error) {
	if s.fail() {
		return false, errInjected
	}
	return s.store.Exists(ctx, key)
}

func (s *faultStore) ReadAll(ctx context.Context, key string) ([]byte, error) {
	if s.fail() {
		return nil, errInjected
	}
	return s.store.ReadAll(ctx, key)
}

func (s *faultStore) OpenFile(ctx context.Context, key string) (readFile, error) {
	if s.fail() {
		return nil, errInjected
	}
	return s.store.OpenFile(ctx, key)
}

type faultWriter struct {
	objectWriter
	s *faultStore
}

func (w *faultWriter) Write(p []byte) (int, error) {
	if w.s.fail() {
		return 0, errInjected
	}
	return w.objectWriter.Write(p)
}

func (w *faultWriter) Close() error {
	if w.s.fail() {
		return errInjected
	}
	return w.objectWriter.Close()
}

// Abort does nothing once the store died: a killed run leaves its files.
func (w *faultWriter) Abort() {
	if !w.s.dies || !w.s.injected.Load() {
		w.objectWriter.Abort()
	}
}

// commitCase is a commit whose store calls are failed one after the other.
type commitCase struct {
	name string
	// before builds the dataset the commit starts from.
	before func(t *testing.T, out string)
	// commit does the commit on st.
	commit func(ctx context.Context, st store) error
	// dataset is the part of a snapshot that the commit changes.
	dataset func(files map[string]string) map[string]string
}

func TestCommitFailingAtEveryStoreCall(t *testing.T) {
	c := testCorpus{reports: 4, perReport: 2} // reports 0..3: 2023 for even, 2024 for odd
	inputs := []Input{{Name: "in.txt", SHA256: "ab", Bytes: 2}}
	run := func(mode Mode, keep func(r int) bool) func(ctx context.Context, st store) error {
		return func(ctx context.Context, st store) error {
			d, err := openDataset(ctx, Options{Mode: mode, ToolVersion: "test", Inputs: inputs}, st)
			if err != nil {
				return err
			}
			defer d.Abort()
			if mode == Merge {
				d.files.sortBudget = 2 // the rows go through spilled runs too
			}
			for r := 0; r < c.reports; r++ {
				if !keep(r) {
					continue
				}
				for _, tbl := range schemas.All {
					if tbl.Partitioned {
						if err := d.Append(tbl, testRows(tbl, r, c.rowsOf(tbl, r))); err != nil {
							return err
						}
					}
				}
			}
			if err := d.Append(schemas.Regions, testRows(schemas.Regions, 0, c.perReport)); err != nil {
				return err
			}
			_, err = d.Commit(ctx)
			return err
		}
	}
	reports := func(keep func(r int) bool) func(t *testing.T, out string) {
		return func(t *testing.T, out string) {
			_, err := runReports(t, out, c, "", keep)
			require.NoError(t, err)
		}
	}
	whole := func(files map[string]string) map[string]string { return files }
	cases := []commitCase{
		{"merge of a report into a year", reports(func(r int) bool { return r < 2 }), run(Merge, func(r int) bool { return r == 3 }), whole},
		{"overwrite deleting a year", reports(func(r int) bool { return r < 4 }), run(Overwrite, func(r int) bool { return r == 3 }), whole},
		{"commit of shards", func(t *testing.T, out string) {
			reports(func(r int) bool { return r < 2 })(t, out)
			for i := range 2 {
				writeShard(t, out, c, shardSpec{index: i, count: 2})
			}
		}, func(ctx context.Context, st store) error {
			_, err := commitShardsOn(ctx, c, func() (store, error) { return st, nil })
			return err
		}, tableFiles},
	}
	for _, tc := range cases {
		for _, dies := range []bool{false, true} {
			name := tc.name + "/error"
			if dies {
				name = tc.name + "/killed"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel() // each in its own folders; mostly waiting on the disk
				failEveryStoreCall(t, tc, dies)
			})
		}
	}
}

// failEveryStoreCall runs tc's commit with its n-th store call failing, for
// n = 0, 1, … until it makes no more calls than n, and checks after each
// failure that the next run's Open leaves exactly the dataset before or the
// dataset after the commit.
func failEveryStoreCall(t *testing.T, tc commitCase, dies bool) {
	ctx := context.Background()
	template := t.TempDir()
	tc.before(t, template)
	copyOf := func() string {
		out := t.TempDir()
		require.NoError(t, os.CopyFS(out, os.DirFS(template)))
		return out
	}
	before := snapshot(t, template)
	after := copyOf()
	require.NoError(t, tc.commit(ctx, unsyncedStore(t, after)))
	checkManifest(t, after)
	want := snapshot(t, after)
	require.NotEqual(t, tc.dataset(before), tc.dataset(want))

	seen := map[string]int{}
	for n := int64(0); ; n++ {
		out := copyOf()
		fs := &faultStore{store: unsyncedStore(t, out), failAt: n, dies: dies}
		err := tc.commit(ctx, fs)
		if !fs.injected.Load() {
			require.NoError(t, err)
			assert.Equal(t, want, snapshot(t, out))
			t.Logf("each of the %d store calls of the commit failed in turn: the next run found the old dataset %d times, the new one %d times",
				n, seen["old"], seen["new"])
			assert.Positive(t, seen["old"])
			assert.Positive(t, seen["new"], "some failures come after the commit point")
			return
		}
		if err != nil {
			require.ErrorIs(t, err, errInjected, "call %d", n)
		}
		// A lease the failed run left (it died, or failed to delete it) is
		// taken over by the next run once stale: here, at once.
		require.NoError(t, removeIfExists(filepath.Join(out, LeaseKey)))
		d, err := openDataset(ctx, Options{}, unsyncedStore(t, out))
		require.NoError(t, err, "call %d: the next run opens", n)
		d.Abort()

		got := snapshot(t, out)
		switch {
		case equalMaps(tc.dataset(got), tc.dataset(before)):
			seen["old"]++
			assert.Equal(t, before, got, "call %d: the old dataset, and so the shards", n)
		case equalMaps(tc.dataset(got), tc.dataset(want)):
			seen["new"]++
			checkShardsWhole(t, out)
		default:
			require.Fail(t, "a mix of the old dataset and the new", "call %d failed (%v); files: %v", n, err, diffMaps(before, want, got))
		}
	}
}

// unsyncedStore is the local store at out without its syncs, which nothing
// in process can observe: the loop checks the order of the calls.
func unsyncedStore(t *testing.T, out string) *localStore {
	t.Helper()
	st, err := newLocalStore(out)
	require.NoError(t, err)
	st.fsync = func(*os.File) error { return nil }
	return st
}

func removeIfExists(p string) error {
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// checkShardsWhole asserts that every shard marker at out has all its files:
// removing committed shards never leaves a finished shard half gone.
func checkShardsWhole(t *testing.T, out string) {
	t.Helper()
	ctx := context.Background()
	st, err := newLocalStore(out)
	require.NoError(t, err)
	keys, err := st.List(ctx, shardsDir)
	require.NoError(t, err)
	for _, k := range keys {
		i, n, marker, ok := parseShardKey(k)
		if !ok || !marker {
			continue
		}
		m, _, err := readMarker(ctx, st, i, n)
		require.NoError(t, err)
		missing, err := missingFile(ctx, st, m)
		require.NoError(t, err)
		assert.Empty(t, missing, "shard %s has a marker", shardName(i, n))
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// diffMaps says, for each file of got, whether it is the old one, the new
// one or neither.
func diffMaps(before, after, got map[string]string) string {
	var lines []string
	for _, k := range sortedKeys(got) {
		switch {
		case before[k] == got[k] && after[k] == got[k]:
		case before[k] == got[k]:
			lines = append(lines, k+": old")
		case after[k] == got[k]:
			lines = append(lines, k+": new")
		default:
			lines = append(lines, k+": neither")
		}
	}
	for _, k := range sortedKeys(after) {
		if _, ok := got[k]; !ok {
			lines = append(lines, k+": missing")
		}
	}
	return strings.Join(lines, "\n")
}

// syncLog records, in order, what a store does to names and what the local
// store syncs.
type syncLog struct {
	store
	mu     sync.Mutex
	events []string // "create k", "move k", "delete k", "sync d" (slash-separated, relative to root)
}

func (l *syncLog) add(ev string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, ev)
}

func (l *syncLog) Create(ctx context.Context, key string) (objectWriter, error) {
	l.add("create " + key)
	return l.store.Create(ctx, key)
}

func (l *syncLog) Move(ctx context.Context, from, to string) error {
	l.add("move " + to) // before: the move's own sync comes after it
	return l.store.Move(ctx, from, to)
}

func (l *syncLog) Delete(ctx context.Context, key string) error {
	l.add("delete " + key)
	return l.store.Delete(ctx, key)
}

func TestLocalCommitSyncsInOrder(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	_, err := runReports(t, out, corpus, "", func(r int) bool { return r < 2 })
	require.NoError(t, err)
	local, err := newLocalStore(out)
	require.NoError(t, err)
	log := &syncLog{store: local}
	local.fsync = func(f *os.File) error {
		rel, err := filepath.Rel(out, f.Name())
		require.NoError(t, err)
		log.add("sync " + filepath.ToSlash(rel))
		return f.Sync()
	}
	d, err := openDataset(ctx, Options{ToolVersion: "test"}, log)
	require.NoError(t, err)
	corpus.appendAll(t, d, func(r int) bool { return r == 3 })
	_, err = d.Commit(ctx)
	require.NoError(t, err)

	synced := map[string]int{} // name → index of its last sync
	at := map[string]int{}     // name → index of the create, move or delete of it
	journal := -1
	for i, ev := range log.events {
		verb, name, _ := strings.Cut(ev, " ")
		switch verb {
		case "sync":
			synced[name] = i
		case "move":
			if strings.HasSuffix(name, journalKey) {
				journal = i
				for key, j := range at { // step 5: every staged name is durable before the journal
					if strings.HasPrefix(key, stagingDir) && !strings.HasSuffix(key, ".part") {
						assert.Greater(t, synced[path.Dir(key)], j, "%s synced before the journal", key)
					}
				}
			}
			fallthrough
		case "create", "delete":
			at[name] = i
		}
	}
	require.Positive(t, journal, "the journal is moved into place")
	for i, ev := range log.events {
		verb, name, _ := strings.Cut(ev, " ")
		if verb != "move" && verb != "delete" || strings.HasPrefix(name, "_lease") || strings.HasPrefix(name, stagingDir) && i < journal {
			continue // moves within the staging before the commit point need no order: step 5 syncs it whole
		}
		// Step 6: a rename or delete is synced before anything else changes a name.
		j := i + 1
		for j < len(log.events) && strings.HasPrefix(log.events[j], "sync ") && log.events[j] != "sync "+path.Dir(name) {
			j++
		}
		assert.Less(t, j, len(log.events), "%s is synced", ev)
		if j < len(log.events) {
			assert.Equal(t, "sync "+path.Dir(name), log.events[j], "after %s", ev)
		}
	}
	assert.Contains(t, snapshot(t, out), SuccessKey)
}
