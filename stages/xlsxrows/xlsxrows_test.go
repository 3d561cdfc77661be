package xlsxrows

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// workbook is an .xlsx of one sheet, Sheet1, whose <sheetData> is data.
func workbook(t testing.TB, data string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	var saved bytes.Buffer
	_, err := f.WriteTo(&saved)
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(saved.Bytes()), int64(saved.Len()))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, part := range zr.File {
		w, err := zw.Create(part.Name)
		require.NoError(t, err)
		if part.Name == "xl/worksheets/sheet1.xml" {
			_, err = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+
				`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+data+`</sheetData></worksheet>`)
			require.NoError(t, err)
			continue
		}
		rc, err := part.Open()
		require.NoError(t, err)
		_, err = io.Copy(w, rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
	}
	require.NoError(t, zw.Close())
	return out.Bytes()
}

// inline is a row of inline-string cells.
func inline(r string, cells ...string) string {
	var b strings.Builder
	b.WriteString(`<row r="` + r + `">`)
	for i, c := range cells {
		b.WriteString(`<c r="` + string(rune('A'+i)) + r + `" t="inlineStr"><is><t>` + c + `</t></is></c>`)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// readAll reads every row of Sheet1 after its header.
func readAll(t *testing.T, xlsx []byte) (*Rows, []Row, error) {
	w, err := Open("t.xlsx", bytes.NewReader(xlsx))
	if err != nil {
		return nil, nil, err
	}
	defer func() { require.NoError(t, w.Close()) }()
	rs, err := w.Rows("Sheet1")
	if err != nil {
		return nil, nil, err
	}
	defer func() { require.NoError(t, rs.Close()) }()
	var rows []Row
	for {
		r, err := rs.Next()
		if errors.Is(err, io.EOF) {
			return rs, rows, nil
		}
		if err != nil {
			return rs, rows, err
		}
		rows = append(rows, r)
	}
}

func TestRows(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		header    []string
		headerRow int
		rows      []Row
	}{
		{
			name:   "blank rows skipped, rows numbered as Excel shows them",
			data:   inline("2", " 年份 ", "报告全文") + inline("3", " ", "") + inline("5", "2024", "正文_x000D_\n第二行"),
			header: []string{"年份", "报告全文"}, headerRow: 2,
			rows: []Row{{Sheet: "Sheet1", No: 5, Header: []string{"年份", "报告全文"}, Cells: []string{"2024", "正文\r\n第二行"}}},
		},
		{
			name:   "a row shorter or longer than the header",
			data:   inline("1", "标题", "正文") + inline("2", "只有标题") + inline("3", "标题", "正文", "多出的"),
			header: []string{"标题", "正文"}, headerRow: 1,
			rows: []Row{
				{Sheet: "Sheet1", No: 2, Header: []string{"标题", "正文"}, Cells: []string{"只有标题"}},
				{Sheet: "Sheet1", No: 3, Header: []string{"标题", "正文"}, Cells: []string{"标题", "正文", "多出的"}},
			},
		},
		{name: "an empty sheet has no header and no rows", data: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, rows, err := readAll(t, workbook(t, tt.data))
			require.NoError(t, err)
			assert.Equal(t, tt.header, rs.Header)
			assert.Equal(t, tt.headerRow, rs.HeaderRow)
			assert.Equal(t, tt.rows, rows)
		})
	}
}

func TestRowValues(t *testing.T) {
	r := Row{Header: []string{"年份", "", "年份", "正文"}, Cells: []string{"2024", "x", "2025"}}
	assert.Equal(t, map[string]string{"年份": "2024", "正文": ""}, r.Values())
	assert.Equal(t, "", r.Cell(-1))
	assert.Equal(t, "", r.Cell(3))
}

func TestRefused(t *testing.T) {
	ole := func(body string) []byte { return append(append([]byte(nil), oleHeader...), body...) }
	lying := func() []byte {
		// A part that claims to unpack to 2 GiB: refused before a byte is unpacked.
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CompressedSize64: 1, UncompressedSize64: 2 << 30})
		require.NoError(t, err)
		_, err = w.Write([]byte{0})
		require.NoError(t, err)
		require.NoError(t, zw.Close())
		return b.Bytes()
	}
	longRow := inline("1", "正文") + inline("2", strings.Repeat("长", maxRowBytes/3+1))
	tests := []struct {
		name string
		xlsx []byte
		want string
	}{
		{"old binary format", ole("Workbook\x00"), "t.xlsx: old Excel format (.xls) is not read: save it as .xlsx or CSV"},
		{"password to open", ole(string(utf16("EncryptionInfo"))), "t.xlsx: workbook protected by a password to open"},
		{"not a zip", []byte("年份,正文\n2024,正文\n"), "t.xlsx: not an Excel (.xlsx) workbook"},
		{"zip bomb", lying(), "t.xlsx: workbook unpacks to more than"},
		{"row past the bound", workbook(t, longRow), `t.xlsx: sheet "Sheet1": row 2: longer than`},
		{"no such sheet", workbook(t, ""), "t.xlsx: sheet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.name == "no such sheet" {
				w, oerr := Open("t.xlsx", bytes.NewReader(tt.xlsx))
				require.NoError(t, oerr)
				_, err = w.Rows("Sheet9")
				require.NoError(t, w.Close())
			} else {
				_, _, err = readAll(t, tt.xlsx)
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// FuzzOpen reads damaged workbooks: rows or an error naming the file, never
// a crash.
func FuzzOpen(f *testing.F) {
	f.Add(workbook(f, inline("1", "标题", "正文")+inline("2", "一", `二\r\n三`)))
	f.Add(workbook(f, ""))
	f.Fuzz(func(t *testing.T, xlsx []byte) {
		if len(xlsx) > 64<<10 {
			t.Skip()
		}
		w, err := Open("fuzz.xlsx", bytes.NewReader(xlsx))
		if err != nil {
			require.True(t, strings.HasPrefix(err.Error(), "fuzz.xlsx: "), err.Error())
			return
		}
		named := func(err error) {
			if err != nil {
				require.True(t, strings.HasPrefix(err.Error(), "fuzz.xlsx: "), err.Error())
			}
		}
		defer func() { named(w.Close()) }()
		for _, sheet := range w.Sheets() {
			rs, err := w.Rows(sheet)
			if err != nil {
				named(err)
				continue
			}
			for {
				r, err := rs.Next()
				if err != nil {
					if !errors.Is(err, io.EOF) {
						named(err)
					}
					break
				}
				require.Greater(t, r.No, rs.HeaderRow)
			}
			named(rs.Close())
		}
	})
}
