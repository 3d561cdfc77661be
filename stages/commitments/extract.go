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
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
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
	lex *lexicons
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

// enumeratedLen returns the length in bytes of the numbering of a heading or a list item that opens s
// ((三), （十二）, 三、, 一是, 一要, 3., 12、), or 0. It reads s as the regular expression
//
//	^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是要]|\d+[.．、])
//
// would; the three forms differ in their first character and each run of numerals ends where a
// character outside it stands.
func enumeratedLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '（' || r == '(':
		if k := n + numeralsLen(s[n:], true); k > n {
			return closedBy(s, k, "）", ")")
		}
	case isChineseNumeral(r):
		return closedBy(s, numeralsLen(s, false), "、", "是", "要")
	case r < utf8.RuneSelf && isDigit(byte(r)):
		k := 0
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		return closedBy(s, k, ".", "．", "、")
	}
	return 0
}

// numeralsLen is the length of the run of Chinese numerals (and of ASCII digits when digits) opening s.
func numeralsLen(s string, digits bool) int {
	for i, r := range s {
		if !isChineseNumeral(r) && !(digits && r < utf8.RuneSelf && isDigit(byte(r))) {
			return i
		}
	}
	return len(s)
}

// closedBy returns k plus the length of the closing mark that follows s[:k], or 0 when none does.
func closedBy(s string, k int, marks ...string) int {
	for _, m := range marks {
		if strings.HasPrefix(s[k:], m) {
			return k + len(m)
		}
	}
	return 0
}

func isChineseNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// opensContext reports the opening of an assessment of the situation (从国际看，…; 从我省看，…): 从, one
// to six characters other than ，。；, then 看，.
func opensContext(text string) bool {
	rest, ok := strings.CutPrefix(text, "从")
	if !ok {
		return false
	}
	for range 6 {
		r, n := utf8.DecodeRuneInString(rest)
		if n == 0 || r == '，' || r == '。' || r == '；' {
			return false
		}
		rest = rest[n:]
		if strings.HasPrefix(rest, "看，") {
			return true
		}
	}
	return false
}

// Extract returns the commitments of the forward-looking sentences (plan and governance sections), in
// order. Headings, run-in headings, context, principles, rhetoric and explanations of the targets yield
// none. The targets passage yields none either: its targets are the goals table's rows, not actions.
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
	// Most forward-looking sentences hold a commitment or two: room for as many as their number, once.
	forward := 0
	for _, s := range sentences {
		if forwardLooking(s.Section) {
			forward++
		}
	}
	out := make([]Commitment, 0, 2*forward)
	var w scratch
	for i, s := range sentences {
		if !forwardLooking(s.Section) || s.IsHeading || e.isHeadingLike(sentences, i) || e.hasCue(s.Text) {
			continue
		}
		out = e.sentenceCommitments(out, &w, i, s, analysis(i))
	}
	return out
}

// scratch holds the buffers that one call of ExtractAnalyzed reuses from sentence to sentence.
type scratch struct {
	readings    []reading
	text        sentenceText
	hits        []topicHit // the topic keywords of the sentence
	heading     string     // the heading last scanned for topic keywords
	headingHits []topicHit
	clauseHits  []topicHit // the topic keywords of a clause that is no substring of its sentence
}

// scanTopics finds the topic keywords of the sentence that w.text holds and of its heading, and returns
// what its clauses share: the sentence once and the heading in force twice (the heading names the policy
// area the paragraph belongs to).
func (w *scratch) scanTopics(lex *lexicons, heading string) topicScore {
	w.hits = lex.appendHits(w.hits[:0], w.text.text)
	if heading != w.heading {
		w.heading, w.headingHits = heading, lex.appendHits(w.headingHits[:0], heading)
	}
	var context topicScore
	addScores(&context, w.hits, 0, len(w.text.text), 1)
	addScores(&context, w.headingHits, 0, len(heading), 2)
	return context
}

// topic picks the topic of the clause at code points [start, end) of the sentence: its own keywords count
// double on top of the context.
func (w *scratch) topic(lex *lexicons, start, end int, context topicScore) string {
	score := context
	if w.text.runes == nil {
		addScores(&score, w.hits, w.text.offsets[start], w.text.offsets[end], 2)
	} else {
		clause := w.text.span(start, end)
		w.clauseHits = lex.appendHits(w.clauseHits[:0], clause)
		addScores(&score, w.clauseHits, 0, len(clause), 2)
	}
	return score.best()
}

// reading is what the rules make of one clause of a sentence.
type reading struct {
	ct           []segment.Token
	verb, object string
	ok, number   bool
}

// sentenceText cuts a sentence at code-point offsets without converting all of it to runes.
type sentenceText struct {
	text    string
	offsets []int  // byte offset of each code point, and len(text) last
	runes   []rune // the code points of a text that is not valid UTF-8, whose bytes string(runes) rewrites
}

