package commitments

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	//go:embed verbs.tsv
	verbsTSV string
	//go:embed abstract.tsv
	abstractTSV string
	//go:embed cues.tsv
	cuesTSV string
	//go:embed topics.tsv
	topicsTSV string
	//go:embed grammar.tsv
	grammarTSV string
)

// Verb classes of verbs.tsv.
const (
	classAction = "action" // a policy action: 实施, 新建, 推进 …
	classTarget = "target" // the verb of a measurable target: 增长, 达到 …
	classAux    = "aux"    // an action verb that yields to a verb after it: 加快(实施), 推动(建设)
)

// Kinds of abstract.tsv.
const (
	abstractHead   = "head"   // an object ending in this word names an aim
	abstractObject = "object" // an object that is only this slogan names no programme
)

// Positions of a cue in its sentence.
const (
	cueAtStart  = "start"
	cueAnywhere = "any"
)

// cueLead is the kind of cues.tsv for a word that opens a clause of principle; the other kinds mark whole
// sentences.
const cueLead = "lead"

// cueFormula is the kind of cues.tsv for a phrase of a political formula or of the style of work: a clause
// holding it commits to no policy action.
const cueFormula = "formula"

// cueFrame is the kind of cues.tsv for a word that opens a framing clause (围绕…, 按照…): its numbers set
// the scene and are no deliverables.
const cueFrame = "frame"

// lexicon holds the embedded word lists the extractor works from, indexed for the lookups the rules make
// on every clause.
type lexicon struct {
	verbs          map[string]string // verb → class
	maxVerbLen     int               // the longest verb in bytes
	heads          map[string]bool   // abstract heads (水平, 底线 …)
	headLens       []int             // the distinct byte lengths of the heads
	headLast       runeTable         // the last characters of the heads
	slogans        map[string]bool   // broad slogans (高质量发展 …)
	startCues      []string          // phrases that open a non-commitment sentence
	anyCues        byFirst[string]   // phrases anywhere in a non-commitment sentence
	principleLeads map[string]bool   // words that open a clause of principle (坚持, 始终)
	frameLeads     map[string]bool   // words that open a framing clause (围绕, 按照)
	formulas       byFirst[string]   // phrases of political formulas and of the style of work
	modifiers      []string          // degree words before a slogan (高水平, 全面)
	modifierFirst  runeTable         // the first characters of the modifiers
	approximators  map[string]bool   // words after a number and its measure word (以上, 左右)
	frameEnds      map[string]bool   // words that close a framing phrase (以…为, 在…上)
	scopes         map[string]bool   // the whole jurisdiction as the subject of a verb (全省, 全县)
	topicKeys      byFirst[topicKey] // topic keywords
}

// runeTable maps characters to numbers, 0 for a character never set, in pages of 256 characters: the
// lookup at every character of a text is a few array reads where a map would hash. A bitmap of the set
// characters of the Basic Multilingual Plane, small enough to stay in the cache, answers for most
// characters of a text, which are not set.
type runeTable struct {
	bmp   [1 << 16 / 64]uint64
	pages []*[256]int32
}

func (t *runeTable) set(r rune, v int32) {
	if r < 1<<16 {
		t.bmp[r/64] |= 1 << (r % 64)
	}
	p := int(r >> 8)
	if p >= len(t.pages) {
		t.pages = append(t.pages, make([]*[256]int32, p+1-len(t.pages))...)
	}
	if t.pages[p] == nil {
		t.pages[p] = new([256]int32)
	}
	t.pages[p][r&0xff] = v
}

func (t *runeTable) get(r rune) int32 {
	if r < 1<<16 && t.bmp[r/64]&(1<<(r%64)) == 0 {
		return 0
	}
	if p := int(r >> 8); p < len(t.pages) && t.pages[p] != nil {
		return t.pages[p][r&0xff]
	}
	return 0
}

// byFirst groups the entries for words by the first character of the word, in the order they were added.
type byFirst[T any] struct {
	group  runeTable // character → index in groups + 1
	groups [][]T
}

func (b *byFirst[T]) add(first rune, v T) {
	g := b.group.get(first)
	if g == 0 {
		b.groups = append(b.groups, nil)
		g = int32(len(b.groups))
		b.group.set(first, g)
	}
	b.groups[g-1] = append(b.groups[g-1], v)
}

