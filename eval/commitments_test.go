package eval

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/commitments"
	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/segment"
	"github.com/govreports/govreports/stages/split"
	"github.com/govreports/govreports/testdata"
)

// commitmentRows runs read, split, commitments and quantity over the embedded corpus and links each figure
// to the commitment whose clause holds it, as the pipeline does.
func commitmentRows(t *testing.T) ([]schemas.Sentence, []schemas.Commitment, []schemas.Figure) {
	t.Helper()
	seg, err := segment.Default()
	require.NoError(t, err)
	ex, err := commitments.New(seg)
	require.NoError(t, err)
	var (
		sents   []schemas.Sentence
		commits []schemas.Commitment
		figs    []schemas.Figure
	)
	_, err = read.Read(context.Background(), read.BytesSource(testdata.CorpusName, testdata.Corpus), read.Options{},
		func(r *read.Report) error {
			keys := schemas.Keys{ReportID: r.Title}
			ss := split.Split(r)
			cs := ex.Extract(ss)
			base := int32(len(commits))
			for _, c := range cs {
				s := ss[c.SentenceIndex]
				commits = append(commits, schemas.Commitment{Keys: keys,
					SentenceRef: schemas.SentenceRef{SentenceID: int32(s.ID), Line: int32(s.Line)}, Topic: c.Topic})
			}
			for i, s := range ss {
				ref := schemas.SentenceRef{SentenceID: int32(s.ID), Line: int32(s.Line)}
				sents = append(sents, schemas.Sentence{Keys: keys, SentenceRef: ref, Section: s.Section, Text: s.Text})
				for _, m := range quantity.Extract(s.Text) {
					f := schemas.Figure{Keys: keys, SentenceRef: ref, Mention: m.Text}
					if k := commitments.Holding(cs, i, m.Start, m.End); k >= 0 {
						id := base + int32(k)
						f.CommitmentID = &id
					}
					figs = append(figs, f)
				}
			}
			return nil
		})
	require.NoError(t, err)
	return sents, commits, figs
}

func TestScoreCommitmentsDevKey(t *testing.T) {
	gold, err := LoadCommitments(filepath.Join("..", "testdata", "gold", "commitments.json"))
	require.NoError(t, err)
	sents, commits, figs := commitmentRows(t)
	score := ScoreCommitments(gold, sents, commits, figs)
	t.Logf("sentences %v", score.Sentences)
	t.Logf("deliverables %v", score.Deliverables)
	t.Logf("topic %d/%d", score.TopicOK, score.TopicTotal)
	for _, m := range score.Misses {
		t.Logf("miss line %d want %v: %s", m.Line, m.Want, m.Text)
	}
	assert.GreaterOrEqual(t, score.Sentences.F1(), 0.88, "sentence F1")
	assert.GreaterOrEqual(t, score.Deliverables.F1(), 0.85, "deliverables F1")
}

func TestScoreCommitmentsMatching(t *testing.T) {
	id := int32(0)
	keys := schemas.Keys{ReportID: "r"}
	gold := []GoldCommitment{
		{Line: 1, Text: "新建高标准农田150万亩。", IsCommitment: true,
			Deliverables: []GoldDeliverable{{Mention: "150万亩"}}},
		{Line: 2, Text: "抓好重点领域改革。", IsCommitment: false},
		{Line: 3, Text: "支持自主创业。", IsCommitment: true},
	}
	sents := []schemas.Sentence{
		{Keys: keys, SentenceRef: schemas.SentenceRef{SentenceID: 0, Line: 1}, Text: "新建高标准农田150万亩"},
		{Keys: keys, SentenceRef: schemas.SentenceRef{SentenceID: 1, Line: 2}, Text: "抓好重点领域改革。"},
		{Keys: keys, SentenceRef: schemas.SentenceRef{SentenceID: 2, Line: 3}, Text: "支持自主创业。"},
	}
	commits := []schemas.Commitment{
		{Keys: keys, SentenceRef: schemas.SentenceRef{SentenceID: 0, Line: 1}},
		{Keys: keys, SentenceRef: schemas.SentenceRef{SentenceID: 1, Line: 2}},
	}
	figs := []schemas.Figure{
		{Keys: keys, SentenceRef: schemas.SentenceRef{SentenceID: 0, Line: 1}, Mention: "150万亩", CommitmentID: &id},
		{Keys: keys, SentenceRef: schemas.SentenceRef{SentenceID: 1, Line: 2}, Mention: "3项"},
	}
	score := ScoreCommitments(gold, sents, commits, figs)
	assert.Equal(t, PRF{TP: 1, FP: 1, FN: 1}, score.Sentences)
	assert.Equal(t, PRF{TP: 1}, score.Deliverables, "a figure without a commitment_id is no deliverable")
	require.Len(t, score.Misses, 2)
	assert.Equal(t, 2, score.Misses[0].Line)

	var out strings.Builder
	require.NoError(t, score.Write(&out))
	assert.Contains(t, out.String(), "EXTRA line 2\t抓好重点领域改革。")
	assert.Contains(t, out.String(), "MISS  line 3\t支持自主创业。")
}

func TestLoadCommitmentsMissingFile(t *testing.T) {
	_, err := LoadCommitments(filepath.Join(t.TempDir(), "none.json"))
	require.Error(t, err)
}
