package commitments

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
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

// cue is a phrase that marks a sentence as no commitment.
type cue struct {
	phrase  string
	atStart bool
}

// cueLead is the kind of cues.tsv for a word that opens a clause of principle; the other kinds mark whole
// sentences.
const cueLead = "lead"

// cueFrame is the kind of cues.tsv for a word that opens a framing clause (围绕…, 按照…): its numbers set
// the scene and are no deliverables.
const cueFrame = "frame"

// lexicon holds the embedded word lists the extractor works from.
type lexicon struct {
	verbs          map[string]string   // verb → class
	heads          []string            // abstract heads (水平, 底线 …)
	slogans        map[string]bool     // broad slogans (高质量发展 …)
	cues           []cue               // phrases of non-commitment sentences
	principleLeads map[string]bool     // words that open a clause of principle (坚持, 始终)
	frameLeads     map[string]bool     // words that open a framing clause (围绕, 按照)
	modifiers      []string            // degree words before a slogan (高水平, 全面)
	approximators  map[string]bool     // words after a number and its measure word (以上, 左右)
	frameEnds      map[string]bool     // words that close a framing phrase (以…为, 在…上)
	topicKeys      map[rune][]topicKey // topic keywords by their first character
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
		slogans:        make(map[string]bool),
		principleLeads: make(map[string]bool),
		frameLeads:     make(map[string]bool),
		approximators:  make(map[string]bool),
		frameEnds:      make(map[string]bool),
		topicKeys:      make(map[rune][]topicKey),
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
	}
	if rows, err = readTSV("abstract.tsv", abstractTSV); err != nil {
		return nil, err
	}
	for _, r := range rows {
		switch r[1] {
		case abstractHead:
			lex.heads = append(lex.heads, r[0])
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
		default:
			lex.cues = append(lex.cues, cue{phrase: r[0], atStart: r[2] == cueAtStart})
		}
	}
	if rows, err = readTSV("grammar.tsv", grammarTSV); err != nil {
		return nil, err
	}
	for _, r := range rows {
		switch r[1] {
		case "modifier":
			lex.modifiers = append(lex.modifiers, r[0])
		case "approximator":
			lex.approximators[r[0]] = true
		case "frame-end":
			lex.frameEnds[r[0]] = true
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
