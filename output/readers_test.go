package output

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xitongsys/parquet-go-source/local"
	"github.com/xitongsys/parquet-go/common"
	"github.com/xitongsys/parquet-go/parquet"
	"github.com/xitongsys/parquet-go/reader"
)

// Three readers that share no code with the writer check the files: the pure
// Go xitongsys/parquet-go, DuckDB and, when node is installed, hyparquet.

// xitongsysColumn reads one column of a Parquet file with xitongsys/parquet-go.
func xitongsysColumn(t *testing.T, path, column string) (values []any, nulls int) {
	t.Helper()
	f, err := local.NewLocalFileReader(path)
	require.NoError(t, err)
	defer f.Close()
	pr, err := reader.NewParquetReader(f, nil, 1)
	require.NoError(t, err)
	defer pr.ReadStop()
	n := pr.GetNumRows()
	vals, _, dls, err := pr.ReadColumnByPath(common.ReformPathStr(pr.SchemaHandler.GetRootExName()+"."+column), n)
	require.NoError(t, err)
	require.Len(t, vals, int(n))
	for i, v := range vals {
		if v == nil {
			require.Zero(t, dls[i], "a null has definition level 0")
			nulls++
		}
	}
	return vals, nulls
}

func TestXitongsysReadsTheFiles(t *testing.T) {
	out := t.TempDir()
	corpus.write(t, out)
	path := filepath.Join(out, "sentences/year=2024/part-00000.parquet")
	var want []schemas.Sentence // the 2024 file: the odd reports
	for _, s := range corpus.want(schemas.Sentences).([]schemas.Sentence) {
		if s.Year == 2024 {
			want = append(want, s)
		}
	}
	wantNulls := 0
	for _, s := range want {
		if s.Heading == nil {
			wantNulls++
		}
	}
	cases := []struct {
		column string
		value  func(s schemas.Sentence) any
		nulls  int
	}{
		{"report_id", func(s schemas.Sentence) any { return s.ReportID }, 0},
		{"text", func(s schemas.Sentence) any { return s.Text }, 0},
		{"sentence_id", func(s schemas.Sentence) any { return s.SentenceID }, 0},
		{"heading", func(s schemas.Sentence) any {
			if s.Heading == nil {
				return nil
			}
			return *s.Heading
		}, wantNulls},
	}
	for _, tc := range cases {
		t.Run(tc.column, func(t *testing.T) {
			vals, nulls := xitongsysColumn(t, path, tc.column)
			require.Len(t, vals, len(want))
			for i, s := range want {
				assert.Equal(t, tc.value(s), vals[i], "row %d", i)
			}
			assert.Equal(t, tc.nulls, nulls, "null count")
		})
	}
}

