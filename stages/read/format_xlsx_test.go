package read

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/govreports/govreports/stages/xlsxrows"
)

// sheet is a sheet of a workbook the tests write: its name and rows.
type sheet struct {
	name string
	rows [][]any
}

// workbook writes an .xlsx of sheets, in order.
func workbook(t testing.TB, sheets ...sheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			require.NoError(t, f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			require.NoError(t, err)
		}
		for r, row := range s.rows {
			cell, err := excelize.CoordinatesToCellName(1, r+1)
			require.NoError(t, err)
			require.NoError(t, f.SetSheetRow(s.name, cell, &row))
		}
	}
	var b bytes.Buffer
	_, err := f.WriteTo(&b)
	require.NoError(t, err)
	return b.Bytes()
}

// TestReadXLSXFixture reads the county export of testdata/formats: a sheet
// of notes passed over, then one report per row with its year and county
// code, the line breaks of its text (stored, or written out as \r\n or \n)
// made lines, and the row without text left out with a warning naming it.
func TestReadXLSXFixture(t *testing.T) {
	var logs bytes.Buffer
	var rs []*Report
	in, err := Read(context.Background(), BytesSource("county-reports.xlsx", formatFixture(t, "county-reports.xlsx")),
		Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))}, func(r *Report) error {
			rs = append(rs, r)
			return nil
		})
	require.NoError(t, err)
	assert.Equal(t, 1, in.RowsWithoutText)
	assert.Contains(t, logs.String(), `level=WARN msg="row not read: its text is empty" input="county-reports.xlsx#sheet=报告&row=4"`)
	assert.Contains(t, logs.String(), `msg="sheet not read: no text column" input=county-reports.xlsx sheet=说明`)
	tests := []struct {
		source, text, code, title string
		year                      int
	}{
		{"county-reports.xlsx#sheet=报告&row=2", "county.txt", "330522", "政府工作报告", 2020},
		{"county-reports.xlsx#sheet=报告&row=3", "anji.txt", "330523", "安吉县人民政府工作报告", 2021},
		{"county-reports.xlsx#sheet=报告&row=5", "district.txt", "510107", "政府工作报告", 2023},
	}
	require.Len(t, rs, len(tests))
	for i, tt := range tests {
		r := rs[i]
		assert.Equal(t, tt.source, r.Source)
		assert.Equal(t, tt.year, r.Year, tt.source)
		assert.Equal(t, tt.code, r.Region.Code, tt.source)
		assert.Equal(t, tt.code, r.Hints.Region, "the county code column")
		assert.Equal(t, tt.title, r.Title, tt.source)
		want := strings.Split(strings.TrimRight(string(formatFixture(t, tt.text)), "\n"), "\n")
		assert.Equal(t, want[1:], lineTexts(r), "a line a line of the text: %s", tt.source)
		assert.Equal(t, 2, r.Lines[0].No, "lines count within the cell")
	}
}

func TestReadXLSX(t *testing.T) {
	header := []any{"年份", "所属省份", "所属城市", "区县名称", "报告全文"}
	body := "各位代表：\\r\\n一、过去一年工作回顾\\n全县生产总值增长6%。"
	tests := []struct {
		name    string
		sheets  []sheet
		opts    Options
		sources []string
		regions []string // the row's region hint
	}{
		{
			name: "every sheet with a text column, region names widest first",
			sheets: []sheet{
				{"2024", [][]any{header, {2024, "浙江省", "湖州市", "长兴县", body}}},
				{"字数", [][]any{{"区县", "字数"}, {"长兴县", 4000}}},
				{"2025", [][]any{nil, header, {2025, "浙江省", "湖州市", "德清县", body}, nil, {2025, "浙江省", "湖州市", "安吉县", body}}},
			},
			sources: []string{"t.xlsx#sheet=2024&row=2", "t.xlsx#sheet=2025&row=3", "t.xlsx#sheet=2025&row=5"},
			regions: []string{"浙江省湖州市长兴县", "浙江省湖州市德清县", "浙江省湖州市安吉县"},
		},
		{
			name:    "the text column named",
			sheets:  []sheet{{"Sheet1", [][]any{{"year", "county", "speech"}, {2024, "330522", body}}}},
			opts:    Options{TextColumn: "Speech"},
			sources: []string{"t.xlsx#sheet=Sheet1&row=2"},
			regions: []string{"330522"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := readAll(t, "t.xlsx", workbook(t, tt.sheets...), tt.opts)
			require.NoError(t, err)
			require.Len(t, rs, len(tt.sources))
			for i, r := range rs {
				assert.Equal(t, tt.sources[i], r.Source)
				assert.Equal(t, tt.regions[i], r.Hints.Region)
				assert.Equal(t, []string{"各位代表：", "一、过去一年工作回顾", "全县生产总值增长6%。"}, lineTexts(r))
			}
		})
	}
}

