package output

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"strconv"
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
	m, err := readManifest(ctx, st)
	if err != nil {
		return rows, err
	}
	// The manifest's files, not the folder's: a lake may hold files of its users.
	for _, file := range m.Files {
		if file.Table != t.Name {
			continue
		}
		k := file.Path
		f, err := st.OpenFile(ctx, k)
		if err != nil {
			return rows, err
		}
		before := rows.Len()
		rows, err = readParquet(ctx, f, t, rows)
		f.Close()
		if err != nil {
			return rows, fmt.Errorf("output: read %s: %w", k, err)
		}
		if err := setPartition(t, k, rows, before); err != nil {
			return rows, err
		}
	}
	return rows, nil
}

// setPartition gives the rows read from the file at key (from index from on)
// the partition column's value, which the files do not store.
func setPartition(t *schemas.Table, key string, rows reflect.Value, from int) error {
	col := column(t, schemas.PartitionColumn)
	if !t.Partitioned || col == nil {
		return nil
	}
	prefix := schemas.PartitionColumn + "="
	for _, part := range strings.Split(key, "/") {
		v, ok := strings.CutPrefix(part, prefix)
		if !ok {
			continue
		}
		year, err := strconv.ParseInt(v, 10, 16)
		if err != nil {
			return fmt.Errorf("output: %s: partition %s: %w", key, part, err)
		}
		for i := from; i < rows.Len(); i++ {
			rows.Index(i).FieldByIndex(col.Index).SetInt(year)
		}
	}
	return nil
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
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return rows, err
	}
	pr, err := file.NewParquetReader(f)
	if err != nil {
		return rows, err
	}
	defer pr.Close()
	if err := checkChunks(pr, size); err != nil {
		return rows, err
	}
	dropStoredSchema(pr)
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
	if len(crs) == 0 {
		return rows, fmt.Errorf("no column of table %s in the file", t.Name)
	}
	// Columns are read one after the other in the caller's goroutine (not
	// with pqarrow's record reader, whose goroutines would turn a decoding
	// panic on a damaged file into a crash), in batches of batchRows rows.
	readers := make([]*pqarrow.ColumnReader, len(crs))
	for i, cr := range crs {
		if readers[i], err = fr.GetColumn(ctx, cr.col); err != nil {
			return rows, err
		}
	}
	for total, done := pr.NumRows(), int64(0); done < total; {
		if err := ctx.Err(); err != nil {
			return rows, err
		}
		n := min(batchRows, total-done)
		base := rows.Len()
		rows = reflect.AppendSlice(rows, reflect.MakeSlice(rows.Type(), int(n), int(n)))
		for i, cr := range crs {
			if err := readBatch(readers[i], cr, n, rows, base); err != nil {
				return rows, fmt.Errorf("column %s: %w", sc.Field(cr.col).Name, err)
			}
		}
		done += n
	}
	return rows, nil
}

// readBatch sets the column of rows[base:base+n] from the next n values of r.
func readBatch(r *pqarrow.ColumnReader, cr columnReader, n int64, rows reflect.Value, base int) error {
	chunked, err := r.NextBatch(n)
	if err != nil {
		return err
	}
	defer chunked.Release()
	if int64(chunked.Len()) != n {
		return fmt.Errorf("%d values, want %d", chunked.Len(), n)
	}
	for _, arr := range chunked.Chunks() {
		for i := 0; i < arr.Len(); i++ {
			cr.read(arr, i, rows.Index(base+i))
		}
		base += arr.Len()
	}
	return nil
}

// checkChunks rejects a footer whose column chunks lie outside the file:
// the v15 reader would allocate or slice by those numbers unchecked.
func checkChunks(pr *file.Reader, size int64) error {
	md := pr.MetaData()
	var rows int64
	for g := 0; g < pr.NumRowGroups(); g++ {
		rg := md.RowGroup(g)
		if rg.NumRows() < 0 || rg.NumColumns() != md.Schema.NumColumns() {
			return fmt.Errorf("damaged footer: row group %d", g)
		}
		rows += rg.NumRows()
		for c := 0; c < rg.NumColumns(); c++ {
			col, err := rg.ColumnChunk(c)
			if err != nil {
				return err
			}
			start, n := col.DataPageOffset(), col.TotalCompressedSize()
			if col.HasDictionaryPage() && col.DictionaryPageOffset() > 0 {
				start = min(start, col.DictionaryPageOffset())
			}
			if start < 4 || n < 0 || n > size || start > size-n || col.NumValues() < 0 {
				return fmt.Errorf("damaged footer: column chunk %d of row group %d is outside the file", c, g)
			}
		}
	}
	if rows != pr.NumRows() {
		return fmt.Errorf("damaged footer: %d rows, the row groups hold %d", pr.NumRows(), rows)
	}
	return nil
}

// dropStoredSchema hides the file's ARROW:schema from pqarrow: every column
// type of the dataset follows from the Parquet logical types, and decoding a
// damaged stored schema makes arrow/ipc allocate whatever size it reads.
func dropStoredSchema(pr *file.Reader) {
	md := pr.MetaData()
	kept := md.KeyValueMetadata()[:0:0]
	for _, kv := range md.KeyValueMetadata() {
		if kv.Key != "ARROW:schema" {
			kept = append(kept, kv)
		}
	}
	md.FileMetaData.KeyValueMetadata = kept
}
