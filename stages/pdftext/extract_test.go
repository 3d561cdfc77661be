package pdftext

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtures is the folder of the PDFs printed from our own report texts
// (testdata/formats/make-pdf.sh).
const fixtures = "../../testdata/formats"

func TestMain(m *testing.M) {
	// Importing the package must start nothing: runs without PDFs pay nothing.
	if Started() {
		fmt.Fprintln(os.Stderr, "the PDF engine started before any PDF was read")
		os.Exit(1)
	}
	code := m.Run()
	if err := shared.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	os.Exit(code)
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	require.NoError(t, err)
	return b
}

// squeeze is text without its spaces and line breaks: what a PDF keeps of a
// text whatever the page width.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestExtractFixtures reads the printed fixtures back: once the layout is
// cleaned, the text is the text they were printed from, line breaks aside.
func TestExtractFixtures(t *testing.T) {
	tests := []struct {
		pdf, text string
		pages     int
	}{
		{"county.pdf", "county.txt", 4},
		{"city.pdf", "city.txt", 3},
		{"district.pdf", "district.txt", 3},
		// Locked against copying, not against opening: read as a viewer shows it.
		{"restricted.pdf", "county.txt", 4},
	}
	for _, tt := range tests {
		t.Run(tt.pdf, func(t *testing.T) {
			pages, err := Extract(context.Background(), tt.pdf, readFixture(t, tt.pdf))
			require.NoError(t, err)
			assert.Len(t, pages, tt.pages)
			var text strings.Builder
			prev := 0
			for _, l := range Clean(pages) {
				assert.Greater(t, l.No, prev, "lines in order")
				prev = l.No
				text.WriteString(l.Text)
			}
			assert.Equal(t, squeeze(string(readFixture(t, tt.text))), squeeze(text.String()))
			assert.Contains(t, CacheDir(), filepath.Join("govreports", "pdfium"))
		})
	}
}

func TestExtractRefused(t *testing.T) {
	county := readFixture(t, "county.pdf")
	tests := []struct {
		name string
		pdf  []byte
		is   error
		want string
	}{
		{name: "scan.pdf", pdf: readFixture(t, "scan.pdf"), is: ErrNoText, want: "scan.pdf: no text layer"},
		{name: "encrypted.pdf", pdf: readFixture(t, "encrypted.pdf"), is: ErrEncrypted, want: "encrypted.pdf: encrypted: a password is needed"},
		{name: "text.pdf", pdf: []byte("政府工作报告\n各位代表：\n"), want: "text.pdf: not a PDF file, or a damaged one"},
		{name: "empty.pdf", pdf: nil, want: "empty.pdf: not a PDF file, or a damaged one"},
		{name: "head.pdf", pdf: county[:2000], want: "head.pdf: not a PDF file, or a damaged one"},
		{name: "huge.pdf", pdf: make([]byte, MaxBytes+1), want: "huge.pdf: PDF larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Extract(context.Background(), tt.name, tt.pdf)
			require.Error(t, err)
			assert.Nil(t, pages)
			assert.Contains(t, err.Error(), tt.want)
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
		})
	}
}

func TestExtractCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Extract(ctx, "county.pdf", readFixture(t, "county.pdf"))
	require.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "county.pdf")
	// The pool serves the next PDF all the same.
	pages, err := Extract(context.Background(), "county.pdf", readFixture(t, "county.pdf"))
	require.NoError(t, err)
	assert.Len(t, pages, 4)
}

func BenchmarkExtract(b *testing.B) {
	pdf := readFixture(b, "county.pdf")
	if _, err := Extract(context.Background(), "county.pdf", pdf); err != nil { // the engine's start is not measured
		b.Fatal(err)
	}
	b.SetBytes(int64(len(pdf)))
	pages := 0
	for b.Loop() {
		p, err := Extract(context.Background(), "county.pdf", pdf)
		if err != nil {
			b.Fatal(err)
		}
		pages += len(p)
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// TestFixtureParagraphs: joined where they run on (Line.Wraps), the lines of
// each printed fixture are the paragraphs it was printed from, one a line of
// its text, whatever mark a printed line ends with.
func TestFixtureParagraphs(t *testing.T) {
	for _, tt := range []struct{ pdf, text string }{
		{"county.pdf", "county.txt"}, // indented paragraphs, a browser's header and footer
		{"city.pdf", "city.txt"},     // larger type: lines full to the edge end at ； and ：
		{"district.pdf", "district.txt"},
	} {
		t.Run(tt.pdf, func(t *testing.T) {
			pages, err := Extract(context.Background(), tt.pdf, readFixture(t, tt.pdf))
			require.NoError(t, err)
			var paras []string
			var cur strings.Builder
			for _, l := range Clean(pages) {
				cur.WriteString(l.Text)
				if !l.Wraps {
					paras = append(paras, squeeze(cur.String()))
					cur.Reset()
				}
			}
			var want []string
			for l := range strings.Lines(string(readFixture(t, tt.text))) {
				want = append(want, squeeze(l))
			}
			assert.Equal(t, want, paras)
		})
	}
}
