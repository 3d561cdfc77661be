package read

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/internal/shareddir"
)

// A county report of the kind the fixtures below carry, written for these tests.
const countyText = "某县政府工作报告\n——2025年1月8日在某县第三届人民代表大会第四次会议上\n县长 张某\n各位代表：\n一、2024年工作回顾\n全县生产总值增长6%。\n"

func lineTexts(r *Report) []string {
	var out []string
	for _, l := range r.Lines {
		out = append(out, l.Text)
	}
	return out
}

func lineNos(r *Report) []int {
	var out []int
	for _, l := range r.Lines {
		out = append(out, l.No)
	}
	return out
}

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

func TestTableColumnNames(t *testing.T) {
	tests := []struct {
		header             string
		text, year, region int
	}{
		{"province,year,title,full_text", 3, 1, 0},
		{"id,adcode,province_name,publish_date,full_text", 4, -1, 2},
		{"id,region_code,content", 2, -1, 1},
		{"标题,年份,行政区划代码,正文", 3, 1, 2},
		{"city_name,text", 1, -1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			c, err := tableColumns("t.csv", strings.Split(tt.header, ","), "")
			require.NoError(t, err)
			assert.Equal(t, []int{tt.text, tt.year, tt.region}, []int{c.text, c.year, c.region})
		})
	}
}

func TestReadHTMLLayouts(t *testing.T) {
	tests := []struct {
		name, file, page string
		want             []string
	}{
		{"br page", "page.html",
			"<html><body><div class=nav><a href=/>首页</a> | <a href=/x>政务公开</a></div><div id=content>某县政府工作报告<br>" +
				"——2025年1月8日在某县第三届人民代表大会第四次会议上<br/>县长 张某<br>各位代表：<br>&nbsp;&nbsp;一、2024年工作回顾<br>" +
				"全县生产总值<b>增长</b><span style=\"x\">6%</span>。</div><div>相关报道</div><div><a href=/r>某县召开会议</a></div></body></html>",
			[]string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "县长 张某", "各位代表：", "一、2024年工作回顾", "全县生产总值增长6%。"}},
		{"table cells", "page.htm",
			"<table><tr><td>某县政府工作报告</td></tr><tr><td>——2025年1月8日在某县第三届人民代表大会第四次会议上</td></tr>" +
				"<tr><td><font>县长 张某</font></td></tr><tr><td>一、2024年工作回顾</td></tr><tr><td>全县生产总值增长6%。</td></tr></table>" +
				"<script>document.write('增长');</script><style>td{}</style>",
			[]string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "县长 张某", "一、2024年工作回顾", "全县生产总值增长6%。"}},
		{"fragment saved as text", "fragment.txt",
			"[<div class=\"text\">\n<h4>各位代表：</h4>\n<p>一、2024年工作回顾</p>\n<p>全县生产总值\n增长6%。</p>\n</div>, <div>\n<p>下载 打印 全屏</p><p>新增就业1万人。</p></div>]",
			[]string{"各位代表：", "一、2024年工作回顾", "全县生产总值 增长6%。", "新增就业1万人。"}},
		{"a bare <title> before the report's own title", "page.html",
			"<html><head><title>政府工作报告</title></head><body><p>首页 &gt; 公开</p><h1>2025年某县政府工作报告</h1>" +
				"<p>各位代表：</p><p>全县生产总值增长6%。</p></body></html>",
			[]string{"各位代表：", "全县生产总值增长6%。"}},
		{"shtml with zero-width characters", "page.shtml",
			"<!DOCTYPE html><p>某县政府\u200b工作报告</p><p>全县生产\u200d总值增长6%。</p>",
			[]string{"全县生产总值增长6%。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := readAll(t, tt.file, []byte(tt.page), Options{Region: "110000", Year: 2025})
			require.NoError(t, err)
			require.Len(t, rs, 1)
			assert.Equal(t, tt.want, lineTexts(rs[0]))
		})
	}
}

