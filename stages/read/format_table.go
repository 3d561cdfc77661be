package read

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
)

// Tables of reports hold one report per row: CSV or TSV with a header row,
// JSON Lines (an object per line), Parquet (format_parquet.go) and Excel
// workbooks (format_xlsx.go). The text column is found by its name
// (columns.txt, or Options.TextColumn); the title, year and region columns
// become the report's Hints. A row's source is named file.csv#row=N, rows
// counting from 1 after the header (a workbook's rows are Excel's), and its
// line numbers count within the row's text.

var (
	csvFormat = format{
		name: "csv", exts: []string{".csv"},
		sniff: func(h []byte) bool { return namesTextColumn(firstLine(h), ",") }, // after TSV's
		open:  func(_ context.Context, in *opened) (docReader, error) { return newCSVReader(in, ',') },
	}
	tsvFormat = format{
		name: "tsv", exts: []string{".tsv"},
		sniff: tabHeader,
		open:  func(_ context.Context, in *opened) (docReader, error) { return newCSVReader(in, '\t') },
	}
	jsonlFormat = format{
		name: "jsonl", exts: []string{".jsonl", ".ndjson"},
		// A JSON array of objects is not JSON Lines: read as such, it fails with a clear error.
		sniff: func(h []byte) bool {
			return len(h) > 0 && h[0] == '{' || len(h) > 0 && h[0] == '[' && bytes.HasPrefix(bytes.TrimLeft(h[1:], " \t\r\n"), []byte("{"))
		},
		open: newJSONLReader,
	}
)

func firstLine(h []byte) string {
	line, _, _ := bytes.Cut(h, []byte{'\n'})
	return string(line)
}

// tabHeader tells a TSV header: a first line with tabs that names a text column.
func tabHeader(h []byte) bool {
	line := firstLine(h)
	return strings.Contains(line, "\t") && namesTextColumn(line, "\t")
}

// maxRowBytes bounds one row of a table of reports (CSV record, JSON line):
// a report is a few hundred KB of text.
const maxRowBytes = 16 << 20

var errRowTooLong = fmt.Errorf("row longer than %d bytes: not a report", maxRowBytes)

// maxColumnsShown bounds the list of a table's columns in an error.
const maxColumnsShown = 300

//go:embed columns.txt
var columnsTXT string

// columnNames are the known column names by role (text, title, year, code,
// province, city, county, region), in preference order.
var columnNames = func() map[string][]string {
	m := map[string][]string{}
	for _, r := range lexicon.MustParse("columns.txt", columnsTXT, 2) {
		m[r.Fields[0]] = strings.Fields(strings.Join(r.Fields[1:], " "))
	}
	return m
}()

// namesTextColumn tells whether a header line, split at sep, has a known text column.
func namesTextColumn(line, sep string) bool {
	if !strings.Contains(line, sep) {
		return false
	}
	fields := strings.Split(strings.TrimSpace(line), sep)
	for i, f := range fields {
		fields[i] = strings.Trim(strings.TrimSpace(f), `"`)
	}
	return findColumn(fields, "text", "") >= 0
}

// findColumn is the index of the column of role among names (case
// insensitive), or of the column named explicitly when it is not ""; -1
// when there is none.
func findColumn(names []string, role, explicit string) int {
	if explicit != "" {
		for i, n := range names {
			if strings.EqualFold(strings.TrimSpace(n), explicit) {
				return i
			}
		}
		return -1
	}
	for _, want := range columnNames[role] {
		for i, n := range names {
			if strings.EqualFold(strings.TrimSpace(n), want) {
				return i
			}
		}
	}
	return -1
}

// columns are the places of a table's columns that a report uses; -1 when absent.
type columns struct {
	text, title, year, code int
	// names are the province, city, county and region columns, widest first.
	names [4]int
}

// regionNameRoles are the roles of columns.names, in order.
var regionNameRoles = [4]string{"province", "city", "county", "region"}

