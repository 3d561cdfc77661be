package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xitongsys/parquet-go-source/local"
	"github.com/xitongsys/parquet-go/reader"

	"github.com/govreports/govreports/stages/read/meta"
	"github.com/govreports/govreports/testdata"
)

// cli runs the program in-process.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &o, &e)
	return code, o.String(), e.String()
}

var (
	datasetOnce sync.Once
	datasetDir  string
	datasetOut  string
)

// dataset runs `govreports run` on the embedded corpus once per test binary.
func dataset(t *testing.T) (dir string, summary map[string]any) {
	t.Helper()
	datasetOnce.Do(func() {
		dir, err := os.MkdirTemp("", "govreports-dataset-")
		if err != nil {
			panic(err)
		}
		datasetDir = filepath.Join(dir, "ds")
		var o, e bytes.Buffer
		if code := run(context.Background(), []string{"run", "--demo", "--out", datasetDir, "--log-format", "json"}, nil, &o, &e); code != 0 {
			panic(fmt.Sprintf("run failed (%d): %s", code, e.String()))
		}
		datasetOut = o.String()
	})
	require.NoError(t, json.Unmarshal([]byte(datasetOut), &summary))
	return datasetDir, summary
}

func TestMain(m *testing.M) {
	code := m.Run()
	if datasetDir != "" {
		os.RemoveAll(filepath.Dir(datasetDir))
	}
	os.Exit(code)
}

func TestRunWritesEveryTable(t *testing.T) {
	dir, sum := dataset(t)
	tables := sum["tables"].(map[string]any)
	assert.EqualValues(t, 32, tables["reports"])
	assert.EqualValues(t, 32, sum["reports"])
	for _, name := range []string{"reports", "sentences", "goals", "figures", "commitments", "terms", "regions"} {
		assert.Greater(t, tables[name].(float64), 0.0, name)
	}
	assert.FileExists(t, filepath.Join(dir, "_SUCCESS"))
	assert.FileExists(t, filepath.Join(dir, "_manifest.json"))
	assert.FileExists(t, filepath.Join(dir, "goals", "year=2024", "part-00000.parquet"))
	assert.FileExists(t, filepath.Join(dir, "regions", "part-00000.parquet"))

	// A second, independent reader sees every table with the manifest's row counts.
	for name, want := range tables {
		files, err := filepath.Glob(filepath.Join(dir, name, "*", "*.parquet"))
		require.NoError(t, err)
		if name == "regions" {
			files, _ = filepath.Glob(filepath.Join(dir, name, "*.parquet"))
		}
		require.NotEmpty(t, files, name)
		var rows int64
		for _, f := range files {
			fr, err := local.NewLocalFileReader(f)
			require.NoError(t, err)
			pr, err := reader.NewParquetReader(fr, nil, 1)
			require.NoError(t, err, f)
			rows += pr.GetNumRows()
			pr.ReadStop()
			require.NoError(t, fr.Close())
		}
		assert.EqualValues(t, want, rows, name)
	}
}