func TestReadHTMLFragmentRealReport(t *testing.T) {
	data, err := os.ReadFile(shareddir.Path(t, "reports-dev", "files", "2018_gov_report.txt"))
	require.NoError(t, err)
	rs, err := readAll(t, "2018_gov_report.txt", data, Options{Region: "全国", Year: 2018})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "各位代表：", rs[0].Lines[0].Text)
	assert.Equal(t, 2, rs[0].Lines[0].No)
	assert.Greater(t, len(rs[0].Lines), 100)
	for _, l := range rs[0].Lines {
		assert.NotContains(t, l.Text, "<", "line %d keeps markup", l.No)
	}
}

func TestReadTables(t *testing.T) {
	bodyCSV := strings.ReplaceAll(countyText, "\n", "\r\n")
	tests := []struct {
		name, file, data string
		opts             Options
		sources          []string
		hints            []Hints
		firstLine        []string
		firstNo          []int // line of the first body line within the row's text (2 after a title line)
	}{
		{"csv with BOM and quoted multi-line fields", "reports.csv",
			"\ufeffprovince,year,title,full_text\n某省,2025,某县政府工作报告,\"" + bodyCSV + "\"\n某省,2024.0,,\"各位代表：\n全县增长“5%”，\"\"稳\"\"。\"\n",
			Options{Region: "110000", Year: 2025},
			[]string{"reports.csv#row=1", "reports.csv#row=2"},
			[]Hints{{Title: "某县政府工作报告", Year: 2025, Region: "某省"}, {Year: 2024, Region: "某省"}},
			[]string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "各位代表："}, []int{2, 1}},
		{"tsv by header, named .txt", "reports.txt",
			"标题\t年份\t地区\t正文\n某县政府工作报告\t2025年\t某县\t各位代表：\n",
			Options{Region: "110000", Year: 2025},
			[]string{"reports.txt#row=1"},
			[]Hints{{Title: "某县政府工作报告", Year: 2025, Region: "某县"}},
			[]string{"各位代表："}, []int{1}},
		{"jsonl with a number year", "reports.jsonl",
			`{"city":"某市","year":2025,"content":"各位代表：\n一、2024年工作回顾\n增长6%。"}` + "\n\n" + `{"city":"某市","year":"2024","content":"各位代表：\n增长5%。"}`,
			Options{Region: "110000", Year: 2025},
			[]string{"reports.jsonl#row=1", "reports.jsonl#row=2"},
			[]Hints{{Year: 2025, Region: "某市"}, {Year: 2024, Region: "某市"}},
			[]string{"各位代表：", "各位代表："}, []int{1, 1}},
		{"jsonl by content, text column named", "dump.txt",
			`{"body":"不是这一列","report":"各位代表：\n增长6%。","year":2025}`,
			Options{Region: "110000", Year: 2025, TextColumn: "REPORT"},
			[]string{"dump.txt#row=1"},
			[]Hints{{Year: 2025}},
			[]string{"各位代表："}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := readAll(t, tt.file, []byte(tt.data), tt.opts)
			require.NoError(t, err)
			require.Len(t, rs, len(tt.sources))
			for i, r := range rs {
				assert.Equal(t, tt.sources[i], r.Source)
				assert.Equal(t, tt.hints[i], r.Hints)
				assert.Equal(t, tt.firstLine[i], r.Lines[0].Text)
			}
			for i, r := range rs {
				assert.Equal(t, tt.firstNo[i], r.Lines[0].No, "lines count within the row's text")
			}
		})
	}
}

func TestReadCSVRealReport(t *testing.T) {
	srcs, err := Sources([]string{shareddir.Path(t, "reports-dev", "files", "2026_广东省_政府工作报告.csv")}, nil, nil)
	require.NoError(t, err)
	var rs []*Report
	_, err = Read(context.Background(), srcs[0], Options{}, func(r *Report) error { rs = append(rs, r); return nil })
	require.NoError(t, err)
	require.Len(t, rs, 1)
	r := rs[0]
	assert.Equal(t, "2026_广东省_政府工作报告.csv#row=1", r.Source)
	assert.Equal(t, Hints{Title: "2026年广东省政府工作报告", Year: 2026, Region: "广东省"}, r.Hints)
	assert.Equal(t, "政府工作报告", r.Title)
	assert.Equal(t, 1, r.SourceLine)
	for _, l := range r.Lines {
		if l.Text == "主要预期目标" {
			assert.Equal(t, 62, l.No, "the row's text line, not the file's")
		}
	}
}

