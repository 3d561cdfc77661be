package read

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// maxRowBytes bounds one row of a table of reports (CSV record, JSON line):
// a report is a few hundred KB of text.
const maxRowBytes = 16 << 20

var errRowTooLong = fmt.Errorf("row longer than %d bytes: not a report", maxRowBytes)

// maxColumnsShown bounds the list of a table's columns in an error.
const maxColumnsShown = 300

// columns are the places of a table's columns that a report uses; -1 when absent.
type columns struct {
	text, title, year, region int
}

// tableColumns finds the columns of a table's header; a table without a text
// column is an error that lists what was looked for and what is there.
func tableColumns(name string, header []string, textColumn string) (columns, error) {
	c := columns{
		text:   findColumn(header, "text", textColumn),
		title:  findColumn(header, "title", ""),
		year:   findColumn(header, "year", ""),
		region: findColumn(header, "region", ""),
	}
	if c.text >= 0 {
		return c, nil
	}
	have := strings.Join(header, ", ")
	if r := []rune(have); len(r) > maxColumnsShown {
		have = string(r[:maxColumnsShown]) + " …"
	}
	if textColumn != "" {
		return c, fmt.Errorf("%s: no column %q (text column named by --text-column); columns: %s", name, textColumn, have)
	}
	return c, fmt.Errorf("%s: no text column (looked for %s; name it with --text-column); columns: %s",
		name, strings.Join(columnNames["text"], ", "), have)
}

// hints reads a row's title, year and region cells; get(i) is the text of
// column i ("" when absent).
func (c columns) hints(get func(int) string) Hints {
	h := Hints{Title: strings.TrimSpace(get(c.title)), Region: strings.TrimSpace(get(c.region))}
	h.Year = yearOf(get(c.year))
	return h
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

// readCSV reads a CSV or TSV table with a header row; each later record is
// one report. Rows count from 1 (the first record after the header).
func readCSV(name string, r io.Reader, sep rune, textColumn string, row func(n int, text string, h Hints) error) error {
	cr := &cappedReader{r: r, max: maxRowBytes}
	c := csv.NewReader(cr)
	c.Comma = sep
	c.LazyQuotes = sep == '\t' // TSV exports seldom quote; a stray " is text
	c.ReuseRecord = true
	header, err := c.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", name, csvErr(err))
	}
	header = append([]string(nil), header...)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	cols, err := tableColumns(name, header, textColumn)
	if err != nil {
		return err
	}
	for n := 1; ; n++ {
		cr.n = 0
		rec, err := c.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: row %d: %w", name, n, csvErr(err))
		}
		get := func(i int) string {
			if i < 0 || i >= len(rec) {
				return ""
			}
			return rec[i]
		}
		if err := row(n, get(cols.text), cols.hints(get)); err != nil {
			return err
		}
	}
}

func csvErr(err error) error {
	if errors.Is(err, errRowTooLong) {
		return errRowTooLong
	}
	return err
}

// readJSONL reads JSON Lines: each non-blank line is an object, one report.
// Rows count from 1 over the non-blank lines; errors name the line.
func readJSONL(name string, r io.Reader, textColumn string, row func(n int, text string, h Hints) error) error {
	br := bufio.NewReaderSize(r, sniffBytes)
	n := 0
	for no := 1; ; no++ {
		line, readErr := readCappedLine(br)
		last := errors.Is(readErr, io.EOF)
		if last && len(line) == 0 {
			return nil
		}
		if readErr != nil && !last {
			return fmt.Errorf("%s: line %d: %w", name, no, readErr)
		}
		line = bytes.TrimSpace(bytes.TrimPrefix(line, utf8BOM))
		if len(line) == 0 {
			if last {
				return nil
			}
			continue
		}
		n++
		var obj map[string]any
		d := json.NewDecoder(bytes.NewReader(line))
		d.UseNumber()
		if err := d.Decode(&obj); err != nil || obj == nil || d.More() {
			if err == nil {
				err = errors.New("not one JSON object")
			}
			return fmt.Errorf("%s: line %d: not a JSON object: %w", name, no, err)
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		// Map order is random: sort so that the first known name wins the same way every run.
		sort.Strings(keys)
		cols, err := tableColumns(fmt.Sprintf("%s: line %d", name, no), keys, textColumn)
		if err != nil {
			return err
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
			return fmt.Errorf("%s: line %d: text field %q is not a string", name, no, keys[cols.text])
		}
		if err := row(n, get(cols.text), cols.hints(get)); err != nil {
			return err
		}
		if last {
			return nil
		}
	}
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

// rowLines yields the lines of a cell's text with the hygiene of text files.
func rowLines(name, text string) func() (string, int, error) {
	no, done := 0, false
	return func() (string, int, error) {
		if done {
			return "", 0, io.EOF
		}
		line, rest, more := strings.Cut(text, "\n")
		text, done = rest, !more
		no++
		if len(line) > MaxLineBytes {
			return "", 0, fmt.Errorf("%s: line %d: longer than %d bytes: not report text (lost line ends?)", name, no, MaxLineBytes)
		}
		if no == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		return strings.TrimRightFunc(cleanInvisible(line), unicode.IsSpace), no, nil
	}
}
