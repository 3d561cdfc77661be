package output

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runReports writes the reports of c for which keep is true as one run.
func runReports(t *testing.T, out string, c testCorpus, mode Mode, keep func(r int) bool) (Summary, error) {
	t.Helper()
	ctx := context.Background()
	d, err := Open(ctx, Options{Out: out, Mode: mode, ToolVersion: "test", Inputs: []Input{{Name: "in.txt", SHA256: "ab", Bytes: 2}}})
	if err != nil {
		return Summary{}, err
	}
	defer d.Abort()
	c.appendAll(t, d, keep)
	if !keep(0) { // every run writes the dimension table, as the pipeline does
		require.NoError(t, d.Append(schemas.Regions, testRows(schemas.Regions, 0, c.perReport)))
	}
	return d.Commit(ctx)
}

// reportIDs reads the report ids of the dataset's reports table.
func reportIDs(t *testing.T, out string) []string {
	t.Helper()
	rows, err := ReadTable[schemas.Report](context.Background(), out, schemas.Reports)
	require.NoError(t, err)
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.ReportID)
	}
	return ids
}

// checkManifest asserts that the manifest names exactly the dataset's own files, all present.
func checkManifest(t *testing.T, out string) Manifest {
	t.Helper()
	m, err := ReadManifest(context.Background(), out)
	require.NoError(t, err)
	for _, f := range m.Files {
		assert.FileExists(t, filepath.Join(out, f.Path))
	}
	assert.Equal(t, countRows(m.Files), m.Tables)
	return m
}

func TestWriteModes(t *testing.T) {
	c := testCorpus{reports: 6, perReport: 3} // reports 0..5: 2023 for even, 2024 for odd
	first := func(r int) bool { return r < 4 }
	cases := []struct {
		mode    Mode
		second  func(r int) bool
		want    []string // report ids after the second run
		removed []string // reports the second run removed without bringing them
		wantErr string
	}{
		{Merge, func(r int) bool { return r == 3 || r == 5 }, []string{"2023-110000", "2023-130000", "2024-120000", "2024-140000", "2024-160000"}, nil, ""},
		{OverwritePartitions, func(r int) bool { return r == 5 }, []string{"2023-110000", "2023-130000", "2024-160000"}, []string{"2024-120000", "2024-140000"}, ""},
		{Overwrite, func(r int) bool { return r == 5 }, []string{"2024-160000"}, []string{"2023-110000", "2023-130000", "2024-120000", "2024-140000"}, ""},
		{Append, func(r int) bool { return r == 5 }, []string{"2023-110000", "2023-130000", "2024-120000", "2024-140000", "2024-160000"}, nil, ""},
		{Append, func(r int) bool { return r == 3 || r == 5 }, nil, nil, "would duplicate reports the dataset already has: 2024-140000"},
	}
	for _, tc := range cases {
		t.Run(string(tc.mode)+"/"+tc.wantErr, func(t *testing.T) {
			out := t.TempDir()
			_, err := runReports(t, out, c, "", first)
			require.NoError(t, err)
			before := snapshot(t, out)
			sum, err := runReports(t, out, c, tc.mode, tc.second)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				assert.Equal(t, before, snapshot(t, out), "a refused run changes nothing")
				return
			}
			require.NoError(t, err)
			assert.ElementsMatch(t, tc.want, reportIDs(t, out))
			assert.Equal(t, tc.removed, sum.Removed)
			m := checkManifest(t, out)
			assert.Equal(t, tc.removed, m.Removed, "the manifest names them for the page")
			var years []int16
			for _, p := range m.Partitions {
				years = append(years, p.Year)
				assert.NotEmpty(t, p.Inputs)
			}
			if tc.mode == Overwrite {
				assert.Equal(t, []int16{2024}, years)
				assert.NoDirExists(t, filepath.Join(out, "goals/year=2023"))
			} else {
				assert.Equal(t, []int16{2023, 2024}, years)
			}
			regions, err := ReadTable[schemas.Region](context.Background(), out, schemas.Regions)
			require.NoError(t, err)
			assert.Len(t, regions, c.perReport, "the dimension table stays whole, never appended to")
		})
	}
}

func TestYearByYearLoading(t *testing.T) {
	out := t.TempDir()
	c := testCorpus{reports: 4, perReport: 3}
	_, err := runReports(t, out, c, "", func(r int) bool { return r%2 == 0 }) // 2023
	require.NoError(t, err)
	_, err = runReports(t, out, c, "", func(r int) bool { return r%2 == 1 }) // 2024
	require.NoError(t, err)
	_, err = runReports(t, out, c, "", func(r int) bool { return r == 3 }) // 2024 again, one report
	require.NoError(t, err)
	all := []string{"2023-110000", "2023-130000", "2024-120000", "2024-140000"}
	assert.ElementsMatch(t, all, reportIDs(t, out), "a rerun of one report keeps the others")
	m := checkManifest(t, out)
	require.Len(t, m.Partitions, 2)
	assert.Equal(t, all[:2], m.Partitions[0].ReportIDs)
	assert.Equal(t, all[2:], m.Partitions[1].ReportIDs)
	assert.Empty(t, m.Removed)
}

