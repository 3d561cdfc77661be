package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
	"github.com/govreports/govreports/schemas"
)

// ReadTable reads every Parquet file of table t in the committed dataset at
// out back into row structs; T must be t's row type (e.g. schemas.Figure).
// Files are read in path order: year partitions ascending, then part files.
func ReadTable[T any](ctx context.Context, out string, t *schemas.Table) ([]T, error) {
	if rt := reflect.TypeOf((*T)(nil)).Elem(); rt != t.Row {
		return nil, fmt.Errorf("output: read %s into %s, want %s", t.Name, rt, t.Row)
	}
	rows, err := readTable(ctx, out, t)
	if err != nil {
		return nil, err
	}
	return rows.Interface().([]T), nil
}

// readTable returns the rows of t at out as a slice of t.Row.
func readTable(ctx context.Context, out string, t *schemas.Table) (reflect.Value, error) {
	rows := reflect.MakeSlice(reflect.SliceOf(t.Row), 0, 0)
	st, err := openStore(ctx, out)
	if err != nil {
		return rows, err
	}
	defer st.Close()
	if _, err := readManifest(ctx, st); err != nil {
		return rows, err
	}
	keys, err := st.List(ctx, t.Name+"/")
	if err != nil {
		return rows, err
	}
	for _, k := range keys {
		if !strings.HasSuffix(k, ".parquet") {
			continue
		}
		f, err := st.OpenFile(ctx, k)
		if err != nil {
			return rows, err
		}
		rows, err = readParquet(ctx, f, t, rows)
		f.Close()
		if err != nil {
			return rows, fmt.Errorf("output: read %s: %w", k, err)
		}
	}
	return rows, nil
}

// readParquet appends the rows of a Parquet file of table t to rows. A
// corrupt file is an error, never a panic.
func readParquet(ctx context.Context, f readFile, t *schemas.Table, rows reflect.Value) (out reflect.Value, err error) {
	err = guard(func() error {
		out, err = readRecords(ctx, f, t, rows)
		return err
	})
	return out, err
}

func readRecords(ctx context.Context, f readFile, t *schemas.Table, rows reflect.Value) (reflect.Value, error) {
	pr, err := file.NewParquetReader(f)
	if err != nil {
		return rows, err
	}
	defer pr.Close()
	fr, err := pqarrow.NewFileReader(pr, pqarrow.ArrowReadProperties{BatchSize: batchRows}, memory.DefaultAllocator)
	if err != nil {
		return rows, err
	}
	sc, err := fr.Schema()
	if err != nil {
		return rows, err
	}
	crs, err := columnReadersOf(t, sc)
	if err != nil {
		return rows, err
	}
	rr, err := fr.GetRecordReader(ctx, nil, nil)
	if err != nil {
		return rows, err
	}
	defer rr.Release()
	for {
		rec, err := rr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		start, n := rows.Len(), int(rec.NumRows())
		rows = reflect.AppendSlice(rows, reflect.MakeSlice(rows.Type(), n, n))
		for _, cr := range crs {
			arr := rec.Column(cr.col)
			for i := 0; i < n; i++ {
				cr.read(arr, i, rows.Index(start+i))
			}
		}
	}
}