func TestDuckDBQueriesTheDataset(t *testing.T) {
	dir, _ := dataset(t)
	db, err := sql.Open("duckdb", "")
	require.NoError(t, err)
	defer db.Close()
	glob := func(table string) string {
		return fmt.Sprintf("read_parquet('%s/%s/**/*.parquet', hive_partitioning = true)", dir, table)
	}
	// Sentences per region and section: every report has review, targets and plan sentences.
	rows, err := db.Query(`select region, section, count(*) from ` + glob("sentences") + ` group by all order by region, section`)
	require.NoError(t, err)
	perRegion := map[string]map[string]int{}
	for rows.Next() {
		var region, section string
		var n int
		require.NoError(t, rows.Scan(&region, &section, &n))
		if perRegion[region] == nil {
			perRegion[region] = map[string]int{}
		}
		perRegion[region][section] = n
	}
	require.NoError(t, rows.Err())
	require.Len(t, perRegion, 32)
	for region, s := range perRegion {
		for _, must := range []string{"review", "targets", "plan"} {
			assert.Positive(t, s[must], "%s has no %s sentences", region, must)
		}
	}

	// The README's query: each region's GDP target.
	var n int
	var maxTarget float64
	require.NoError(t, db.QueryRow(`select count(distinct g.region), max(g.value) from `+glob("goals")+` g join read_parquet('`+dir+`/regions/*.parquet') r using (region_code) where g.indicator = 'gdp_growth' and not g.stretch and g.comparator <> 'relative'`).Scan(&n, &maxTarget))
	assert.Equal(t, 32, n)
	assert.Equal(t, 8.0, maxTarget, "西藏 and 海南 aim at 8%")

	// The README's query through region_code_current: one row per report, the regions table keyed by code.
	var reports, joined, unknown int
	require.NoError(t, db.QueryRow(`select count(*), count(r.region_code), count(*) filter (where rp.region_code_current is null) from `+
		glob("reports")+` rp left join read_parquet('`+dir+`/regions/*.parquet') r on r.region_code = rp.region_code_current`).Scan(&reports, &joined, &unknown))
	assert.Equal(t, 32, reports)
	assert.Equal(t, reports, joined)
	assert.Zero(t, unknown)

	// Types survive: DATE, partition column, codec.
	var date time.Time
	require.NoError(t, db.QueryRow(`select meeting_date from `+glob("reports")+` where region = '北京'`).Scan(&date))
	assert.Equal(t, "2024-01-21", date.Format(time.DateOnly))
	var codec string
	require.NoError(t, db.QueryRow(`select distinct compression from parquet_metadata('`+dir+`/figures/year=2024/part-00000.parquet')`).Scan(&codec))
	assert.Equal(t, "ZSTD", codec)
}

func TestRunIsDeterministic(t *testing.T) {
	dir, _ := dataset(t)
	again := filepath.Join(t.TempDir(), "ds")
	code, _, stderr := cli(t, "run", "--demo", "--out", again, "--workers", "1")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, hashes(t, dir), hashes(t, again))
}

// hashes maps every Parquet file of a dataset to its sha256.
func hashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".parquet") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	}))
	return out
}

// jsonLines fails unless every line of stderr is a JSON log line, and
// returns them.
func jsonLines(t *testing.T, stderr string) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for line := range strings.Lines(stderr) {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), "not a JSON log line: %q", line)
		lines = append(lines, m)
	}
	require.NotEmpty(t, lines)
	return lines
}

