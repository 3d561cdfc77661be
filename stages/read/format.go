package read

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strings"
)

// A docReader reads the documents of one input in order. Every format has
// one: a text, HTML or Word file is one document, a table of reports one
// document per row.
type docReader interface {
	// next returns the input's next document, or io.EOF after the last.
	next(ctx context.Context) (document, error)
}

// document is a part of an input that the splitter turns into reports: a
// whole file, which holds one report or several at their title lines, or a
// row of a table of reports, which holds one.
type document struct {
	name  string // the source name: the input's, or file.csv#row=3 for a row
	hints Hints  // a table row's title, year and region columns
	row   bool   // a table row: one report, whose first line may be its title
	// wrapped tells lines broken by a page's width (a PDF's printed
	// lines), not by the author: Report.Wrapped.
	wrapped bool
	lines   func() (Line, error)
}

// format is one kind of input: how it is told and how it is read.
type format struct {
	name string
	// exts are the file names read as this format whatever their content
	// (lower case; a .gz of each too); a directory walk reads these.
	exts []string
	// magic tells the bytes a file of this format starts with, whatever
	// its name (a zip archive, PAR1).
	magic func(head []byte) bool
	// sniff tells the format from the start of a text when neither a magic
	// nor a name did; it sees the head without BOM and leading blanks.
	sniff func(head []byte) bool
	open  func(ctx context.Context, in *opened) (docReader, error)
}

// opened is an input as a format's reader gets it: decompressed, its head
// peeked.
type opened struct {
	name string
	r    *bufio.Reader
	opts Options
	// rowsWithoutText counts the table rows left out for an empty text.
	rowsWithoutText int
}

// formats are the formats detect tells apart, in the order it tries them.
// Adding a format is a file format_<name>.go defining it and a line here.
var formats = []*format{
	&pdfFormat,
	&xlsxFormat, // a zip archive as docx is: told by its name, before docx's magic
	&docxFormat,
	&parquetFormat,
	&htmlFormat,
	&jsonlFormat,
	&tsvFormat,
	&csvFormat,
}

var utf8BOM = []byte("\ufeff")

// detect tells an input's format: first by the bytes it starts with or its
// name, then by its text; plain text when nothing matched. So a zip archive
// is a Word document and PAR1 a Parquet file whatever they are called, and
// markup is HTML, a leading '{' a JSON Lines file and a header line naming a
// text column a CSV/TSV table, even in a .txt file.
func detect(name string, head []byte) *format {
	for _, f := range formats {
		if f.magic != nil && f.magic(head) || hasExt(name, f.exts...) {
			return f
		}
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	for _, f := range formats {
		if f.sniff != nil && f.sniff(h) {
			return f
		}
	}
	return &textFormat
}

// inputExts are the report kinds, the names Sources reads: plain text and every
// format's.
var inputExts = func() []string {
	exts := append([]string(nil), textFormat.exts...)
	for _, f := range formats {
		exts = append(exts, f.exts...)
	}
	return exts
}()

// hasExt tells whether name, less a .gz, ends with one of exts (lower case).
func hasExt(name string, exts ...string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	for _, e := range exts {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// readWhole reads an input that a format parses as a whole (a zip archive, a
// page, a Parquet file), up to max bytes; tooBig says what a larger one is,
// with %d for max.
func readWhole(name string, r io.Reader, max int, tooBig string) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, errorf(name, "%w", err)
	}
	if len(raw) > max {
		return nil, errorf(name, tooBig, max)
	}
	return raw, nil
}

// wholeFile is the docReader of a format whose input is one document.
type wholeFile struct {
	doc  document
	done bool
}

func (w *wholeFile) next(context.Context) (document, error) {
	if w.done {
		return document{}, io.EOF
	}
	w.done = true
	return w.doc, nil
}

// lineSlice yields lines held in memory.
func lineSlice(lines []Line) func() (Line, error) {
	i := 0
	return func() (Line, error) {
		if i == len(lines) {
			return Line{}, io.EOF
		}
		i++
		return lines[i-1], nil
	}
}
