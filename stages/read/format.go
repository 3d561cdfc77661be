package read

import (
	"bytes"
	_ "embed"
	"strings"

	"github.com/govreports/govreports/stages/lexicon"
)

// format is how an input is read.
type format int

const (
	formatText format = iota
	formatHTML
	formatDocx
	formatCSV
	formatTSV
	formatJSONL
	formatParquet
)

var utf8BOM = []byte("\ufeff")

// detect tells an input's format by its first bytes, then by its name:
// a zip archive is a Word document and PAR1 a Parquet file whatever they are
// called; markup is HTML, a leading '{' a JSON Lines file and a header line
// naming a text column a CSV/TSV table, even in a .txt file.
func detect(name string, head []byte) format {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) || hasExt(name, ".docx"):
		return formatDocx
	case bytes.HasPrefix(head, []byte("PAR1")) || hasExt(name, ".parquet"):
		return formatParquet
	case hasExt(name, ".csv"):
		return formatCSV
	case hasExt(name, ".tsv"):
		return formatTSV
	case hasExt(name, ".jsonl", ".ndjson"):
		return formatJSONL
	case IsHTMLName(name):
		return formatHTML
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	switch {
	case looksHTML(h):
		return formatHTML
	case len(h) > 0 && h[0] == '{',
		// A JSON array of objects is not JSON Lines: read as such, it fails with a clear error.
		len(h) > 0 && h[0] == '[' && bytes.HasPrefix(bytes.TrimLeft(h[1:], " \t\r\n"), []byte("{")):
		return formatJSONL
	}
	if line, _, _ := bytes.Cut(h, []byte{'\n'}); bytes.ContainsRune(line, '\t') && namesTextColumn(string(line), "\t") {
		return formatTSV
	} else if namesTextColumn(string(line), ",") {
		return formatCSV
	}
	return formatText
}

// htmlMarks are tags that only markup starts with; a page saved as text may
// start with a "[" (a printed list of elements).
var htmlMarks = []string{"<!doctype", "<html", "<head", "<body", "<div", "<p>", "<p ", "<br", "<table", "<span", "<meta", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<article", "<section", "<font", "<center"}

func looksHTML(h []byte) bool {
	h = bytes.TrimLeft(bytes.TrimPrefix(h, []byte("[")), " \t\r\n")
	if len(h) == 0 || h[0] != '<' {
		return false
	}
	if len(h) > 64 {
		h = h[:64]
	}
	lower := strings.ToLower(string(h))
	for _, m := range htmlMarks {
		if strings.HasPrefix(lower, m) {
			return true
		}
	}
	return false
}

//go:embed columns.txt
var columnsTXT string

// columnNames are the known column names by role (text, title, year, region), in preference order.
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