// parquetFile writes rows of the given string columns with pqarrow.
func parquetFile(t testing.TB, cols []string, rows [][]string) []byte {
	t.Helper()
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = arrow.Field{Name: c, Type: arrow.BinaryTypes.String, Nullable: true}
	}
	schema := arrow.NewSchema(fields, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	for _, row := range rows {
		for i, v := range row {
			b.Field(i).(*array.StringBuilder).Append(v)
		}
	}
	rec := b.NewRecord()
	defer rec.Release()
	var buf bytes.Buffer
	w, err := pqarrow.NewFileWriter(schema, &buf, nil, pqarrow.DefaultWriterProps())
	require.NoError(t, err)
	require.NoError(t, w.Write(rec))
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func TestReadParquet(t *testing.T) {
	data := parquetFile(t, []string{"province", "year", "full_text"}, [][]string{
		{"某省", "2025", countyText},
		{"某省", "2024", "各位代表：\n增长5%。"},
		{"某省", "2023", "  "},
	})
	for _, name := range []string{"reports.parquet", "reports.bin"} {
		var warned bytes.Buffer
		rs, err := readAll(t, name, data, Options{Region: "110000", Year: 2025, Logger: slog.New(slog.NewTextHandler(&warned, nil))})
		require.NoError(t, err)
		require.Len(t, rs, 2)
		assert.Equal(t, name+"#row=1", rs[0].Source)
		assert.Equal(t, "某县政府工作报告", rs[0].Title)
		assert.Equal(t, Hints{Year: 2024, Region: "某省"}, rs[1].Hints)
		assert.Contains(t, warned.String(), name+"#row=3", "an empty row is logged")
	}
}

func TestReadTablesHostile(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"csv unbalanced quote", "a.csv", []byte("year,text\n2025,\"各位代表：\n增长。\n"), "a.csv: row 1: "},
		{"csv without text column", "a.csv", []byte("year,title\n2025,某县\n"), "a.csv: no text column (looked for full_text"},
		{"csv ragged row", "a.csv", []byte("year,text\n2025,各位代表：,多余\n"), "a.csv: row 1: "},
		{"jsonl line not json", "a.jsonl", []byte("{\"text\":\"各位代表：\"}\n\n{\"text\": 各位代表}\n"), "a.jsonl: line 3: not a JSON object"},
		{"jsonl text not a string", "a.jsonl", []byte("{\"text\":5}\n"), "a.jsonl: line 1: text field \"text\" is not a string"},
		{"jsonl array", "a.jsonl", []byte("[1,2]\n"), "a.jsonl: line 1: not a JSON object"},
		{"json array of objects", "a.json", []byte("[{\"text\":\"各位代表：\"}]"), "a.json: line 1: not a JSON object"},
		{"parquet without text column", "a.parquet", parquetFile(t, []string{"year", "title"}, [][]string{{"2025", "某县"}}), "a.parquet: no text column"},
		{"named text column missing", "a.parquet", parquetFile(t, []string{"text"}, [][]string{{"x"}}), "no column \"正文2\""},
		{"parquet truncated", "a.parquet", parquetFile(t, []string{"text"}, [][]string{{"各位代表："}})[:60], "a.parquet: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Region: "110000", Year: 2025}
			if strings.Contains(tt.name, "named") {
				opts.TextColumn = "正文2"
			}
			_, err := readAll(t, tt.file, tt.data, opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// endless yields n bytes of one character after a prefix, without holding them.
type endless struct {
	prefix string
	n      int
}

func (e *endless) Read(p []byte) (int, error) {
	if e.prefix != "" {
		k := copy(p, e.prefix)
		e.prefix = e.prefix[k:]
		return k, nil
	}
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := min(len(p), e.n)
	for i := range p[:k] {
		p[i] = 'a'
	}
	e.n -= k
	return k, nil
}

func TestReadTableHugeField(t *testing.T) {
	for _, tt := range []struct{ name, prefix, want string }{
		{"a.csv", "year,text\n2025,\"", "a.csv: row 1: row longer than"},
		{"a.csv", "year,text\n2025,", "a.csv: row 1: row longer than"},
		{"a.jsonl", "{\"text\":\"", "a.jsonl: line 1: row longer than"},
	} {
		src := Source{Name: tt.name, Open: func() (io.ReadCloser, error) {
			return io.NopCloser(&endless{prefix: tt.prefix, n: 100 << 20}), nil
		}}
		_, err := Read(context.Background(), src, Options{Region: "110000", Year: 2025}, func(*Report) error { return nil })
		require.Error(t, err)
		assert.Contains(t, err.Error(), tt.want)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head string
		want       format
	}{
		{"a.txt", "各位代表：", formatText},
		{"a.txt", "PK\x03\x04rest", formatDocx},
		{"a", "PAR1\x15", formatParquet},
		{"a.txt", "\ufeff  <!DOCTYPE html><html>", formatHTML},
		{"a.txt", "[<div class=x>", formatHTML},
		{"a.txt", "<各位代表>", formatText},
		{"a.txt", "{\"text\":\"x\"}", formatJSONL},
		{"a.json", "[\n  {\"text\":\"x\"}]", formatJSONL},
		{"a.txt", "[一]", formatText},
		{"a.txt", "\ufeffprovince,year,full_text\n", formatCSV},
		{"a.txt", "year\tcontent\n", formatTSV},
		{"a.txt", "一、工作,回顾\n", formatText},
		{"a.CSV.gz", "", formatCSV},
		{"a.ndjson", "", formatJSONL},
		{"a.shtml", "", formatHTML},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, detect(tt.name, []byte(tt.head)), "%s %q", tt.name, tt.head)
	}
}

func TestSourcesNamesAndSkips(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "incoming")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "2025"), 0o755))
	for name, data := range map[string]string{
		"2025/county.txt": countyText, "2025/page.shtml": "<p>" + countyText + "</p>", "2025/scan.pdf": "%PDF-1.7",
		"empty.txt": "", "rows.csv": "text\n各位代表：\n", "notes.md": "x",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	var logged bytes.Buffer
	srcs, err := Sources([]string{dir, filepath.Join(dir, "2025", "county.txt")}, nil, slog.New(slog.NewTextHandler(&logged, nil)))
	require.NoError(t, err)
	var names []string
	for _, s := range srcs {
		names = append(names, s.Name)
	}
	assert.Equal(t, []string{"incoming/2025/county.txt", "incoming/2025/page.shtml", "incoming/rows.csv", "county.txt"}, names)
	for _, skipped := range []string{"incoming/2025/scan.pdf", "incoming/empty.txt", "incoming/notes.md"} {
		assert.Contains(t, logged.String(), "input="+skipped)
	}
	assert.Contains(t, logged.String(), "empty file")

	// The same directory named from elsewhere gives the same names.
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	t.Cleanup(func() { _ = os.Chdir(wd) })
	again, err := Sources([]string{"."}, nil, nil)
	require.NoError(t, err)
	require.Len(t, again, 3)
	assert.Equal(t, "incoming/2025/county.txt", again[0].Name)
}

