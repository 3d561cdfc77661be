package eval

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
)

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
