package pdftext

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// edgeLines is how many lines at the top and at the bottom of a page
	// are looked at for running headers and footers: PDFium gives a page's
	// lines in drawing order, and printers draw the header and footer first
	// or last, in one line or a few.
	edgeLines = 3
	// minRunningRunes is the shortest running header or footer: a line
	// shorter than this that repeats is the tail of a paragraph (个。).
	minRunningRunes = 4
)

// Line is a line of a PDF's text that Clean kept.
type Line struct {
	Text string
	Page int // from 1
	// No counts the lines of the extracted text from 1 over all pages in
	// order, removed lines included, so that a line's number does not move
	// when the layout around it is read differently.
	No int
	// Wraps tells that the line's paragraph runs on into the next line:
	// the page width ended the line, not the author (see Clean).
	Wraps bool
}

// pageNumber matches the layout key of a line that is only a page number:
// 3/10, - 3 -, — 3 —, 第3页, 第 3 页 共 10 页, 共10页 第3页, Page 3 of 10.
var pageNumber = regexp.MustCompile(`^(?i:` +
	`[-–—―－~～·•]+ ?# ?[-–—―－~～·•]+` +
	`|# ?/ ?#` +
	`|第 ?(?:#|[一二三四五六七八九十百〇零]{1,6}) ?页(?: ?[,，/、]? ?共 ?# ?页)?` +
	`|共 ?# ?页 ?[,，/、]? ?第 ?# ?页` +
	`|(?:page|p\.) ?#(?: ?(?:of|/) ?#)?` +
	`)$`)

// Clean removes a PDF's page layout from its pages' lines and returns the
// lines of text that remain, in order: running headers and footers (a line
// at the edge of most pages, the same but for its digits: a browser's date
// and title header, an address footer with its 3/10) and page numbers (a
// line of a page number anywhere; a bare number at the edge of a page).
// Every other line is kept as it is, blank lines included, and marked where
// its paragraph runs on into the next line (Line.Wraps), across page
// breaks too: see wraps.
func Clean(pages []Page) []Line {
	running := runningLines(pages)
	var (
		out    []Line
		placed []PrintedLine // out's lines as printed
	)
	no := 0
	for p, page := range pages {
		top, bottom := edges(page)
		for i, l := range page {
			no++
			edge := i < top || i >= bottom
			key := layoutKey(l.Text)
			switch {
			case pageNumber.MatchString(key),
				edge && running[key],
				edge && key == "#",
				edge && endsInPageNumber(l.Text, p+1, len(pages)):
				continue
			}
			out = append(out, Line{Text: l.Text, Page: p + 1, No: no})
			placed = append(placed, l)
		}
	}
	wraps(out, placed)
	return out
}

// pageOfPages matches a line that ends in a page's number and the number of
// pages, as a browser's footer does (its address, 3/10).
var pageOfPages = regexp.MustCompile(`(?:^|\s)(\d+) ?/ ?(\d+)$`)

// endsInPageNumber tells a line that ends in page's number of pages: a
// browser's footer, whose address it shortens by the room the number
// leaves, so that it is not the same on every page.
func endsInPageNumber(text string, page, pages int) bool {
	m := pageOfPages.FindStringSubmatch(strings.TrimSpace(text))
	return m != nil && m[1] == strconv.Itoa(page) && m[2] == strconv.Itoa(pages)
}

// runningLines are the layout keys of the lines at the edges of at least two
// pages and of half the pages or more.
func runningLines(pages []Page) map[string]bool {
	count := map[string]int{}
	for _, page := range pages {
		top, bottom := edges(page)
		seen := map[string]bool{}
		for i, l := range page {
			key := layoutKey(l.Text)
			if (i < top || i >= bottom) && !seen[key] && utf8.RuneCountInString(key) >= minRunningRunes {
				seen[key] = true
				count[key]++
			}
		}
	}
	running := map[string]bool{}
	for key, n := range count {
		if n >= 2 && 2*n >= len(pages) {
			running[key] = true
		}
	}
	return running
}

// edges returns the bounds of a page's edges: lines before top and from
// bottom on are among the first or last edgeLines lines that are not blank.
func edges(page Page) (top, bottom int) {
	top, bottom = len(page), 0
	for i, n := 0, 0; i < len(page) && n < edgeLines; i++ {
		if strings.TrimSpace(page[i].Text) != "" {
			n++
			top = i + 1
		}
	}
	for i, n := len(page)-1, 0; i >= 0 && n < edgeLines; i-- {
		if strings.TrimSpace(page[i].Text) != "" {
			n++
			bottom = i
		}
	}
	return top, bottom
}

// layoutKey is a line as layout repeats it: spaces collapsed to one, every
// run of digits made one #, so that 1/4 and 2/4 or a printed date and time
// compare equal.
func layoutKey(line string) string {
	var b strings.Builder
	space, digit := false, false
	for _, r := range strings.TrimSpace(line) {
		switch {
		case unicode.IsSpace(r):
			space, digit = true, false
			continue
		case r >= '0' && r <= '9':
			if digit {
				continue
			}
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		digit = r >= '0' && r <= '9'
		if digit {
			r = '#'
		}
		b.WriteRune(r)
	}
	return b.String()
}