// TestUsageErrors: off a terminal a usage error is one JSON log line saying
// the error and where the usage is; with --log-format text, the usage and
// the error as plain text.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args       []string
		want, help string
	}{
		{nil, "no command given", "govreports help"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`, "govreports help"},
		{[]string{"run", "--no-such-flag"}, "flag provided but not defined", "govreports run -h"},
		{[]string{"run", "--shard-index", "3", "--shard-count", "2"}, "shard index 3 is outside 0..1", "govreports run -h"},
		{[]string{"run", "--log-format", "xml"}, `--log-format "xml"`, "govreports run -h"},
		{[]string{"run"}, "no INPUT given", "govreports run -h"},
		{[]string{"schema", "nope"}, `unknown table "nope"`, "govreports schema -h"},
		{[]string{"eval"}, "eval needs --gold DIR", "govreports eval -h"},
		{[]string{"commit", "--workers", "2"}, "flag provided but not defined: -workers", "govreports commit -h"},
		// A bad --region is a usage error even where every title names a region.
		{[]string{"run", "--demo", "--region", "火星省"}, `--region "火星省"`, "govreports run -h"},
		{[]string{"run", "--demo", "--region", "鼓楼区"}, "320106", "govreports run -h"},
		{[]string{"run", "--demo", "--year", "20244"}, "--year 20244", "govreports run -h"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := cli(t, tt.args...)
			assert.Equal(t, exitUsage, code)
			lines := jsonLines(t, stderr)
			last := lines[len(lines)-1]
			assert.Equal(t, "ERROR", last["level"])
			assert.Equal(t, "usage error", last["msg"])
			assert.Contains(t, last["error"], tt.want)
			assert.Equal(t, tt.help, last["help"])
		})
	}
	code, _, stderr := cli(t, "run", "--log-format", "text", "--no-such-flag")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "usage: govreports run")
	assert.Contains(t, stderr, "govreports: flag provided but not defined: -no-such-flag\n")
	code, _, stderr = cli(t, "run", "--log-format=json", "--no-such-flag")
	assert.Equal(t, exitUsage, code)
	jsonLines(t, stderr)
}

func TestSchemaAndVersion(t *testing.T) {
	code, out, _ := cli(t, "schema")
	require.Equal(t, 0, code)
	for _, table := range []string{"reports", "sentences", "goals", "figures", "commitments", "terms", "regions"} {
		assert.Contains(t, out, "\n"+table+" — ")
	}
	code, out, _ = cli(t, "schema", "goals")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "comparator")
	assert.NotContains(t, out, "\nfigures — ")
	code, out, _ = cli(t, "version")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "govreports "+version)
}

// TestHostileInputs: each bad input fails with exit 1 and a message naming
// the file (and line or byte offset), and leaves no dataset behind.
func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	report := "2.北京市政府工作报告\n一、2023年工作回顾\n全市地区生产总值增长5.2%。\n"
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"empty file", []string{write("empty.txt", nil)}, "empty.txt: no report in it (an empty file)"},
		{"not a report kind", []string{write("notes.md", []byte(report))}, "notes.md: not a report kind (read are .txt"},
		{"a report longer than --max-report-mb", []string{"--max-report-mb", "1", write("big.txt", []byte(report+strings.Repeat("全市地区生产总值增长5.2%。\n", 1<<20/30)))},
			`big.txt: line 1: report "北京市政府工作报告": more than 1 MB of text`},
		{"binary file", []string{write("bin.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"))}, "bin.txt: line 1 (byte offset 7): NUL byte"},
		{"truncated utf-8", []string{write("cut.txt", []byte(report+"增\xe9\x95"))}, "cut.txt: line 4 (byte offset 97): invalid UTF-8"},
		{"no newline, 10 MB", []string{write("long.txt", bytes.Repeat([]byte("增长"), 10<<20/6))}, "long.txt: line 1: longer than"},
		{"no title, no region", []string{write("notes.txt", []byte("一、2023年工作回顾\n增长5%。\n"))}, `notes.txt: line 1: report "(untitled)": cannot tell its region`},
		{"unknown region", []string{write("x.txt", []byte("1.火星省政府工作报告\n一、2023年工作回顾\n"))}, `x.txt: line 1: report "火星省政府工作报告": cannot tell its region (tried: title "火星省政府工作报告"`},
		{"same report twice", []string{write("a.txt", []byte(report)), write("b.txt", []byte(report))}, "read twice: a.txt:1 and b.txt:1"},
		{"unreadable path", []string{filepath.Join(dir, "missing.txt")}, "missing.txt: no such file"},
		{"old Excel workbook", []string{write("old.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1Workbook"))}, "old.xls: old Excel format (.xls) is not read: save it as .xlsx or CSV"},
		{"scanned PDF", []string{write("scan.pdf", formatFixture(t, "scan.pdf"))}, "scan.pdf: no text layer (a scanned document? OCR is not supported)"},
		{"encrypted PDF", []string{write("locked.pdf", formatFixture(t, "encrypted.pdf"))}, "locked.pdf: encrypted: a password is needed to open it"},
		{"damaged PDF", []string{write("cut.pdf", formatFixture(t, "city.pdf")[:5000])}, "cut.pdf: not a PDF file, or a damaged one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "ds")
			code, _, stderr := cli(t, append([]string{"run", "--out", out}, tt.args...)...)
			assert.Equal(t, exitFailure, code, stderr)
			assert.Contains(t, strings.ReplaceAll(stderr, `\"`, `"`), tt.want, "the error, in a JSON log line")
			_, err := os.Stat(filepath.Join(out, "_SUCCESS"))
			assert.True(t, os.IsNotExist(err), "no dataset after a failure")
		})
	}
}

func formatFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "formats", name))
	require.NoError(t, err)
	return b
}

// TestRunPDFAndWorkbook: a PDF and a workbook found in a directory are read
// like any other report; the workbook's row without text is left out with a
// warning naming it, and counted in the summary and the manifest.
func TestRunPDFAndWorkbook(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	require.NoError(t, os.MkdirAll(in, 0o755))
	for _, name := range []string{"city.pdf", "county-reports.xlsx"} {
		require.NoError(t, os.WriteFile(filepath.Join(in, name), formatFixture(t, name), 0o644))
	}
	out := filepath.Join(t.TempDir(), "ds")
	code, stdout, stderr := cli(t, "run", "--out", out, "--log-format", "json", in)
	require.Equal(t, 0, code, stderr)
	var sum map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &sum))
	assert.EqualValues(t, 4, sum["reports"])
	assert.EqualValues(t, 1, sum["rows_without_text"])
	assert.Contains(t, stderr, `"msg":"row not read: its text is empty","input":"in/county-reports.xlsx#sheet=报告&row=4"`)
	assert.NotContains(t, stderr, "not a report kind")
	manifest, err := os.ReadFile(filepath.Join(out, "_manifest.json"))
	require.NoError(t, err)
	assert.Contains(t, string(manifest), `"name": "in/county-reports.xlsx",`)
	assert.Contains(t, string(manifest), `"rows_without_text": 1`)
}

func TestRegionFlagForUntitledReport(t *testing.T) {
	p := filepath.Join(t.TempDir(), "notes.txt")
	require.NoError(t, os.WriteFile(p, []byte("一、2023年工作回顾\n全市地区生产总值增长5.2%。\n二、2024年重点任务\n主要预期目标是：地区生产总值增长5%左右。\n"), 0o644))
	out := filepath.Join(t.TempDir(), "ds")
	code, stdout, stderr := cli(t, "run", "--out", out, "--region", "上海", p)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"reports":1`)
	assert.FileExists(t, filepath.Join(out, "reports", "year=2024", "part-00000.parquet"))
}

func TestReadOnlyOutput(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories")
	}
	dir := t.TempDir()
	require.NoError(t, os.Chmod(dir, 0o555))
	defer os.Chmod(dir, 0o755)
	code, _, stderr := cli(t, "run", "--demo", "--out", filepath.Join(dir, "ds"))
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, filepath.Join(dir, "ds"))
}

