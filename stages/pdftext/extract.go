package pdftext

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

const (
	// MaxBytes bounds a PDF as stored: a printed report is a few MB; larger
	// files are scans or carry pictures, not more text.
	MaxBytes = 128 << 20
	// maxPages bounds a document's pages: the longest reports have a hundred.
	maxPages = 5000
	// maxPageChars bounds the characters of one page (a dense page has a few
	// thousand): past it a page is drawn text, not report text.
	maxPageChars = 200_000
	// minTextChars is how many letters or digits make a page one of text;
	// a PDF none of whose pages has that many is a scan.
	minTextChars = 20
	// keepBytes is the largest PDF after which an instance is kept for the
	// next: a larger one leaves its instance's memory grown, so it is dropped.
	keepBytes = 16 << 20
)

// Page is the text of one page: its physical lines in reading order, with
// trailing spaces trimmed.
type Page []string

// ErrNoText is the error of a PDF whose pages have no text layer.
var ErrNoText = errors.New("no text layer (a scanned document? OCR is not supported): save it as text, or run OCR first")

// ErrEncrypted is the error of a PDF that needs a password to open.
var ErrEncrypted = errors.New("encrypted: a password is needed to open it; save an unprotected copy")

// Extract reads the text of every page of a PDF with the shared engine,
// starting it on first use. name is the file's name for errors.
func Extract(ctx context.Context, name string, pdf []byte) ([]Page, error) {
	return shared.Extract(ctx, name, pdf)
}

// Extract reads the text of every page of a PDF, in page order. A PDF
// without a text layer (ErrNoText), one that needs a password (ErrEncrypted),
// a damaged or non-PDF file and one past the bounds (MaxBytes, 5,000 pages,
// 200,000 characters a page) are errors naming the file. A PDF locked
// against copying but not against opening is read: a viewer shows its text
// as well.
func (e *Engine) Extract(ctx context.Context, name string, pdf []byte) ([]Page, error) {
	if len(pdf) > MaxBytes {
		return nil, fmt.Errorf("%s: PDF larger than %d bytes: not a report", name, MaxBytes)
	}
	inst, err := e.instance(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	pages, broken, err := pagesOf(ctx, inst, pdf)
	release := inst.Close
	if broken || len(pdf) > keepBytes {
		// An instance PDFium failed in is not reused (its state is unknown),
		// nor one whose memory grew to a large PDF's size.
		release = inst.Kill
	}
	if rerr := release(); rerr != nil && err == nil {
		err = fmt.Errorf("releasing the PDFium instance: %w", rerr)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return pages, nil
}

// pagesOf reads the pages of a PDF; broken tells that PDFium failed in a way
// that leaves the instance unfit for reuse.
func pagesOf(ctx context.Context, inst pdfium.Pdfium, pdf []byte) (pages []Page, broken bool, err error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &pdf})
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return nil, false, ErrEncrypted
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return nil, false, fmt.Errorf("encrypted with an unsupported method: %w", ErrEncrypted)
	case errors.Is(err, pdfiumerrors.ErrFormat), errors.Is(err, pdfiumerrors.ErrFile):
		return nil, false, fmt.Errorf("not a PDF file, or a damaged one (%w)", err)
	case err != nil:
		return nil, true, fmt.Errorf("PDFium: %w", err)
	}
	defer func() {
		if _, cerr := inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document}); cerr != nil && err == nil {
			err, broken = fmt.Errorf("PDFium: closing the document: %w", cerr), true
		}
	}()
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, true, fmt.Errorf("PDFium: counting pages: %w", err)
	}
	if count.PageCount > maxPages {
		return nil, false, fmt.Errorf("%d pages, more than %d: not a report", count.PageCount, maxPages)
	}
	text := false
	for i := range count.PageCount {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		p, err := pageText(inst, doc.Document, i)
		if err != nil {
			return nil, true, fmt.Errorf("page %d: %w", i+1, err)
		}
		pages = append(pages, lines(p))
		text = text || letters(p) >= minTextChars
	}
	if !text {
		return nil, false, ErrNoText
	}
	return pages, false, nil
}

// pageText is the text PDFium reads from a page, with the line breaks it
// puts between the lines it finds.
func pageText(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (string, error) {
	page, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return "", fmt.Errorf("PDFium: loading the page: %w", err)
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &page.Page}})
	if err != nil {
		return "", fmt.Errorf("PDFium: reading the page's text: %w", err)
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return "", fmt.Errorf("PDFium: counting the page's characters: %w", err)
	}
	if n.Count > maxPageChars {
		return "", fmt.Errorf("%d characters, more than %d: not report text", n.Count, maxPageChars)
	}
	if n.Count <= 0 {
		return "", nil
	}
	t, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, Count: n.Count})
	if err != nil {
		return "", fmt.Errorf("PDFium: reading the page's characters: %w", err)
	}
	return t.Text, nil
}

// lines splits a page's text at PDFium's line breaks (CR LF, or LF alone);
// NUL and other control characters are dropped.
func lines(text string) Page {
	text = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) && r != unicode.ReplacementChar {
			return r
		}
		return -1
	}, text)
	var p Page
	for l := range strings.Lines(text) {
		p = append(p, strings.TrimRightFunc(l, unicode.IsSpace))
	}
	return p
}

// letters counts the letters and digits of a page's text.
func letters(text string) int {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
