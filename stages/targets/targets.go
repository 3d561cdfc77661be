// Package targets finds the passage of a government work report that states
// the year's main expected targets (主要预期目标): the first list of the
// year's quantified targets, however it is introduced (主要预期目标是,
// 宏观调控的主要目标是, 预期目标为, 目标作了适当调整 …) and wherever a line
// break cuts the introduction, up to where the list stops (the justification,
// policy sentences or the work plan). The cue words live in cues.tsv,
// embedded at build time.
package targets

import (
	_ "embed"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/indicator"
	"github.com/govreports/govreports/stages/lexicon"
	"github.com/govreports/govreports/stages/quantity"
)

const (
	// maxClause is the longest clause, in code points, that still reads as
	// a target (an indicator, a predicate and a value) rather than prose.
	maxClause = 48
	// maxJoin is how many sentences after one that a line break cut off
	// (今年经济社会发展的 / 主要预期目标 / 是：…) may carry its introduction on.
	maxJoin = 3
	// firstClauses is how many clauses after an introduction are read to
	// tell a list of targets from prose.
	firstClauses = 3
	// minListed and minBounded are how many target clauses, and how many
	// of them with a bound (左右, 以上 …), make a sentence a list of targets
	// without an introduction.
	minListed, minBounded = 3, 2
	// maxFollow is how far after a marker, in bytes, a start cue must go
	// on with one of the follow characters (目标作了适当调整：).
	maxFollow = 30
)

//go:embed cues.tsv
var cuesTSV string

type cueSet struct {
	markers, stops, ends, preds, bounds, conditions, subjects []string
	follow                                                    string
	starts, headings, numbered, plans, pasts, verbs           []*regexp.Regexp
	aims, labels, aspects                                     []*regexp.Regexp
}

var cues = mustLoad(cuesTSV)

func mustLoad(data string) cueSet {
	c, err := load(data)
	if err != nil {
		panic(fmt.Sprintf("targets: embedded lexicon: %v", err)) // build-time data: a defect, not input
	}
	return c
}

func load(data string) (cueSet, error) {
	var c cueSet
	words := map[string]*[]string{"marker": &c.markers, "stop": &c.stops, "end": &c.ends, "predicate": &c.preds, "bound": &c.bounds,
		"condition": &c.conditions, "subject": &c.subjects}
	patterns := map[string]*[]*regexp.Regexp{"start": &c.starts, "heading": &c.headings, "numbered": &c.numbered, "plan": &c.plans,
		"past": &c.pasts, "verb": &c.verbs, "aim": &c.aims, "label": &c.labels, "aspect": &c.aspects}
	classes, err := lexicon.Classes("cues.tsv", data, func(r lexicon.Row) error {
		kind, pattern := r.Fields[0], strings.Join(r.Fields[1:], "\t")
		if pattern == "" {
			return r.Errorf("cues.tsv", "want kind<TAB>pattern")
		}
		if kind == "follow" {
			c.follow += pattern
			return nil
		}
		dst, ok := patterns[kind]
		if !ok {
			return r.Errorf("cues.tsv", "unknown kind %q", kind)
		}
		re, err := regexp.Compile(pattern)
		if err != nil {
			return fmt.Errorf("cues.tsv line %d: %w", r.Line, err)
		}
		*dst = append(*dst, re)
		return nil
	}, slices.Collect(maps.Keys(words))...)
	if err != nil {
		return c, err
	}
	for class, dst := range words {
		*dst = classes[class]
	}
	if len(c.starts) == 0 || len(c.markers) == 0 || c.follow == "" {
		return c, fmt.Errorf("no start, marker or follow cue")
	}
	return c, nil
}

// Passage returns the half-open range [first, end) of sentence indexes that
// state the year's main expected targets, given a report's sentences in order
// (texts only). ok is false when there is none.
//
// The passage starts at the first sentence that introduces a list of targets
// (see ListStart) and goes on over the following sentences as long as each
// opens with a target clause (甘肃 and 陕西 go on listing after a full stop);
// it ends before the justification (提出上述预期目标…, 确定这样的目标…) or
// anything else that is not a target.
//
// A report that introduces no list in any of these ways has its passage at
// the first sentence whose first target introduces itself (今年国内生产总值增长
// 预期目标为7%左右，…), else at the first sentence that is a list by itself:
// several target clauses, some with the bounds of a target (左右, 以上, 以内 …)
// or opened by an aim (力争, 确保), none of a plan period's.
func Passage(sentences []string) (first, end int, ok bool) {
	first, k := -1, 0
	for i := range sentences {
		if start, last, _, found := introAt(sentences, i); found {
			first, k = start, last
			break
		}
	}
	if first < 0 {
		for i := range sentences {
			if _, found := targetIntroAt(sentences, i); found {
				first, k = i, i
				break
			}
		}
	}
	if first < 0 {
		for i, s := range sentences {
			if isList(s) {
				first, k = i, i
				break
			}
		}
	}
	if first < 0 {
		return 0, 0, false
	}
	end = k + 1
	for end < len(sentences) && continues(sentences[end]) {
		end++
	}
	return first, end, true
}

