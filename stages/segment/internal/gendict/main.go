// Command gendict writes the compact gse dictionary embedded by package segment.
//
// It keeps the simplified-Chinese words of gse's full dictionary (data/dict/zh/s_1.txt in the gse module)
// that are common in general text, with their frequencies and POS tags: every single character, the words
// whose frequency there reaches -floor, and the words whose inverse document frequency in gse's idf.txt is
// at most -max-idf (s_1.txt gives many everyday words, 覆盖 or 新能源, a frequency of 2 or 3; idf.txt
// ranks them by how many documents use them). No report corpus enters the choice, so the words of any
// year segment alike. It then adds the words of the domain lexicons (TSV files whose first column is a
// word; an optional "pos" column is honoured) so that the segmenter keeps policy terms and action verbs
// whole. Run it through `go generate ./stages/segment`.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
)

// domainFreq is the frequency given to lexicon words that gse does not know: high enough that the
// shortest-path segmentation prefers them over splits into known shorter words.
const domainFreq = 20000

type entry struct {
	freq float64
	pos  string
}

type lexicons []string

func (l *lexicons) String() string     { return strings.Join(*l, ",") }
func (l *lexicons) Set(v string) error { *l = append(*l, v); return nil }

// selection is which words of gse's dictionary are kept.
type selection struct {
	floor  float64 // least frequency in s_1.txt
	maxIDF float64 // greatest idf in idf.txt
}

// config is what a run is told by its flags.
type config struct {
	sel      selection
	out      string // the dictionary written
	gseDir   string // the gse module's folder; "" to ask go list
	lexicons lexicons
}

func main() {
	c, err := parseArgs(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		os.Exit(2) // the flag package has said why
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

// parseArgs reads the flags of a run: the go:generate line of package segment, which the test that holds
// dict.txt current reads too.
func parseArgs(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("gendict", flag.ContinueOnError)
	fs.StringVar(&c.out, "out", "dict.txt", "output dictionary")
	fs.StringVar(&c.gseDir, "gse", "", "gse module directory (default: from go list)")
	fs.Float64Var(&c.sel.floor, "floor", 200, "keep words at least this frequent in gse's dictionary")
	fs.Float64Var(&c.sel.maxIDF, "max-idf", 10, "keep words whose idf in gse's idf.txt is at most this")
	fs.Var(&c.lexicons, "lexicon", "domain lexicon TSV (repeatable)")
	return c, fs.Parse(args)
}

func run(c config) error {
	gseDir := c.gseDir
	if gseDir == "" {
		var err error
		if gseDir, err = moduleDir("github.com/go-ego/gse"); err != nil {
			return err
		}
	}
	dir := filepath.Join(gseDir, "data", "dict", "zh")
	idf, err := readIDF(filepath.Join(dir, "idf.txt"))
	if err != nil {
		return err
	}
	all, err := readDict(filepath.Join(dir, "s_1.txt"))
	if err != nil {
		return err
	}
	words := c.sel.common(all, idf)
	for _, path := range c.lexicons {
		if err := addLexicon(words, all, path); err != nil {
			return err
		}
	}
	return write(c.out, words)
}

func moduleDir(module string) (string, error) {
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module).Output()
	if err != nil {
		return "", fmt.Errorf("locate %s: %w", module, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// readIDF reads gse's "word idf" lines.
func readIDF(path string) (map[string]float64, error) {
	idf := make(map[string]float64)
	err := scanFields(path, func(fields []string) {
		if len(fields) < 2 {
			return
		}
		if v, err := strconv.ParseFloat(fields[1], 64); err == nil {
			idf[fields[0]] = v
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read gse idf: %w", err)
	}
	return idf, nil
}

// readDict reads a gse dictionary ("word freq pos" lines), keeping the most frequent entry of a word.
func readDict(path string) (map[string]entry, error) {
	words := make(map[string]entry)
	err := scanFields(path, func(fields []string) {
		if len(fields) < 2 {
			return
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return
		}
		e := entry{freq: freq}
		if len(fields) > 2 {
			e.pos = fields[2]
		}
		if old, ok := words[fields[0]]; !ok || old.freq < freq {
			words[fields[0]] = e
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read gse dictionary: %w", err)
	}
	return words, nil
}

// common returns the words of the dictionary that sel keeps.
func (sel selection) common(all map[string]entry, idf map[string]float64) map[string]entry {
	words := make(map[string]entry)
	for word, e := range all {
		v, known := idf[word]
		if utf8.RuneCountInString(word) == 1 || e.freq >= sel.floor || known && v <= sel.maxIDF {
			words[word] = e
		}
	}
	return words
}

// scanFields calls f with the space-separated fields of every line of a file.
func scanFields(path string, f func([]string)) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		f(strings.Fields(sc.Text()))
	}
	return sc.Err()
}

// addLexicon adds the words of a lexicon file (first column the word; see lexicon.Columns for the column
// names). A word without a pos column takes its tag in gse's full dictionary, else n.
func addLexicon(words, all map[string]entry, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read lexicon: %w", err)
	}
	columns := lexicon.Columns(string(b))
	rows, err := lexicon.Parse(path, string(b), len(columns))
	if err != nil {
		return fmt.Errorf("read lexicon: %w", err)
	}
	posCol := slices.Index(columns, "pos")
	for _, r := range rows {
		cols := r.Fields
		word := cols[0]
		if utf8.RuneCountInString(word) < 2 {
			continue
		}
		e, known := words[word]
		if !known {
			e.pos = all[word].pos
		}
		if posCol >= 0 && cols[posCol] != "" {
			e.pos = cols[posCol]
		}
		if !known || e.freq < domainFreq {
			e.freq = domainFreq
		}
		if e.pos == "" {
			e.pos = "n"
		}
		words[word] = e
	}
	return nil
}

// header is the first line of the dictionary: what generated it, in the words Go's convention for generated
// files uses (a comment of gse's format, which package segment skips).
const header = "# Code generated by stages/segment/internal/gendict (go generate ./stages/segment); DO NOT EDIT.\n"

func write(path string, words map[string]entry) error {
	keys := make([]string, 0, len(words))
	for w := range words {
		if strings.HasPrefix(w, "#") {
			return fmt.Errorf("word %q: # opens a comment line of the dictionary", w)
		}
		keys = append(keys, w)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(header)
	for _, w := range keys {
		e := words[w]
		fmt.Fprintf(&b, "%s %s %s\n", w, strconv.FormatFloat(e.freq, 'f', -1, 64), e.pos)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write dictionary: %w", err)
	}
	return nil
}
