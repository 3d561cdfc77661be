package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"reflect"
	"slices"
	"sync"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
	"github.com/govreports/govreports/schemas"
)

const (
	// batchRows is how many rows the Arrow builders hold before they are
	// flushed as a record batch into the buffered row group. Small batches
	// spread the encoding over the run instead of leaving it to the close;
	// a multiple of pqarrow's 1024-value write batch keeps pages (and so
	// the bytes of the file) the same whatever the batch.
	batchRows = 8 << 10
	// defaultRowGroupRows bounds a buffered row group (and so the memory it
	// holds): pqarrow starts a new row group past it.
	defaultRowGroupRows = 1 << 20
)

// Keys of the Parquet key-value metadata.
const (
	metaSchemaVersion = "govreports.schema_version"
	metaTable         = "govreports.table"
	metaTableDoc      = "govreports.table.description"
	metaColumnPrefix  = "govreports.column."
	metaColumnSuffix  = ".description"
)

// zstdLevel is the zstd level of every column: the fastest, for a few
// percent more bytes than the default level.
const zstdLevel = 1

// dictionaryPageLimit is the dictionary size past which a column falls back
// to plain pages. Such a column chunk lists two data-page encodings, and v15
// writes that list in map order: the file would differ from run to run. Free
// text has no dictionary at all; the limit keeps other columns far from it.
const dictionaryPageLimit = 64 << 20

// writerProperties: zstd must be set explicitly (v15 defaults to no
// compression); created_by stays the library's constant so files are
// reproducible; parquet-level dictionary encoding stays on, which is not the
// Arrow Dictionary type whose null count v15 writes wrongly. The root of the
// schema is REQUIRED, as the format says: v15's default, REPEATED, makes
// hyparquet, Snowflake, Impala and parquet-go fail.
func writerProperties(t *schemas.Table, rowGroupRows int64) *parquet.WriterProperties {
	props := []parquet.WriterProperty{
		parquet.WithRootRepetition(parquet.Repetitions.Required),
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithCompressionLevel(zstdLevel),
		parquet.WithMaxRowGroupLength(rowGroupRows),
		parquet.WithStats(true),
		parquet.WithDictionaryPageSizeLimit(dictionaryPageLimit),
	}
	for _, c := range t.Stored {
		if c.FreeText {
			props = append(props, parquet.WithDictionaryFor(c.Name, false))
		}
	}
	return parquet.NewWriterProperties(props...)
}

// fileSchema is the table's Arrow schema with the schema version and the
// table and column descriptions as schema metadata, which pqarrow writes
// into the Parquet key-value metadata.
func fileSchema(t *schemas.Table) *arrow.Schema {
	keys := []string{metaSchemaVersion, metaTable, metaTableDoc}
	vals := []string{schemas.Version, t.Name, t.Doc}
	for _, c := range t.Stored {
		keys = append(keys, metaColumnPrefix+c.Name+metaColumnSuffix)
		vals = append(vals, c.Doc)
	}
	md := arrow.NewMetadata(keys, vals)
	return arrow.NewSchema(t.StoredSchema.Fields(), &md)
}

