// Package terms builds the terms table: per report, the top content words (nouns, verbs and named policy
// terms; no stop words, numbers or single characters) with their count and tf-idf across the reports of a
// run, for word clouds and topic comparisons across regions.
package terms

import (
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
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

	mu      sync.RWMutex
	vocab   map[string]int32 // word → id
	words   []string         // id → word
	pos     []string         // id → part of speech
	df      []int32          // id → number of reports using the word
	reports map[string][]wordCount
}

// NewCounter returns an empty Counter that segments with seg.
func NewCounter(seg *segment.Segmenter) *Counter {
	return &Counter{seg: seg, stop: stopWords, vocab: make(map[string]int32), reports: make(map[string][]wordCount)}
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
	// Count locally first, so that the lock is held once per distinct word rather than per token. A word's
	// text decides once whether it may be a term (index -1 when not), its part of speech each time.
	index := make(map[string]int32) // word → position in counts, or -1
	var counts []localCount
	for _, tokens := range sentences {
		for _, tk := range tokens {
			if !contentPOS(tk.POS) || !manyRunes(tk.Text) {
				continue
			}
			k, ok := index[tk.Text]
			if !ok {
				k = -1
				if c.contentText(tk.Text) {
					k = int32(len(counts))
					counts = append(counts, localCount{word: tk.Text, pos: tk.POS})
				}
				index[tk.Text] = k
			}
			if k >= 0 {
				counts[k].count++
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	list := c.reports[reportID]
	if list == nil {
		// Exactly sized: these lists are what a run keeps of every report until the end.
		list = make([]wordCount, 0, len(counts))
	}
	var merged map[int32]int // word id → position in list, only when the report was added before
	if len(list) > 0 {
		merged = make(map[int32]int, len(list))
		for k, wc := range list {
			merged[wc.id] = k
		}
	}
	for _, lc := range counts {
		id, ok := c.vocab[lc.word]
		if !ok {
			id = int32(len(c.words))
			w := strings.Clone(lc.word)
			c.vocab[w] = id
			c.words = append(c.words, w)
			c.pos = append(c.pos, lc.pos)
			c.df = append(c.df, 0)
		}
		if k, ok := merged[id]; ok {
			list[k].count += lc.count
			continue
		}
		c.df[id]++
		list = append(list, wordCount{id: id, count: lc.count})
	}
	c.reports[reportID] = list
}

// localCount is a word of one AddTokens call with the part of speech of its first use.
type localCount struct {
	word, pos string
	count     int32
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
func (c *Counter) contentText(w string) bool { return !hasDigit(w) && !c.stop[w] }

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
	c.mu.RLock()
	defer c.mu.RUnlock()
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
// that only a few reports' lists are in memory at a time; TopOf may be called concurrently.
func (c *Counter) TopOf(reportID string, n int) []Term {
	c.mu.RLock()
	defer c.mu.RUnlock()
	reports := float64(len(c.reports))
	list := c.reports[reportID]
	// The words are ranked as (score, word) pairs, lighter to sort than terms; only the top n become terms.
	type scored struct {
		tfidf float64
		wordCount
	}
	ranked := make([]scored, len(list))
	for i, wc := range list {
		idf := math.Log((1+reports)/(1+float64(c.df[wc.id]))) + 1
		ranked[i] = scored{(1 + math.Log(float64(wc.count))) * idf, wc}
	}
	slices.SortFunc(ranked, func(a, b scored) int {
		if a.tfidf != b.tfidf {
			return cmp.Compare(b.tfidf, a.tfidf)
		}
		return strings.Compare(c.words[a.id], c.words[b.id])
	})
	k := min(max(n, 0), len(ranked))
	if k == 0 {
		return nil
	}
	terms := make([]Term, k)
	for i, r := range ranked[:k] {
		terms[i] = Term{Term: c.words[r.id], POS: c.pos[r.id], Count: int(r.count), TFIDF: r.tfidf, Rank: i + 1}
	}
	return terms
}