// isList reports whether a sentence lists this year's targets without an
// introduction: at least minListed target clauses, minBounded of them with
// the bound of a target, none of a plan period's or a past year's.
func isList(s string) bool {
	listed, bounded := 0, 0
	if matchesAny(s, cues.aims) {
		bounded = minBounded // 力争全市生产总值增长12%，…: an aim bounds every target
	}
	for _, c := range clausesOf(s) {
		if matchesAny(c, cues.plans) || matchesAny(c, cues.pasts) {
			return false
		}
		if isTarget(c) {
			listed++
			if containsAny(c, cues.bounds) {
				bounded++
			}
		}
	}
	return listed >= minListed && bounded >= minBounded
}

// ListStart returns where the list of targets begins in a passage that
// Passage found: the index of the sentence and the byte offset in it just
// past the introduction (主要预期目标是：). It is (0, 0) when the first
// sentence introduces no list, as for a passage that is the list alone.
func ListStart(passage []string) (sentence, offset int) {
	if len(passage) == 0 {
		return 0, 0
	}
	if _, k, at, ok := introAt(passage, 0); ok {
		if rest := clausesOf(passage[k][at:]); len(rest) > 0 && !slices.ContainsFunc(rest, isTarget) &&
			k+1 < len(passage) && listOpens(passage[k+1]) {
			return k + 1, 0 // past a sentence of priorities
		}
		return k, at
	}
	if at, ok := targetIntroAt(passage, 0); ok {
		return 0, at
	}
	return 0, 0
}

// targetIntroAt finds, in sentences[i], a first target that introduces
// itself (今年国内生产总值增长预期目标为7%左右): a start cue whose clause names an
// indicator and is followed by a number, in a clause of no plan period or
// past year, with a target clause after it in the sentence or the next. It
// returns the byte offset where that clause starts.
func targetIntroAt(sentences []string, i int) (int, bool) {
	s := sentences[i]
	if !mayIntroduce(s) {
		return 0, false
	}
	for _, re := range cues.starts {
		for _, loc := range re.FindAllStringIndex(s, -1) {
			clause := lastClause(s[:loc[0]])
			if _, named := indicator.Match(clause); !named || matchesAny(clause, cues.plans) || matchesAny(clause, cues.pasts) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s[loc[1]:], unicode.IsSpace))
			if !unicode.IsDigit(r) {
				continue
			}
			rest := s[loc[1]:]
			if i+1 < len(sentences) {
				rest += "。" + sentences[i+1]
			}
			if listed := clausesOf(rest); len(listed) > 1 && slices.ContainsFunc(listed[1:], isTarget) {
				return loc[0] - len(clause), true
			}
		}
	}
	return 0, false
}

// Ends reports whether a clause inside the list begins the justification
// that follows it (提出上述预期目标，主要考虑…): no target comes after it.
func Ends(clause string) bool { return containsAny(clause, cues.ends) }

