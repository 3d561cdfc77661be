// Package commitments finds the concrete policy actions of the forward-looking parts of a work report:
// action clauses (an action verb governing a specific object) with their verb, object, topic and deadline.
//
// The word lists are embedded TSV data: verbs.tsv (action and target verbs), abstract.tsv (objects that
// name aims or slogans, not programmes), cues.tsv (phrases of context, principle, rhetoric and target
// explanations, words that open principle or framing clauses), topics.tsv (weighted keywords per topic)
// and grammar.tsv (degree words before slogans, approximators after numbers, words that close a framing
// phrase).
package commitments

import (
	"errors"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/segment"
	"github.com/govreports/govreports/stages/split"
)

// Commitment is one action clause. Offsets are code points in the sentence Text.
type Commitment struct {
	SentenceIndex int // index into the sentences slice passed in
	Clause        string
	SpanStart     int
	SpanEnd       int
	Verb          string
	Object        string
	Topic         string
	Deadline      string
}

// Extractor finds commitments. It is safe for concurrent use.
type Extractor struct {
	seg *segment.Segmenter
	lex *lexicon
}

// New builds an Extractor on a shared Segmenter.
func New(seg *segment.Segmenter) (*Extractor, error) {
	if seg == nil {
		return nil, errors.New("commitments: nil segmenter")
	}
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Extractor{seg: seg, lex: lex}, nil
}

// runInHeadingMax is the longest paragraph-opening sentence (in code points, without its final stop) still
// read as a run-in heading ("抓好重点领域改革。" followed by the measures).
const runInHeadingMax = 28

