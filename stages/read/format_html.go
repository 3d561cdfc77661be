package read

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreports/govreports/stages/read/meta"
)

// maxHTMLBytes bounds a saved report page: reports are a few hundred KB.
const maxHTMLBytes = 64 << 20

// blocks are the elements that start and end a line of the report: the
// text between them, inline tags included, is one line.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Title: true, atom.Div: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Table: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dd: true, atom.Dt: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Blockquote: true, atom.Pre: true,
	atom.Center: true, atom.Hr: true, atom.Body: true, atom.Caption: true,
	atom.Figure: true, atom.Figcaption: true, atom.Address: true, atom.Form: true,
}

// skipped are elements whose text is never report text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Noscript: true, atom.Template: true, atom.Aside: true,
	atom.Iframe: true, atom.Select: true, atom.Button: true, atom.Svg: true,
	atom.Object: true, atom.Textarea: true,
}

// htmlFormat is a saved report page or fragment (also saved as .txt): the
// text of its blocks (paragraphs, divisions, cells, lines between <br>s), one
// line each, numbered by the source line where the text starts. Boilerplate
// around the report (navigation, scripts, footers, lines that are all link
// text) is left out, and so is everything before the first line that is a
// report title when the page has one.
var htmlFormat = format{
	name:  "html",
	exts:  []string{".html", ".htm", ".shtml", ".xhtml"},
	sniff: looksHTML,
	open: func(_ context.Context, in *opened) (docReader, error) {
		lines, err := htmlLines(in.name, in.r)
		if err != nil {
			return nil, err
		}
		return &wholeFile{doc: document{name: in.name, lines: lineSlice(lines)}}, nil
	},
}

// htmlMarks are tags that only markup starts with; a page saved as text may
// start with a "[" (a printed list of elements).
var htmlMarks = []string{"<!doctype", "<html", "<head", "<body", "<div", "<p>", "<p ", "<br", "<table", "<span", "<meta", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<article", "<section", "<font", "<center"}

func looksHTML(h []byte) bool {
	h = bytes.TrimLeft(bytes.TrimPrefix(h, []byte("[")), " \t\r\n")
	if len(h) == 0 || h[0] != '<' {
		return false
	}
	if len(h) > 64 {
		h = h[:64]
	}
	lower := strings.ToLower(string(h))
	for _, m := range htmlMarks {
		if strings.HasPrefix(lower, m) {
			return true
		}
	}
	return false
}

// htmlLines reads a page's report lines.
func htmlLines(name string, r io.Reader) ([]Line, error) {
	raw, err := readWhole(name, r, maxHTMLBytes, "larger than %d bytes: not a report page")
	if err != nil {
		return nil, err
	}
	lr, err := newLineReader(name, bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	var text strings.Builder
	for {
		l, err := lr.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		text.WriteString(l.Text)
		text.WriteByte('\n')
	}
	lines, head := unstampPage(pageLines(text.String()))
	// The page's <title> is the site's label of the page (政府工作报告 alone,
	// often): the report starts at a title in the body, at the <title> only
	// when the body has none.
	start := -1
	for i, l := range lines {
		if _, ok := meta.TitleOf(l.Text, true); ok && i != head {
			start = i
			break
		}
	}
	if start < 0 && head >= 0 {
		if _, ok := meta.TitleOf(lines[head].Text, true); ok {
			start = head
		}
	}
	if start >= 0 {
		lines = lines[start:]
	}
	return lines, nil
}

// unstampPage drops a page's publication stamps and keeps a title joined to
// one, before the report's start is looked for; head follows its line.
func unstampPage(lines []Line, head int) ([]Line, int) {
	out := lines[:0]
	h := -1
	for i, l := range lines {
		if rest, ok := unstamp(l.Text); ok {
			if rest == "" {
				continue
			}
			l.Text = rest
		}
		if i == head {
			h = len(out)
		}
		out = append(out, l)
	}
	return out, h
}

// pageLines returns the text lines of a page and the index of the line of
// its first <title> element (-1 when there is none).
func pageLines(page string) (lines []Line, head int) {
	z := html.NewTokenizer(strings.NewReader(page))
	head = -1
	var (
		inTitle   bool
		cur       strings.Builder
		curLine   int
		line      = 1
		depthSkip int
		depthLink int
		plain     bool // the line has text outside links
	)
	end := func() {
		if t := strings.TrimSpace(cur.String()); plain && hasWord(t) {
			if inTitle && head < 0 {
				head = len(lines)
			}
			lines = append(lines, Line{Text: t, No: curLine})
		}
		cur.Reset()
		plain = false
	}
	for {
		tt := z.Next()
		raw := z.Raw()
		start := line
		line += bytes.Count(raw, []byte{'\n'})
		switch tt {
		case html.ErrorToken:
			end()
			return lines, head
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tn, _ := z.TagName()
			a := atom.Lookup(tn)
			switch {
			case skipped[a]:
				if tt == html.StartTagToken {
					depthSkip++
				} else if tt == html.EndTagToken && depthSkip > 0 {
					depthSkip--
				}
			case a == atom.A:
				if tt == html.StartTagToken {
					depthLink++
				} else if tt == html.EndTagToken && depthLink > 0 {
					depthLink--
				}
			case a == atom.Title:
				end()
				inTitle = tt == html.StartTagToken
			case blocks[a] || a == atom.Br:
				end()
			}
		case html.TextToken:
			if depthSkip > 0 {
				continue
			}
			t := strings.Join(strings.Fields(cleanInvisible(html.UnescapeString(string(raw)))), " ")
			if t == "" {
				continue
			}
			if cur.Len() == 0 {
				curLine = start + leadingNewlines(raw)
			} else if unicode.IsSpace(rune(raw[0])) {
				cur.WriteByte(' ')
			}
			cur.WriteString(t)
			plain = plain || depthLink == 0
		}
	}
}

// hasWord tells whether a line has a letter or a digit: a page's list
// punctuation ([, ], commas between elements) is not text.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
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
