package pdftext

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf16"

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

// Page is the text of one page: its printed lines in reading order.
type Page []PrintedLine

// PrintedLine is a line of a page as printed: its text, trailing spaces
// trimmed, and where it stands, in points from the page's bottom left
// corner: the left edge of its first character and the right edge of its
// last, spaces aside, and its baseline. A blank line, or one whose place is
// not known, has Right 0.
type PrintedLine struct {
	Text        string
	Left, Right float64
	Base        float64
}

// ErrNoText is the error of a PDF whose pages have no text layer.
var ErrNoText = errors.New("no text layer (a scanned document? OCR is not supported): save it as text, or run OCR first")

// ErrEncrypted is the error of a PDF that needs a password to open.
var ErrEncrypted = errors.New("encrypted: a password is needed to open it; save an unprotected copy")

// Error is a PDF that could not be read, by its file's name: a caller that
// names inputs its own way takes Err (errors.As).
type Error struct {
	Name string
	Err  error
}

func (e *Error) Error() string { return e.Name + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Extract reads the text of every page of a PDF with the shared engine,
// starting it on first use. name is the file's name for errors.
func Extract(ctx context.Context, name string, pdf []byte) ([]Page, error) {
	return shared.Extract(ctx, name, pdf)
}

// Extract reads the text of every page of a PDF, in page order. A PDF
// without a text layer (ErrNoText), one that needs a password (ErrEncrypted),
// a damaged or non-PDF file and one past the bounds (MaxBytes, 5,000 pages,
// 200,000 characters a page) are errors naming the file (*Error). A PDF locked
// against copying but not against opening is read: a viewer shows its text
// as well.
func (e *Engine) Extract(ctx context.Context, name string, pdf []byte) ([]Page, error) {
	if len(pdf) > MaxBytes {
		return nil, &Error{name, fmt.Errorf("PDF larger than %d bytes: not a report", MaxBytes)}
	}
	inst, err := e.instance(ctx)
	if err != nil {
		return nil, &Error{name, err}
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
		return nil, &Error{name, err}
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
		p, n, err := pageLines(inst, doc.Document, i)
		if err != nil {
			return nil, true, fmt.Errorf("page %d: %w", i+1, err)
		}
		pages = append(pages, p)
		text = text || n >= minTextChars
	}
	if !text {
		return nil, false, ErrNoText
	}
	return pages, false, nil
}

// pageLines reads a page's printed lines, and counts its letters and
// digits.
func pageLines(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (Page, int, error) {
	page, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return nil, 0, fmt.Errorf("PDFium: loading the page: %w", err)
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &page.Page}})
	if err != nil {
		return nil, 0, fmt.Errorf("PDFium: reading the page's text: %w", err)
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return nil, 0, fmt.Errorf("PDFium: counting the page's characters: %w", err)
	}
	if n.Count > maxPageChars {
		return nil, 0, fmt.Errorf("%d characters, more than %d: not report text", n.Count, maxPageChars)
	}
	if n.Count <= 0 {
		return nil, 0, nil
	}
	t, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, Count: n.Count})
	if err != nil {
		return nil, 0, fmt.Errorf("PDFium: reading the page's characters: %w", err)
	}
	p, err := placeLines(&charPlaces{inst: inst, page: tp.TextPage, count: n.Count}, t.Text)
	return p, letters(t.Text), err
}

// sameBaseline is how far apart, in points, two baselines may be and still
// be one printed line.
const sameBaseline = 1.0

// placeLines splits a page's text at PDFium's line breaks (CR LF, or LF
// alone) into lines placed on the page; NUL and other control characters
// are dropped. PDFium ends a line early at some marks (a closing quote of
// a Type 3 font): a line on the previous one's baseline, to its right, is
// the rest of it and joins it.
func placeLines(places *charPlaces, text string) (Page, error) {
	var (
		p  Page
		at int // PDFium's index of the line's first character
	)
	for raw := range strings.Lines(text) {
		first, last, next := visible(raw, at)
		at = next
		l := PrintedLine{Text: strings.TrimRightFunc(strings.Map(keep, raw), unicode.IsSpace)}
		if first < 0 || l.Text == "" {
			p = append(p, l)
			continue
		}
		var err error
		if l.Left, l.Right, l.Base, err = places.line(first, last); err != nil {
			return nil, err
		}
		if k := len(p) - 1; k >= 0 && p[k].Right > 0 && math.Abs(l.Base-p[k].Base) < sameBaseline && l.Left >= p[k].Right-sameBaseline {
			p[k].Text += l.Text
			p[k].Right = l.Right
			continue
		}
		p = append(p, l)
	}
	return p, nil
}

// keep drops NUL and the other control characters but line breaks and tabs.
func keep(r rune) rune {
	if r == '\n' || r == '\t' || !unicode.IsControl(r) && r != unicode.ReplacementChar {
		return r
	}
	return -1
}

// visible returns PDFium's indexes of a line's first and last characters
// that are neither spaces nor control characters (-1 when it has none),
// and of the character after the line; at is the line's first. PDFium
// counts characters as UTF-16 does.
func visible(line string, at int) (first, last, next int) {
	first, last = -1, -1
	for _, r := range line {
		if !unicode.IsSpace(r) && !unicode.IsControl(r) {
			if first < 0 {
				first = at
			}
			last = at
		}
		at += utf16.RuneLen(r)
	}
	return first, last, at
}

// charPlaces finds where characters stand on a page.
type charPlaces struct {
	inst  pdfium.Pdfium
	page  references.FPDF_TEXTPAGE
	count int
}

// line returns where a line stands: the left edge of character first, the
// right edge of character last, and the baseline of first.
func (c *charPlaces) line(first, last int) (left, right, base float64, err error) {
	if last >= c.count {
		return 0, 0, 0, fmt.Errorf("PDFium: character %d of a page of %d", last, c.count)
	}
	a, err := c.inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: c.page, Index: first})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("PDFium: placing a character: %w", err)
	}
	b, err := c.inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: c.page, Index: last})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("PDFium: placing a character: %w", err)
	}
	o, err := c.inst.FPDFText_GetCharOrigin(&requests.FPDFText_GetCharOrigin{TextPage: c.page, Index: first})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("PDFium: placing a character: %w", err)
	}
	return a.Left, b.Right, o.Y, nil
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