func TestForeignFilesStay(t *testing.T) {
	out := t.TempDir()
	corpus.write(t, out)
	mine := map[string]string{
		"goals/year=2024/mine.parquet":           "a user's own file",
		"goals/year=2025/part-00000.parquet":     "a partition the dataset does not have",
		"figures/year=2023/notes.txt":            "notes",
		"README.md":                              "the lake's readme",
		"sentences/year=2024/part-00001.parquet": "in the way of an append",
	}
	for k, v := range mine {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(out, k)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(out, k), []byte(v), 0o644))
	}
	for _, mode := range Modes {
		report := 1
		if mode == Append {
			report = 3 // a report the dataset does not have yet
		}
		_, err := runReports(t, out, corpus, mode, func(r int) bool { return r == report })
		require.NoError(t, err, mode)
		for k, v := range mine {
			b, err := os.ReadFile(filepath.Join(out, k))
			require.NoError(t, err, "%s after %s", k, mode)
			assert.Equal(t, v, string(b))
		}
		checkManifest(t, out)
		_, err = ReadTable[schemas.Goal](context.Background(), out, schemas.Goals)
		require.NoError(t, err, "the dataset's own files are read, not the user's")
	}
}

func TestRefusesAFolderThatIsNotADataset(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("x"), 0o644))
	_, err := Open(ctx, Options{Out: out})
	require.ErrorContains(t, err, "holds no govreports dataset")
	assert.ErrorContains(t, err, "thesis.docx")
	assert.NoFileExists(t, filepath.Join(out, LeaseKey), "the lease is released")
	_, err = Open(ctx, Options{Out: out, ShardIndex: 1, ShardCount: 2})
	require.ErrorContains(t, err, "holds no govreports dataset", "a shard too, before it does any work")
	assert.NoFileExists(t, filepath.Join(out, shardLeaseKey(1, 2)))

	hidden := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(hidden, ".DS_Store"), []byte("x"), 0o644))
	d, err := Open(ctx, Options{Out: hidden})
	require.NoError(t, err, "hidden files do not count")
	d.Abort()
}

func TestOneWriterAtATime(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	d, err := Open(ctx, Options{Out: out})
	require.NoError(t, err)
	_, err = Open(ctx, Options{Out: out})
	var held *LeaseHeldError
	require.ErrorAs(t, err, &held)
	assert.Equal(t, d.RunID(), held.Holder.RunID)
	assert.Contains(t, err.Error(), "another run is writing")
	_, err = d.Commit(ctx)
	require.NoError(t, err)
	assert.NoFileExists(t, filepath.Join(out, LeaseKey))
	d2, err := Open(ctx, Options{Out: out})
	require.NoError(t, err, "free again after the commit")
	d2.Abort()
	d3, err := Open(ctx, Options{Out: out})
	require.NoError(t, err, "free again after an abort")
	d3.Abort()
}

// writeLease puts a lease of another run at out.
func writeLease(t *testing.T, out string, l LeaseInfo) {
	t.Helper()
	b, err := json.Marshal(l)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(out, LeaseKey), b, 0o644))
}

func TestStaleLeaseIsTakenOver(t *testing.T) {
	ctx := context.Background()
	now := time.Now()
	cases := []struct {
		name  string
		lease LeaseInfo
		taken bool
	}{
		{"expired", LeaseInfo{RunID: "old", Host: "elsewhere", PID: 1, RenewedAt: now.Add(-time.Hour)}, true},
		{"dead process of this host", LeaseInfo{RunID: "dead", Host: hostname(), PID: deadPID(t), RenewedAt: now}, true},
		{"live elsewhere", LeaseInfo{RunID: "live", Host: "elsewhere", PID: 1, RenewedAt: now}, false},
		{"live process of this host", LeaseInfo{RunID: "me", Host: hostname(), PID: os.Getpid(), RenewedAt: now}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			writeLease(t, out, tc.lease)
			d, err := Open(ctx, Options{Out: out, LeaseTimeout: time.Minute})
			if !tc.taken {
				var held *LeaseHeldError
				require.ErrorAs(t, err, &held)
				return
			}
			require.NoError(t, err)
			_, err = d.Commit(ctx)
			require.NoError(t, err)
		})
	}
}

// deadPID is the pid of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Skipf("no /bin/true: %v", err)
	}
	_, err = p.Wait()
	require.NoError(t, err)
	return p.Pid
}