func TestChrome(t *testing.T) {
	text := "当前位置：首页 > 政务公开\n下载 打印 全屏\n【字号：加大 还原 减小】\n来源：某县日报\n某县政府工作报告\n——2025年1月8日在某县第三届人民代表大会第四次会议上\n" +
		"县长 张某\n各位代表：\n本报记者 李某 摄\n全县增长6%。打印机产量增长。\n分享到：微信 微博\n相关报道\n某县召开大会\n"
	rs, err := readAll(t, "export.txt", []byte(text), Options{Region: "110000"})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "某县政府工作报告", rs[0].Title)
	assert.Equal(t, []string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "县长 张某", "各位代表：", "全县增长6%。打印机产量增长。"}, lineTexts(rs[0]))
}

func TestBreadcrumbIsNoTitle(t *testing.T) {
	text := "首页 > 政务公开 > 政府工作报告\n2025年某县政府工作报告\n——2025年1月8日在某县第三届人民代表大会第四次会议上\n各位代表：\n全县增长6%。\n"
	rs, err := readAll(t, "page.txt", []byte(text), Options{Region: "110000"})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "2025年某县政府工作报告", rs[0].Title)
	assert.Equal(t, []string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "各位代表：", "全县增长6%。"}, lineTexts(rs[0]))
}

