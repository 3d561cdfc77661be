package xlsxrows

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

const (
	// MaxBytes bounds a workbook as stored: an export of a few thousand
	// reports is tens of MB.
	MaxBytes = 256 << 20
	// maxUnzipped bounds what the workbook's parts unpack to, together.
	maxUnzipped = 1 << 30
	// maxRowBytes bounds the cells of one row: a report is a few hundred KB,
	// and Excel holds at most 32,767 characters in a cell.
	maxRowBytes = 16 << 20
)

var (
	// ErrXLS is the error of a workbook in the old binary format.
	ErrXLS = errors.New("old Excel format (.xls) is not read: save it as .xlsx or CSV")
	// ErrEncrypted is the error of a workbook that needs a password to open.
	ErrEncrypted = errors.New("workbook protected by a password to open: save an unprotected copy")
)

// oleHeader starts an OLE2 compound file: an old .xls workbook, or an
// .xlsx encrypted with a password to open.
var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Error is a workbook that could not be read, with its place: the file, and
// the sheet and the row where the failure is on one. A caller that names
// inputs its own way takes the parts it needs (errors.As).
type Error struct {
	File  string
	Sheet string // "" for a failure of the workbook
	Row   int    // the row number as Excel shows it; 0 for none
	Err   error
}

func (e *Error) Error() string {
	switch {
	case e.Row > 0:
		return fmt.Sprintf("%s: sheet %q: row %d: %v", e.File, e.Sheet, e.Row, e.Err)
	case e.Sheet != "":
		return fmt.Sprintf("%s: sheet %q: %v", e.File, e.Sheet, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Workbook is an open .xlsx file.
type Workbook struct {
	name string
	f    *excelize.File
}

// Open reads a workbook. name is the file's name for errors.
func Open(name string, r io.Reader) (*Workbook, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if len(raw) > MaxBytes {
		return nil, &Error{File: name, Err: fmt.Errorf("workbook larger than %d bytes: not a table of reports", MaxBytes)}
	}
	if bytes.HasPrefix(raw, oleHeader) {
		// Encrypted OOXML is an OLE file holding an EncryptionInfo stream.
		if bytes.Contains(raw, utf16("EncryptionInfo")) {
			return nil, &Error{File: name, Err: ErrEncrypted}
		}
		return nil, &Error{File: name, Err: ErrXLS}
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{
		UnzipSizeLimit:    maxUnzipped,
		UnzipXMLSizeLimit: excelize.StreamChunkSize,
	})
	if err != nil {
		if f != nil {
			err = errors.Join(err, f.Close())
		}
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, &Error{File: name, Err: fmt.Errorf("workbook unpacks to more than %d bytes: not a table of reports", maxUnzipped)}
		}
		return nil, &Error{File: name, Err: fmt.Errorf("not an Excel (.xlsx) workbook: %w", err)}
	}
	return &Workbook{name: name, f: f}, nil
}

// utf16 is s in UTF-16LE, as OLE names its streams (ASCII only).
func utf16(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := range len(s) {
		b = append(b, s[i], 0)
	}
	return b
}

// Close removes the temporary files of large sheets.
func (w *Workbook) Close() error {
	if err := w.f.Close(); err != nil {
		return &Error{File: w.name, Err: err}
	}
	return nil
}

// Sheets are the names of the workbook's sheets, in the workbook's order.
func (w *Workbook) Sheets() []string {
	return w.f.GetSheetList()
}

// Rows is a sheet's rows after its header.
type Rows struct {
	Sheet     string
	Header    []string // the header's cells, trimmed; nil for an empty sheet
	HeaderRow int      // the header's row number, from 1 as Excel numbers rows

	name string
	rows *excelize.Rows
	no   int
}

// Row is one record of a sheet.
type Row struct {
	Sheet  string
	No     int // the row number as Excel shows it (the header is usually row 1)
	Header []string
	Cells  []string // aligned with Header; a row may have fewer or more cells
}

// Cell is the cell of column i, "" when the row has none there.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// Values maps the header's names to the row's cells; of two columns of the
// same name, the first wins, and cells without a header name are left out.
func (r Row) Values() map[string]string {
	m := make(map[string]string, len(r.Header))
	for i := len(r.Header) - 1; i >= 0; i-- {
		if r.Header[i] != "" {
			m[r.Header[i]] = r.Cell(i)
		}
	}
	return m
}

// Rows opens a sheet and reads its header, its first row with a cell that
// is not blank. Close the Rows when done.
func (w *Workbook) Rows(sheet string) (*Rows, error) {
	rows, err := w.f.Rows(sheet)
	if err != nil {
		return nil, &Error{File: w.name, Sheet: sheet, Err: err}
	}
	rs := &Rows{Sheet: sheet, name: w.name, rows: rows}
	no, cells, err := rs.next()
	if errors.Is(err, io.EOF) {
		return rs, nil
	}
	if err != nil {
		return nil, errors.Join(err, rs.Close())
	}
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	rs.Header, rs.HeaderRow = cells, no
	return rs, nil
}

// Next returns the next row that has a cell that is not blank; io.EOF after
// the last.
func (rs *Rows) Next() (Row, error) {
	if rs.Header == nil {
		return Row{}, io.EOF
	}
	no, cells, err := rs.next()
	if err != nil {
		return Row{}, err
	}
	return Row{Sheet: rs.Sheet, No: no, Header: rs.Header, Cells: cells}, nil
}

// next reads the next non-blank row.
func (rs *Rows) next() (int, []string, error) {
	for rs.rows.Next() {
		rs.no++
		cells, err := rs.rows.Columns()
		if err != nil {
			return 0, nil, &Error{File: rs.name, Sheet: rs.Sheet, Row: rs.no, Err: err}
		}
		size, blank := 0, true
		for _, c := range cells {
			size += len(c)
			if size > maxRowBytes {
				return 0, nil, &Error{File: rs.name, Sheet: rs.Sheet, Row: rs.no, Err: fmt.Errorf("longer than %d bytes: not a report", maxRowBytes)}
			}
			blank = blank && strings.TrimSpace(c) == ""
		}
		if !blank {
			return rs.no, cells, nil
		}
	}
	if err := rs.rows.Error(); err != nil {
		return 0, nil, &Error{File: rs.name, Sheet: rs.Sheet, Err: fmt.Errorf("after row %d: %w", rs.no, err)}
	}
	return 0, nil, io.EOF
}

// Close ends the reading of the sheet.
func (rs *Rows) Close() error {
	if err := rs.rows.Close(); err != nil {
		return &Error{File: rs.name, Sheet: rs.Sheet, Err: err}
	}
	return nil
}
