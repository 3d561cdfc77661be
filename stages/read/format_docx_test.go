package read

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/govreports/govreports/internal/shareddir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docx builds a Word file whose document.xml holds body (inside w:body).
func docx(t testing.TB, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	require.NoError(t, err)
	_, err = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+body+`</w:body></w:document>`)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func para(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>")
	for _, r := range runs {
		b.WriteString("<w:r><w:rPr><w:b/></w:rPr>" + r + "</w:r>")
	}
	b.WriteString("</w:p>")
	return b.String()
}

func TestReadDocx(t *testing.T) {
	body := para("<w:t>某县</w:t>", "<w:t>政府工作报告</w:t>") +
		para("<w:t>——2025年1月8日在某县第三届人民代表大会第四次会议上</w:t>") +
		para("<w:t>县长</w:t><w:tab/><w:t>张某</w:t>") +
		para() +
		para("<w:t>一、2024年工作回顾</w:t>") +
		para("<w:t>全县生产总值</w:t><w:delText>删去的字</w:delText><w:t xml:space=\"preserve\">增长6%。</w:t><w:br/><w:t>新增就业1万人。</w:t>") +
		"<w:tbl><w:tr><w:tc>" + para("<w:t>表格里的段落。</w:t>") + "</w:tc></w:tr></w:tbl>" +
		para(`<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:t>文本框。</w:t></mc:Choice>`+
			`<mc:Fallback><w:t>文本框。</w:t></mc:Fallback></mc:AlternateContent>`)
	for _, name := range []string{"county.docx", "county.bin"} { // by name or by the zip magic alone
		rs, err := readAll(t, name, docx(t, body), Options{Region: "110000"})
		require.NoError(t, err, name)
		require.Len(t, rs, 1)
		assert.Equal(t, "某县政府工作报告", rs[0].Title)
		assert.Equal(t, 1, rs[0].SourceLine)
		assert.Equal(t, []string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "县长 张某", "",
			"一、2024年工作回顾", "全县生产总值增长6%。", "新增就业1万人。", "表格里的段落。", "文本框。"}, lineTexts(rs[0]))
		assert.Equal(t, []int{2, 3, 4, 5, 6, 7, 8, 9}, lineNos(rs[0]), "lines count paragraphs and line breaks")
	}
}

func TestReadDocxRealReport(t *testing.T) {
	srcs, err := Sources([]string{shareddir.Path(t, "reports-dev", "files", "2025年重庆市政府工作报告.docx")}, nil, nil)
	require.NoError(t, err)
	var rs []*Report
	_, err = Read(context.Background(), srcs[0], Options{Region: "500000"}, func(r *Report) error { rs = append(rs, r); return nil })
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "2025年重庆市政府工作报告.docx", rs[0].Source)
	assert.Equal(t, "2025年重庆市政府工作报告", rs[0].Title)
	assert.Equal(t, "——2025年1月19日在重庆市第六届人民代表大会第三次会议上", rs[0].Lines[0].Text, "来源：… is page chrome")
	assert.Greater(t, len(rs[0].Lines), 50)
}

func TestReadDocxHostile(t *testing.T) {
	deep := strings.Repeat("<w:r>", maxXMLDepth+1) + strings.Repeat("</w:r>", maxXMLDepth+1)
	entity := `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`
	rawZip := func(name, content string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = io.WriteString(w, content)
		require.NoError(t, err)
		require.NoError(t, zw.Close())
		return buf.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"deep nesting", docx(t, "<w:p>"+deep+"</w:p>"), "nested more than 256 deep"},
		{"entities", rawZip("word/document.xml", entity), "DTD"},
		{"not xml", rawZip("word/document.xml", "<w:document><w:body><w:p>"), "word/document.xml"},
		{"no document", rawZip("other.xml", "<a/>"), "without word/document.xml"},
		{"truncated zip", docx(t, para("<w:t>正文。</w:t>"))[:40], "not a Word (.docx) file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, "hostile.docx", tt.data, Options{Region: "110000", Year: 2025})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "hostile.docx")
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// zipBomb is a document.xml of more than maxDocumentXML bytes of one repeated
// paragraph; lie makes the archive state a small size.
func zipBomb(t *testing.T, lie bool) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var w io.Writer
	var err error
	if lie {
		// CreateRaw stores the bytes as they are: deflate them here, and state 1000 bytes unpacked.
		var deflated bytes.Buffer
		fw, err := flate.NewWriter(&deflated, flate.BestSpeed)
		require.NoError(t, err)
		writeBomb(t, fw)
		require.NoError(t, fw.Close())
		w, err = zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
			UncompressedSize64: 1000, CompressedSize64: uint64(deflated.Len())})
		require.NoError(t, err)
		_, err = w.Write(deflated.Bytes())
	} else {
		w, err = zw.Create("word/document.xml")
		require.NoError(t, err)
		writeBomb(t, w)
	}
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func writeBomb(t *testing.T, w io.Writer) {
	_, err := io.WriteString(w, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	require.NoError(t, err)
	chunk := []byte(strings.Repeat("<w:p><w:r><w:t>增长。</w:t></w:r></w:p>", 1<<12))
	for n := 0; n <= maxDocumentXML; n += len(chunk) {
		_, err = w.Write(chunk)
		require.NoError(t, err)
	}
}

func TestReadDocxZipBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 64 MB through deflate")
	}
	for _, lie := range []bool{false, true} {
		data := zipBomb(t, lie)
		assert.Less(t, len(data), 2<<20, "the bomb is small as stored")
		_, err := readAll(t, "bomb.docx", data, Options{Region: "110000", Year: 2025})
		require.Error(t, err)
		// archive/zip itself refuses to unpack more than the size an archive states.
		assert.Contains(t, err.Error(), "bomb.docx: word/document.xml")
		if !lie {
			assert.Contains(t, err.Error(), "unpacks to")
		}
	}
}

func FuzzDocx(f *testing.F) {
	f.Add(docx(f, para("<w:t>某县政府工作报告</w:t>")+para("<w:t>增长</w:t><w:tab/><w:br/><w:t>6%。</w:t>")))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, err := docxLines("fuzz.docx", bytes.NewReader(data))
		if err != nil {
			if e := (*Error)(nil); !errors.As(err, &e) || e.Input != "fuzz.docx" {
				t.Fatalf("not a *read.Error naming the file: %v", err)
			}
			return
		}
		for i, l := range lines {
			if l.No != i+1 {
				t.Fatalf("line %d numbered %d", i+1, l.No)
			}
		}
	})
}

// A fault inside document.xml is placed at the line (paragraph) being read,
// as the lines of the report count them.
func TestReadDocxErrorLine(t *testing.T) {
	deep := strings.Repeat("<w:r>", maxXMLDepth+1) + strings.Repeat("</w:r>", maxXMLDepth+1)
	body := para("<w:t>某县政府工作报告</w:t>") + para("<w:t>各位代表：</w:t>") + para("<w:t>增长6%。</w:t><w:br/><w:t>新增就业。</w:t>") + "<w:p>" + deep + "</w:p>"
	_, err := readAll(t, "county.docx", docx(t, body), Options{Region: "110000", Year: 2025})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "county.docx", e.Input)
	assert.Equal(t, 5, e.Line, "after three paragraphs, one of two lines")
	assert.Contains(t, err.Error(), "county.docx: line 5: word/document.xml, XML line 1: elements nested more than 256 deep")
}
