// Command gendict writes the compact gse dictionary embedded by package segment.
//
// It keeps the simplified-Chinese words of gse's full dictionary (data/dict/zh/s_1.txt in the gse module)
// that occur in the given corpus, with their frequencies and POS tags, and adds the words of the domain
// lexicons (TSV files whose first column is a word; an optional "pos" column is honoured) so that the
// segmenter keeps policy terms and action verbs whole. Run it through `go generate ./stages/segment`.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"index/suffixarray"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
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

func main() {
	var (
		corpus = flag.String("corpus", "", "corpus text whose words are kept")
		out    = flag.String("out", "dict.txt", "output dictionary")
		gseDir = flag.String("gse", "", "gse module directory (default: from go list)")
		lex    lexicons
	)
	flag.Var(&lex, "lexicon", "domain lexicon TSV (repeatable)")
	flag.Parse()
	if err := run(*corpus, *out, *gseDir, lex); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(corpusPath, out, gseDir string, lex []string) error {
	if corpusPath == "" {
		return errors.New("-corpus is required")
	}
	text, err := os.ReadFile(corpusPath)
	if err != nil {
		return fmt.Errorf("read corpus: %w", err)
	}
	if gseDir == "" {
		if gseDir, err = moduleDir("github.com/go-ego/gse"); err != nil {
			return err
		}
	}
	words, err := corpusWords(filepath.Join(gseDir, "data", "dict", "zh", "s_1.txt"), suffixarray.New(text))
	if err != nil {
		return err
	}
	for _, path := range lex {
		if err := addLexicon(words, path); err != nil {
			return err
		}
	}
	return write(out, words)
}

func moduleDir(module string) (string, error) {
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module).Output()
	if err != nil {
		return "", fmt.Errorf("locate %s: %w", module, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// corpusWords reads a gse dictionary ("word freq pos" lines) and keeps the words found in the corpus.
func corpusWords(dictPath string, index *suffixarray.Index) (map[string]entry, error) {
	f, err := os.Open(dictPath)
	if err != nil {
		return nil, fmt.Errorf("open gse dictionary: %w", err)
	}
	defer f.Close()
	words := make(map[string]entry)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || len(index.Lookup([]byte(fields[0]), 1)) == 0 {
			continue
		}
		e := entry{freq: freq}
		if len(fields) > 2 {
			e.pos = fields[2]
		}
		if old, ok := words[fields[0]]; !ok || old.freq < freq {
			words[fields[0]] = e
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gse dictionary: %w", err)
	}
	return words, nil
}

// addLexicon adds the words of a TSV lexicon (header line naming the columns; first column the word).
func addLexicon(words map[string]entry, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read lexicon: %w", err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) == 0 {
		return nil
	}
	posCol := -1
	for i, name := range strings.Split(lines[0], "\t") {
		if name == "pos" {
			posCol = i
		}
	}
	for _, line := range lines[1:] {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		word := cols[0]
		if len([]rune(word)) < 2 {
			continue
		}
		e, known := words[word]
		if posCol >= 0 && posCol < len(cols) && cols[posCol] != "" {
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

func write(path string, words map[string]entry) error {
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, w := range keys {
		e := words[w]
		fmt.Fprintf(&b, "%s %s %s\n", w, strconv.FormatFloat(e.freq, 'f', -1, 64), e.pos)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write dictionary: %w", err)
	}
	return nil
}
