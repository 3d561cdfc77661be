package eval_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/read"
)

var update = flag.Bool("update", false, "rewrite the Word files of testdata/cityqa/files from their texts in testdata/cityqa/docx")

// cityQADir holds reports of the city and county tier of our own writing,
// laid out as collections hold them (see its README.md).
var cityQADir = filepath.Join("testdata", "cityqa")

// TestCityQAWordFiles checks that each Word file of the fixtures is the one
// its text makes (go test -update rewrites them): docx/<path>.txt, a
// paragraph a line, is files/<path>.docx.
func TestCityQAWordFiles(t *testing.T) {
	texts := filepath.Join(cityQADir, "docx")
	n := 0
	err := filepath.WalkDir(texts, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".txt" {
			return err
		}
		n++
		rel, err := filepath.Rel(texts, path)
		require.NoError(t, err)
		text, err := os.ReadFile(path)
		require.NoError(t, err)
		want := wordFile(t, string(text))
		out := filepath.Join(cityQADir, "files", strings.TrimSuffix(rel, ".txt")+".docx")
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(out), 0o755))
			require.NoError(t, os.WriteFile(out, want, 0o644))
		}
		got, err := os.ReadFile(out)
		require.NoError(t, err, "run go test ./eval -run TestCityQAWordFiles -update")
		require.Equal(t, want, got, "%s is not the Word file of %s: run with -update", out, path)
		return nil
	})
	require.NoError(t, err)
	require.Positive(t, n, "the fixtures hold Word files")
}

// wordFile is a minimal Word document of text, a paragraph a line, each
// paragraph cut into runs after its commas as Word's editing leaves them.
// The archive is byte-identical for the same text (no times are stored).
func wordFile(t *testing.T, text string) []byte {
	t.Helper()
	var body strings.Builder
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		body.WriteString("<w:p>")
		for _, run := range strings.SplitAfter(line, "，") {
			if run == "" {
				continue
			}
			body.WriteString(`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">`)
			require.NoError(t, xml.EscapeText(&body, []byte(run)))
			body.WriteString("</w:t></w:r>")
		}
		body.WriteString("</w:p>")
	}
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		require.NoError(t, err)
		_, err = io.WriteString(w, p.data)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestCityQA runs the pipeline once over the fixtures as a plain run over
// the folder would (--on-error skip), and scores the metadata against
// SOURCES.tsv and the GDP growth targets against gdp.json; the key was
// written before the pipeline first ran on them. The floors are what the
// project reaches now: they may rise, never fall.
func TestCityQA(t *testing.T) {
	srcs, err := read.Sources([]string{filepath.Join(cityQADir, "files")}, nil, nil)
	require.NoError(t, err)
	_, meta, gdp, log := scoreCollection(t, srcs, cityQADir)
	t.Log("\n" + log.String())

	assert.Len(t, srcs, meta.Files, "every file has its row in SOURCES.tsv")
	assert.Equal(t, meta.Files, meta.Read, "every file gives one report")
	assert.GreaterOrEqual(t, meta.Year, meta.Files, "reports with the right year")
	assert.GreaterOrEqual(t, meta.Region, meta.Files, "reports with the right region")
	assert.GreaterOrEqual(t, meta.Level, meta.Files, "reports with the right level")
	assert.GreaterOrEqual(t, gdp.Right, gdp.Reports, "GDP growth targets right, with no other gdp_growth row")
}
