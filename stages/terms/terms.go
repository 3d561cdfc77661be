// Package terms builds the terms table: per report, the top content words (nouns, verbs and named policy
// terms; no stop words, numbers or single characters) with their count and tf-idf, for word clouds and
// topic comparisons across regions.
//
// The inverse document frequency is that of a fixed reference, not of the reports a run happens to hold:
// the number of reports of the seed corpus (the 2024 reports of the State Council and the 31 provinces,
// embedded in the binary) that use each word, in reference.tsv. A report's terms then depend on its text
// alone, so that a dataset loaded in batches, in any order, holds the terms one run over every report
// writes, and a commit never rewrites the terms of the reports it does not bring. (Weighing by the
// dataset's own reports instead would change every report's tf-idf with every report added: each commit
// would rewrite the terms of the whole dataset.) reference.tsv is generated: go generate ./stages/terms.
package terms

//go:generate go run ./internal/genreference -out reference.tsv

import (
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
	"github.com/govreports/govreports/stages/segment"
)

//go:embed stop.tsv
var stopTSV string

//go:embed reference.tsv
var referenceTSV string

// Term is one top word of a report.
type Term struct {
	Term  string
	POS   string
	Count int
	TFIDF float64
	Rank  int // 1-based by TFIDF within the report
}

// Word is a content word of a report: how often the report uses it, and its part of speech at its first use.
type Word struct {
	Text, POS string
	Count     int
}

// stopWords are the words of stop.tsv, read once: counters only look them up.
var stopWords = func() map[string]bool {
	rows, err := lexicon.Parse("stop.tsv", stopTSV, 1)
	if err != nil {
		panic(fmt.Sprintf("terms: embedded lexicon: %v", err)) // build-time data: a defect, not input
	}
	stop := make(map[string]bool, len(rows))
	for _, r := range rows {
		stop[r.Fields[0]] = true
	}
	return stop
}()

// Count returns the content words of a report, given its sentences cut into words, in the order of their
// first use.
func Count(sentences [][]segment.Token) []Word {
	// A word's text decides once whether it may be a term (index -1 when not), its part of speech each time.
	index := make(map[string]int)
	var words []Word
	for _, tokens := range sentences {
		for _, tk := range tokens {
			if !contentPOS(tk.POS) || !manyRunes(tk.Text) {
				continue
			}
			k, ok := index[tk.Text]
			if !ok {
				k = -1
				if contentText(tk.Text) {
					k = len(words)
					words = append(words, Word{Text: tk.Text, POS: tk.POS})
				}
				index[tk.Text] = k
			}
			if k >= 0 {
				words[k].Count++
			}
		}
	}
	return words
}

// A term is a noun, verb, abbreviation or idiom (contentPOS) of two or more characters (manyRunes) that is
// not a stop word and holds no digit (contentText). The cheap tests come first: most tokens are
// punctuation, particles or single characters.

// contentPOS reports a part of speech of terms.
func contentPOS(pos string) bool {
	if pos == "" {
		return false
	}
	switch pos[0] {
	case 'n', 'v', 'j', 'l', 'i':
		return true
	}
	return false
}

// manyRunes reports a text of two runes or more.
func manyRunes(s string) bool {
	if len(s) > utf8.UTFMax {
		return true
	}
	_, size := utf8.DecodeRuneInString(s)
	return size < len(s)
}

// contentText reports a word that is neither a stop word nor holds a digit.
func contentText(w string) bool { return !hasDigit(w) && !stopWords[w] }

// hasDigit is strings.ContainsFunc(s, unicode.IsDigit), deciding ASCII and the CJK blocks (U+2E80–U+9FFF,
// which hold no digit) without the Unicode tables.
func hasDigit(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if '0' <= r && r <= '9' {
				return true
			}
		case 0x2E80 <= r && r <= 0x9FFF:
		case unicode.IsDigit(r):
			return true
		}
	}
	return false
}