// introAt finds an introduction of the year's list of targets in
// sentences[i], reading on into the next sentences while a line break cuts
// it (今年经济社会发展的 / 主要预期目标 / 是：…), or a heading that is one.
// It returns the sentence where the introduction's cue starts, and the
// sentence k and the byte offset at in it where the introduction ends.
func introAt(sentences []string, i int) (start, k, at int, ok bool) {
	// Most sentences are whole and hold no cue: refuse them before any
	// regular expression runs.
	if !mayIntroduce(sentences[i]) && !isFragment(sentences[i]) {
		return 0, 0, 0, false
	}
	window, ends := sentences[i], []int{len(sentences[i])}
	for j := i + 1; j < len(sentences) && j-i <= maxJoin && isFragment(sentences[j-1]); j++ {
		window += sentences[j]
		ends = append(ends, len(window))
	}
	if !mayIntroduce(window) {
		return 0, 0, 0, false
	}
	var locs [][]int
	for _, re := range cues.starts {
		locs = append(locs, re.FindAllStringIndex(window, -1)...)
	}
	sort.Slice(locs, func(a, b int) bool {
		return locs[a][0] < locs[b][0] || (locs[a][0] == locs[b][0] && locs[a][1] > locs[b][1])
	})
	for _, loc := range locs {
		// Only the sentence the cue starts in says whose targets follow: a
		// line before it may be a heading as well as a cut-off fragment.
		start, k = sentenceAt(ends, loc[0]+1), sentenceAt(ends, loc[1])
		if !introduces(window[ends[start]-len(sentences[i+start]) : loc[0]]) {
			continue
		}
		at = loc[1] - (ends[k] - len(sentences[i+k]))
		if opensList(sentences, i+k, at) {
			return i + start, i + k, at, true
		}
	}
	// A heading of its own (（二）主要预期目标) introduces the list below it,
	// from past the sentence's own introduction when it repeats one
	// (二、2017年的主要目标 / 今年…主要预期目标是：…).
	if i+1 < len(sentences) && matchesAny(strings.TrimSpace(sentences[i]), cues.headings) {
		if _, k, at, ok := introAt(sentences, i+1); ok {
			return i, k, at, true
		}
		if opensList(sentences, i+1, 0) {
			return i, i + 1, 0, true
		}
	}
	return 0, 0, 0, false
}

// mayIntroduce reports whether s holds a marker (目标) followed within
// maxFollow bytes by a character that a start cue goes on with (是, 为, ：):
// a sentence without one cannot match a start cue.
func mayIntroduce(s string) bool {
	for _, m := range cues.markers {
		for rest := s; ; {
			i := strings.Index(rest, m)
			if i < 0 {
				break
			}
			rest = rest[i+len(m):]
			if strings.ContainsAny(rest[:min(len(rest), maxFollow)], cues.follow) || rest == "" {
				return true
			}
		}
	}
	return false
}

// sentenceAt is the index of the sentence of a window, given the byte
// offsets where its sentences end, that holds the byte before pos.
func sentenceAt(ends []int, pos int) int {
	for m, e := range ends {
		if pos <= e {
			return m
		}
	}
	return len(ends) - 1
}

// isFragment reports whether a sentence is part of one that a line break
// cut: it ends in the middle of a clause, without punctuation, and is no
// numbered heading (二、2024年重点任务).
func isFragment(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, unicode.IsSpace))
	if r == utf8.RuneError || unicode.IsPunct(r) || unicode.IsSymbol(r) {
		return false
	}
	return !matchesAny(strings.TrimSpace(s), cues.numbered)
}

// introduces reports whether the words before a start cue introduce this
// year's list: their clause names no indicator (经济增长预期目标为5%左右 is a
// target) and no plan period or past year (“十五五”时期的主要目标是：).
func introduces(before string) bool {
	clause := lastClause(before)
	if _, named := indicator.Match(clause); named {
		return false
	}
	return !matchesAny(clause, cues.plans) && !matchesAny(clause, cues.pasts)
}

// opensList reports whether the text from byte at of sentences[k] opens a
// list of targets: one of its first clauses is a target clause, and none is a
// plan period's (年均增长).
func opensList(sentences []string, k, at int) bool {
	text := sentences[k][at:]
	for j := k + 1; j < len(sentences) && j-k <= maxJoin && len(clausesOf(text)) < firstClauses; j++ {
		text += "。" + sentences[j]
	}
	cs := clausesOf(text)
	if len(cs) > firstClauses {
		cs = cs[:firstClauses]
	}
	found := false
	for _, c := range cs {
		if matchesAny(c, cues.plans) {
			return false
		}
		found = found || isTarget(c)
	}
	if !found && k+1 < len(sentences) && strings.TrimSpace(sentences[k][at:]) != "" {
		// 主要预期目标是：保持经济平稳较快发展，…。全省生产总值增长10%，…: a
		// sentence of priorities, then the list.
		return listOpens(sentences[k+1])
	}
	return found
}

// listOpens reports whether a sentence opens a list of targets: one of its
// first clauses is a target clause and none is a plan period's.
func listOpens(s string) bool {
	cs := clausesOf(s)
	if len(cs) > firstClauses {
		cs = cs[:firstClauses]
	}
	for _, c := range cs {
		if matchesAny(c, cues.plans) {
			return false
		}
		if isTarget(c) {
			return true
		}
	}
	return false
}

