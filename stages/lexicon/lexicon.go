// Package lexicon reads the project's lexicon files — the tab-separated data
// files (indicators, units, cues, verbs, topics, regions …) that the stages
// embed with go:embed — and indexes their words by first rune, so that every
// stage loads and scans its word lists the same way.
//
// Every lexicon file is written one way: a row a line, its fields separated
// by tabs; lines starting with # are comments and blank lines are skipped.
// The first line is a comment naming the columns (# word<TAB>class<TAB>pos,
// see Columns), or for a generated file the comment naming its generator; the
// comments after it say what the file holds. A one-column list (Words) is a
// word a line.
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
// with # (comments, the column names) are skipped; every row must have at
// least minFields fields. Errors name the file and the line; name may be
// empty when the caller names the file in its own error.
func Parse(name, data string, minFields int) ([]Row, error) {
	var rows []Row
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < minFields {
			return nil, fmt.Errorf("%s: %d tab-separated fields, want at least %d", where(name, i+1), len(f), minFields)
		}
		rows = append(rows, Row{Line: i + 1, Fields: f})
	}
	return rows, nil
}

// Columns returns the column names of a lexicon file, which its first line
// names as a comment (# word<TAB>class<TAB>pos), or nil when the first line
// is no comment. Tools that read any lexicon (a dictionary generator looking
// for a pos column) find a column by its name.
func Columns(data string) []string {
	first, _, _ := strings.Cut(data, "\n")
	first, ok := strings.CutPrefix(strings.TrimSuffix(first, "\r"), "#")
	if !ok {
		return nil
	}
	cols := strings.Split(first, "\t")
	for i, c := range cols {
		cols[i] = strings.TrimSpace(c)
	}
	return cols
}

// Classes reads a lexicon file of class<TAB>word rows and returns the words
// of each of the given classes, longest first (in code points; words of one
// length keep the file's order), so that a scan that takes the first word
// that fits takes the longest: 稳定保持在 before 在. A row of another class is
// handed to other, in file order, which reads it (a class of patterns, of
// word–value pairs) or refuses it; with other nil it is an error. Errors
// name the file and the line.
func Classes(name, data string, other func(Row) error, classes ...string) (map[string][]string, error) {
	rows, err := Parse(name, data, 2)
	if err != nil {
		return nil, err
	}
	words := make(map[string][]string, len(classes))
	for _, r := range rows {
		class := r.Fields[0]
		switch {
		case !slices.Contains(classes, class) && other != nil:
			err = other(r)
		case !slices.Contains(classes, class):
			err = r.Errorf(name, "unknown class %q", class)
		case len(r.Fields) != 2 || r.Fields[1] == "":
			err = r.Errorf(name, "want class<TAB>word")
		default:
			words[class] = append(words[class], r.Fields[1])
		}
		if err != nil {
			return nil, err
		}
	}
	for _, ws := range words {
		slices.SortStableFunc(ws, func(a, b string) int {
			return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
		})
	}
	return words, nil
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
