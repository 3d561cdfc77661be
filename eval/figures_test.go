package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
)

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
