package read

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/govreports/govreports/stages/xlsxrows"
)

// xlsxFormat is an Excel workbook of reports, one per row, as a database
// export keeps them: every sheet whose header names a text column is read
// (columns.txt, or Options.TextColumn), in the workbook's order, each row
// one report as a CSV row is; sheets without one (notes, word counts) are
// passed over. A row's source names its sheet and its row number as Excel
// shows it (file.xlsx#sheet=Sheet1&row=3: the header is row 1), so that it
// can be found in the workbook. Rows are streamed. An .xlsx is a zip archive
// like a .docx, so it is told by its name; an old .xls workbook is refused
// with what to do (save it as .xlsx or CSV).
var xlsxFormat = format{
	name: "xlsx",
	exts: []string{".xlsx", ".xls"},
	open: newXLSXReader,
}

type xlsxReader struct {
	in     *opened
	wb     *xlsxrows.Workbook
	sheets []string // the sheets not yet opened
	rows   *xlsxrows.Rows
	cols   columns
	read   bool  // a sheet with a text column was found
	noText error // why the first sheet was passed over, for a workbook without a text column
}

func newXLSXReader(_ context.Context, in *opened) (docReader, error) {
	wb, err := xlsxrows.Open(in.name, in.r)
	if err != nil {
		return nil, xlsxError(err)
	}
	return &xlsxReader{in: in, wb: wb, sheets: wb.Sheets()}, nil
}

func (x *xlsxReader) next(ctx context.Context) (document, error) {
	for {
		if err := ctx.Err(); err != nil {
			return document{}, err
		}
		if x.rows == nil {
			if len(x.sheets) == 0 {
				return document{}, x.end()
			}
			if err := x.openSheet(); err != nil {
				return document{}, err
			}
			continue
		}
		row, err := x.rows.Next()
		if errors.Is(err, io.EOF) {
			err, x.rows = x.rows.Close(), nil
			if err != nil {
				return document{}, xlsxError(err)
			}
			continue
		}
		if err != nil {
			return document{}, xlsxError(err)
		}
		name := SheetRowSource(x.in.name, row.Sheet, row.No)
		if d, ok, err := rowDocument(x.in, name, row.Cell(x.cols.text), x.cols.hints(row.Cell)); ok || err != nil {
			return d, err
		}
	}
}

// openSheet opens the next sheet when its header names a text column, and
// passes it over otherwise.
func (x *xlsxReader) openSheet() error {
	sheet := x.sheets[0]
	x.sheets = x.sheets[1:]
	rows, err := x.wb.Rows(sheet)
	if err != nil {
		return xlsxError(err)
	}
	cols, err := tableColumns(rows.Header, x.in.opts.TextColumn)
	if err != nil {
		if x.noText == nil {
			x.noText = fmt.Errorf("sheet %q: %w", sheet, err)
		}
		if log := x.in.opts.Logger; log != nil { // a workbook's notes or totals: worth a word, not a warning
			log.Info("sheet not read: no text column", "input", x.in.name, "sheet", sheet)
		}
		return xlsxError(rows.Close())
	}
	x.rows, x.cols, x.read = rows, cols, true
	return nil
}

// end is the end of the workbook: io.EOF, or the error of a workbook none
// of whose sheets has a text column.
func (x *xlsxReader) end() error {
	if !x.read && x.noText != nil {
		return errorf(x.in.name, "no sheet with a text column; %w", x.noText)
	}
	return io.EOF
}

// Close ends the reading of the sheet open and of the workbook; next
// leaves them open, Read closes them.
func (x *xlsxReader) Close() error {
	var err error
	if x.rows != nil {
		err, x.rows = x.rows.Close(), nil
	}
	return xlsxError(errors.Join(err, x.wb.Close()))
}

// xlsxError places an error of the workbook reader: at the row's source
// when it is on a row, at the workbook otherwise; nil stays nil.
func xlsxError(err error) error {
	var xe *xlsxrows.Error
	switch {
	case err == nil:
		return nil
	case !errors.As(err, &xe):
		return err
	case xe.Row > 0:
		return errorf(SheetRowSource(xe.File, xe.Sheet, xe.Row), "%w", xe.Err)
	case xe.Sheet != "":
		return errorf(xe.File, "sheet %q: %w", xe.Sheet, xe.Err)
	}
	return errorf(xe.File, "%w", xe.Err)
}
