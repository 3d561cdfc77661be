package read

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// formatFixtures holds the PDFs and the workbook printed and written from
// our own report texts (testdata/formats/make-pdf.sh, xlsxrows' -update).
const formatFixtures = "../../testdata/formats"

func formatFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(formatFixtures, name))
	require.NoError(t, err)
	return b
}

// TestReadPDF reads the printed fixtures back: one report each, with the
// year and region of its text, its lines numbered over the extracted text,
// and its paragraphs as they were written, one a line of the fixture text.
func TestReadPDF(t *testing.T) {
	tests := []struct {
		pdf, text, region, title string
		year, titleLine          int
	}{
		{"county.pdf", "county.txt", "330522", "政府工作报告", 2020, 1},
		{"city.pdf", "city.txt", "330500", "湖州市政府工作报告", 2022, 1},
		{"district.pdf", "district.txt", "510107", "政府工作报告", 2023, 3}, // below its running head and — 1 —
		{"restricted.pdf", "county.txt", "330522", "政府工作报告", 2020, 1},
	}
	for _, tt := range tests {
		t.Run(tt.pdf, func(t *testing.T) {
			rs, err := readAll(t, tt.pdf, formatFixture(t, tt.pdf), Options{})
			require.NoError(t, err)
			require.Len(t, rs, 1)
			r := rs[0]
			assert.Equal(t, tt.year, r.Year)
			assert.Equal(t, tt.region, r.Region.Code)
			assert.Equal(t, tt.title, r.Title)
			assert.Equal(t, tt.titleLine, r.SourceLine)
			assert.True(t, r.Wrapped)
			var paras []string
			var cur strings.Builder
			prev := r.SourceLine
			for _, l := range r.Lines {
				assert.Greater(t, l.No, prev, "lines in order")
				prev = l.No
				cur.WriteString(l.Text)
				if !l.Wraps {
					paras = append(paras, strings.Join(strings.Fields(cur.String()), ""))
					cur.Reset()
				}
			}
			var want []string
			for l := range strings.Lines(string(formatFixture(t, tt.text))) {
				want = append(want, strings.Join(strings.Fields(l), ""))
			}
			assert.Equal(t, want[1:], paras, "the paragraphs after the title")
		})
	}
}

// TestReadPDFRefused: a PDF that cannot be read as a report is an error
// naming it, whatever it is called.
func TestReadPDFRefused(t *testing.T) {
	county := formatFixture(t, "county.pdf")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"scan.pdf", formatFixture(t, "scan.pdf"), "scan.pdf: no text layer (a scanned document? OCR is not supported)"},
		{"encrypted.pdf", formatFixture(t, "encrypted.pdf"), "encrypted.pdf: encrypted: a password is needed to open it"},
		{"cut.pdf", county[:4000], "cut.pdf: not a PDF file, or a damaged one"},
		{"notes.pdf", []byte("各位代表：\n"), "notes.pdf: not a PDF file, or a damaged one"},
		{"saved.txt", county[:4000], "saved.txt: not a PDF file, or a damaged one"}, // told by its content
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := readAll(t, tt.name, tt.data, Options{})
			require.Error(t, err)
			assert.Empty(t, rs)
			assert.True(t, strings.HasPrefix(err.Error(), tt.want), err.Error())
			assert.Equal(t, 1, strings.Count(err.Error(), tt.name), "named once: %s", err)
			var re *Error
			require.True(t, errors.As(err, &re))
			assert.Equal(t, tt.name, re.Input)
		})
	}
}

func TestReadPDFCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Read(ctx, BytesSource("county.pdf", formatFixture(t, "county.pdf")), Options{}, func(*Report) error { return nil })
	require.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "county.pdf")
}
