// Package terms builds the terms table: per report, the top content words (nouns, verbs and named policy
// terms; no stop words, numbers or single characters) with their count and tf-idf across the reports of a
// run, for word clouds and topic comparisons across regions.
package terms

import (
	_ "embed"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/segment"
)

//go:embed stop.tsv
var stopTSV string

// Term is one top word of a report.
type Term struct {
	Term  string
	POS   string
	Count int
	TFIDF float64
	Rank  int // 1-based by TFIDF within the report
}

// wordCount is how often a report uses a word of the vocabulary.
type wordCount struct {
	id    int32
	count int32
}

// Counter accumulates per-report word counts during a run. Add is safe for concurrent use.
//
// Words are interned: the run's vocabulary is held once (copied, so that no word keeps a sentence's text
// alive) and a report keeps only (word id, count) pairs. That is exact, and small enough for runs over
// thousands of reports.
type Counter struct {
	seg  *segment.Segmenter
	stop map[string]bool

	mu      sync.Mutex
	vocab   map[string]int32 // word → id
	words   []string         // id → word
	pos     []string         // id → part of speech
	df      []int32          // id → number of reports using the word
	reports map[string][]wordCount
}

// NewCounter returns an empty Counter that segments with seg.
func NewCounter(seg *segment.Segmenter) *Counter {
	stop := make(map[string]bool)
	for _, line := range strings.Split(stopTSV, "\n")[1:] {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			stop[line] = true
		}
	}
	return &Counter{seg: seg, stop: stop, vocab: make(map[string]int32), reports: make(map[string][]wordCount)}
}

// Add counts the content words of one report. Adding the same report id twice merges the counts.
func (c *Counter) Add(reportID string, sentences []string) {
	tokens := make([][]segment.Token, len(sentences))
	for i, s := range sentences {
		tokens[i] = c.seg.Tokens(s)
	}
	c.AddTokens(reportID, tokens)
}

// AddTokens is Add for sentences segmented already, one token slice per sentence.
func (c *Counter) AddTokens(reportID string, sentences [][]segment.Token) {
	counts := make(map[string]int32)
	pos := make(map[string]string)
	for _, tokens := range sentences {
		for _, tk := range tokens {
			if !c.isContent(tk) {
				continue
			}
			if counts[tk.Text]++; counts[tk.Text] == 1 {
				pos[tk.Text] = tk.POS
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	merged := make(map[int32]int32, len(counts))
	for _, wc := range c.reports[reportID] {
		merged[wc.id] = wc.count
	}
	for w, n := range counts {
		id, ok := c.vocab[w]
		if !ok {
			id = int32(len(c.words))
			w = strings.Clone(w)
			c.vocab[w] = id
			c.words = append(c.words, w)
			c.pos = append(c.pos, pos[w])
			c.df = append(c.df, 0)
		}
		if merged[id] == 0 {
			c.df[id]++
		}
		merged[id] += n
	}
	list := make([]wordCount, 0, len(merged))
	for id, n := range merged {
		list = append(list, wordCount{id: id, count: n})
	}
	c.reports[reportID] = list
}

// isContent keeps nouns, verbs, abbreviations and idioms of two or more characters that are not stop
// words and hold no digit.
func (c *Counter) isContent(tk segment.Token) bool {
	if utf8.RuneCountInString(tk.Text) < 2 || c.stop[tk.Text] || strings.ContainsFunc(tk.Text, unicode.IsDigit) {
		return false
	}
	switch tk.POS[:min(1, len(tk.POS))] {
	case "n", "v", "j", "l", "i":
		return true
	}
	return false
}

// Top returns, for each report added, its top n terms (see TopOf).
func (c *Counter) Top(n int) map[string][]Term {
	out := make(map[string][]Term)
	for _, id := range c.Reports() {
		out[id] = c.TopOf(id, n)
	}
	return out
}

// Reports returns the ids of the reports added, sorted.
func (c *Counter) Reports() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([]string, 0, len(c.reports))
	for id := range c.reports {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// TopOf returns a report's top n terms by tf-idf over the N reports added:
// (1 + ln count) × (ln((1+N)/(1+df)) + 1). The damped count lets a word peculiar to a region (中关村) rank
// above the words every report repeats (发展, 建设); with one report the ranking is by count. Ties in tf-idf
// are broken by term, so the result does not depend on the order of Add. A run asks report by report, so
// that only one report's full list is in memory at a time.
func (c *Counter) TopOf(reportID string, n int) []Term {
	c.mu.Lock()
	defer c.mu.Unlock()
	reports := float64(len(c.reports))
	list := c.reports[reportID]
	terms := make([]Term, 0, len(list))
	for _, wc := range list {
		idf := math.Log((1+reports)/(1+float64(c.df[wc.id]))) + 1
		terms = append(terms, Term{Term: c.words[wc.id], POS: c.pos[wc.id], Count: int(wc.count), TFIDF: (1 + math.Log(float64(wc.count))) * idf})
	}
	sort.Slice(terms, func(i, j int) bool {
		if terms[i].TFIDF != terms[j].TFIDF {
			return terms[i].TFIDF > terms[j].TFIDF
		}
		return terms[i].Term < terms[j].Term
	})
	// A copy: the full list would otherwise stay behind the short one.
	terms = append([]Term(nil), terms[:min(max(n, 0), len(terms))]...)
	for i := range terms {
		terms[i].Rank = i + 1
	}
	return terms
}
