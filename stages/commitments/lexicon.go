package commitments

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
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

// lexicons holds the embedded word lists the extractor works from, indexed for the lookups the rules make
// on every clause. It is built by its own loader rather than lexicon.Classes: its files give a word several
// attributes (class, position, weight) and the lookups want maps, rune sets and first-rune indexes, not
// lists of words scanned longest first.
type lexicons struct {
	verbs          map[string]string         // verb → class
	maxVerbLen     int                       // the longest verb in bytes
	heads          map[string]bool           // abstract heads (水平, 底线 …)
	headLens       []int                     // the distinct byte lengths of the heads
	headLast       lexicon.RuneSet           // the last characters of the heads
	slogans        map[string]bool           // broad slogans (高质量发展 …)
	startCues      []string                  // phrases that open a non-commitment sentence
	anyCues        lexicon.ByFirst[string]   // phrases anywhere in a non-commitment sentence
	principleLeads map[string]bool           // words that open a clause of principle (坚持, 始终)
	frameLeads     map[string]bool           // words that open a framing clause (围绕, 按照)
	formulas       lexicon.ByFirst[string]   // phrases of political formulas and of the style of work
	modifiers      []string                  // degree words before a slogan (高水平, 全面)
	modifierFirst  lexicon.RuneSet           // the first characters of the modifiers
	approximators  map[string]bool           // words after a number and its measure word (以上, 左右)
	frameEnds      map[string]bool           // words that close a framing phrase (以…为, 在…上)
	scopes         map[string]bool           // the whole jurisdiction as the subject of a verb (全省, 全县)
	topicKeys      lexicon.ByFirst[topicKey] // topic keywords
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// readTSV parses a lexicon file (see lexicon.Parse) whose rows have at least fields columns, the first not
// empty.
func readTSV(name, data string, fields int) ([]lexicon.Row, error) {
	rows, err := lexicon.Parse(name, data, fields)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r.Fields[0] == "" {
			return nil, r.Errorf(name, "no word in the first column")
		}
	}
	return rows, nil
}

func loadLexicon() (*lexicons, error) {
	lex := &lexicons{
		verbs:          make(map[string]string),
		heads:          make(map[string]bool),
		slogans:        make(map[string]bool),
		principleLeads: make(map[string]bool),
		frameLeads:     make(map[string]bool),
		approximators:  make(map[string]bool),
		frameEnds:      make(map[string]bool),
		scopes:         make(map[string]bool),
	}
	rows, err := readTSV("verbs.tsv", verbsTSV, 3)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		r := row.Fields
		if r[1] != classAction && r[1] != classTarget && r[1] != classAux {
			return nil, row.Errorf("verbs.tsv", "%s: unknown class %q", r[0], r[1])
		}
		lex.verbs[r[0]] = r[1]
		lex.maxVerbLen = max(lex.maxVerbLen, len(r[0]))
	}
	if rows, err = readTSV("abstract.tsv", abstractTSV, 2); err != nil {
		return nil, err
	}
	for _, row := range rows {
		r := row.Fields
		switch r[1] {
		case abstractHead:
			lex.heads[r[0]] = true
			last, _ := utf8.DecodeLastRuneInString(r[0])
			lex.headLast.Add(last)
			if !slices.Contains(lex.headLens, len(r[0])) {
				lex.headLens = append(lex.headLens, len(r[0]))
			}
		case abstractObject:
			lex.slogans[r[0]] = true
		default:
			return nil, row.Errorf("abstract.tsv", "%s: unknown kind %q", r[0], r[1])
		}
	}
	if rows, err = readTSV("cues.tsv", cuesTSV, 3); err != nil {
		return nil, err
	}
	for _, row := range rows {
		r := row.Fields
		switch {
		case r[2] != cueAtStart && r[2] != cueAnywhere:
			return nil, row.Errorf("cues.tsv", "%s: unknown position %q", r[0], r[2])
		case r[1] == cueLead:
			lex.principleLeads[r[0]] = true
		case r[1] == cueFrame:
			lex.frameLeads[r[0]] = true
		case r[1] == cueFormula:
			lex.formulas.Add(r[0], r[0])
		case r[2] == cueAtStart:
			lex.startCues = append(lex.startCues, r[0])
		default:
			lex.anyCues.Add(r[0], r[0])
		}
	}
	if rows, err = readTSV("grammar.tsv", grammarTSV, 2); err != nil {
		return nil, err
	}
	for _, row := range rows {
		r := row.Fields
		switch r[1] {
		case "modifier":
			lex.modifiers = append(lex.modifiers, r[0])
			lex.modifierFirst.Add(firstRune(r[0]))
		case "approximator":
			lex.approximators[r[0]] = true
		case "frame-end":
			lex.frameEnds[r[0]] = true
		case "scope":
			lex.scopes[r[0]] = true
		default:
			return nil, row.Errorf("grammar.tsv", "%s: unknown role %q", r[0], r[1])
		}
	}
	if rows, err = readTSV("topics.tsv", topicsTSV, 3); err != nil {
		return nil, err
	}
	for _, row := range rows {
		r := row.Fields
		w, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			return nil, fmt.Errorf("topics.tsv line %d: %s: weight: %w", row.Line, r[0], err)
		}
		t := topicIndex(r[1])
		if t < 0 {
			return nil, row.Errorf("topics.tsv", "%s: unknown topic %q", r[0], r[1])
		}
		lex.addTopicKey(r[0], t, w)
	}
	return lex, nil
}
