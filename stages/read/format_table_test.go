package read

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/govreports/govreports/internal/shareddir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTableColumnNames(t *testing.T) {
	tests := []struct {
		header           string
		text, year, code int
		names            [4]int // province, city, county, region
	}{
		{"province,year,title,full_text", 3, 1, -1, [4]int{0, -1, -1, -1}},
		{"id,adcode,province_name,publish_date,full_text", 4, -1, 1, [4]int{2, -1, -1, -1}},
		{"id,region_code,content", 2, -1, 1, [4]int{-1, -1, -1, -1}},
		{"标题,年份,行政区划代码,正文", 3, 1, 2, [4]int{-1, -1, -1, -1}},
		{"city_name,text", 1, -1, -1, [4]int{-1, 0, -1, -1}},
		{"年份,地区等级,区县代码,区县名称,所属城市,所属省份,报告标题,报告全文,字数", 7, 0, 2, [4]int{5, 4, 3, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			c, err := tableColumns(strings.Split(tt.header, ","), "")
			require.NoError(t, err)
			assert.Equal(t, []int{tt.text, tt.year, tt.code}, []int{c.text, c.year, c.code})
			assert.Equal(t, tt.names, c.names)
		})
	}
}

// TestRowRegion: the code column when it holds a value, else the names
// widest first, each once.
func TestRowRegion(t *testing.T) {
	header := strings.Split("区县代码,所属省份,所属城市,区县名称", ",")
	c, err := tableColumns(append(header, "正文"), "")
	require.NoError(t, err)
	tests := []struct{ row, want string }{
		{"330522,浙江省,湖州市,长兴县", "330522"},
		{" ,浙江省,湖州市,长兴县", "浙江省湖州市长兴县"},
		{",,湖州市,长兴县", "湖州市长兴县"},
		{",浙江省,湖州市,湖州市长兴县", "浙江省湖州市长兴县"},
		{",北京市,北京市,朝阳区", "北京市朝阳区"},
		{",浙江省,湖州市,", "浙江省湖州市"},
		{",,,", ""},
		{"330522.0,浙江省,湖州市,长兴县", "330522"},
		{"330522000000,,,", "330522"},
		{"330522000,,,", "330522"},
		{"长兴,浙江省,湖州市,长兴县", "浙江省湖州市长兴县"}, // a name in the code column: the names
		{"长兴,,,", "长兴"},
		{"3305221,,,", "3305221"},
	}
	for _, tt := range tests {
		cells := strings.Split(tt.row, ",")
		get := func(i int) string {
			if i < 0 || i >= len(cells) {
				return ""
			}
			return cells[i]
		}
		assert.Equal(t, tt.want, c.hints(get).Region, tt.row)
	}
}

func TestNormalBreaks(t *testing.T) {
	for in, want := range map[string]string{
		"一\r\n二":    "一\n二",
		"一\r二":      "一\n二",
		"一\n二":      "一\n二",
		`一\r\n二`:    "一\n二",
		`一\n二\n\n三`: "一\n二\n\n三",
		`一\r二`:      "一\n二",
		`C:\报告`:     `C:\报告`,
		"没有换行":      "没有换行",
	} {
		assert.Equal(t, want, normalBreaks(in), in)
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

func TestReadTablesHostile(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"csv unbalanced quote", "a.csv", []byte("year,text\n2025,\"各位代表：\n增长。\n"), `a.csv: line 2: row 1, at line 3 column 11: extraneous or missing " in quoted-field`},
		{"csv without text column", "a.csv", []byte("year,title\n2025,某县\n"), "a.csv: no text column (looked for full_text"},
		{"csv ragged row", "a.csv", []byte("year,text\n2025,各位代表：,多余\n"), "a.csv: line 2: row 1: wrong number of fields"},
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
