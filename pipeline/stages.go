package pipeline

import (
	"context"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/commitments"
	"github.com/govreports/govreports/stages/goals"
	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/region"
	"github.com/govreports/govreports/stages/segment"
	"github.com/govreports/govreports/stages/split"
	"github.com/govreports/govreports/stages/terms"
)

// SplitStage splits a report into sentences with their sections and headings.
type SplitStage struct{}

// Name implements Stage.
func (SplitStage) Name() string { return "split" }

// Process implements Stage.
func (SplitStage) Process(_ context.Context, doc *Doc) error {
	doc.Split = split.Split(doc.Report)
	doc.Sentences = make([]schemas.Sentence, len(doc.Split))
	for i, s := range doc.Split {
		doc.Sentences[i] = schemas.Sentence{
			Keys:        doc.Keys(),
			SentenceRef: ref(s),
			Paragraph:   int32(s.Paragraph),
			Section:     string(s.Section),
			Heading:     optional(s.Heading),
			Text:        s.Text,
		}
	}
	doc.Row.Sentences = int32(len(doc.Split))
	return nil
}

func ref(s split.Sentence) schemas.SentenceRef {
	return schemas.SentenceRef{SentenceID: int32(s.ID), Line: int32(s.Line)}
}

// SegmentStage cuts every sentence into words once, for the stages after it.
type SegmentStage struct {
	Segmenter *segment.Segmenter
}

// Name implements Stage.
func (SegmentStage) Name() string { return "segment" }

// Process implements Stage.
func (s SegmentStage) Process(_ context.Context, doc *Doc) error {
	doc.Tokens = make([][]segment.Token, len(doc.Split))
	for i, sent := range doc.Split {
		doc.Tokens[i] = s.Segmenter.Tokens(sent.Text)
	}
	return nil
}

// FiguresStage finds every quantity mention of every sentence.
type FiguresStage struct{}

// Name implements Stage.
func (FiguresStage) Name() string { return "figures" }

// Process implements Stage.
func (FiguresStage) Process(_ context.Context, doc *Doc) error {
	doc.Figures = doc.Figures[:0]
	doc.Mentions = make([][]quantity.Mention, len(doc.Split))
	for i, s := range doc.Split {
		doc.Mentions[i] = quantity.Extract(s.Text)
		for _, m := range doc.Mentions[i] {
			doc.Figures = append(doc.Figures, schemas.Figure{
				Keys:        doc.Keys(),
				SentenceRef: ref(s),
				Section:     string(s.Section),
				Period:      period(s.Section, doc.Row.Year),
				Mention:     m.Text,
				Value:       m.Value,
				ValueMax:    m.ValueMax,
				Multiplier:  m.Multiplier,
				Unit:        optional(m.Unit),
				BaseValue:   m.BaseValue,
				BaseUnit:    m.BaseUnit,
				Kind:        m.Kind,
				Direction:   optional(m.Direction),
				Comparator:  string(m.Comparator),
				Approx:      m.Approx,
				Subject:     optional(m.Subject),
				Indicator:   optional(m.Indicator),
				SpanStart:   int32(m.Start),
				SpanEnd:     int32(m.End),
			})
		}
	}
	return nil
}

// GoalsStage reads the year's main expected targets.
type GoalsStage struct{}

// Name implements Stage.
func (GoalsStage) Name() string { return "goals" }

// Process implements Stage.
func (GoalsStage) Process(_ context.Context, doc *Doc) error {
	doc.Goals = doc.Goals[:0]
	scope := scopeOf(doc.Report.Region)
	for _, g := range goals.Extract(doc.Split, int(doc.Row.Year)) {
		doc.Goals = append(doc.Goals, g.Row(doc.Keys(), doc.Split, scope))
	}
	return nil
}

// scopeOf lists the divisions above r, nearest first, for the reference of
// its relative targets.
func scopeOf(r region.Region) goals.Scope {
	var sc goals.Scope
	for _, code := range []string{r.PrefectureCode, r.ProvinceCode} {
		if d, ok := region.ByCode(code); ok && code != "" {
			level := d.Level
			if level == "provincial" {
				level = "province" // goals.reference's word for it
			}
			sc = append(sc, goals.Division{Name: d.Full, Level: level})
		}
	}
	return sc
}

// CommitmentsStage finds the action clauses of the forward-looking sections
// and marks the figures inside them as their deliverables. It runs after
// FiguresStage.
type CommitmentsStage struct {
	Extractor *commitments.Extractor
}

// Name implements Stage.
func (CommitmentsStage) Name() string { return "commitments" }

// Process implements Stage.
func (c CommitmentsStage) Process(_ context.Context, doc *Doc) error {
	doc.Commitments = doc.Commitments[:0]
	found := c.Extractor.ExtractAnalyzed(doc.Split, func(i int) commitments.Analysis {
		return commitments.Analysis{Tokens: doc.Tokens[i], Mentions: doc.Mentions[i]}
	})
	for id, cm := range found {
		s := doc.Split[cm.SentenceIndex]
		doc.Commitments = append(doc.Commitments, schemas.Commitment{
			Keys:         doc.Keys(),
			SentenceRef:  ref(s),
			CommitmentID: int32(id),
			Section:      string(s.Section),
			Heading:      optional(s.Heading),
			Clause:       cm.Clause,
			Verb:         cm.Verb,
			Object:       optional(cm.Object),
			Topic:        cm.Topic,
			Deadline:     optional(cm.Deadline),
			SpanStart:    int32(cm.SpanStart),
			SpanEnd:      int32(cm.SpanEnd),
		})
	}
	// A figure inside a commitment's clause is one of its deliverables.
	for i := range doc.Figures {
		f := &doc.Figures[i]
		id := commitments.Holding(found, int(f.SentenceID), int(f.SpanStart), int(f.SpanEnd))
		if id < 0 {
			continue
		}
		f.CommitmentID = schemas.Ptr(int32(id))
		doc.Commitments[id].Quantified = true
	}
	return nil
}

// TermsStage ranks each report's content words (after SegmentStage) by
// tf-idf against the fixed reference of package terms: a report's terms are
// its own, whatever else a run or the dataset holds.
type TermsStage struct{}

// Name implements Stage.
func (TermsStage) Name() string { return "terms" }

// Process implements Stage.
func (TermsStage) Process(_ context.Context, doc *Doc) error {
	doc.Terms = doc.Terms[:0]
	for _, t := range terms.Top(terms.Count(doc.Tokens), TopTerms) {
		doc.Terms = append(doc.Terms, schemas.Term{
			Keys: doc.Keys(), Term: t.Term, POS: t.POS, Count: int32(t.Count), TFIDF: t.TFIDF, Rank: int16(t.Rank),
		})
	}
	// The words are not needed after this stage; let them go before the doc waits for the writer.
	doc.Tokens, doc.Mentions = nil, nil
	return nil
}
