package read

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHTMLBytes bounds a saved report page: reports are a few hundred KB.
const maxHTMLBytes = 64 << 20

// blocks are the elements whose text becomes one line of the report.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Title: true,
}

// skipped are elements whose text is never report text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Noscript: true, atom.Template: true,
}

// htmlLines reads a saved report page: the text of its paragraphs and
// headings, one line each, numbered by the source line where the block
// starts. Boilerplate around the report (navigation, scripts, footers) is
// left out, and so is everything before the first line that is a report
// title when the page has one.
func htmlLines(name string, r io.Reader) (func() (string, int, error), error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxHTMLBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(raw) > maxHTMLBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes: not a report page", name, maxHTMLBytes)
	}
	lr, err := newLineReader(name, bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	var text strings.Builder
	for {
		l, _, err := lr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		text.WriteString(l)
		text.WriteByte('\n')
	}
	lines := pageLines(text.String())
	for i, l := range lines {
		if _, ok := titleOf(l.Text, true); ok {
			lines = lines[i:]
			break
		}
	}
	i := 0
	return func() (string, int, error) {
		if i == len(lines) {
			return "", 0, io.EOF
		}
		i++
		return lines[i-1].Text, lines[i-1].No, nil
	}, nil
}

func pageLines(page string) []Line {
	z := html.NewTokenizer(strings.NewReader(page))
	var (
		lines      []Line
		cur        strings.Builder
		curLine    int
		line       = 1
		depthSkip  int
		depthBlock int
	)
	end := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			lines = append(lines, Line{Text: t, No: curLine})
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		raw := z.Raw()
		start := line
		line += bytes.Count(raw, []byte{'\n'})
		switch tt {
		case html.ErrorToken:
			end()
			return lines
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tn, _ := z.TagName()
			a := atom.Lookup(tn)
			switch {
			case skipped[a] && tt == html.StartTagToken:
				depthSkip++
			case skipped[a] && tt == html.EndTagToken && depthSkip > 0:
				depthSkip--
			case blocks[a] && tt == html.StartTagToken:
				end()
				depthBlock++
				curLine = start
			case blocks[a] && tt == html.EndTagToken:
				end()
				if depthBlock > 0 {
					depthBlock--
				}
			case a == atom.Br && depthBlock > 0:
				end()
				curLine = line
			}
		case html.TextToken:
			if depthSkip == 0 && depthBlock > 0 {
				if cur.Len() == 0 {
					curLine = start + leadingNewlines(raw)
				}
				if t := strings.Join(strings.Fields(html.UnescapeString(string(raw))), " "); t != "" {
					if cur.Len() > 0 && unicode.IsSpace(rune(raw[0])) {
						cur.WriteByte(' ')
					}
					cur.WriteString(t)
				}
			}
		}
	}
}

func leadingNewlines(b []byte) int {
	n := 0
	for _, c := range b {
		switch c {
		case '\n':
			n++
		case ' ', '\t', '\r':
		default:
			return n
		}
	}
	return n
}