func (t *sentenceText) reset(text string) {
	t.text, t.offsets, t.runes = text, t.offsets[:0], nil
	for i, r := range text {
		if r == utf8.RuneError && !strings.HasPrefix(text[i:], "\uFFFD") {
			t.runes = []rune(text)
			return
		}
		t.offsets = append(t.offsets, i)
	}
	t.offsets = append(t.offsets, len(text))
}

// span is string([]rune(text)[start:end]).
func (t *sentenceText) span(start, end int) string {
	if t.runes != nil {
		return string(t.runes[start:end])
	}
	return t.text[t.offsets[start]:t.offsets[end]]
}

func forwardLooking(section split.Section) bool {
	return section == split.Plan || section == split.Governance
}

// isHeadingLike reports a numbered heading or a run-in heading: a short sentence without a comma that
// opens a paragraph whose measures follow in the next sentences.
func (e *Extractor) isHeadingLike(sentences []split.Sentence, i int) bool {
	s := sentences[i]
	text := sentenceEnd.trimRight(s.Text)
	// At most 4 bytes a character: a longer text need not be counted.
	if len(text) > utf8.UTFMax*runInHeadingMax || utf8.RuneCountInString(text) > runInHeadingMax ||
		strings.ContainsAny(text, "，；：") {
		return false
	}
	// A numbered item with a figure is a deliverable of a list (十五是实施既有住宅加装电梯550部), not a heading.
	if strings.ContainsFunc(text, isDigitRune) {
		return false
	}
	if enumeratedLen(text) > 0 {
		return true
	}
	opensParagraph := i == 0 || sentences[i-1].Paragraph != s.Paragraph
	continues := i+1 < len(sentences) && sentences[i+1].Paragraph == s.Paragraph
	return opensParagraph && continues
}

func (e *Extractor) hasCue(text string) bool {
	text = openingMarks.trimLeft(text)
	if opensContext(text) {
		return true
	}
	for _, c := range e.lex.startCues {
		if strings.HasPrefix(text, c) {
			return true
		}
	}
	return holdsPhrase(text, &e.lex.anyCues)
}

// holdsPhrase reports that one of the phrases stands anywhere in text.
func holdsPhrase(text string, phrases *lexicon.ByFirst[string]) bool {
	for i, r := range text {
		for _, c := range phrases.Get(r) {
			if strings.HasPrefix(text[i:], c) {
				return true
			}
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

// sentenceCommitments appends the action clauses of one sentence to out. Once a sentence holds an action,
// its other clauses that carry a quantity are deliverables too (…，力争医疗旅游人数40万人次、营业收入60亿元):
// a verbless one continues the commitment before it, any other becomes a commitment of its own, unless a
// framing word leads it (围绕50条重点产业链, 按照30%渗透率).
func (e *Extractor) sentenceCommitments(out []Commitment, w *scratch, index int, s split.Sentence, an Analysis) []Commitment {
	tokens, mentions := an.Tokens, an.Mentions
	if len(tokens) == 0 {
		return out
	}
	readings := w.readings[:0]
	acts := false
	// Most sentences hold no political formula: their clauses need not be searched for one.
	formulas := holdsPhrase(s.Text, &e.lex.formulas)
	for _, c := range e.splitClauses(tokens) {
		ct := tokens[c.start:c.end]
		r := reading{ct: ct, number: holdsMention(mentions, ct[0].Start, ct[len(ct)-1].End)}
		r.verb, r.object, r.ok = e.action(ct, r.number)
		if r.ok && formulas && holdsPhrase(join(ct), &e.lex.formulas) {
			r.ok = false
		}
		readings = append(readings, r)
		acts = acts || r.ok
	}
	w.readings = readings
	if !acts {
		return out
	}
	w.text.reset(s.Text)
	context := w.scanTopics(e.lex, s.Heading)
	sentenceDeadline := findDeadline(s.Text)
	prevCommitment := false
	for _, r := range readings {
		start, end := r.ct[0].Start, r.ct[len(r.ct)-1].End
		deliverable := r.number && !e.lex.isFramed(r.ct)
		switch {
		case prevCommitment && deliverable && r.verb == "" && !r.ok:
			last := &out[len(out)-1]
			last.SpanEnd = end
			last.Clause = w.text.span(last.SpanStart, last.SpanEnd)
		case r.ok || deliverable:
			verb, object := r.verb, r.object
			if verb == "" {
				verb, object = predicateOf(r.ct)
			}
			text := w.text.span(start, end)
			out = append(out, Commitment{
				SentenceIndex: index,
				Clause:        text,
				SpanStart:     start,
				SpanEnd:       end,
				Verb:          verb,
				Object:        object,
				Topic:         w.topic(e.lex, start, end, context),
				Deadline:      deadline(text, sentenceDeadline),
			})
			prevCommitment = true
		default:
			prevCommitment = false
		}
	}
	return out
}