func TestLostLeaseCommitsNothing(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	corpus.write(t, out)
	before := snapshot(t, out)
	d, err := Open(ctx, Options{Out: out})
	require.NoError(t, err)
	corpus.appendAll(t, d, func(r int) bool { return r == 1 })
	writeLease(t, out, LeaseInfo{RunID: "usurper", Host: "elsewhere", RenewedAt: time.Now()})
	_, err = d.Commit(ctx)
	require.ErrorIs(t, err, errLeaseLost)
	require.NoError(t, os.Remove(filepath.Join(out, LeaseKey)))
	assert.Equal(t, before, snapshot(t, out))
}

func TestDeadRunsStagingIsRemoved(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	corpus.write(t, out)
	dead := filepath.Join(out, stagingDir, "0123456789abcdef", "goals/year=2024/part-00000.parquet")
	require.NoError(t, os.MkdirAll(filepath.Dir(dead), 0o755))
	require.NoError(t, os.WriteFile(dead, []byte("half a file"), 0o644))
	before := snapshot(t, out)
	delete(before, "_tmp/0123456789abcdef/goals/year=2024/part-00000.parquet")

	d, err := Open(ctx, Options{Out: out})
	require.NoError(t, err)
	assert.NoFileExists(t, dead)
	d.Abort()
	assert.Equal(t, before, snapshot(t, out))
	assert.NoDirExists(t, filepath.Join(out, stagingDir))
}

func TestConcurrentRunsOnS3(t *testing.T) {
	out := s3URL(fakeS3(t), "lake")
	c := testCorpus{reports: 4, perReport: 3}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, busy := 0, 0
	for i := range 8 {
		wg.Go(func() {
			ctx := context.Background()
			for range 3 {
				d, err := Open(ctx, Options{Out: out, ToolVersion: "test"})
				var held *LeaseHeldError
				if errors.As(err, &held) {
					mu.Lock()
					busy++
					mu.Unlock()
					continue
				}
				if !assert.NoError(t, err) {
					return
				}
				c.appendAll(t, d, func(r int) bool { return r%2 == i%2 })
				_, err = d.Commit(ctx)
				assert.NoError(t, err)
				mu.Lock()
				ok++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	t.Logf("%d commits, %d refused while another run held the lease", ok, busy)
	assert.Positive(t, ok)
	ctx := context.Background()
	m, err := ReadManifest(ctx, out)
	require.NoError(t, err)
	st, err := openStore(ctx, out)
	require.NoError(t, err)
	defer st.Close()
	for _, f := range m.Files {
		ok, err := st.Exists(ctx, f.Path)
		require.NoError(t, err)
		assert.True(t, ok, "the manifest names %s, which must exist", f.Path)
	}
	keys, err := st.List(ctx, "")
	require.NoError(t, err)
	for _, k := range keys {
		assert.NotContains(t, k, stagingDir)
		assert.NotEqual(t, LeaseKey, k)
	}
}

func TestNoCredentialsFailsFast(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", "/dev/null")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	start := time.Now()
	_, err := Open(context.Background(), Options{Out: "s3://no-such-bucket/lake?region=us-east-1&endpoint=http://127.0.0.1:1"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not writable")
	assert.Less(t, time.Since(start), 30*time.Second)
	t.Log(err)
}

func TestOptInDrivers(t *testing.T) {
	for scheme, tag := range driverTags {
		if blobSchemeBuiltIn(scheme) {
			continue // a build with the tag
		}
		_, err := Open(context.Background(), Options{Out: scheme + "://bucket/lake"})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "-tags "+tag, scheme)
	}
}

func TestLiveRunsStagingStays(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	live := LeaseInfo{RunID: "00000000000000aa", Host: hostname(), PID: os.Getpid(), RenewedAt: time.Now()}
	b, err := json.Marshal(live)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(out, shardLeaseKey(0, 2)), b, 0o644))
	staged := filepath.Join(out, shardPrefix(0, 2)+stagingOf(live.RunID), "goals/year=2024/part-00000.parquet")
	dead := filepath.Join(out, shardPrefix(1, 2)+stagingOf("00000000000000bb"), "goals/year=2024/part-00000.parquet")
	for _, f := range []string{staged, dead} {
		require.NoError(t, os.MkdirAll(filepath.Dir(f), 0o755))
		require.NoError(t, os.WriteFile(f, []byte("being written"), 0o644))
	}

	d, err := Open(ctx, Options{Out: out})
	require.NoError(t, err, "a shard's lease is not the dataset's, its folder does not make --out foreign")
	d.Abort()
	assert.FileExists(t, staged, "the staging of a live shard stays")
	assert.FileExists(t, dead, "a shard's folder is the shard's to clean")

	d, err = Open(ctx, Options{Out: out, ShardIndex: 1, ShardCount: 2})
	require.NoError(t, err)
	d.Abort()
	assert.NoFileExists(t, dead, "a shard removes the staging its dead runs left in its folder")
	assert.FileExists(t, staged, "and leaves the other shards' alone")
}
