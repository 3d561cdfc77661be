// Package lexicon reads the project's lexicon files — the tab-separated data
// files (indicators, units, cues, verbs, topics, regions …) that the stages
// embed with go:embed — and indexes their words by first rune, so that every
// stage loads and scans its word lists the same way.
package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Row is one data line of a lexicon file.
type Row struct {
	Line   int      // 1-based line in the file, for error messages
	Fields []string // the tab-separated fields
}

// Parse returns the rows of a lexicon file: blank lines and lines starting
// with # (comments, the header) are skipped; every row must have at least
// minFields fields. Errors name the file and the line; name may be empty
// when the caller names the file in its own error.
func Parse(name, data string, minFields int) ([]Row, error) {
	return parse(name, data, minFields, 1)
}

// ParseHeader is Parse for a file whose first line is a header naming the
// columns rather than a comment (word<TAB>pos): it returns the header's
// fields, and every row must have as many fields as the header names.
func ParseHeader(name, data string) (header []string, rows []Row, err error) {
	first, rest, _ := strings.Cut(data, "\n")
	if first = strings.TrimSuffix(first, "\r"); strings.TrimSpace(first) == "" {
		return nil, nil, fmt.Errorf("%s: no header line", name)
	}
	header = strings.Split(first, "\t")
	rows, err = parse(name, rest, len(header), 2)
	return header, rows, err
}

func parse(name, data string, minFields, firstLine int) ([]Row, error) {
	var rows []Row
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < minFields {
			return nil, fmt.Errorf("%s: %d tab-separated fields, want at least %d", where(name, i+firstLine), len(f), minFields)
		}
		rows = append(rows, Row{Line: i + firstLine, Fields: f})
	}
	return rows, nil
}

// Words returns the words of a one-column list, one a line, trimmed of
// spaces; blank lines and lines starting with # are skipped.
func Words(data string) []string {
	var out []string
	for _, line := range strings.Split(data, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// MustParse is Parse for embedded files: a malformed one is a defect of the
// build, not of the input, so it panics with the file's name and line.
func MustParse(name, data string, minFields int) []Row {
	rows, err := Parse(name, data, minFields)
	if err != nil {
		panic(fmt.Sprintf("embedded lexicon: %v", err))
	}
	return rows
}

// Errorf formats an error about a row, naming the file and the line.
func (r Row) Errorf(name, format string, args ...any) error {
	return fmt.Errorf("%s: %s", where(name, r.Line), fmt.Sprintf(format, args...))
}

// where names a line of a file, or only the line when name is empty.
func where(name string, line int) string {
	if name == "" {
		return fmt.Sprintf("line %d", line)
	}
	return fmt.Sprintf("%s line %d", name, line)
}

// List splits a |-separated field into its non-empty items.
func List(field string) []string {
	var out []string
	for _, v := range strings.Split(field, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// RuneSet is a set of runes of the Basic Multilingual Plane as a bitmap: a
// lookup is one memory access where a map lookup hashes, which matters in
// scans that test every character of a report. Runes beyond the plane are
// never members.
type RuneSet [1 << 16 / 64]uint64

// Add puts r in the set.
func (s *RuneSet) Add(r rune) {
	if u := uint32(r); u < 1<<16 {
		s[u/64] |= 1 << (u % 64)
	}
}

// Has tells whether r is in the set. As unsigned, one comparison refuses
// negative runes too, and the word and bit are a shift and a mask.
func (s *RuneSet) Has(r rune) bool { u := uint32(r); return u < 1<<16 && s[u/64]&(1<<(u%64)) != 0 }

// ByFirst groups values by the first rune of their word, in the order they
// were added, with a RuneSet that refuses most runes before any map lookup.
// AddAt files a value under another rune, such as the last of its word for
// lookups of words that end at a position.
type ByFirst[T any] struct {
	firsts RuneSet
	groups map[rune][]T
}

// Add files v under the first rune of word; an empty word is ignored.
func (b *ByFirst[T]) Add(word string, v T) {
	r, _ := utf8.DecodeRuneInString(word)
	if word == "" {
		return
	}
	b.AddAt(r, v)
}

// AddAt files v under r.
func (b *ByFirst[T]) AddAt(r rune, v T) {
	if b.groups == nil {
		b.groups = map[rune][]T{}
	}
	b.firsts.Add(r)
	b.groups[r] = append(b.groups[r], v)
}

// SortFunc sorts the values filed under each rune by cmp (longest word
// first, say, for longest-match lookups).
func (b *ByFirst[T]) SortFunc(cmp func(a, b T) int) {
	for _, g := range b.groups {
		slices.SortFunc(g, cmp)
	}
}

// Get returns the values of the words that start with r.
func (b *ByFirst[T]) Get(r rune) []T {
	if r < 1<<16 && !b.firsts.Has(r) {
		return nil
	}
	return b.groups[r]
}
