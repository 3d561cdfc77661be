package output

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
	"github.com/govreports/govreports/schemas"
)

// ReadTable reads every Parquet file of table t in the committed dataset at
// out back into row structs; T must be t's row type (e.g. schemas.Figure).
// Files are read in path order: year partitions ascending, then part files.
func ReadTable[T any](ctx context.Context, out string, t *schemas.Table) ([]T, error) {
	return readColumns[T](ctx, out, t, nil)
}

// ReadColumns is ReadTable that decodes only the named columns (and the
// partition column); the others are left zero. Summaries of the big tables
// (figures by kind, commitments by topic) need two columns of twenty.
func ReadColumns[T any](ctx context.Context, out string, t *schemas.Table, cols ...string) ([]T, error) {
	only := map[string]bool{}
	for _, c := range cols {
		if column(t, c) == nil {
			return nil, fmt.Errorf("output: table %s has no column %q", t.Name, c)
		}
		only[c] = true
	}
	return readColumns[T](ctx, out, t, only)
}

func readColumns[T any](ctx context.Context, out string, t *schemas.Table, only map[string]bool) ([]T, error) {
	if rt := reflect.TypeOf((*T)(nil)).Elem(); rt != t.Row {
		return nil, fmt.Errorf("output: read %s into %s, want %s", t.Name, rt, t.Row)
	}
	rows, err := readTable(ctx, out, t, only)
	if err != nil {
		return nil, err
	}
	return rows.Interface().([]T), nil
}

// readTable returns the rows of t at out as a slice of t.Row, decoding the
// columns in only (every column when only is nil).
func readTable(ctx context.Context, out string, t *schemas.Table, only map[string]bool) (reflect.Value, error) {
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
	// The manifest knows every file's rows: one allocation instead of growing
	// a slice of wide structs batch by batch.
	total := int64(0)
	for _, file := range m.Files {
		if file.Table == t.Name {
			total += file.Rows
		}
	}
	rows = reflect.MakeSlice(reflect.SliceOf(t.Row), 0, int(min(total, maxPresizeRows)))
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
		rows, err = readParquet(ctx, f, t, rows, only)
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
func readParquet(ctx context.Context, f readFile, t *schemas.Table, rows reflect.Value, only map[string]bool) (reflect.Value, error) {
	fr, err := openFileRows(f, t, only)
	if err != nil {
		return rows, err
	}
	defer fr.close()
	for !fr.done() {
		if rows, err = fr.next(ctx, rows, batchRows); err != nil {
			return rows, err
		}
	}
	return rows, nil
}

// fileRows reads the rows of a Parquet file of a table batch by batch.
// Columns are read one after the other in the caller's goroutine (not with
// pqarrow's record reader, whose goroutines would turn a decoding panic on a
// damaged file into a crash).
type fileRows struct {
	pr      *file.Reader
	crs     []columnReader
	readers []*pqarrow.ColumnReader
	names   []string
	total   int64
	read    int64
}

// maxPresizeRows bounds the rows allocated up front from the manifest's
// counts, so that a damaged manifest cannot ask for any amount of memory.
const maxPresizeRows = 1 << 22

// readBufferSize is how much of a column chunk a reader holds at once:
// files are streamed, not read whole, so that many can be open together
// (a commit of shards reads a file per shard, table and year at once).
const readBufferSize = 64 << 10

func openFileRows(f readFile, t *schemas.Table, only map[string]bool) (fr *fileRows, err error) {
	err = guard(func() error {
		fr, err = openFileRowsUnguarded(f, t, only)
		return err
	})
	return fr, err
}

func openFileRowsUnguarded(f readFile, t *schemas.Table, only map[string]bool) (*fileRows, error) {
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, err
	}
	props := parquet.NewReaderProperties(memory.DefaultAllocator)
	props.BufferedStreamEnabled, props.BufferSize = true, readBufferSize
	pr, err := file.NewParquetReader(f, file.WithReadProps(props))
	if err != nil {
		return nil, err
	}
	fr := &fileRows{pr: pr, total: pr.NumRows()}
	if err := fr.init(t, size, only); err != nil {
		pr.Close()
		return nil, err
	}
	return fr, nil
}

func (fr *fileRows) init(t *schemas.Table, size int64, only map[string]bool) error {
	if err := checkChunks(fr.pr, size); err != nil {
		return err
	}
	dropStoredSchema(fr.pr)
	r, err := pqarrow.NewFileReader(fr.pr, pqarrow.ArrowReadProperties{BatchSize: batchRows}, memory.DefaultAllocator)
	if err != nil {
		return err
	}
	sc, err := r.Schema()
	if err != nil {
		return err
	}
	if fr.crs, err = columnReadersOf(t, sc); err != nil {
		return err
	}
	if only != nil {
		fr.crs = slices.DeleteFunc(fr.crs, func(cr columnReader) bool { return !only[sc.Field(cr.col).Name] })
	}
	if len(fr.crs) == 0 {
		return fmt.Errorf("no column of table %s in the file", t.Name)
	}
	fr.readers = make([]*pqarrow.ColumnReader, len(fr.crs))
	fr.names = make([]string, len(fr.crs))
	for i, cr := range fr.crs {
		if fr.readers[i], err = r.GetColumn(context.Background(), cr.col); err != nil {
			return err
		}
		fr.names[i] = sc.Field(cr.col).Name
	}
	return nil
}

func (fr *fileRows) done() bool { return fr.read >= fr.total }

// next appends the file's next rows, at most n, to rows.
func (fr *fileRows) next(ctx context.Context, rows reflect.Value, n int64) (out reflect.Value, err error) {
	out = rows
	if err := ctx.Err(); err != nil {
		return out, err
	}
	n = min(n, fr.total-fr.read)
	err = guard(func() error {
		base := rows.Len()
		if rows.Cap() >= base+int(n) {
			// A caller may hand back a slice it reuses: clear what the
			// columns leave unset (nulls, columns not read).
			out = rows.Slice(0, base+int(n))
			for i := base; i < base+int(n); i++ {
				out.Index(i).SetZero()
			}
		} else {
			out = reflect.AppendSlice(rows, reflect.MakeSlice(rows.Type(), int(n), int(n)))
		}
		for i, cr := range fr.crs {
			if err := readBatch(fr.readers[i], cr, n, out, base); err != nil {
				return fmt.Errorf("column %s: %w", fr.names[i], err)
			}
		}
		return nil
	})
	fr.read += n
	return out, err
}

// close closes the file too.
func (fr *fileRows) close() error { return fr.pr.Close() }

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
