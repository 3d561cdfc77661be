package eval_test

import (
	"bytes"
	"context"
	"io"
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
// against the development keys, with the thresholds of the issues. It is the
// one place the keys are scored end to end: the other tests here check the
// matching rules on made-up rows.
func TestDevKeysThroughThePipeline(t *testing.T) {
	tables, err := pipeline.Collect(context.Background(), []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}, read.Options{}, 0)
	require.NoError(t, err)

	goalsKey, err := eval.LoadGoals("../testdata/gold/goals.json")
	require.NoError(t, err)
	goals := eval.ScoreGoals(goalsKey, tables.Goals)
	assert.GreaterOrEqual(t, goals.Numeric.F1(), 0.98, "numeric goals: %v", goals.Numeric)
	assert.GreaterOrEqual(t, goals.Qualitative.F1(), 0.9, "qualitative goals: %v", goals.Qualitative)

	figuresKey, err := eval.LoadFigures("../testdata/gold/figures.json")
	require.NoError(t, err)
	figures := eval.ScoreFigures(figuresKey, tables.Sentences, tables.Figures)
	assert.GreaterOrEqual(t, figures.Mentions.F1(), 0.97, "figure mentions: %v", figures.Mentions)
	assert.GreaterOrEqual(t, figures.BaseAccuracy(), 0.96, "base_value+unit")
	assert.GreaterOrEqual(t, figures.KindAccuracy(), 0.96, "kind")
	assert.GreaterOrEqual(t, figures.ComparatorAccuracy(), 0.96, "comparator")

	commitmentsKey, err := eval.LoadCommitments("../testdata/gold/commitments.json")
	require.NoError(t, err)
	commitments := eval.ScoreCommitments(commitmentsKey, tables.Sentences, tables.Commitments, tables.Figures)
	assert.GreaterOrEqual(t, commitments.Sentences.F1(), 0.88, "commitment sentences: %v", commitments.Sentences)
	assert.GreaterOrEqual(t, commitments.Deliverables.F1(), 0.85, "deliverables: %v", commitments.Deliverables)

	// The misses and extras, for whoever reads a failing run.
	var report bytes.Buffer
	for _, s := range []interface{ Write(io.Writer) error }{goals, figures, commitments} {
		require.NoError(t, s.Write(&report))
	}
	t.Log("\n" + report.String())
}
