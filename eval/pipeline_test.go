package eval_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/eval"
	"github.com/govreports/govreports/pipeline"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/testdata"
)

// TestDevKeysThroughThePipeline scores the tables the real pipeline makes of
// the embedded corpus (what `govreports eval --gold testdata/gold` prints)
// against the development keys, with the thresholds of the issues.
func TestDevKeysThroughThePipeline(t *testing.T) {
	tables, err := pipeline.Collect(context.Background(), []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}, read.Options{}, 0)
	require.NoError(t, err)

	goalsKey, err := eval.LoadGoals("../testdata/gold/goals.json")
	require.NoError(t, err)
	goals := eval.ScoreGoals(goalsKey, tables.Goals)
	assert.GreaterOrEqual(t, goals.Numeric.F1(), 0.98, "numeric goals: %v", goals.Numeric)

	figuresKey, err := eval.LoadFigures("../testdata/gold/figures.json")
	require.NoError(t, err)
	figures := eval.ScoreFigures(figuresKey, tables.Sentences, tables.Figures)
	assert.GreaterOrEqual(t, figures.Mentions.F1(), 0.97, "figure mentions: %v", figures.Mentions)
	assert.GreaterOrEqual(t, figures.BaseAccuracy(), 0.96, "base_value+unit")

	commitmentsKey, err := eval.LoadCommitments("../testdata/gold/commitments.json")
	require.NoError(t, err)
	commitments := eval.ScoreCommitments(commitmentsKey, tables.Sentences, tables.Commitments, tables.Figures)
	assert.GreaterOrEqual(t, commitments.Sentences.F1(), 0.88, "commitment sentences: %v", commitments.Sentences)
	assert.GreaterOrEqual(t, commitments.Deliverables.F1(), 0.85, "deliverables: %v", commitments.Deliverables)
}
