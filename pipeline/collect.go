package pipeline

import (
	"context"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/attainment"
	"github.com/govreports/govreports/stages/read"
)

// Tables holds every table of a run in memory, for evaluation and tests.
type Tables struct {
	Reports     []schemas.Report
	Sentences   []schemas.Sentence
	Goals       []schemas.Goal
	Figures     []schemas.Figure
	Commitments []schemas.Commitment
	Terms       []schemas.Term
	Attainment  []schemas.AttainmentRow
	Regions     []schemas.Region
}

// Collect runs the default stages over the inputs and keeps every row in
// memory instead of writing a dataset. Use Run for large inputs.
func Collect(ctx context.Context, inputs []read.Source, opts read.Options, workers int) (*Tables, error) {
	stages, counter, err := Stages()
	if err != nil {
		return nil, err
	}
	t := &Tables{}
	keys := map[string]schemas.Keys{}
	var reviews []attainment.Review
	eng := &Engine{Inputs: inputs, Read: opts, Stages: stages, Workers: workers}
	_, err = eng.Run(ctx, func(_ context.Context, doc *Doc) error {
		keys[doc.Row.ReportID] = doc.Keys()
		t.Reports = append(t.Reports, doc.Row)
		t.Sentences = append(t.Sentences, doc.Sentences...)
		t.Goals = append(t.Goals, doc.Goals...)
		t.Figures = append(t.Figures, doc.Figures...)
		t.Commitments = append(t.Commitments, doc.Commitments...)
		reviews = append(reviews, attainment.ReviewOf(doc.Keys(), doc.Sentences, doc.Figures))
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = termsByReport(counter, keys, workers, func(rows []schemas.Term) error {
		t.Terms = append(t.Terms, rows...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.Attainment = attainment.Build(t.Goals, reviews)
	t.Regions = RegionRows()
	return t, nil
}
