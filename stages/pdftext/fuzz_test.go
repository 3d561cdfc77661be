package pdftext

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tinyPDF is a one-page PDF of two lines of text, without a cross-reference
// table (PDFium rebuilds it): a seed small enough for the fuzzer to mutate.
const tinyPDF = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
4 0 obj<</Length 86>>stream
BT /F1 12 Tf 20 150 Td (The main expected targets) Tj 0 -20 Td (of the year: 5 percent) Tj ET
endstream endobj
5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
trailer<</Root 1 0 R>>
%%EOF
`

// maxFuzzBytes caps the fuzzer's inputs: PDFium's parsers are reached by
// small files, and a large one only slows the search.
const maxFuzzBytes = 64 << 10

func TestTinyPDF(t *testing.T) {
	pages, err := Extract(context.Background(), "tiny.pdf", []byte(tinyPDF))
	require.NoError(t, err)
	require.Len(t, pages, 1)
	require.Len(t, pages[0], 2)
	first, second := pages[0][0], pages[0][1]
	assert.Equal(t, "The main expected targets", first.Text)
	assert.Equal(t, "of the year: 5 percent", second.Text)
	// Placed as drawn: both from x = 20, the second 20 points below the first.
	assert.InDelta(t, 20, first.Left, 2)
	assert.InDelta(t, 20, second.Left, 2)
	assert.Greater(t, first.Right, second.Right)
	assert.InDelta(t, 150, first.Base, 1)
	assert.InDelta(t, 130, second.Base, 1)
}

// FuzzExtract feeds PDFium damaged PDFs through the shared engine, which
// stays warm across inputs: every input gives pages or an error naming the
// file, never a crash, and Clean keeps lines of the pages in order.
func FuzzExtract(f *testing.F) {
	f.Add([]byte(tinyPDF))
	f.Add([]byte(strings.Replace(tinyPDF, "/Count 1", "/Count 9", 1)))
	f.Add([]byte(tinyPDF[:len(tinyPDF)/2]))
	f.Add([]byte("%PDF-1.7\n"))
	f.Fuzz(func(t *testing.T, pdf []byte) {
		if len(pdf) > maxFuzzBytes {
			t.Skip()
		}
		pages, err := Extract(context.Background(), "fuzz.pdf", pdf)
		if err != nil {
			require.Nil(t, pages)
			require.True(t, strings.HasPrefix(err.Error(), "fuzz.pdf: "), err.Error())
			return
		}
		text := map[string]bool{}
		for _, p := range pages {
			for _, l := range p {
				text[l.Text] = true
			}
		}
		prev := 0
		for _, l := range Clean(pages) {
			require.True(t, text[l.Text], l.Text)
			require.Greater(t, l.No, prev)
			prev = l.No
		}
	})
}