// TestReadXLSXRefused: a workbook that cannot be read is an error naming
// it, and the sheet and row where the failure is on one.
func TestReadXLSXRefused(t *testing.T) {
	ole := []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1Workbook")
	tests := []struct {
		name  string
		data  []byte
		opts  Options
		input string
		want  string
	}{
		{"old.xls", ole, Options{}, "old.xls", "old.xls: old Excel format (.xls) is not read: save it as .xlsx or CSV"},
		{"locked.xlsx", append(ole, "E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00"...), Options{}, "locked.xlsx",
			"locked.xlsx: workbook protected by a password to open: save an unprotected copy"},
		{"notes.xlsx", []byte("年份,正文\n2024,各位代表：\n"), Options{}, "notes.xlsx", "notes.xlsx: not an Excel (.xlsx) workbook"},
		{"word.xlsx", docx(t, para("<w:t>各位代表：</w:t>")), Options{}, "word.xlsx", "word.xlsx: not an Excel (.xlsx) workbook"},
		{"totals.xlsx", workbook(t, sheet{"合计", [][]any{{"区县", "字数"}, {"长兴县", 4000}}}), Options{}, "totals.xlsx",
			`totals.xlsx: no sheet with a text column; sheet "合计": no text column (looked for full_text`},
		{"named.xlsx", workbook(t, sheet{"Sheet1", [][]any{{"正文"}, {"各位代表："}}}), Options{TextColumn: "speech"}, "named.xlsx",
			`named.xlsx: no sheet with a text column; sheet "Sheet1": no column "speech" (text column named by --text-column); columns: 正文`},
		{"empty.xlsx", workbook(t, sheet{"Sheet1", [][]any{{"年份", "正文"}, {2024, ""}, {2025, "  "}}}), Options{}, "empty.xlsx",
			"empty.xlsx: no report in it (the text cell of every row is empty: 2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, tt.name, tt.data, tt.opts)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tt.want), err.Error())
			var re *Error
			require.True(t, errors.As(err, &re), "a *read.Error: %v", err)
			assert.Equal(t, tt.input, re.Input)
		})
	}
}

// TestXLSXErrorPlace: a workbook reader's error is placed at the row's
// source when it is on a row, at the workbook otherwise.
func TestXLSXErrorPlace(t *testing.T) {
	cause := errors.New("longer than 16777216 bytes: not a report")
	tests := []struct {
		err          error
		input, error string
	}{
		{&xlsxrows.Error{File: "a.xlsx", Sheet: "报告", Row: 3, Err: cause}, "a.xlsx#sheet=报告&row=3", "a.xlsx#sheet=报告&row=3: " + cause.Error()},
		{&xlsxrows.Error{File: "a.xlsx", Sheet: "报告", Err: cause}, "a.xlsx", `a.xlsx: sheet "报告": ` + cause.Error()},
		{&xlsxrows.Error{File: "a.xlsx", Err: cause}, "a.xlsx", "a.xlsx: " + cause.Error()},
	}
	for _, tt := range tests {
		err := xlsxError(tt.err)
		var re *Error
		require.ErrorAs(t, err, &re)
		assert.Equal(t, tt.input, re.Input)
		assert.EqualError(t, err, tt.error)
		assert.ErrorIs(t, err, cause)
	}
	assert.NoError(t, xlsxError(nil))
}

func FuzzXLSX(f *testing.F) {
	f.Add(workbook(f, sheet{"Sheet1", [][]any{{"年份", "区县代码", "报告全文"}, {2024, "330522", `各位代表：\r\n增长6%。`}, {2025, "330523", ""}}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			t.Skip()
		}
		prev, source := 0, ""
		_, err := Read(context.Background(), BytesSource("fuzz.xlsx", data), Options{Region: "北京", Year: 2024}, func(r *Report) error {
			if !strings.HasPrefix(r.Source, "fuzz.xlsx#sheet=") {
				t.Fatalf("a row's source %q", r.Source)
			}
			if r.Source != source {
				source, prev = r.Source, 0
			}
			for _, l := range r.Lines {
				if l.No <= prev {
					t.Fatalf("line numbers not increasing: %d after %d", l.No, prev)
				}
				prev = l.No
			}
			return nil
		})
		if e := (*Error)(nil); err != nil && !(errors.As(err, &e) && strings.HasPrefix(e.Input, "fuzz.xlsx")) {
			t.Fatalf("not a *read.Error naming the input: %v", err)
		}
	})
}
