package read

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parquetFile writes rows of the given string columns with pqarrow.
func parquetFile(t testing.TB, cols []string, rows [][]string) []byte {
	t.Helper()
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = arrow.Field{Name: c, Type: arrow.BinaryTypes.String, Nullable: true}
	}
	schema := arrow.NewSchema(fields, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	for _, row := range rows {
		for i, v := range row {
			b.Field(i).(*array.StringBuilder).Append(v)
		}
	}
	rec := b.NewRecord()
	defer rec.Release()
	var buf bytes.Buffer
	w, err := pqarrow.NewFileWriter(schema, &buf, nil, pqarrow.DefaultWriterProps())
	require.NoError(t, err)
	require.NoError(t, w.Write(rec))
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func TestReadParquet(t *testing.T) {
	data := parquetFile(t, []string{"province", "year", "full_text"}, [][]string{
		{"某省", "2025", countyText},
		{"某省", "2024", "各位代表：\n增长5%。"},
		{"某省", "2023", "  "},
	})
	for _, name := range []string{"reports.parquet", "reports.bin"} {
		var warned bytes.Buffer
		rs, err := readAll(t, name, data, Options{Region: "110000", Year: 2025, Logger: slog.New(slog.NewTextHandler(&warned, nil))})
		require.NoError(t, err)
		require.Len(t, rs, 2)
		assert.Equal(t, name+"#row=1", rs[0].Source)
		assert.Equal(t, "某县政府工作报告", rs[0].Title)
		assert.Equal(t, Hints{Year: 2024, Region: "某省"}, rs[1].Hints)
		assert.Contains(t, warned.String(), name+"#row=3", "an empty row is logged")
	}
}

func FuzzParquet(f *testing.F) {
	f.Add(parquetFile(f, []string{"year", "full_text"}, [][]string{{"2025", "各位代表：\n增长。"}}))
	f.Add([]byte("PAR1\x00\x00\x00\x00PAR1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		dr, err := newParquetReader(ctx, &opened{name: "fuzz.parquet", r: bufio.NewReader(bytes.NewReader(data))})
		for err == nil {
			var d document
			if d, err = dr.next(ctx); err == nil && !strings.HasPrefix(d.name, "fuzz.parquet#row=") {
				t.Fatalf("a row named %s", d.name)
			}
		}
		if e := (*Error)(nil); !errors.Is(err, io.EOF) && !(errors.As(err, &e) && e.Input == "fuzz.parquet") {
			t.Fatalf("not a *read.Error naming the file: %v", err)
		}
	})
}
