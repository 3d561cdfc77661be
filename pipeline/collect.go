package pipeline

import (
	"context"
	"fmt"

	"github.com/govreports/govreports/schemas"
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
	every := newEveryReport(counter, workers)
	eng := &Engine{Inputs: inputs, Read: opts, Stages: stages, Workers: workers}
	_, err = eng.Run(ctx, func(_ context.Context, doc *Doc) error {
		every.add(doc)
		t.Reports = append(t.Reports, doc.Row)
		t.Sentences = append(t.Sentences, doc.Sentences...)
		t.Goals = append(t.Goals, doc.Goals...)
		t.Figures = append(t.Figures, doc.Figures...)
		t.Commitments = append(t.Commitments, doc.Commitments...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = every.write(func(tbl *schemas.Table, rows any) error {
		switch tbl {
		case schemas.Terms:
			t.Terms = append(t.Terms, rows.([]schemas.Term)...)
		case schemas.Attainment:
			t.Attainment = append(t.Attainment, rows.([]schemas.AttainmentRow)...)
		default:
			return fmt.Errorf("collect: no field for table %s", tbl.Name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.Regions = RegionRows()
	return t, nil
}