func TestGenCorpus(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, genCorpus(&b, testdata.Corpus, 2))
	p := filepath.Join(t.TempDir(), "two.txt")
	require.NoError(t, os.WriteFile(p, b.Bytes(), 0o644))
	out := filepath.Join(t.TempDir(), "ds")
	code, stdout, stderr := cli(t, "run", "--out", out, p)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"reports":64`)
	assert.DirExists(t, filepath.Join(out, "goals", "year=2023"))
	assert.DirExists(t, filepath.Join(out, "goals", "year=2024"))
}

func TestCopyShift(t *testing.T) {
	for _, tc := range []struct{ copy, year int }{
		{0, testdata.CorpusYear},
		{1, testdata.CorpusYear - 1}, // reliability.sh cuts copies 1 and 2 out as the two years before
		{2, testdata.CorpusYear - 2},
		{testdata.CorpusYear - meta.MinYear, meta.MinYear},
		{testdata.CorpusYear - meta.MinYear + 1, testdata.CorpusYear + 1},
		{maxCopies - 1, meta.MaxYear},
	} {
		assert.Equal(t, tc.year, testdata.CorpusYear+copyShift(tc.copy), "copy %d", tc.copy)
	}
	seen := map[int]bool{}
	for k := range maxCopies {
		seen[testdata.CorpusYear+copyShift(k)] = true
	}
	assert.Len(t, seen, maxCopies, "every copy a year of its own")
}

func TestShardedRunAndCommit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ds")
	for i := range 2 {
		code, _, stderr := cli(t, "run", "--demo", "--out", out, "--shard-index", fmt.Sprint(i), "--shard-count", "2")
		require.Equal(t, 0, code, stderr)
	}
	assert.NoFileExists(t, filepath.Join(out, "_SUCCESS"), "shards do not finish the dataset")
	assert.NoDirExists(t, filepath.Join(out, "goals"), "shards stay out of the table folders")
	code, stdout, _ := cli(t, "run", "--demo", "--out", out, "--shard-index", "1", "--shard-count", "2")
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, `"skipped":true`)
	code, _, _ = cli(t, "commit", "--out", out, "--mode", "upsert")
	assert.Equal(t, exitUsage, code)
	code, stdout, stderr := cli(t, "commit", "--out", out, "--mode", "overwrite", "--lease-timeout", "1m")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"reports":32`)
	assert.FileExists(t, filepath.Join(out, "_SUCCESS"))
	assert.FileExists(t, filepath.Join(out, "goals", "year=2024", "part-00000.parquet"))
	assert.NoDirExists(t, filepath.Join(out, "_shards"), "the commit removes the shards")

	code, _, stderr = cli(t, "commit", "--out", out)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, "no finished shard")
}

