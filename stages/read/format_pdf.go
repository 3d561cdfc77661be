package read

import (
	"bytes"
	"context"
	"errors"

	"github.com/govreports/govreports/stages/pdftext"
)

// pdfFormat is a PDF with a text layer: a report printed by its government
// or saved from a browser. Its text comes from PDFium (package pdftext),
// whose engine starts at the first PDF a process reads, so that a run
// without PDFs pays nothing. The page layout is removed (running headers
// and footers, page numbers); the lines are the printed lines, numbered
// over the extracted text of all pages, and the report is marked wrapped,
// so that the sentence joiner knows that its line breaks are the page
// width's, not the author's. A scan (no text layer), an encrypted or a
// damaged PDF is an error naming it.
var pdfFormat = format{
	name:  "pdf",
	exts:  []string{".pdf"},
	magic: func(head []byte) bool { return bytes.HasPrefix(head, []byte("%PDF-")) },
	open: func(ctx context.Context, in *opened) (docReader, error) {
		raw, err := readWhole(in.name, in.r, pdftext.MaxBytes, "PDF larger than %d bytes: not a report")
		if err != nil {
			return nil, err
		}
		pages, err := pdftext.Extract(ctx, in.name, raw)
		if pe := (*pdftext.Error)(nil); errors.As(err, &pe) {
			return nil, errorf(in.name, "%w", pe.Err)
		}
		if err != nil {
			return nil, errorf(in.name, "%w", err)
		}
		var lines []Line
		for _, l := range pdftext.Clean(pages) {
			lines = append(lines, Line{Text: cleanInvisible(l.Text), No: l.No, Wraps: l.Wraps})
		}
		return &wholeFile{doc: document{name: in.name, wrapped: true, lines: lineSlice(lines)}}, nil
	},
}
