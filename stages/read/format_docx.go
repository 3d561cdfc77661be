package read

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	// maxDocxBytes bounds a Word file as stored; reports are a few MB with pictures.
	maxDocxBytes = 64 << 20
	// maxDocumentXML bounds word/document.xml as unpacked: a zip bomb stops here.
	maxDocumentXML = 64 << 20
	// maxXMLDepth bounds element nesting; Word nests a few dozen deep at most.
	maxXMLDepth = 256
)

// The WordprocessingML namespace: w:p paragraphs, w:t text, w:tab, w:br.
const wordML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// markupCompat is the namespace of mc:AlternateContent, whose mc:Fallback
// repeats the text of the mc:Choice before it for older readers.
const markupCompat = "http://schemas.openxmlformats.org/markup-compatibility/2006"

// docxFormat is a Word document: its paragraphs in order, one line each (a
// w:br line break starts another line); lines are numbered from 1 in that
// order, and an error inside the document names the line being read. Only
// the text of w:t runs is taken: deleted text, field codes and drawings are
// not report text.
var docxFormat = format{
	name:  "docx",
	exts:  []string{".docx"},
	magic: func(head []byte) bool { return bytes.HasPrefix(head, []byte("PK\x03\x04")) },
	open: func(_ context.Context, in *opened) (docReader, error) {
		lines, err := docxLines(in.name, in.r)
		if err != nil {
			return nil, err
		}
		return &wholeFile{doc: document{name: in.name, lines: lineSlice(lines)}}, nil
	},
}

func docxLines(name string, r io.Reader) ([]Line, error) {
	raw, err := readWhole(name, r, maxDocxBytes, "Word file larger than %d bytes: not a report")
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, errorf(name, "not a Word (.docx) file: %w", err)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return nil, errorf(name, "zip archive without word/document.xml: not a Word (.docx) file")
	}
	if doc.UncompressedSize64 > maxDocumentXML {
		return nil, errorf(name, "word/document.xml unpacks to %d bytes, more than %d: not a report", doc.UncompressedSize64, maxDocumentXML)
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, errorf(name, "word/document.xml: %w", err)
	}
	defer rc.Close()
	// The sizes in the archive may lie: count what is really unpacked.
	lines, err := paragraphs(&cappedReader{r: rc, max: maxDocumentXML})
	var xe *xmlError
	switch {
	case errors.Is(err, errRowTooLong):
		return nil, errorf(name, "word/document.xml unpacks to more than %d bytes: not a report", maxDocumentXML)
	case errors.As(err, &xe):
		// The paragraph being read is the line at fault; the XML line helps whoever opens the file.
		return nil, lineError(name, len(lines)+1, fmt.Errorf("word/document.xml, XML line %d: %w", xe.line, xe.err))
	case err != nil:
		return nil, errorf(name, "word/document.xml: %w", err)
	}
	return lines, nil
}

// xmlError is a fault of document.xml itself, at a line of the XML.
type xmlError struct {
	line int
	err  error
}

func (e *xmlError) Error() string { return fmt.Sprintf("XML line %d: %v", e.line, e.err) }

// paragraphs decodes WordprocessingML into lines, numbered from 1. On an
// error it returns the lines read before it: an *xmlError for a fault of the
// XML, the unpacking's error as it is. encoding/xml expands no entities but
// the five predefined ones, so entity tricks end in an error.
func paragraphs(r io.Reader) ([]Line, error) {
	d := xml.NewDecoder(r)
	var (
		lines    []Line
		cur      strings.Builder
		depth    int
		inText   bool
		fallback int // depth of the mc:Fallback being skipped, 0 outside one
	)
	end := func() {
		lines = append(lines, Line{Text: strings.TrimRight(cleanInvisible(cur.String()), " \t\u3000"), No: len(lines) + 1})
		cur.Reset()
	}
	fault := func(format string, args ...any) ([]Line, error) {
		return lines, &xmlError{line: inputLine(d), err: fmt.Errorf(format, args...)}
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return lines, nil
		}
		if se := (*xml.SyntaxError)(nil); errors.As(err, &se) {
			return lines, &xmlError{line: se.Line, err: errors.New(se.Msg)}
		}
		if err != nil {
			return lines, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return fault("elements nested more than %d deep", maxXMLDepth)
			}
			if fallback == 0 && t.Name.Space == markupCompat && t.Name.Local == "Fallback" {
				fallback = depth
			}
			if t.Name.Space != wordML || fallback > 0 {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				cur.WriteByte(' ')
			case "br", "cr":
				end()
			}
		case xml.EndElement:
			if depth--; depth < fallback {
				fallback = 0
			}
			if t.Name.Space != wordML || fallback > 0 {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				end()
			}
		case xml.CharData:
			if inText {
				if cur.Len()+len(t) > MaxLineBytes {
					return fault("paragraph longer than %d bytes: not report text", MaxLineBytes)
				}
				cur.Write(t)
			}
		case xml.Directive:
			// A DTD can declare entities; Word never writes one.
			return fault("XML declares a DTD (<!%s…>): not a Word document", firstWord(t))
		}
	}
}

func inputLine(d *xml.Decoder) int {
	line, _ := d.InputPos()
	return line
}

func firstWord(b []byte) string {
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