func TestShardFromEnv(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name         string
		index, count int
		getenv       func(string) string
		wantI, wantC int
		wantErr      string
	}{
		{"unsharded", -1, 0, env(), 0, 1, ""},
		{"flags", 1, 3, env("JOB_COMPLETION_INDEX", "2"), 1, 3, ""},
		{"kubernetes", -1, 0, env("JOB_COMPLETION_INDEX", "2", "SHARD_COUNT", "4"), 2, 4, ""},
		{"kubernetes with flag count", -1, 5, env("JOB_COMPLETION_INDEX", "4"), 4, 5, ""},
		{"slurm", -1, 0, env("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "8"), 3, 8, ""},
		{"index without count", -1, 0, env("JOB_COMPLETION_INDEX", "1"), 0, 0, "shard index 1 is outside 0..0"},
		{"garbage", -1, 0, env("SLURM_ARRAY_TASK_ID", "x"), 0, 0, `SLURM_ARRAY_TASK_ID="x" is not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, c, err := shardFromEnv(tt.index, tt.count, tt.getenv)
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, [2]int{tt.wantI, tt.wantC}, [2]int{i, c})
		})
	}
}

// TestInterrupt sends SIGINT to a real process in the middle of a run:
// exit 130, no _SUCCESS, no temp files, and the previous dataset intact.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a large corpus")
	}
	work := t.TempDir()
	bin := filepath.Join(work, "govreports")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	out := filepath.Join(work, "ds")
	require.NoError(t, exec.Command(bin, "run", "--demo", "--out", out).Run(), "the previous dataset")
	before := hashes(t, out)
	manifest, err := os.ReadFile(filepath.Join(out, "_manifest.json"))
	require.NoError(t, err)

	big := filepath.Join(work, "big.txt")
	require.NoError(t, exec.Command(bin, "gen-corpus", "--times", "40", "-o", big).Run())
	cmd := exec.Command(bin, "run", "--out", out, "--log-format", "json", "--log-level", "debug", big)
	pipe, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	// Interrupt once the run is under way: reports are being written.
	var logs strings.Builder
	started := make(chan struct{})
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		sc := bufio.NewScanner(pipe)
		seen := false
		for sc.Scan() {
			logs.WriteString(sc.Text() + "\n")
			if !seen && strings.Contains(sc.Text(), "report done") {
				seen = true
				close(started)
			}
		}
	}()
	select {
	case <-started:
	case <-time.After(60 * time.Second):
		t.Fatal("the run did not start writing within a minute")
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	<-readDone
	err = cmd.Wait()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, logs.String())
	assert.Equal(t, exitInterrupted, exit.ExitCode())
	assert.Contains(t, logs.String(), "interrupted")

	assert.Equal(t, before, hashes(t, out), "the previous dataset is intact")
	after, err := os.ReadFile(filepath.Join(out, "_manifest.json"))
	require.NoError(t, err)
	assert.Equal(t, string(manifest), string(after))
	var leftovers []string
	require.NoError(t, filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && (strings.Contains(d.Name(), "tmp") || strings.HasPrefix(d.Name(), ".")) {
			leftovers = append(leftovers, p)
		}
		return err
	}))
	assert.Empty(t, leftovers, "no temp files")
}

// TestRunReportPage: a committed run leaves its page, and `report` rebuilds
// the same bytes from the dataset alone.
func TestRunReportPage(t *testing.T) {
	dir, _ := dataset(t)
	page := filepath.Join(dir, "_report", "index.html")
	first, err := os.ReadFile(page)
	require.NoError(t, err)
	assert.Contains(t, string(first), "GDP growth targets")
	copyDir := filepath.Join(t.TempDir(), "ds")
	require.NoError(t, os.CopyFS(copyDir, os.DirFS(dir)))
	require.NoError(t, os.Remove(filepath.Join(copyDir, "_report", "index.html")))
	code, stdout, stderr := cli(t, "report", "--out", copyDir)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "_report/index.html")
	again, err := os.ReadFile(filepath.Join(copyDir, "_report", "index.html"))
	require.NoError(t, err)
	assert.Equal(t, first, again)

	code, _, stderr = cli(t, "report", "--out", t.TempDir())
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "no complete dataset")
}