// FileInfo describes one file of the dataset.
type FileInfo struct {
	Path   string `json:"path"` // slash-separated, relative to the dataset root
	Table  string `json:"table"`
	Year   *int16 `json:"year,omitempty"` // partition; nil for unpartitioned tables
	Rows   int64  `json:"rows"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// tableWriter streams the rows of one Parquet file: Arrow builders take the
// rows and are flushed every batchRows into pqarrow's buffered row group.
type tableWriter struct {
	info    FileInfo
	staged  string // key the file is written to until Commit moves it
	sink    *fileSink
	fw      *pqarrow.FileWriter
	rb      *array.RecordBuilder
	cols    []columnWriter
	sizes   *batchSizes
	pending int
}

// batchSizes are the biggest batch of rows a table's files have flushed
// and the bytes of each string column in it, shared by the table's files:
// a run over many years writes a file per year that holds a batch or two,
// and builders that start from nothing double (and copy) their buffers a
// dozen times per file.
type batchSizes struct {
	mu   sync.Mutex
	rows int
	data []int // by column; 0 for a column that is not a string
}

// note records a batch and returns the sizes to reserve for the next one.
func (s *batchSizes) note(rows int, data []int) (int, []int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rows = max(s.rows, rows)
	if len(s.data) < len(data) {
		s.data = make([]int, len(data))
	}
	for i, n := range data {
		s.data[i] = max(s.data[i], n)
	}
	return s.rows, slices.Clone(s.data)
}

func newTableWriter(t *schemas.Table, cols []columnWriter, sizes *batchSizes, rowGroupRows int64, obj objectWriter, staged string, info FileInfo) (*tableWriter, error) {
	sink := newFileSink(obj)
	sc := fileSchema(t)
	var fw *pqarrow.FileWriter
	err := guard(func() (err error) {
		fw, err = pqarrow.NewFileWriter(sc, sink, writerProperties(t, rowGroupRows),
			pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("output: start %s: %w", info.Path, err)
	}
	w := &tableWriter{
		info: info, staged: staged, sink: sink, fw: fw, cols: cols, sizes: sizes,
		rb: array.NewRecordBuilder(memory.DefaultAllocator, sc),
	}
	w.reserve(sizes.note(0, nil))
	return w, nil
}

// append adds one row (a value of the table's row struct).
func (w *tableWriter) append(row reflect.Value) error {
	for i, cw := range w.cols {
		cw.write(w.rb.Field(i), row)
	}
	w.pending++
	w.info.Rows++
	if w.pending >= batchRows {
		return w.flush(true)
	}
	return nil
}

// reserve sizes the builders for a batch of rows with data bytes in each
// string column, and a quarter to spare for longer strings: a builder that
// runs out doubles its buffer, a copy.
func (w *tableWriter) reserve(rows int, data []int) {
	if rows > 0 {
		w.rb.Reserve(rows)
	}
	for i, n := range data {
		if n > 0 {
			w.rb.Field(i).(*array.StringBuilder).ReserveData(n + n/4)
		}
	}
}

// flush moves the builders' rows into the row group; more says whether
// rows follow (the builders are sized for them).
func (w *tableWriter) flush(more bool) error {
	if w.pending == 0 {
		return nil
	}
	dataLen := make([]int, len(w.cols))
	for i := range w.cols {
		if sb, ok := w.rb.Field(i).(*array.StringBuilder); ok {
			dataLen[i] = sb.DataLen()
		}
	}
	rows, data := w.sizes.note(w.pending, dataLen)
	rec := w.rb.NewRecord()
	defer rec.Release()
	if more {
		w.reserve(rows, data)
	}
	w.pending = 0
	if err := guard(func() error { return w.fw.WriteBuffered(rec) }); err != nil {
		return fmt.Errorf("output: write %s: %w", w.info.Path, err)
	}
	return nil
}

// close writes the footer and completes the staged object. Only the
// file's info stays: a run over many years keeps a closed writer per file,
// and its builders, encoders and write buffer would add up to hundreds of
// MB.
func (w *tableWriter) close() error {
	defer func() {
		w.rb.Release()
		w.fw, w.rb, w.cols, w.sink = nil, nil, nil, nil
	}()
	if err := w.flush(false); err != nil {
		w.sink.obj.Abort() // an object that is never completed must not stay open
		return err
	}
	// FileWriter.Close also closes the sink, which completes the object.
	if err := guard(w.fw.Close); err != nil {
		w.sink.obj.Abort()
		return fmt.Errorf("output: close %s: %w", w.info.Path, err)
	}
	w.info.Bytes = w.sink.n
	w.info.SHA256 = hex.EncodeToString(w.sink.hash.Sum(nil))
	return nil
}

// abort drops the file.
func (w *tableWriter) abort() {
	w.rb.Release()
	w.sink.obj.Abort()
}

// fileSink buffers writes to the object and hashes what it writes.
type fileSink struct {
	obj  objectWriter
	buf  *bufio.Writer
	hash hash.Hash
	n    int64
}

func newFileSink(obj objectWriter) *fileSink {
	s := &fileSink{obj: obj, hash: sha256.New()}
	// Files are written whole at their close; a run keeps a dozen open, so
	// the buffer stays small (object stores buffer parts themselves).
	s.buf = bufio.NewWriterSize(obj, 256<<10)
	return s
}

func (s *fileSink) Write(p []byte) (int, error) {
	n, err := s.buf.Write(p)
	s.hash.Write(p[:n])
	s.n += int64(n)
	return n, err
}

func (s *fileSink) Close() error {
	if err := s.buf.Flush(); err != nil {
		s.obj.Abort()
		return err
	}
	return s.obj.Close()
}

// guard turns a panic of the Parquet library (it panics on some write
// errors, e.g. when the magic bytes cannot be written) into an error.
func guard(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parquet writer: %v", r)
		}
	}()
	return f()
}
