package output

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xitongsys/parquet-go-source/local"
	"github.com/xitongsys/parquet-go/common"
	"github.com/xitongsys/parquet-go/reader"
)

// Two readers that share no code with the writer check the files: the pure
// Go xitongsys/parquet-go and DuckDB.

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
