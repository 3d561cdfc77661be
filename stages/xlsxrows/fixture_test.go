package xlsxrows

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite testdata/formats/county-reports.xlsx from the fixture texts")

const (
	fixtures        = "../../testdata/formats"
	fixtureWorkbook = "county-reports.xlsx"
)

// fixtureHeader is the header of a county database's export.
var fixtureHeader = []string{"年份", "地区等级", "区县代码", "区县名称", "所属城市", "所属省份", "报告标题", "报告全文", "字数"}

// fixtureReport is a row of the fixture workbook: a report text of our own
// and how its line breaks are stored.
type fixtureReport struct {
	year               int
	code               int
	county, city, prov string
	text               string // a file of testdata/formats; "" for a row without text
	breaks             string // how line breaks are stored in the cell
	title              string
}

var fixtureReports = []fixtureReport{
	{2020, 330522, "长兴县", "湖州市", "浙江省", "county.txt", "\r\n", "2020年长兴县政府工作报告"},
	{2021, 330523, "安吉县", "湖州市", "浙江省", "anji.txt", `\r\n`, "2021年安吉县政府工作报告"},
	{2019, 330521, "德清县", "湖州市", "浙江省", "", "", "2019年德清县政府工作报告"},
	{2023, 510107, "武侯区", "成都市", "四川省", "district.txt", `\n`, "2023年武侯区政府工作报告"},
}

// fixtureText is a report text as stored in its cell.
func fixtureText(t *testing.T, r fixtureReport) string {
	if r.text == "" {
		return ""
	}
	b, err := os.ReadFile(filepath.Join(fixtures, r.text))
	require.NoError(t, err)
	return strings.ReplaceAll(strings.TrimRight(string(b), "\n"), "\n", r.breaks)
}

// writeFixture writes the fixture workbook: a sheet of notes without a text
// column first, then the reports, one a row, one of them without its text.
func writeFixture(t *testing.T, path string) {
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "说明"))
	require.NoError(t, f.SetSheetRow("说明", "A1", &[]any{"说明"}))
	require.NoError(t, f.SetSheetRow("说明", "A2", &[]any{"区县政府工作报告汇总，自动生成的测试数据"}))
	_, err := f.NewSheet("报告")
	require.NoError(t, err)
	header := make([]any, len(fixtureHeader))
	for i, h := range fixtureHeader {
		header[i] = h
	}
	require.NoError(t, f.SetSheetRow("报告", "A1", &header))
	for i, r := range fixtureReports {
		text := fixtureText(t, r)
		row := []any{r.year, "县级", r.code, r.county, r.city, r.prov, r.title, text, utf8.RuneCountInString(text)}
		require.NoError(t, f.SetSheetRow("报告", "A"+strconv.Itoa(i+2), &row))
	}
	require.NoError(t, f.SaveAs(path))
}

// TestFixtureWorkbook reads the checked-in workbook back (go test -update
// rewrites it first): the header, a row for each report with its text as
// stored, and the row without text.
func TestFixtureWorkbook(t *testing.T) {
	path := filepath.Join(fixtures, fixtureWorkbook)
	if *update {
		writeFixture(t, path)
	}
	in, err := os.Open(path)
	require.NoError(t, err)
	defer in.Close()
	w, err := Open(fixtureWorkbook, in)
	require.NoError(t, err)
	defer func() { require.NoError(t, w.Close()) }()
	assert.Equal(t, []string{"说明", "报告"}, w.Sheets())

	notes, err := w.Rows("说明")
	require.NoError(t, err)
	assert.Equal(t, []string{"说明"}, notes.Header)
	require.NoError(t, notes.Close())

	rows, err := w.Rows("报告")
	require.NoError(t, err)
	defer func() { require.NoError(t, rows.Close()) }()
	assert.Equal(t, fixtureHeader, rows.Header)
	assert.Equal(t, 1, rows.HeaderRow)
	for i, want := range fixtureReports {
		row, err := rows.Next()
		require.NoError(t, err)
		assert.Equal(t, i+2, row.No)
		v := row.Values()
		assert.Equal(t, strconv.Itoa(want.year), v["年份"])
		assert.Equal(t, strconv.Itoa(want.code), v["区县代码"])
		assert.Equal(t, want.county, v["区县名称"])
		if want.text == "" {
			assert.Empty(t, v["报告全文"])
			continue
		}
		assert.Equal(t, fixtureText(t, want), v["报告全文"], "line breaks as stored: %s", want.text)
	}
	_, err = rows.Next()
	assert.ErrorIs(t, err, io.EOF)
}
