package goals

import (
	"strings"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/split"
)

// Scope is where a report stands, for reading whose figure a relative target
// is set against: the divisions above the report's region, nearest first
// (its prefecture, then its province). 全市 in a county's report is its
// prefecture; in the report of a district of 上海 it is the province.
type Scope []Division

// Division is one division of a Scope: its full name (驻马店市, 上海市,
// 广西壮族自治区) and its level (prefecture or province).
type Division struct{ Name, Level string }

// Reference levels besides those of a Scope's divisions.
const nation = "nation"

// Reference names the region that a relative target's reference words
// (全省, 全市, 全国 …) stand for: nation, or the level of the nearest division
// of the scope whose name ends as grammar.tsv says the words' division does;
// the words themselves when no division of the scope fits.
func (sc Scope) Reference(words string) string {
	for _, p := range lex.reference {
		if p.word != words {
			continue
		}
		if p.value == nation {
			return nation
		}
		for _, d := range sc {
			if strings.HasSuffix(d.Name, p.value) {
				return d.Level
			}
		}
	}
	return words
}

// Row is the goals-table row of g, which was extracted from sentences of the
// report keys names; scope places that report, for the reference of a
// relative target. resolved_value is left null: it links reports and is
// computed over the whole dataset.
func (g Goal) Row(keys schemas.Keys, sentences []split.Sentence, scope Scope) schemas.Goal {
	s := sentences[g.SentenceIndex]
	var ref string
	if g.Reference != "" {
		ref = scope.Reference(g.Reference)
	}
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
		Reference:   optional(ref),
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
