// Package targets finds the passage of a government work report that states
// the year's main expected targets (主要预期目标): the sentence that introduces
// the list and the sentences that carry it on, up to the justification that
// follows it. The cue words live in cues.tsv, embedded at build time.
package targets

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/indicator"
)

// maxClause is the longest first clause, in code points, that still reads as
// a target (an indicator, a predicate and a value) rather than prose.
const maxClause = 48

//go:embed cues.tsv
var cuesTSV string

type cueSet struct {
	starts []*regexp.Regexp
	// startLit begins every match of every start (their common literal
	// prefix, "" when none): one substring search then refuses most
	// sentences without running a regexp.
	startLit            string
	stops, verbs, preds []string
}

var cues = mustLoad(cuesTSV)

func mustLoad(data string) cueSet {
	c, err := load(data)
	if err != nil {
		panic(fmt.Sprintf("targets: embedded cues.tsv: %v", err)) // build-time data: a defect, not input
	}
	return c
}

func load(data string) (cueSet, error) {
	var c cueSet
	for i, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, pattern, ok := strings.Cut(line, "\t")
		if !ok || pattern == "" {
			return c, fmt.Errorf("line %d: want kind<TAB>pattern", i+1)
		}
		switch kind {
		case "start":
			re, err := regexp.Compile(pattern)
			if err != nil {
				return c, fmt.Errorf("line %d: %w", i+1, err)
			}
			c.starts = append(c.starts, re)
		case "stop":
			c.stops = append(c.stops, pattern)
		case "verb":
			c.verbs = append(c.verbs, pattern)
		case "predicate":
			c.preds = append(c.preds, pattern)
		default:
			return c, fmt.Errorf("line %d: unknown kind %q", i+1, kind)
		}
	}
	if len(c.starts) == 0 {
		return c, fmt.Errorf("no start cue")
	}
	c.startLit, _ = c.starts[0].LiteralPrefix()
	for _, re := range c.starts[1:] {
		lit, _ := re.LiteralPrefix()
		n := 0
		for n < len(lit) && n < len(c.startLit) && lit[n] == c.startLit[n] {
			n++
		}
		c.startLit = c.startLit[:n]
	}
	return c, nil
}

// Passage returns the half-open range [first, end) of sentence indexes that
// state the year's main expected targets, given a report's sentences in order
// (texts only). ok is false when there is none.
//
// The passage starts at the first sentence introducing the targets
// (主要预期目标是：…) and goes on over the following sentences as long as each
// opens with a target clause (甘肃 and 陕西 go on listing after a full stop);
// it ends before the justification (提出上述预期目标…, 确定这样的目标…).
func Passage(sentences []string) (first, end int, ok bool) {
	first = -1
	for i, s := range sentences {
		if IntroEnd(s) >= 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return 0, 0, false
	}
	end = first + 1
	for end < len(sentences) && continues(sentences[end]) {
		end++
	}
	return first, end, true
}

// IntroEnd returns the byte offset just past the words that introduce the
// list of targets in s (主要预期目标是：), or -1 when s introduces none.
func IntroEnd(s string) int {
	if !strings.Contains(s, cues.startLit) {
		return -1
	}
	for _, re := range cues.starts {
		if loc := re.FindStringIndex(s); loc != nil {
			return loc[1]
		}
	}
	return -1
}

// continues reports whether a sentence after the introduction still lists
// targets: its first clause is short and names an indicator with a value or a
// target predicate, or opens with a target verb (完成国家下达…, 力争…).
func continues(s string) bool {
	clause := firstClause(s)
	if clause == "" || containsAny(clause, cues.stops) {
		return false
	}
	if hasPrefixAny(clause, cues.verbs) {
		return true
	}
	if utf8.RuneCountInString(clause) > maxClause {
		return false
	}
	if _, ok := indicator.Match(clause); !ok {
		return false
	}
	return strings.IndexFunc(clause, unicode.IsDigit) >= 0 || containsAny(clause, cues.preds)
}

// firstClause is s up to its first clause-ending punctuation mark.
func firstClause(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "，；。：！？,;"); i >= 0 {
		return s[:i]
	}
	return s
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}