// continues reports whether a sentence after the introduction still lists
// targets: its first clause, past a condition (在优化结构、提高效益的基础上), a
// label (经济发展目标：) or the field of the targets (经济运行方面，), is a
// target clause or opens with a target verb (完成国家下达…, 力争…); or the
// sentence is the label of the targets after it (二、社会发展目标).
func continues(s string) bool {
	if matchesAny(strings.TrimSpace(s), cues.labels) {
		return true
	}
	cs := clausesOf(s)
	field := false
	for len(cs) > 1 && (containsAny(cs[0], cues.conditions) || isLabel(s, cs[0]) || FieldLabel(cs[0])) {
		field = field || FieldLabel(cs[0])
		cs = cs[1:]
	}
	if len(cs) == 0 || containsAny(cs[0], cues.stops) {
		return false
	}
	if field && utf8.RuneCountInString(cs[0]) <= maxClause && containsAny(cs[0], cues.preds) {
		return true // 风险防控方面，宏观杠杆率保持基本稳定: a field of the list names its targets
	}
	return matchesAny(cs[0], cues.verbs) || isTarget(cs[0])
}

// FieldLabel reports whether a clause names the field of the targets after it
// (经济运行方面, 在民生保障方面), which is no target itself.
func FieldLabel(clause string) bool { return matchesAny(clause, cues.aspects) }

// isLabel reports whether clause c of s is a label that a colon ends
// (经济发展目标：生产总值增长10%).
func isLabel(s, c string) bool {
	i := strings.Index(s, c)
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s[i+len(c):], unicode.IsSpace))
	return r == '：' || r == ':'
}

// isTarget reports whether a clause states a target: it is short and names
// an indicator, or a subject of the lists that no indicator covers (钢产量,
// 人口自然增长率), with a value or a target predicate.
func isTarget(clause string) bool {
	if utf8.RuneCountInString(clause) > maxClause || !namesSubject(clause) {
		return false
	}
	return hasValue(clause) || containsAny(clause, cues.preds)
}

// namesSubject reports whether a clause names an indicator or a subject word
// of the lists.
func namesSubject(clause string) bool {
	_, ok := indicator.Match(clause)
	return ok || containsAny(clause, cues.subjects)
}

// chineseDigits are the numerals of a value written in words (百分之四十,
// 一千七百五十万吨), as the reports of the planning era write them.
const chineseDigits = "零〇一二两三四五六七八九十百千万亿"

// hasValue reports whether a clause holds a value, in digits or in words.
func hasValue(clause string) bool {
	if strings.IndexFunc(clause, unicode.IsDigit) >= 0 {
		return true
	}
	return strings.ContainsAny(clause, chineseDigits) && len(quantity.Extract(clause)) > 0
}

const clausePunct = "，；。：！？,;:!?"

// clausesOf cuts s into its non-empty clauses. A subject set before a colon
// (地区生产总值：增长8%左右, a list laid out as a table) stays one clause with
// what follows it.
func clausesOf(s string) []string {
	var out []string
	joinNext := false
	for s != "" {
		i := strings.IndexAny(s, clausePunct)
		c, sep := s, rune(0)
		if i >= 0 {
			c = s[:i]
			sep, _ = utf8.DecodeRuneInString(s[i:])
			s = s[i+utf8.RuneLen(sep):]
		} else {
			s = ""
		}
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		if joinNext {
			out[len(out)-1] += c
		} else {
			out = append(out, c)
		}
		joinNext = !joinNext && (sep == '：' || sep == ':') && BareSubject(c)
	}
	return out
}

// BareSubject reports whether a clause is the name of an indicator or of a
// subject of the lists and nothing else: no value, no predicate. Set before a
// colon (地区生产总值：增长8%左右), it is the subject of the clause after it.
func BareSubject(c string) bool {
	if hasValue(c) || containsAny(c, cues.preds) {
		return false
	}
	if _, v, ok := indicator.MatchVariant(c); ok && strings.HasSuffix(c, v) {
		return true
	}
	for _, w := range cues.subjects {
		if strings.HasSuffix(c, w) {
			return true
		}
	}
	return false
}

// lastClause is s after its last clause-ending punctuation mark.
func lastClause(s string) string {
	if i := strings.LastIndexAny(s, clausePunct); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		return s[i+size:]
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

func matchesAny(s string, res []*regexp.Regexp) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