// enumerated matches the numbering of a heading or a list item: （三）, 三、, 3., 一是, 一要.
var enumerated = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是要]|\d+[.．、])`)

// contextOpener matches the opening of an assessment of the situation (从国际看，…; 从我省看，…).
var contextOpener = regexp.MustCompile(`^从[^，。；]{1,6}看，`)

// crossCutting is the number of distinct topics from which a list of targets is the whole economy's
// (增长5.5%…失业率5.5%…粮食产量…) and takes the topic other.
const crossCutting = 3

// Extract returns the commitments of the forward-looking sentences (targets, plan and governance
// sections), in order. Headings, run-in headings, context, principles, rhetoric and explanations of the
// targets yield none.
func (e *Extractor) Extract(sentences []split.Sentence) []Commitment {
	return e.ExtractAnalyzed(sentences, func(i int) Analysis {
		return Analysis{Tokens: e.seg.Tokens(sentences[i].Text), Mentions: quantity.Extract(sentences[i].Text)}
	})
}

// Analysis is what earlier stages found in a sentence: its words and its quantities.
type Analysis struct {
	Tokens   []segment.Token
	Mentions []quantity.Mention
}

// ExtractAnalyzed is Extract for a caller that has segmented the sentences and found their quantities
// already (the pipeline does both once for every stage); analysis(i) is sentence i's.
func (e *Extractor) ExtractAnalyzed(sentences []split.Sentence, analysis func(i int) Analysis) []Commitment {
	var out []Commitment
	for i, s := range sentences {
		if !forwardLooking(s.Section) || s.IsHeading || e.isHeadingLike(sentences, i) || e.hasCue(s.Text) {
			continue
		}
		out = append(out, e.sentenceCommitments(i, s, analysis(i))...)
	}
	return out
}

func forwardLooking(section string) bool {
	return section == split.Targets || section == split.Plan || section == split.Governance
}

// isHeadingLike reports a numbered heading or a run-in heading: a short sentence without a comma that
// opens a paragraph whose measures follow in the next sentences.
func (e *Extractor) isHeadingLike(sentences []split.Sentence, i int) bool {
	s := sentences[i]
	text := strings.TrimRight(s.Text, "。！？；")
	short := utf8.RuneCountInString(text) <= runInHeadingMax && !strings.ContainsAny(text, "，；：")
	// A numbered item with a figure is a deliverable of a list (十五是实施既有住宅加装电梯550部), not a heading.
	figure := strings.ContainsFunc(text, unicode.IsDigit)
	if enumerated.MatchString(text) && short && !figure {
		return true
	}
	opensParagraph := i == 0 || sentences[i-1].Paragraph != s.Paragraph
	continues := i+1 < len(sentences) && sentences[i+1].Paragraph == s.Paragraph
	return short && opensParagraph && continues && !figure
}

func (e *Extractor) hasCue(text string) bool {
	text = strings.TrimLeft(text, "“‘（(")
	if contextOpener.MatchString(text) {
		return true
	}
	for _, c := range e.lex.cues {
		if c.atStart && strings.HasPrefix(text, c.phrase) || !c.atStart && strings.Contains(text, c.phrase) {
			return true
		}
	}
	return false
}

// holdsMention reports a quantity mention inside the code-point span [start, end).
func holdsMention(ms []quantity.Mention, start, end int) bool {
	for _, m := range ms {
		if start <= m.Start && m.End <= end {
			return true
		}
	}
	return false
}

// sentenceCommitments returns the action clauses of one sentence. Once a sentence holds an action, its
// other clauses that carry a quantity are deliverables too (…，力争医疗旅游人数40万人次、营业收入60亿元):
// a verbless one continues the commitment before it, any other becomes a commitment of its own, unless a
// framing word leads it (围绕50条重点产业链, 按照30%渗透率).
func (e *Extractor) sentenceCommitments(index int, s split.Sentence, an Analysis) []Commitment {
	tokens, mentions := an.Tokens, an.Mentions
	if len(tokens) == 0 {
		return nil
	}
	runes := []rune(s.Text)
	type reading struct {
		ct           []segment.Token
		verb, object string
		ok, number   bool
	}
	var readings []reading
	acts := false
	for _, c := range e.splitClauses(tokens) {
		ct := tokens[c.start:c.end]
		r := reading{ct: ct, number: holdsMention(mentions, ct[0].Start, ct[len(ct)-1].End)}
		r.verb, r.object, r.ok = e.action(ct, r.number, s.Section == split.Targets)
		readings = append(readings, r)
		acts = acts || r.ok
	}
	if !acts {
		return nil
	}
	context := e.lex.contextScore(s.Text, s.Heading)
	sentenceDeadline := findDeadline(s.Text)
	var out []Commitment
	prevCommitment := false
	for _, r := range readings {
		start, end := r.ct[0].Start, r.ct[len(r.ct)-1].End
		deliverable := r.number && !e.lex.isFramed(r.ct)
		switch {
		case prevCommitment && deliverable && r.verb == "" && !r.ok:
			last := &out[len(out)-1]
			last.SpanEnd = end
			last.Clause = string(runes[last.SpanStart:last.SpanEnd])
		case r.ok || deliverable:
			verb, object := r.verb, r.object
			if verb == "" {
				verb, object = predicateOf(r.ct)
			}
			text := string(runes[start:end])
			out = append(out, Commitment{
				SentenceIndex: index,
				Clause:        text,
				SpanStart:     start,
				SpanEnd:       end,
				Verb:          verb,
				Object:        object,
				Topic:         e.lex.topic(text, context),
				Deadline:      deadline(text, sentenceDeadline),
			})
			prevCommitment = true
		default:
			prevCommitment = false
		}
	}
	if s.Section == split.Targets {
		e.lex.markCrossCutting(out)
	}
	return out
}

// markCrossCutting gives a sentence of targets whose clauses, read without their shared context, point
// to several policy areas the topic other.
func (lex *lexicon) markCrossCutting(cs []Commitment) {
	seen := map[string]bool{}
	for _, c := range cs {
		if t := lex.topic(c.Clause, topicScore{}); t != topicOther {
			seen[t] = true
		}
	}
	if len(seen) < crossCutting {
		return
	}
	for i := range cs {
		cs[i].Topic = topicOther
	}
}