func TestChromeOf(t *testing.T) {
	for line, want := range map[string]chromeKind{
		"首页 > 政务公开 > 政府工作报告":       chromeLine,
		"首页>>要闻>>某县政府工作报告":         chromeLine,
		"网站首页 » 信息公开":              chromeLine,
		"扫一扫在手机打开当前页":              chromeLine,
		"下载 打印 全屏":                 chromeLine,
		"某县政府工作报告":                 notChrome,
		"首页产品销量增长>10%":             notChrome,
		"政务公开 > 政府工作报告":            notChrome,
		"——2025年1月8日在某县第三届人民代表大会上": notChrome,
	} {
		assert.Equal(t, want, chromeOf(line), line)
	}
}

func TestCleanInvisible(t *testing.T) {
	for in, want := range map[string]string{
		"增长\u200b5.2%":            "增长5.2%",
		"\ufeff各位\u2060代表\u00ad：": "各位代表：",
		"市长\u00a0张某":              "市长 张某",
		"“十四五”——\u202a规划\u202c":   "“十四五”——规划",
		"no invisible — at all …": "no invisible — at all …",
	} {
		assert.Equal(t, want, cleanInvisible(in), "%q", in)
	}
}

func fuzzRead(name string, data []byte, textColumn string) {
	_, _ = Read(context.Background(), BytesSource(name, data), Options{Region: "北京", Year: 2024, TextColumn: textColumn}, func(*Report) error { return nil })
}

func FuzzDocx(f *testing.F) {
	f.Add(docx(f, para("<w:t>某县政府工作报告</w:t>")+para("<w:t>增长</w:t><w:tab/><w:br/><w:t>6%。</w:t>")))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		next, err := docxLines("fuzz.docx", bytes.NewReader(data))
		if err != nil {
			return
		}
		for prev := 0; ; {
			_, no, err := next()
			if err != nil {
				return
			}
			if no <= prev {
				t.Fatalf("line numbers not increasing: %d after %d", no, prev)
			}
			prev = no
		}
	})
}

func FuzzHTML(f *testing.F) {
	f.Add("<div>某县政府工作报告<br>各位代表：<td>增长<b>6%</b>。</td></div>")
	f.Add("[<div class=\"a\">\n<p>各位代表：</p>\n</div>, <div><a href=x>相关</a></div>]")
	f.Add("<script>x<p>不是正文</p></script><p>正文&nbsp;&amp;\u200b。</p>")
	f.Fuzz(func(t *testing.T, page string) {
		prev := 0
		lines, head := pageLines(page)
		if head >= len(lines) {
			t.Fatalf("head %d past the %d lines", head, len(lines))
		}
		for _, l := range lines {
			if l.No < prev || l.Text == "" || strings.TrimSpace(l.Text) != l.Text {
				t.Fatalf("bad line %+v after line %d", l, prev)
			}
			prev = l.No
		}
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("\ufeffprovince,year,full_text\n某省,2025,\"各位代表：\n增长。\"\n"), ",")
	f.Add([]byte("year\ttext\n2025\t各位代表：\"\n"), "\t")
	f.Add([]byte("year,text\n2025,\"各位"), ",")
	f.Fuzz(func(t *testing.T, data []byte, sep string) {
		name := "fuzz.csv"
		if sep == "\t" {
			name = "fuzz.tsv"
		}
		fuzzRead(name, data, "")
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"year":2025,"content":"各位代表：\n增长。"}` + "\n" + `{"text":1}`))
	f.Add([]byte(`{"text":"a"} {"text":"b"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead("fuzz.jsonl", data, "")
	})
}

func FuzzParquet(f *testing.F) {
	f.Add(parquetFile(f, []string{"year", "full_text"}, [][]string{{"2025", "各位代表：\n增长。"}}))
	f.Add([]byte("PAR1\x00\x00\x00\x00PAR1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := readParquet(context.Background(), "fuzz.parquet", bytes.NewReader(data), "", func(n int, text string, h Hints) error {
			if n < 1 {
				return fmt.Errorf("row %d", n)
			}
			return nil
		})
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz.parquet") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}

func TestInvisibleAtAgreesWithIsInvisible(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		i, _ := invisibleAt(string(r))
		if (i == 0) != isInvisible(r) {
			t.Fatalf("U+%04X: invisibleAt says %v, isInvisible %v", r, i == 0, isInvisible(r))
		}
	}
}
