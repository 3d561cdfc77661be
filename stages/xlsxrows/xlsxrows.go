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

// oleHeader starts an OLE2 compound file: an old .xls workbook, or an
// .xlsx encrypted with a password to open.
var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Workbook is an open .xlsx file.
type Workbook struct {
	name string
	f    *excelize.File
}

// Open reads a workbook. name is the file's name for errors.
func Open(name string, r io.Reader) (*Workbook, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(raw) > MaxBytes {
		return nil, fmt.Errorf("%s: workbook larger than %d bytes: not a table of reports", name, MaxBytes)
	}
	if bytes.HasPrefix(raw, oleHeader) {
		// Encrypted OOXML is an OLE file holding an EncryptionInfo stream.
		if bytes.Contains(raw, utf16("EncryptionInfo")) {
			return nil, fmt.Errorf("%s: workbook protected by a password to open: save an unprotected copy", name)
		}
		return nil, fmt.Errorf("%s: old Excel format (.xls) is not read: save it as .xlsx or CSV", name)
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
			return nil, fmt.Errorf("%s: workbook unpacks to more than %d bytes: not a table of reports", name, maxUnzipped)
		}
		return nil, fmt.Errorf("%s: not an Excel (.xlsx) workbook: %w", name, err)
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
		return fmt.Errorf("%s: %w", w.name, err)
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
		return nil, fmt.Errorf("%s: sheet %q: %w", w.name, sheet, err)
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

// next reads the next non-blank row, its cells with their line breaks made "\n".
func (rs *Rows) next() (int, []string, error) {
	for rs.rows.Next() {
		rs.no++
		cells, err := rs.rows.Columns()
		if err != nil {
			return 0, nil, fmt.Errorf("%s: sheet %q: row %d: %w", rs.name, rs.Sheet, rs.no, err)
		}
		size, blank := 0, true
		for i, c := range cells {
			size += len(c)
			if size > maxRowBytes {
				return 0, nil, fmt.Errorf("%s: sheet %q: row %d: longer than %d bytes: not a report", rs.name, rs.Sheet, rs.no, maxRowBytes)
			}
			cells[i] = LineBreaks(c)
			blank = blank && strings.TrimSpace(cells[i]) == ""
		}
		if !blank {
			return rs.no, cells, nil
		}
	}
	if err := rs.rows.Error(); err != nil {
		return 0, nil, fmt.Errorf("%s: sheet %q: after row %d: %w", rs.name, rs.Sheet, rs.no, err)
	}
	return 0, nil, io.EOF
}

// Close ends the reading of the sheet.
func (rs *Rows) Close() error {
	if err := rs.rows.Close(); err != nil {
		return fmt.Errorf("%s: sheet %q: %w", rs.name, rs.Sheet, err)
	}
	return nil
}

// lineBreaks turns the line breaks of a cell into "\n": CR LF and CR as
// stored, and the escapes \r\n, \n and \r written out as characters, which
// exports from databases leave in their text (a report's text has no
// backslashes of its own).
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", `\r\n`, "\n", `\n`, "\n", `\r`, "\n")

// LineBreaks is s with its line breaks, stored or written out as \r\n, \n
// or \r, made "\n".
func LineBreaks(s string) string {
	if !strings.ContainsAny(s, "\r\\") {
		return s
	}
	return lineBreaks.Replace(s)
}