func TestDuckDBReadsTheDataset(t *testing.T) {
	out := t.TempDir()
	corpus.write(t, out)
	db, err := sql.Open("duckdb", "")
	require.NoError(t, err)
	defer db.Close()
	ctx := context.Background()
	glob := func(table string) string { return filepath.Join(out, table, "**", "*.parquet") }

	t.Run("aggregate over hive partitions", func(t *testing.T) {
		rows, err := db.QueryContext(ctx, fmt.Sprintf(`
			SELECT year, count(*), count(DISTINCT report_id), count(heading), sum(length(text))
			FROM read_parquet('%s', hive_partitioning=true) GROUP BY year ORDER BY year`, glob("sentences")))
		require.NoError(t, err)
		defer rows.Close()
		type agg struct{ year, n, reports, headings, chars int64 }
		var got []agg
		for rows.Next() {
			var a agg
			require.NoError(t, rows.Scan(&a.year, &a.n, &a.reports, &a.headings, &a.chars))
			got = append(got, a)
		}
		require.NoError(t, rows.Err())

		want := map[int64]*agg{}
		for _, s := range corpus.want(schemas.Sentences).([]schemas.Sentence) {
			a := want[int64(s.Year)]
			if a == nil {
				a = &agg{year: int64(s.Year)}
				want[a.year] = a
			}
			a.n++
			if s.Heading != nil {
				a.headings++
			}
			a.chars += int64(len([]rune(s.Text)))
		}
		for r := 0; r < corpus.reports; r++ {
			_, y, _ := reportKeys(r)
			want[int64(y)].reports++
		}
		require.Equal(t, []agg{*want[2023], *want[2024]}, got)
	})

	t.Run("column types", func(t *testing.T) {
		var dateType, yearType, rankType string
		// The year comes from the folder name (Hive convention), not from the files.
		require.NoError(t, db.QueryRowContext(ctx, fmt.Sprintf(
			`SELECT typeof(meeting_date), typeof(year) FROM read_parquet('%s', hive_partitioning=true) LIMIT 1`,
			glob("reports"))).Scan(&dateType, &yearType))
		var inFiles int
		require.NoError(t, db.QueryRowContext(ctx, fmt.Sprintf(
			`SELECT count(*) FROM parquet_schema('%s') WHERE name = 'year'`, glob("reports"))).Scan(&inFiles))
		assert.Zero(t, inFiles, "partition keys are not stored in the files")
		require.NoError(t, db.QueryRowContext(ctx, fmt.Sprintf(
			`SELECT typeof(rank) FROM read_parquet('%s') LIMIT 1`, glob("terms"))).Scan(&rankType))
		assert.Equal(t, "DATE", dateType)
		assert.Equal(t, "SMALLINT", rankType)
		assert.Equal(t, "BIGINT", yearType)
	})

	t.Run("free text has no dictionary", func(t *testing.T) {
		var encodings string
		require.NoError(t, db.QueryRowContext(ctx, fmt.Sprintf(
			`SELECT string_agg(DISTINCT encodings, ',') FROM parquet_metadata('%s') WHERE path_in_schema = 'text'`,
			glob("sentences"))).Scan(&encodings))
		assert.NotContains(t, encodings, "DICTIONARY", "v15 lists a fallen-back chunk's encodings in random order")
	})

	t.Run("zstd and metadata", func(t *testing.T) {
		var codecs []string
		rows, err := db.QueryContext(ctx, fmt.Sprintf(
			`SELECT DISTINCT compression FROM parquet_metadata('%s')`, glob("*")))
		require.NoError(t, err)
		for rows.Next() {
			var c string
			require.NoError(t, rows.Scan(&c))
			codecs = append(codecs, c)
		}
		require.NoError(t, rows.Err())
		rows.Close()
		assert.Equal(t, []string{"ZSTD"}, codecs)

		var version, doc []byte
		file := filepath.Join(out, "figures/year=2024/part-00000.parquet")
		require.NoError(t, db.QueryRowContext(ctx, fmt.Sprintf(
			`SELECT value FROM parquet_kv_metadata('%s') WHERE key = '%s'`, file, metaSchemaVersion)).Scan(&version))
		require.NoError(t, db.QueryRowContext(ctx, fmt.Sprintf(
			`SELECT value FROM parquet_kv_metadata('%s') WHERE key = '%s'`, file, metaColumnPrefix+"base_unit"+metaColumnSuffix)).Scan(&doc))
		assert.Equal(t, schemas.Version, string(version))
		assert.Contains(t, string(doc), "CNY")
	})
}

// TestRootIsRequired checks the footer's root schema element with two
// readers: the format says REQUIRED; arrow-go v15 writes REPEATED unless told,
// which hyparquet, Snowflake, Impala and parquet-go refuse.
func TestRootIsRequired(t *testing.T) {
	out := t.TempDir()
	sum := corpus.write(t, out)
	db, err := sql.Open("duckdb", "")
	require.NoError(t, err)
	defer db.Close()
	for _, f := range sum.Files {
		path := filepath.Join(out, f.Path)
		t.Run(f.Path, func(t *testing.T) {
			pf, err := local.NewLocalFileReader(path)
			require.NoError(t, err)
			defer pf.Close()
			pr, err := reader.NewParquetReader(pf, nil, 1)
			require.NoError(t, err)
			defer pr.ReadStop()
			root := pr.Footer.Schema[0]
			require.NotNil(t, root.RepetitionType)
			assert.Equal(t, parquet.FieldRepetitionType_REQUIRED, *root.RepetitionType, "xitongsys")

			var rep string
			require.NoError(t, db.QueryRow(fmt.Sprintf(
				`SELECT repetition_type FROM parquet_schema('%s') LIMIT 1`, path)).Scan(&rep))
			assert.Equal(t, "REQUIRED", rep, "duckdb")
		})
	}
}

// hyparquetDatasetEnv names a dataset (e.g. a run over the seed corpus) for
// TestHyparquetReadsTheDataset to read as well; .ci/run sets it when node is
// present, and then a failed npm install fails the test instead of skipping it.
const hyparquetDatasetEnv = "GOVREPORTS_HYPARQUET_DATASET"

