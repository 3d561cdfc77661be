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

// candidatesPerReport bounds the memory a report holds until Top: its most frequent words. A word outside
// them cannot reach a top list of a sensible size, since tf-idf at most multiplies a count by ln(reports)+1.
const candidatesPerReport = 1000

// Term is one top word of a report.
type Term struct {
	Term  string
	POS   string
	Count int
	TFIDF float64
	Rank  int // 1-based by TFIDF within the report
}

type candidate struct {
	word, pos string
	count     int
}

// Counter accumulates per-report word counts during a run. Add is safe for concurrent use.
type Counter struct {
	seg  *segment.Segmenter
	stop map[string]bool

	mu      sync.Mutex
	reports map[string][]candidate // report → its candidate words
	df      map[string]int         // word → number of reports it occurs in
}

// NewCounter returns an empty Counter that segments with seg.
func NewCounter(seg *segment.Segmenter) *Counter {
	stop := make(map[string]bool)
	for _, line := range strings.Split(stopTSV, "\n")[1:] {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			stop[line] = true
		}
	}
	return &Counter{seg: seg, stop: stop, reports: make(map[string][]candidate), df: make(map[string]int)}
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
	counts := make(map[string]*candidate)
	for _, tokens := range sentences {
		for _, tk := range tokens {
			if !c.isContent(tk) {
				continue
			}
			if cd := counts[tk.Text]; cd != nil {
				cd.count++
			} else {
				counts[tk.Text] = &candidate{word: tk.Text, pos: tk.POS, count: 1}
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.reports[reportID]
	for _, cd := range old {
		if n := counts[cd.word]; n != nil {
			n.count += cd.count
		} else {
			cp := cd
			counts[cd.word] = &cp
		}
	}
	seen := make(map[string]bool, len(old))
	for _, cd := range old {
		seen[cd.word] = true
	}
	list := make([]candidate, 0, len(counts))
	for w, cd := range counts {
		if !seen[w] {
			c.df[w]++
		}
		list = append(list, *cd)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].word < list[j].word
	})
	if len(list) > candidatesPerReport {
		list = list[:candidatesPerReport]
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

// Top returns, for each report added, its top n terms by tf-idf over the N reports added:
// (1 + ln count) × (ln((1+N)/(1+df)) + 1). The damped count lets a word peculiar to a region (中关村) rank
// above the words every report repeats (发展, 建设); with one report the ranking is by count. Ties in tf-idf
// are broken by term, so the result does not depend on the order of Add.
func (c *Counter) Top(n int) map[string][]Term {
	c.mu.Lock()
	defer c.mu.Unlock()
	reports := float64(len(c.reports))
	out := make(map[string][]Term, len(c.reports))
	for id, list := range c.reports {
		terms := make([]Term, 0, len(list))
		for _, cd := range list {
			idf := math.Log((1+reports)/(1+float64(c.df[cd.word]))) + 1
			terms = append(terms, Term{Term: cd.word, POS: cd.pos, Count: cd.count, TFIDF: (1 + math.Log(float64(cd.count))) * idf})
		}
		sort.Slice(terms, func(i, j int) bool {
			if terms[i].TFIDF != terms[j].TFIDF {
				return terms[i].TFIDF > terms[j].TFIDF
			}
			return terms[i].Term < terms[j].Term
		})
		if len(terms) > n {
			terms = terms[:max(n, 0)]
		}
		for i := range terms {
			terms[i].Rank = i + 1
		}
		out[id] = terms
	}
	return out
}
