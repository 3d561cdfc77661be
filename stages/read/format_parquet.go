package read

import (
	"bytes"
	"context"
	"errors"
	"io"

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

// parquetFormat is a Parquet file of reports, one per row, rows counting
// from 1 over the whole file. Only the text, title, year and region columns
// are decoded.
var parquetFormat = format{
	name:  "parquet",
	exts:  []string{".parquet"},
	magic: func(head []byte) bool { return bytes.HasPrefix(head, []byte("PAR1")) },
	open:  newParquetReader,
}

type parquetReader struct {
	in     *opened
	names  []string // the leaf columns' paths
	cols   columns
	pf     *file.Reader
	rr     pqarrow.RecordReader
	rec    arrow.Record // the batch being read, nil before the first
	i      int          // the next row of rec
	n      int          // rows read
	closed bool
}

// The Parquet decoder panics on some corrupt files instead of failing: a
// damaged input must be an error naming it, not a crash of the run.
func (p *parquetReader) corrupt(err *error) {
	if r := recover(); r != nil {
		p.close()
		*err = errorf(p.in.name, "corrupt Parquet file: %v", r)
	}
}

func newParquetReader(ctx context.Context, in *opened) (_ docReader, err error) {
	p := &parquetReader{in: in}
	defer p.corrupt(&err)
	raw, err := readWhole(in.name, in.r, maxParquetBytes, "Parquet file larger than %d bytes")
	if err != nil {
		return nil, err
	}
	if p.pf, err = file.NewParquetReader(bytes.NewReader(raw)); err != nil {
		return nil, errorf(in.name, "not a readable Parquet file: %w", err)
	}
	meta := p.pf.MetaData()
	schema := meta.Schema
	p.names = make([]string, schema.NumColumns())
	for i := range p.names {
		p.names[i] = schema.Column(i).Path()
	}
	if p.cols, err = tableColumns(p.names, in.opts.TextColumn); err != nil {
		p.close()
		return nil, errorf(in.name, "%w", err)
	}
	leaves := p.cols.used()
	for g := 0; g < p.pf.NumRowGroups(); g++ {
		if size := meta.RowGroup(g).TotalByteSize(); size > maxRowGroupBytes || size < 0 {
			p.close()
			return nil, errorf(in.name, "row group %d unpacks to %d bytes, more than %d", g, size, maxRowGroupBytes)
		}
	}
	fr, err := pqarrow.NewFileReader(p.pf, pqarrow.ArrowReadProperties{BatchSize: parquetBatch}, memory.DefaultAllocator)
	if err != nil {
		p.close()
		return nil, errorf(in.name, "%w", err)
	}
	if p.rr, err = fr.GetRecordReader(ctx, leaves, nil); err != nil {
		p.close()
		return nil, errorf(in.name, "%w", err)
	}
	return p, nil
}

// Close releases the decoder; next closes it at the end of the file or on
// an error, Read when it stops early.
func (p *parquetReader) Close() error {
	p.close()
	return nil
}

func (p *parquetReader) close() {
	if p.closed {
		return
	}
	p.closed = true
	if p.rr != nil {
		p.rr.Release()
	}
	if p.pf != nil {
		p.pf.Close()
	}
}

func (p *parquetReader) next(ctx context.Context) (d document, err error) {
	defer p.corrupt(&err)
	for !p.closed {
		if err := ctx.Err(); err != nil {
			p.close()
			return document{}, err
		}
		if p.rec == nil || p.i == int(p.rec.NumRows()) {
			if !p.rr.Next() {
				break
			}
			p.rec, p.i = p.rr.Record(), 0
			if err := p.checkText(); err != nil {
				p.close()
				return document{}, err
			}
			continue
		}
		i := p.i
		p.i++
		p.n++
		get := func(leaf int) string { return cell(p.column(leaf), i) }
		if d, ok, err := rowDocument(p.in, RowSource(p.in.name, p.n), get(p.cols.text), p.cols.hints(get)); ok || err != nil {
			return d, err
		}
	}
	if p.closed {
		return document{}, io.EOF
	}
	err = p.rr.Err()
	p.close()
	if err != nil && !errors.Is(err, io.EOF) {
		return document{}, errorf(p.in.name, "after row %d: %w", p.n, err)
	}
	return document{}, io.EOF
}

// checkText refuses a batch whose text column holds no strings.
func (p *parquetReader) checkText() error {
	switch p.column(p.cols.text).(type) {
	case *array.String, *array.LargeString, *array.Binary:
		return nil
	}
	return errorf(p.in.name, "row %d: text column %q is not a string column", p.n+1, p.names[p.cols.text])
}

// column is the array of a leaf column in the current batch; nil when absent.
func (p *parquetReader) column(leaf int) arrow.Array {
	if leaf < 0 {
		return nil
	}
	idx := p.rec.Schema().FieldIndices(p.names[leaf])
	if len(idx) == 0 {
		return nil
	}
	return p.rec.Column(idx[0])
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