func TestHyparquetReadsTheDataset(t *testing.T) {
	modules := hyparquetModules(t)
	out := t.TempDir()
	sum := corpus.write(t, out)
	got := hyparquetRead(t, modules, out, sum.Files)

	for _, f := range sum.Files {
		assert.Equal(t, "REQUIRED", got[f.Path].Root, f.Path)
		assert.Equal(t, f.Rows, got[f.Path].Rows, f.Path)
	}
	// Every value of every table, by the JSON types the script prints.
	for _, tbl := range schemas.All {
		want := reflect.ValueOf(corpus.want(tbl))
		var rows []map[string]any
		for _, f := range sum.Files {
			if f.Table == tbl.Name {
				rows = append(rows, got[f.Path].Data...)
			}
		}
		require.Len(t, rows, want.Len(), tbl.Name)
		for i := range rows {
			assert.Equal(t, hyparquetRow(tbl, want.Index(i)), rows[i], "%s row %d", tbl.Name, i)
		}
	}

	if dir := os.Getenv(hyparquetDatasetEnv); dir != "" {
		t.Run("dataset", func(t *testing.T) {
			m, err := ReadManifest(context.Background(), dir)
			require.NoError(t, err)
			got := hyparquetRead(t, modules, dir, m.Files)
			for _, f := range m.Files {
				assert.Equal(t, "REQUIRED", got[f.Path].Root, f.Path)
				assert.Equal(t, f.Rows, got[f.Path].Rows, f.Path)
			}
		})
	}
}

// hyparquetRow is a row as hyparquet gives it through JSON: int64 as a
// string, dates as YYYY-MM-DD, no partition column.
func hyparquetRow(t *schemas.Table, row reflect.Value) map[string]any {
	m := map[string]any{}
	for _, c := range t.Stored {
		f := row.FieldByIndex(c.Index)
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				m[c.Name] = nil
				continue
			}
			f = f.Elem()
		}
		switch v := f.Interface().(type) {
		case schemas.Date:
			m[c.Name] = v.String()
		case int64:
			m[c.Name] = fmt.Sprint(v)
		case int16:
			m[c.Name] = float64(v)
		case int32:
			m[c.Name] = float64(v)
		default:
			m[c.Name] = v
		}
	}
	return m
}

// hyparquetFile is what testdata/hyparquet/read.mjs prints of a file.
type hyparquetFile struct {
	File string           `json:"file"`
	Root string           `json:"root"`
	Rows int64            `json:"rows"`
	Data []map[string]any `json:"data"`
}

// hyparquetRead reads the files of the dataset at dir with hyparquet, by path.
func hyparquetRead(t *testing.T, modules, dir string, files []FileInfo) map[string]hyparquetFile {
	t.Helper()
	args := []string{filepath.Join("testdata", "hyparquet", "read.mjs"), modules}
	for _, f := range files {
		args = append(args, filepath.Join(dir, f.Path))
	}
	var stderr bytes.Buffer
	cmd := exec.Command("node", args...)
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	require.NoError(t, err, "hyparquet: %s", stderr.String())
	got := map[string]hyparquetFile{}
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(nil, 256<<20)
	for sc.Scan() {
		var f hyparquetFile
		require.NoError(t, json.Unmarshal(sc.Bytes(), &f))
		rel, err := filepath.Rel(dir, f.File)
		require.NoError(t, err)
		got[filepath.ToSlash(rel)] = f
	}
	require.NoError(t, sc.Err())
	require.Len(t, got, len(files), "a line per file")
	return got
}

// hyparquetModules installs the packages of testdata/hyparquet/package.json
// once into the user's cache and returns their node_modules folder. Without
// node or npm the test is skipped.
func hyparquetModules(t *testing.T) string {
	t.Helper()
	required := os.Getenv(hyparquetDatasetEnv) != ""
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if required {
				t.Fatalf("%s is set but %s is not installed", hyparquetDatasetEnv, tool)
			}
			t.Skipf("%s is not installed: the hyparquet (JavaScript reader) check is skipped", tool)
		}
	}
	pkg, err := os.ReadFile(filepath.Join("testdata", "hyparquet", "package.json"))
	require.NoError(t, err)
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	sum := sha256.Sum256(pkg)
	dir := filepath.Join(cache, "govreports", "hyparquet-"+hex.EncodeToString(sum[:6]))
	modules := filepath.Join(dir, "node_modules")
	if _, err := os.Stat(filepath.Join(modules, "hyparquet-compressors")); err == nil {
		return modules
	}
	// Installed beside and renamed into place, so that a test run sharing the
	// cache never sees half an install.
	require.NoError(t, os.MkdirAll(filepath.Dir(dir), 0o755))
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "install-")
	require.NoError(t, err)
	defer os.RemoveAll(tmp)
	require.NoError(t, os.WriteFile(filepath.Join(tmp, "package.json"), pkg, 0o644))
	cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", tmp)
	if b, err := cmd.CombinedOutput(); err != nil {
		msg := fmt.Sprintf("npm install of hyparquet failed (offline?): %v\n%s", err, strings.TrimSpace(string(b)))
		if required {
			t.Fatal(msg)
		}
		t.Skip(msg + "\nthe hyparquet check is skipped")
	}
	if err := os.Rename(tmp, dir); err != nil {
		_, statErr := os.Stat(modules)
		require.NoError(t, statErr, "install into %s: %v", dir, err) // another run may have installed it meanwhile
	}
	return modules
}