// Top returns the n words of a report with the highest tf-idf: (1 + ln count) × (ln((1+N)/(1+df)) + 1),
// where N is the number of reports of the reference and df the number of them that use the word (0 for a
// word none uses). The damped count lets a word peculiar to a region (中关村) rank above the words every
// report repeats (发展, 建设). Ties in tf-idf are broken by the word, so the result does not depend on the
// order of words.
func Top(words []Word, n int) []Term {
	ref := reference()
	reports := float64(ref.reports)
	// The words are ranked as (score, index) pairs, lighter to sort than terms; only the top n become terms.
	type scored struct {
		tfidf float64
		i     int
	}
	ranked := make([]scored, len(words))
	for i, w := range words {
		idf := math.Log((1+reports)/(1+float64(ref.df[w.Text]))) + 1
		ranked[i] = scored{(1 + math.Log(float64(w.Count))) * idf, i}
	}
	slices.SortFunc(ranked, func(a, b scored) int {
		if a.tfidf != b.tfidf {
			return cmp.Compare(b.tfidf, a.tfidf)
		}
		return strings.Compare(words[a.i].Text, words[b.i].Text)
	})
	k := min(max(n, 0), len(ranked))
	if k == 0 {
		return nil
	}
	terms := make([]Term, k)
	for r, s := range ranked[:k] {
		w := words[s.i]
		terms[r] = Term{Term: w.Text, POS: w.POS, Count: w.Count, TFIDF: s.tfidf, Rank: r + 1}
	}
	return terms
}

// referenceDF is the document frequencies tf-idf weighs words by: the number of reports and, per word, how
// many of them use it.
type referenceDF struct {
	reports int
	df      map[string]int
}

// referenceWord is the row of reference.tsv that gives the number of reports instead of a word's: a single
// character is never a term.
const referenceWord = "*"

// reference is reference.tsv, read at first use.
var reference = sync.OnceValue(func() referenceDF {
	ref, err := parseReference("reference.tsv", referenceTSV)
	if err != nil {
		panic(fmt.Sprintf("terms: embedded reference: %v", err)) // build-time data: a defect, not input
	}
	return ref
})

// parseReference reads a file of word<TAB>reports rows (reference.tsv), whose row * is the number of
// reports. Errors name the file and the line.
func parseReference(name, data string) (referenceDF, error) {
	rows, err := lexicon.Parse(name, data, 2)
	if err != nil {
		return referenceDF{}, err
	}
	ref := referenceDF{df: make(map[string]int, len(rows))}
	for _, r := range rows {
		n, err := strconv.Atoi(r.Fields[1])
		if err != nil || n < 0 {
			return referenceDF{}, r.Errorf(name, "%q is not a count of reports", r.Fields[1])
		}
		if r.Fields[0] == referenceWord {
			ref.reports = n
			continue
		}
		ref.df[r.Fields[0]] = n
	}
	if ref.reports == 0 {
		return referenceDF{}, fmt.Errorf("%s: no row %s giving the number of reports", name, referenceWord)
	}
	return ref, nil
}

// FormatReference writes the reference of the reports' words (one list per report, each word once) in
// the form of reference.tsv, after header, the comment lines that say where it comes from: the words by
// falling number of reports, then by word.
func FormatReference(header []string, reports [][]Word) string {
	df := map[string]int{}
	for _, words := range reports {
		for _, w := range words {
			df[w.Text]++
		}
	}
	words := make([]string, 0, len(df))
	for w := range df {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(cmp.Compare(df[b], df[a]), strings.Compare(a, b)) })
	var b strings.Builder
	for _, h := range header {
		fmt.Fprintf(&b, "# %s\n", h)
	}
	fmt.Fprintf(&b, "%s\t%d\n", referenceWord, len(reports))
	for _, w := range words {
		fmt.Fprintf(&b, "%s\t%d\n", w, df[w])
	}
	return b.String()
}
