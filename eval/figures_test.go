package eval

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/quantity"
)

const figuresKey = "../testdata/gold/figures.json"

// figureRows runs the quantity extractor on each gold sentence text, taken
// as one sentence of the report it comes from.
func figureRows(gold []FigureSentence) ([]schemas.Sentence, []schemas.Figure) {
	var sents []schemas.Sentence
	var figs []schemas.Figure
	for k, g := range gold {
		keys := schemas.Keys{ReportID: fmt.Sprintf("report-%d", g.Report)}
		ref := schemas.SentenceRef{SentenceID: int32(k), Line: int32(g.Line)}
		sents = append(sents, schemas.Sentence{Keys: keys, SentenceRef: ref, Section: g.Section, Text: g.Text})
		for _, m := range quantity.Extract(g.Text) {
			figs = append(figs, schemas.Figure{
				Keys: keys, SentenceRef: ref, Section: g.Section,
				Mention: m.Text, Value: m.Value, Multiplier: m.Multiplier,
				BaseValue: m.BaseValue, BaseUnit: m.BaseUnit, Kind: m.Kind, Comparator: m.Comparator,
				SpanStart: int32(m.Start), SpanEnd: int32(m.End),
			})
		}
	}
	return sents, figs
}

func TestScoreFiguresDevKey(t *testing.T) {
	gold, err := LoadFigures(figuresKey)
	require.NoError(t, err)
	require.NotEmpty(t, gold)
	sents, figs := figureRows(gold)
	score := ScoreFigures(gold, sents, figs)
	var report bytes.Buffer
	require.NoError(t, score.Write(&report))
	t.Log("\n" + report.String())
	assert.GreaterOrEqual(t, score.Mentions.F1(), 0.97, "mention F1")
	assert.GreaterOrEqual(t, score.BaseAccuracy(), 0.96, "base_value+unit accuracy")
	assert.GreaterOrEqual(t, score.KindAccuracy(), 0.96, "kind accuracy")
	assert.GreaterOrEqual(t, score.ComparatorAccuracy(), 0.96, "comparator accuracy")
}

func TestScoreFiguresMatching(t *testing.T) {
	gold := []FigureSentence{
		{Line: 10, Text: "甲。乙。", Mentions: []GoldFigure{
			{Mention: "5%", BaseValue: 5, BaseUnit: "percent", Kind: "growth", Comparator: "exact"},
			{Mention: "10大", BaseValue: 10, BaseUnit: "count", Kind: "level", Comparator: "exact"},
			{Mention: "10大", BaseValue: 10, BaseUnit: "count", Kind: "level", Comparator: "exact"},
		}},
		{Line: 11, Text: "丙", Mentions: []GoldFigure{{Mention: "3个", BaseValue: 3, BaseUnit: "count", Kind: "level", Comparator: "exact"}}},
	}
	ref := func(id, line int32) schemas.SentenceRef { return schemas.SentenceRef{SentenceID: id, Line: line} }
	sents := []schemas.Sentence{
		{SentenceRef: ref(0, 10), Text: "甲。"}, // split finer than the key: both halves belong to it
		{SentenceRef: ref(1, 10), Text: "乙。"},
		{SentenceRef: ref(2, 10), Text: "丁。"}, // same line, no overlap: not scored
		{SentenceRef: ref(3, 11), Text: "丙"},
	}
	figs := []schemas.Figure{
		{SentenceRef: ref(0, 10), Mention: "5%", BaseValue: 5, BaseUnit: "percent", Kind: "share", Comparator: "exact"},
		{SentenceRef: ref(1, 10), Mention: "10大", BaseValue: 10, BaseUnit: "count", Kind: "level", Comparator: "exact"},
		{SentenceRef: ref(2, 10), Mention: "10大", BaseValue: 10, BaseUnit: "count", Kind: "level", Comparator: "exact"},
		{SentenceRef: ref(3, 11), Mention: "3项", BaseValue: 3, BaseUnit: "count", Kind: "level", Comparator: "exact"},
	}
	s := ScoreFigures(gold, sents, figs)
	assert.Equal(t, PRF{TP: 2, FP: 1, FN: 2}, s.Mentions)
	assert.Equal(t, 2, s.Matched)
	assert.Equal(t, 2, s.BaseOK)
	assert.Equal(t, 1, s.KindOK)
	assert.Equal(t, 2, s.CompareOK)
	require.Len(t, s.Mismatches, 1)
	assert.Equal(t, "kind", s.Mismatches[0].Field)
	assert.Equal(t, []string{"10大", "3个"}, []string{s.Misses[0].Mention, s.Misses[1].Mention})
	assert.Equal(t, "3项", s.Extras[0].Mention)
}

func TestLoadFiguresMissingFile(t *testing.T) {
	_, err := LoadFigures("testdata/no-such-file.json")
	require.Error(t, err)
}