// get returns the entries of the words that start with r.
func (b *byFirst[T]) get(r rune) []T {
	if g := b.group.get(r); g > 0 {
		return b.groups[g-1]
	}
	return nil
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// readTSV parses a lexicon file: a header line, then rows; blank lines and lines starting with # are skipped.
// Every row must have at least as many columns as the header names.
func readTSV(name, data string) ([][]string, error) {
	lines := strings.Split(strings.TrimRight(data, "\n"), "\n")
	if len(lines) == 0 || lines[0] == "" {
		return nil, fmt.Errorf("%s: empty", name)
	}
	ncol := len(strings.Split(lines[0], "\t"))
	var rows [][]string
	for i, line := range lines[1:] {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < ncol || cols[0] == "" {
			return nil, fmt.Errorf("%s line %d: want %d columns, got %q", name, i+2, ncol, line)
		}
		rows = append(rows, cols)
	}
	return rows, nil
}

func loadLexicon() (*lexicon, error) {
	lex := &lexicon{
		verbs:          make(map[string]string),
		heads:          make(map[string]bool),
		slogans:        make(map[string]bool),
		principleLeads: make(map[string]bool),
		frameLeads:     make(map[string]bool),
		approximators:  make(map[string]bool),
		frameEnds:      make(map[string]bool),
		scopes:         make(map[string]bool),
	}
	rows, err := readTSV("verbs.tsv", verbsTSV)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r[1] != classAction && r[1] != classTarget && r[1] != classAux {
			return nil, fmt.Errorf("verbs.tsv: %s: unknown class %q", r[0], r[1])
		}
		lex.verbs[r[0]] = r[1]
		lex.maxVerbLen = max(lex.maxVerbLen, len(r[0]))
	}
	if rows, err = readTSV("abstract.tsv", abstractTSV); err != nil {
		return nil, err
	}
	for _, r := range rows {
		switch r[1] {
		case abstractHead:
			lex.heads[r[0]] = true
			last, _ := utf8.DecodeLastRuneInString(r[0])
			lex.headLast.set(last, 1)
			if !slices.Contains(lex.headLens, len(r[0])) {
				lex.headLens = append(lex.headLens, len(r[0]))
			}
		case abstractObject:
			lex.slogans[r[0]] = true
		default:
			return nil, fmt.Errorf("abstract.tsv: %s: unknown kind %q", r[0], r[1])
		}
	}
	if rows, err = readTSV("cues.tsv", cuesTSV); err != nil {
		return nil, err
	}
	for _, r := range rows {
		switch {
		case r[2] != cueAtStart && r[2] != cueAnywhere:
			return nil, fmt.Errorf("cues.tsv: %s: unknown position %q", r[0], r[2])
		case r[1] == cueLead:
			lex.principleLeads[r[0]] = true
		case r[1] == cueFrame:
			lex.frameLeads[r[0]] = true
		case r[1] == cueFormula:
			lex.formulas.add(firstRune(r[0]), r[0])
		case r[2] == cueAtStart:
			lex.startCues = append(lex.startCues, r[0])
		default:
			lex.anyCues.add(firstRune(r[0]), r[0])
		}
	}
	if rows, err = readTSV("grammar.tsv", grammarTSV); err != nil {
		return nil, err
	}
	for _, r := range rows {
		switch r[1] {
		case "modifier":
			lex.modifiers = append(lex.modifiers, r[0])
			lex.modifierFirst.set(firstRune(r[0]), 1)
		case "approximator":
			lex.approximators[r[0]] = true
		case "frame-end":
			lex.frameEnds[r[0]] = true
		case "scope":
			lex.scopes[r[0]] = true
		default:
			return nil, fmt.Errorf("grammar.tsv: %s: unknown role %q", r[0], r[1])
		}
	}
	if rows, err = readTSV("topics.tsv", topicsTSV); err != nil {
		return nil, err
	}
	for _, r := range rows {
		w, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			return nil, fmt.Errorf("topics.tsv: %s: weight: %w", r[0], err)
		}
		t := topicIndex(r[1])
		if t < 0 {
			return nil, fmt.Errorf("topics.tsv: %s: unknown topic %q", r[0], r[1])
		}
		lex.addTopicKey(r[0], t, w)
	}
	return lex, nil
}
