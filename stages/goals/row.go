package goals

import (
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/split"
)

// Row is the goals-table row of g, which was extracted from sentences of the
// report keys names.
func (g Goal) Row(keys schemas.Keys, sentences []split.Sentence) schemas.Goal {
	s := sentences[g.SentenceIndex]
	return schemas.Goal{
		Keys:        keys,
		SentenceRef: schemas.SentenceRef{SentenceID: int32(s.ID), Line: int32(s.Line)},
		Indicator:   g.Indicator.Code,
		IndicatorZH: g.Indicator.ZH,
		IndicatorEN: g.Indicator.EN,
		Subject:     g.Subject,
		Value:       g.Value,
		ValueMax:    g.ValueMax,
		Multiplier:  g.Multiplier,
		Unit:        optional(g.Unit),
		BaseValue:   g.BaseValue,
		BaseUnit:    optional(g.BaseUnit),
		Comparator:  string(g.Comparator),
		Stretch:     g.Stretch,
		Period:      g.Period,
		Note:        optional(g.Note),
		Span:        g.Span,
		SpanStart:   int32(g.SpanStart),
		SpanEnd:     int32(g.SpanEnd),
	}
}

// optional is nil for an empty string, for the nullable columns.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
