package read

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

const (
	// maxParquetBytes bounds a Parquet file of reports as stored.
	maxParquetBytes = 1 << 30
	// maxRowGroupBytes bounds the unpacked size of one row group, all of
	// whose text is in memory at once while its rows are read.
	maxRowGroupBytes = 1 << 30
	// parquetBatch is how many rows are decoded at a time.
	parquetBatch = 64
)

// readParquet reads a Parquet file of reports, one per row, counting rows
// from 1 over the whole file. Only the text, title, year and region columns
// are decoded.
func readParquet(ctx context.Context, name string, r io.Reader, textColumn string, row func(n int, text string, h Hints) error) (err error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxParquetBytes+1))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(raw) > maxParquetBytes {
		return fmt.Errorf("%s: Parquet file larger than %d bytes", name, maxParquetBytes)
	}
	// The Parquet decoder panics on some corrupt files instead of failing:
	// a damaged input must be an error naming it, not a crash of the run.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: corrupt Parquet file: %v", name, p)
		}
	}()
	pf, err := file.NewParquetReader(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("%s: not a readable Parquet file: %w", name, err)
	}
	defer pf.Close()
	meta := pf.MetaData()
	schema := meta.Schema
	names := make([]string, schema.NumColumns())
	for i := range names {
		names[i] = schema.Column(i).Path()
	}
	cols, err := tableColumns(name, names, textColumn)
	if err != nil {
		return err
	}
	var leaves []int
	for _, c := range []int{cols.text, cols.title, cols.year, cols.region} {
		if c >= 0 && !slices.Contains(leaves, c) {
			leaves = append(leaves, c)
		}
	}
	for g := 0; g < pf.NumRowGroups(); g++ {
		if size := meta.RowGroup(g).TotalByteSize(); size > maxRowGroupBytes || size < 0 {
			return fmt.Errorf("%s: row group %d unpacks to %d bytes, more than %d", name, g, size, maxRowGroupBytes)
		}
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: parquetBatch}, memory.DefaultAllocator)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	rr, err := fr.GetRecordReader(ctx, leaves, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer rr.Release()
	n := 0
	for rr.Next() {
		rec := rr.Record()
		column := func(leaf int) arrow.Array {
			if leaf < 0 {
				return nil
			}
			idx := rec.Schema().FieldIndices(names[leaf])
			if len(idx) == 0 {
				return nil
			}
			return rec.Column(idx[0])
		}
		text, title, year, region := column(cols.text), column(cols.title), column(cols.year), column(cols.region)
		switch text.(type) {
		case *array.String, *array.LargeString, *array.Binary:
		default:
			return fmt.Errorf("%s: row %d: text column %q is not a string column", name, n+1, names[cols.text])
		}
		for i := 0; i < int(rec.NumRows()); i++ {
			n++
			if err := ctx.Err(); err != nil {
				return err
			}
			h := Hints{Title: cell(title, i), Region: cell(region, i), Year: yearOf(cell(year, i))}
			if err := row(n, cell(text, i), h); err != nil {
				return err
			}
		}
	}
	if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: after row %d: %w", name, n, err)
	}
	return nil
}

// cell is the text of a value: strings and bytes as they are, numbers as
// printed; "" for a null or a missing column.
func cell(a arrow.Array, i int) string {
	if a == nil || a.IsNull(i) {
		return ""
	}
	switch a := a.(type) {
	case *array.String:
		return a.Value(i)
	case *array.LargeString:
		return a.Value(i)
	case *array.Binary:
		return string(a.Value(i))
	}
	return a.ValueStr(i)
}
