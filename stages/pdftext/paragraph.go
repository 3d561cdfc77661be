package pdftext

import (
	"cmp"
	"math"
	"slices"
	"unicode"
)

// Paragraphs are told by where their lines stand. A printed paragraph fills
// each line to the right edge of the text but its last; its first line is
// indented (two characters, in Chinese) where the document indents
// paragraphs, and stands further below the line before it where the
// document spaces them. So a line runs on into the next when it reaches the
// right edge and the next line is neither indented nor spaced from it; a
// line that ends short, a heading, a title or a dateline ends its paragraph,
// whatever mark it ends with (a line full to the edge may end at a ； or a
// ： as well as anywhere else). The edges, the size of a character and the
// distance between lines are measured over the whole document, so that a
// page of a few lines is read as the others are.
const (
	// minMeasured is how many characters a line has for its width to
	// measure the size of one.
	minMeasured = 10
	// indentEms is how far right of the text's left edge, in characters, a
	// line starts when it is indented.
	indentEms = 1
	// centredEms is how far right, in characters, an indented line starts
	// at most: further right, it is centred.
	centredEms = 4
	// spaceEms is how much further apart than the lines of a paragraph, in
	// characters, the baselines of two lines stand when a paragraph space
	// is between them.
	spaceEms = 0.25
	// shortEms is how far short of the right edge, in characters, a line
	// ends when it ends its paragraph: a number or a word that does not fit
	// goes to the next line whole, and a mark that may not start a line
	// takes a character with it.
	shortEms = 2.5
	// shortEmsMarked is the same where paragraphs are indented or spaced,
	// which tells paragraph starts by itself: only a line well short ends
	// one.
	shortEmsMarked = 4
	// markedShare is the share of lines indented, or of spaces between
	// lines, above which a document marks its paragraphs that way.
	markedShare = 0.05
)

// textBlock is where a document's text stands: its left and right edges,
// the width of a character and the distance between the baselines of a
// paragraph's lines, in points, and how paragraphs are marked.
type textBlock struct {
	left, right, em, pitch float64
	indented, spaced       bool
}

// wraps marks the lines whose paragraph runs on into the next; placed are
// the lines as printed. A blank line ends a paragraph; so do lines whose
// place is not known, and every line of a document too small to measure.
func wraps(lines []Line, placed []PrintedLine) {
	b, ok := measure(lines, placed)
	if !ok {
		return
	}
	short := shortEms * b.em
	if b.indented || b.spaced {
		short = shortEmsMarked * b.em
	}
	for i := 0; i+1 < len(lines); i++ {
		l, next := placed[i], placed[i+1]
		lines[i].Wraps = l.Right > 0 && next.Right > 0 &&
			l.Right >= b.right-short &&
			next.Left <= b.left+indentEms*b.em &&
			!(b.spaced && b.space(lines, placed, i))
	}
}

// space tells whether a paragraph space stands between line i and the next:
// their baselines are further apart than a paragraph's lines (on one page).
func (b textBlock) space(lines []Line, placed []PrintedLine, i int) bool {
	return lines[i].Page == lines[i+1].Page && placed[i].Base-placed[i+1].Base > b.pitch+spaceEms*b.em
}

// measure finds a document's text block: its left edge is where most lines
// start, its right edge where a tenth of them reach, a character is the
// median width of one over the lines of some length, and the distance
// between lines the median one. Paragraphs are indented when a share of
// the lines start a character or more right of the edge (up to a few:
// further right, a line is centred), spaced when a share of the lines stand
// further below the line before than the median.
func measure(lines []Line, placed []PrintedLine) (textBlock, bool) {
	var (
		ems, rights, gaps []float64
		lefts             = map[float64]int{}
	)
	for i, l := range placed {
		if l.Right <= 0 {
			continue
		}
		rights = append(rights, l.Right)
		lefts[math.Round(l.Left)]++
		if n := chars(l.Text); n >= minMeasured {
			ems = append(ems, (l.Right-l.Left)/n)
		}
		if i+1 < len(placed) && placed[i+1].Right > 0 && lines[i].Page == lines[i+1].Page && l.Base > placed[i+1].Base {
			gaps = append(gaps, l.Base-placed[i+1].Base)
		}
	}
	if len(ems) == 0 {
		return textBlock{}, false
	}
	b := textBlock{em: median(ems)}
	for left, n := range lefts {
		if n > lefts[b.left] || n == lefts[b.left] && left < b.left {
			b.left = left
		}
	}
	slices.Sort(rights)
	b.right = rights[len(rights)*9/10]
	indented := 0
	for _, l := range placed {
		if l.Right > 0 && l.Left > b.left+indentEms*b.em && l.Left <= b.left+centredEms*b.em {
			indented++
		}
	}
	b.indented = float64(indented) >= markedShare*float64(len(rights))
	if len(gaps) > 0 {
		b.pitch = median(gaps)
		spaced := 0
		for _, g := range gaps {
			if g > b.pitch+spaceEms*b.em {
				spaced++
			}
		}
		b.spaced = float64(spaced) >= markedShare*float64(len(gaps))
	}
	return b, true
}

// chars counts a line's characters in widths of a Chinese character: a
// Chinese character or full-width mark is one, a letter, digit or space
// half of one.
func chars(s string) float64 {
	n := 0.0
	for _, r := range s {
		switch {
		case r >= 0x2E80:
			n++
		case !unicode.IsControl(r):
			n += 0.5
		}
	}
	return n
}

func median(xs []float64) float64 {
	slices.SortFunc(xs, cmp.Compare)
	return xs[len(xs)/2]
}
