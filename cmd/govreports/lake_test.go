package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/output"
)

// fixture writes a one-report file of a province in a year (text written
// for these tests) and returns its path.
func fixture(t *testing.T, dir, region string, year int) string {
	t.Helper()
	text := fmt.Sprintf("1.%s政府工作报告\n——%d年1月20日在%s第十四届人民代表大会第二次会议上\n各位代表：\n一、%d年工作回顾\n全省地区生产总值增长5.1%%。\n二、%d年工作安排\n今年主要预期目标是：地区生产总值增长5%%左右。\n",
		region, year, region, year-1, year)
	p := filepath.Join(dir, fmt.Sprintf("%d-%s.txt", year, region))
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

func manifestOf(t *testing.T, out string) output.Manifest {
	t.Helper()
	var m output.Manifest
	b, err := os.ReadFile(filepath.Join(out, output.ManifestKey))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &m))
	for _, f := range m.Files {
		assert.FileExists(t, filepath.Join(out, f.Path))
	}
	return m
}

func reportIDsOf(m output.Manifest) []string {
	var ids []string
	for _, p := range m.Partitions {
		ids = append(ids, p.ReportIDs...)
	}
	return ids
}

func TestNoInputFromAScriptIsAUsageError(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ds")
	code, _, stderr := cli(t, "run", "--out", out) // stdin is not a terminal
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "no INPUT given")
	assert.NoDirExists(t, out)

	code, _, stderr = cli(t, "run", "--demo", "--out", out, "x.txt")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--demo runs the embedded corpus and takes no INPUT")
}

func TestHelpGoesToStdout(t *testing.T) {
	for _, cmd := range []string{"run", "schema", "eval", "commit", "gen-corpus"} {
		code, stdout, stderr := cli(t, cmd, "-h")
		assert.Equal(t, exitOK, code, cmd)
		assert.Contains(t, stdout, "usage: govreports "+cmd, cmd)
		assert.Empty(t, stderr, cmd)
	}
	_, stdout, _ := cli(t, "run", "--help")
	for _, flag := range []string{"-mode", "-on-error", "-demo", "-lease-timeout"} {
		assert.Contains(t, stdout, flag)
	}
	code, _, stderr := cli(t, "run", "--mode", "upsert")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, jsonLines(t, stderr)[0]["error"], `unknown write mode "upsert"`)
	code, _, stderr = cli(t, "run", "--on-error", "ignore")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, jsonLines(t, stderr)[0]["error"], `--on-error "ignore"`)
}

func TestFatalErrorIsJSONWithJSONLogs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ds")
	code, _, stderr := cli(t, "run", "--log-format", "json", "--out", out, filepath.Join(t.TempDir(), "missing.txt"))
	assert.Equal(t, exitFailure, code)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, l := range lines {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &rec), "every stderr line is JSON: %s", l)
	}
	var last map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &last))
	assert.Equal(t, "ERROR", last["level"])
	assert.Equal(t, "run failed", last["msg"])
	assert.Contains(t, last["error"], "missing.txt")
}

func TestOnErrorSkip(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "山西省", 2024)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bin.txt"), []byte("1.河北省政府工作报告\n\x00\x01"), 0o644))
	out := filepath.Join(t.TempDir(), "ds")

	code, _, stderr := cli(t, "run", "--out", out, dir)
	assert.Equal(t, exitFailure, code, "fail is the default")
	assert.Contains(t, stderr, "bin.txt: line 2")
	assert.NoDirExists(t, out, "nothing committed, and no empty --out left behind")

	code, stdout, stderr := cli(t, "run", "--on-error", "skip", "--log-format", "json", "--out", out, dir)
	assert.Equal(t, exitRejected, code, stderr)
	assert.Contains(t, stdout, `"reports":1`)
	assert.Contains(t, stderr, `"msg":"input rejected"`)
	lines := jsonLines(t, stderr)
	last := lines[len(lines)-1]
	assert.Equal(t, "WARN", last["level"], "the closing line, as JSON")
	assert.Contains(t, last["msg"], "completed with rejected inputs")
	m := manifestOf(t, out)
	require.Len(t, m.Rejected, 1)
	// Named relative to the walked directory's parent, as every source is.
	assert.Equal(t, filepath.Base(dir)+"/bin.txt", m.Rejected[0].Input)
	assert.Equal(t, 2, m.Rejected[0].Line)
	assert.Contains(t, m.Rejected[0].Reason, "binary data")
	assert.Equal(t, []string{"2024-140000"}, reportIDsOf(m))
}

func TestYearByYearAndModes(t *testing.T) {
	dir := t.TempDir()
	y23, y24 := fixture(t, dir, "山西省", 2023), fixture(t, dir, "山西省", 2024)
	other24 := fixture(t, dir, "河北省", 2024)
	out := filepath.Join(t.TempDir(), "ds")
	for _, p := range []string{y23, y24} {
		code, _, stderr := cli(t, "run", "--out", out, p)
		require.Equal(t, exitOK, code, stderr)
	}
	assert.Equal(t, []string{"2023-140000", "2024-140000"}, reportIDsOf(manifestOf(t, out)), "both years remain")

	code, _, stderr := cli(t, "run", "--mode", "append", "--out", out, y24)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "would duplicate reports the dataset already has: 2024-140000")

	code, _, stderr = cli(t, "run", "--mode", "append", "--out", out, other24)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, []string{"2023-140000", "2024-130000", "2024-140000"}, reportIDsOf(manifestOf(t, out)))
	assert.FileExists(t, filepath.Join(out, "goals/year=2024/part-00001.parquet"), "appended as a new part file")

	code, _, stderr = cli(t, "run", "--mode", "overwrite", "--out", out, y23)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, []string{"2023-140000"}, reportIDsOf(manifestOf(t, out)))
	assert.NoDirExists(t, filepath.Join(out, "goals/year=2024"))
}

