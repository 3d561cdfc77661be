package read

import (
	"archive/zip"
	"bytes"
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

// docxLines reads a Word document's paragraphs in order, one line each
// (a w:br line break starts another line); lines are numbered from 1 in that
// order. Only the text of w:t runs is taken: deleted text, field codes and
// drawings are not report text.
func docxLines(name string, r io.Reader) (func() (string, int, error), error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxDocxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(raw) > maxDocxBytes {
		return nil, fmt.Errorf("%s: Word file larger than %d bytes: not a report", name, maxDocxBytes)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a Word (.docx) file: %w", name, err)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return nil, fmt.Errorf("%s: zip archive without word/document.xml: not a Word (.docx) file", name)
	}
	if doc.UncompressedSize64 > maxDocumentXML {
		return nil, fmt.Errorf("%s: word/document.xml unpacks to %d bytes, more than %d: not a report", name, doc.UncompressedSize64, maxDocumentXML)
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: word/document.xml: %w", name, err)
	}
	defer rc.Close()
	// The sizes in the archive may lie: count what is really unpacked.
	lines, err := paragraphs(&cappedReader{r: rc, max: maxDocumentXML})
	if errors.Is(err, errRowTooLong) {
		return nil, fmt.Errorf("%s: word/document.xml unpacks to more than %d bytes: not a report", name, maxDocumentXML)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: word/document.xml: %w", name, err)
	}
	i := 0
	return func() (string, int, error) {
		if i == len(lines) {
			return "", 0, io.EOF
		}
		i++
		return lines[i-1], i, nil
	}, nil
}

// paragraphs decodes WordprocessingML into lines. encoding/xml expands no
// entities but the five predefined ones, so entity tricks end in an error.
func paragraphs(r io.Reader) ([]string, error) {
	d := xml.NewDecoder(r)
	var (
		lines    []string
		cur      strings.Builder
		depth    int
		inText   bool
		fallback int // depth of the mc:Fallback being skipped, 0 outside one
	)
	end := func() {
		lines = append(lines, strings.TrimRight(cleanInvisible(cur.String()), " \t\u3000"))
		cur.Reset()
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return lines, nil
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", inputLine(d), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return nil, fmt.Errorf("line %d: elements nested more than %d deep", inputLine(d), maxXMLDepth)
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
					return nil, fmt.Errorf("line %d: paragraph longer than %d bytes: not report text", inputLine(d), MaxLineBytes)
				}
				cur.Write(t)
			}
		case xml.Directive:
			// A DTD can declare entities; Word never writes one.
			return nil, fmt.Errorf("line %d: XML declares a DTD (<!%s…>): not a Word document", inputLine(d), firstWord(t))
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
