package pdftext

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// glyph makes the lines of printed differ, so that none is a running head.
var glyph rune = '一'

// printed is a line of n Chinese characters of 10 points from left, on the
// baseline base.
func printed(n int, left, base float64) PrintedLine {
	glyph++
	return PrintedLine{Text: strings.Repeat(string(glyph), n), Left: left, Right: left + 10*float64(n), Base: base}
}

// TestWraps: the text block is 20 characters wide from x = 20; each case
// lists its pages and which kept lines run on into the next.
func TestWraps(t *testing.T) {
	const left, ind = 20, 40 // the text's edge, and an indented line's start
	tests := []struct {
		name  string
		pages []Page
		wraps []bool
	}{
		{
			name: "indented paragraphs: a full line runs on unless the next is indented",
			pages: []Page{{
				printed(18, ind, 700), printed(20, left, 680), printed(19, left, 660), printed(12, left, 640), // a full line, one a character short, the last
				printed(18, ind, 620), printed(20, left, 600), // a paragraph that ends full
				printed(18, ind, 580), printed(17, left, 560), printed(6, left, 540), // a number that did not fit: 3 short, still full
			}},
			wraps: []bool{true, true, true, false, true, false, true, true, false},
		},
		{
			name: "spaced paragraphs, not indented: the space ends a full line's paragraph",
			pages: []Page{{
				printed(20, left, 700), printed(20, left, 680), printed(20, left, 660), // a paragraph that ends full
				printed(20, left, 630), printed(15, left, 610), // the space: 30 points, not 20
				printed(20, left, 580), printed(19, left, 560), printed(6, left, 540),
			}},
			wraps: []bool{true, true, false, true, false, true, true, false},
		},
		{
			name: "neither indented nor spaced: a line a few characters short ends",
			pages: []Page{{
				printed(20, left, 700), printed(20, left, 680), printed(17, left, 660),
				printed(20, left, 640), printed(19, left, 620), printed(20, left, 600), printed(5, left, 580),
			}},
			wraps: []bool{true, true, false, true, true, true, false},
		},
		{
			name: "a paragraph runs on across a page break; a centred heading ends",
			pages: []Page{
				{printed(18, ind, 700), printed(20, left, 680), printed(20, left, 660)},
				{printed(11, left, 700), printed(8, 80, 680), printed(18, ind, 660), printed(20, left, 640)},
			},
			wraps: []bool{true, true, true, false, false, true, false},
		},
		{
			name:  "a blank line ends the paragraph",
			pages: []Page{{printed(18, ind, 700), printed(20, left, 680), {}, printed(20, left, 640), printed(3, left, 620)}},
			wraps: []bool{true, false, false, true, false},
		},
		{
			name:  "nothing to measure: no line runs on",
			pages: []Page{{printed(5, left, 700), printed(5, left, 680)}, {{Text: "正文"}, {Text: "正文"}}},
			wraps: []bool{false, false, false, false},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []bool
			for _, l := range Clean(tt.pages) {
				got = append(got, l.Wraps)
			}
			assert.Equal(t, tt.wraps, got)
		})
	}
}