// TestBatchesOfAYearKeepEveryReport: runs of one year's reports, a batch
// at a time, keep every report (merge, the default); a mode that removes
// reports the run did not bring names them.
func TestBatchesOfAYearKeepEveryReport(t *testing.T) {
	dir := t.TempDir()
	batches := []string{fixture(t, dir, "山西省", 2025), fixture(t, dir, "河北省", 2025), fixture(t, dir, "山西省", 2024)}
	out := filepath.Join(t.TempDir(), "ds")
	for _, p := range batches {
		code, stdout, stderr := cli(t, "run", "--out", out, p)
		require.Equal(t, exitOK, code, stderr)
		assert.NotContains(t, stdout, `"removed"`)
	}
	m := manifestOf(t, out)
	assert.Equal(t, []string{"2024-140000", "2025-130000", "2025-140000"}, reportIDsOf(m))
	var names []string
	for _, in := range m.Inputs {
		names = append(names, filepath.Base(in.Name))
	}
	assert.Equal(t, []string{"2024-山西省.txt", "2025-山西省.txt", "2025-河北省.txt"}, names, "every report's input")

	code, stdout, stderr := cli(t, "run", "--mode", "overwrite-partitions", "--log-format", "json", "--out", out, batches[1])
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, `"removed":["2025-140000"]`)
	assert.Contains(t, stderr, `"msg":"the run removed reports it did not bring"`)
	assert.Contains(t, stderr, "2025-140000")
	m = manifestOf(t, out)
	assert.Equal(t, []string{"2025-140000"}, m.Removed, "for the page")
	assert.Equal(t, []string{"2024-140000", "2025-130000"}, reportIDsOf(m))
}

func TestNotADatasetIsRefused(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(out, "notes.md"), []byte("mine"), 0o644))
	code, _, stderr := cli(t, "run", "--out", out, fixture(t, t.TempDir(), "山西省", 2024))
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "holds no govreports dataset")
}

func TestLeaseHeldByAnotherRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ds")
	require.NoError(t, os.MkdirAll(out, 0o755))
	host, _ := os.Hostname()
	lease := fmt.Sprintf(`{"run_id":"other","host":%q,"pid":%d,"started_at":%q,"renewed_at":%q}`,
		host, os.Getpid(), time.Now().UTC().Format(time.RFC3339), time.Now().UTC().Format(time.RFC3339))
	require.NoError(t, os.WriteFile(filepath.Join(out, output.LeaseKey), []byte(lease), 0o644))
	code, _, stderr := cli(t, "run", "--out", out, fixture(t, t.TempDir(), "山西省", 2024))
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "another run is writing")
	assert.Contains(t, stderr, "run other")
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the command once per test binary.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "govreports-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "govreports")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	require.NoError(t, binErr)
	return binPath
}

func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := binary(t)
	dir := t.TempDir()
	inputs := []string{fixture(t, dir, "山西省", 2023), fixture(t, dir, "山西省", 2024)}
	out := filepath.Join(t.TempDir(), "ds")
	busy, ok := 0, 0
	for try := range 4 {
		var wg sync.WaitGroup
		codes := make([]int, 2)
		logs := make([]string, 2)
		for i := range 2 {
			wg.Go(func() {
				cmd := exec.Command(bin, "run", "--out", out, inputs[(i+try)%2])
				b, err := cmd.CombinedOutput()
				logs[i] = string(b)
				var exit *exec.ExitError
				if errors.As(err, &exit) {
					codes[i] = exit.ExitCode()
				}
			})
		}
		wg.Wait()
		for i, c := range codes {
			switch c {
			case exitOK:
				ok++
			case exitFailure:
				busy++
				assert.Contains(t, logs[i], "another run is writing")
			default:
				t.Errorf("exit %d: %s", c, logs[i])
			}
		}
		manifestOf(t, out) // every file the manifest names is there
	}
	t.Logf("%d runs committed, %d refused while the other held the lease", ok, busy)
	assert.Positive(t, ok)
}

func TestProgressText(t *testing.T) {
	assert.Equal(t, "12 reports · 4,073,311 rows · 1.5 s", progressText(12, 4073311, 1500*time.Millisecond))
	assert.Equal(t, "0", thousands(0))
	assert.Equal(t, "999", thousands(999))
	assert.Equal(t, "1,000", thousands(1000))

	var b strings.Builder
	p := newProgressLine(&b)
	p.draw("1 reports")
	_, _ = p.Write([]byte("log line\n"))
	p.draw("2 reports")
	p.clear()
	assert.Equal(t, "\r\x1b[K1 reports\r\x1b[Klog line\n\r\x1b[K2 reports\r\x1b[K", b.String())
}

func TestDevNullIsNotATerminal(t *testing.T) {
	f, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f), "xargs and cron give /dev/null as stdin: no demo run")
}