// used are the columns a report uses, each once, in a fixed order.
func (c columns) used() []int {
	var out []int
	for _, i := range append([]int{c.text, c.title, c.year, c.code}, c.names[:]...) {
		if i >= 0 && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// tableColumns finds the columns of a table's header; a table without a text
// column is an error that lists what was looked for and what is there.
func tableColumns(header []string, textColumn string) (columns, error) {
	c := columns{
		text:  findColumn(header, "text", textColumn),
		title: findColumn(header, "title", ""),
		year:  findColumn(header, "year", ""),
		code:  findColumn(header, "code", ""),
	}
	for i, role := range regionNameRoles {
		c.names[i] = findColumn(header, role, "")
	}
	if c.text >= 0 {
		return c, nil
	}
	have := strings.Join(header, ", ")
	if r := []rune(have); len(r) > maxColumnsShown {
		have = string(r[:maxColumnsShown]) + " …"
	}
	if textColumn != "" {
		return c, fmt.Errorf("no column %q (text column named by --text-column); columns: %s", textColumn, have)
	}
	return c, fmt.Errorf("no text column (looked for %s; name it with --text-column); columns: %s",
		strings.Join(columnNames["text"], ", "), have)
}

// hints reads a row's title, year and region cells (the code cell when it
// holds a code, else the names, else the code cell as it is); get(i) is the
// text of column i ("" when absent).
func (c columns) hints(get func(int) string) Hints {
	h := Hints{Title: strings.TrimSpace(get(c.title)), Year: yearOf(get(c.year))}
	code := strings.TrimSpace(get(c.code))
	if h.Region = divisionCode(code); h.Region == "" {
		h.Region = regionNames(c.names, get)
	}
	if h.Region == "" {
		h.Region = code
	}
	return h
}

// divisionCode reads a GB/T 2260 code as exports write it: 330522, a number
// cell 330522.0, or the statistics bureau's 12-digit code 330522000000 (9
// digits: 330522000); "" when the cell holds none.
func divisionCode(cell string) string {
	if whole, frac, ok := strings.Cut(cell, "."); ok && strings.Trim(frac, "0") == "" {
		cell = whole
	}
	if strings.Trim(cell, "0123456789") != "" {
		return ""
	}
	if (len(cell) == 9 || len(cell) == 12) && strings.Trim(cell[6:], "0") == "" {
		cell = cell[:6]
	}
	if len(cell) != 6 {
		return ""
	}
	return cell
}

// regionNames joins a row's region names widest first (浙江省, 湖州市, 长兴县
// → 浙江省湖州市长兴县), which names a county that its name alone may not;
// a name that already holds the one before it (湖州市长兴县 after 湖州市)
// replaces it, one the names end with (a city's own row: 北京市, 北京市) is
// left out.
func regionNames(cols [4]int, get func(int) string) string {
	name, last := "", ""
	for _, c := range cols {
		switch n := strings.TrimSpace(get(c)); {
		case n == "" || strings.HasSuffix(name, n):
		case strings.HasPrefix(n, name):
			name, last = n, n
		case strings.HasPrefix(n, last):
			name, last = strings.TrimSuffix(name, last)+n, n
		default:
			name, last = name+n, n
		}
	}
	return name
}

// yearOf reads a year cell: 2026, "2026", 2026.0, 2026年; 0 when it holds none.
func yearOf(s string) int {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 || len(s) < i+4 {
		return 0
	}
	d := s[i : i+4]
	if len(s) > i+4 && s[i+4] >= '0' && s[i+4] <= '9' {
		return 0
	}
	y, err := strconv.Atoi(d)
	if err != nil {
		return 0
	}
	return y
}

// rowDocument is the document of a table's row, whose source is name; ok is
// false for a row whose text is empty, which is logged, counted and left out:
// a corpus export has rows of reports it holds no text of.
func rowDocument(in *opened, name, text string, h Hints) (d document, ok bool, err error) {
	text = normalBreaks(text)
	if strings.TrimSpace(text) == "" {
		in.rowsWithoutText++
		if in.opts.Logger != nil {
			in.opts.Logger.Warn("row not read: its text is empty", "input", name)
		}
		return d, false, nil
	}
	if !utf8.ValidString(text) {
		return d, false, errorf(name, "invalid UTF-8 in the text")
	}
	return document{name: name, hints: h, row: true, lines: rowLines(name, text)}, true, nil
}

// lineBreaks turns a cell's line breaks into "\n": CR LF and CR as stored,
// and \r\n, \n and \r written out as characters, which exports from
// databases leave in their text (a report's text has no backslashes of its
// own).
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", `\r\n`, "\n", `\n`, "\n", `\r`, "\n")

// normalBreaks is a table cell's text with its line breaks, stored or
// written out as \r\n, \n or \r, made "\n".
func normalBreaks(s string) string {
	if !strings.ContainsAny(s, "\r\\") {
		return s
	}
	return lineBreaks.Replace(s)
}

// rowLines yields the lines of a cell's text with the hygiene of text files.
func rowLines(name, text string) func() (Line, error) {
	no, done := 0, false
	return func() (Line, error) {
		if done {
			return Line{}, io.EOF
		}
		line, rest, more := strings.Cut(text, "\n")
		text, done = rest, !more
		no++
		if len(line) > MaxLineBytes {
			return Line{}, lineError(name, no, errLineTooLong)
		}
		if no == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		return Line{Text: strings.TrimRightFunc(cleanInvisible(line), unicode.IsSpace), No: no}, nil
	}
}

// cappedReader fails once more than max bytes were read since the last reset:
// it bounds what encoding/csv buffers for one record.
type cappedReader struct {
	r      io.Reader
	n, max int
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.n > c.max {
		return 0, errRowTooLong
	}
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// csvReader reads a CSV or TSV table with a header row; each later record is
// one report.
type csvReader struct {
	in   *opened
	cr   *cappedReader
	c    *csv.Reader
	cols columns
	n    int // rows read
}

func newCSVReader(in *opened, sep rune) (docReader, error) {
	lr, err := newLineReader(in.name, in.r)
	if err != nil {
		return nil, err
	}
	cr := &cappedReader{r: lr.r, max: maxRowBytes}
	c := csv.NewReader(cr)
	c.Comma = sep
	c.LazyQuotes = sep == '\t' // TSV exports seldom quote; a stray " is text
	c.ReuseRecord = true
	header, err := c.Read()
	if err != nil {
		return nil, csvError(in.name, "header", err)
	}
	header = append([]string(nil), header...)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	cols, err := tableColumns(header, in.opts.TextColumn)
	if err != nil {
		return nil, errorf(in.name, "%w", err)
	}
	return &csvReader{in: in, cr: cr, c: c, cols: cols}, nil
}

func (t *csvReader) next(context.Context) (document, error) {
	for {
		t.cr.n = 0
		rec, err := t.c.Read()
		if errors.Is(err, io.EOF) {
			return document{}, io.EOF
		}
		t.n++
		if err != nil {
			return document{}, csvError(t.in.name, fmt.Sprintf("row %d", t.n), err)
		}
		get := func(i int) string {
			if i < 0 || i >= len(rec) {
				return ""
			}
			return rec[i]
		}
		if d, ok, err := rowDocument(t.in, RowSource(t.in.name, t.n), get(t.cols.text), t.cols.hints(get)); ok || err != nil {
			return d, err
		}
	}
}

// csvError places an error of encoding/csv at the line where its record
// starts; what names the record (header, row 3).
func csvError(name, what string, err error) *Error {
	if errors.Is(err, errRowTooLong) {
		return errorf(name, "%s: %w", what, errRowTooLong)
	}
	pe := (*csv.ParseError)(nil)
	switch {
	case !errors.As(err, &pe):
		return errorf(name, "%s: %w", what, err)
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return lineError(name, pe.StartLine, fmt.Errorf("%s: %w", what, pe.Err))
	}
	return lineError(name, pe.StartLine, fmt.Errorf("%s, at line %d column %d: %w", what, pe.Line, pe.Column, pe.Err))
}

// jsonlReader reads JSON Lines: each non-blank line is an object, one
// report. Rows count from 1 over the non-blank lines; errors name the line.
type jsonlReader struct {
	in   *opened
	br   *bufio.Reader
	no   int // lines read
	n    int // rows read
	done bool
}

func newJSONLReader(_ context.Context, in *opened) (docReader, error) {
	lr, err := newLineReader(in.name, in.r)
	if err != nil {
		return nil, err
	}
	return &jsonlReader{in: in, br: bufio.NewReaderSize(lr.r, sniffBytes)}, nil
}

func (j *jsonlReader) next(context.Context) (document, error) {
	for !j.done {
		j.no++
		line, readErr := readCappedLine(j.br)
		last := errors.Is(readErr, io.EOF)
		j.done = last
		if last && len(line) == 0 {
			break
		}
		if readErr != nil && !last {
			return document{}, lineError(j.in.name, j.no, readErr)
		}
		line = bytes.TrimSpace(bytes.TrimPrefix(line, utf8BOM))
		if len(line) == 0 {
			continue
		}
		j.n++
		var obj map[string]any
		d := json.NewDecoder(bytes.NewReader(line))
		d.UseNumber()
		if err := d.Decode(&obj); err != nil || obj == nil || d.More() {
			if err == nil {
				err = errors.New("not one JSON object")
			}
			return document{}, lineError(j.in.name, j.no, fmt.Errorf("not a JSON object: %w", err))
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		// Map order is random: sort so that the first known name wins the same way every run.
		sort.Strings(keys)
		cols, err := tableColumns(keys, j.in.opts.TextColumn)
		if err != nil {
			return document{}, lineError(j.in.name, j.no, err)
		}
		get := func(i int) string {
			if i < 0 {
				return ""
			}
			switch v := obj[keys[i]].(type) {
			case string:
				return v
			case json.Number:
				return v.String()
			}
			return ""
		}
		if _, ok := obj[keys[cols.text]].(string); !ok {
			return document{}, lineError(j.in.name, j.no, fmt.Errorf("text field %q is not a string", keys[cols.text]))
		}
		if d, ok, err := rowDocument(j.in, RowSource(j.in.name, j.n), get(cols.text), cols.hints(get)); ok || err != nil {
			return d, err
		}
	}
	return document{}, io.EOF
}

func readCappedLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxRowBytes {
			return nil, errRowTooLong
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, err
	}
}
