package pipeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/govreports/govreports/output"

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
	stages, err := Stages()
	if err != nil {
		return nil, err
	}
	t := &Tables{}
	brought := newBrought()
	eng := &Engine{Inputs: inputs, Read: opts, Stages: stages, Workers: workers}
	_, err = eng.Run(ctx, func(_ context.Context, doc *Doc) error {
		brought.add(doc)
		t.Reports = append(t.Reports, doc.Row)
		t.Sentences = append(t.Sentences, doc.Sentences...)
		t.Goals = append(t.Goals, doc.Goals...)
		t.Figures = append(t.Figures, doc.Figures...)
		t.Commitments = append(t.Commitments, doc.Commitments...)
		t.Terms = append(t.Terms, doc.Terms...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	run := &memoryLake{reports: t.Reports, goals: map[string][]schemas.Goal{}, attainment: map[string][]schemas.AttainmentRow{}}
	if err := brought.link(run); err != nil {
		return nil, err
	}
	run.apply(t)
	t.Regions = RegionRows()
	return t, nil
}

// memoryLake is a run held in memory as relink sees it: every report is
// the run's, and the rows relink replaces wait in maps.
type memoryLake struct {
	reports    []schemas.Report
	goals      map[string][]schemas.Goal
	attainment map[string][]schemas.AttainmentRow
}

func (m *memoryLake) Reports() []output.ReportKey {
	keys := make([]output.ReportKey, len(m.reports))
	for i, r := range m.reports {
		keys[i] = output.ReportKey{ID: r.ReportID, Year: r.Year, Brought: true}
	}
	return keys
}

func (m *memoryLake) Removed() []output.ReportKey { return nil }

func (m *memoryLake) Appending() bool { return false }

// Scan finds no rows: relink reads only the rows of reports that are not the run's.
func (m *memoryLake) Scan(*schemas.Table, int16, func(string) bool, func(string, any) error) error {
	return nil
}

func (m *memoryLake) Replace(t *schemas.Table, reportID string, _ int16, rows any) error {
	switch t {
	case schemas.Goals:
		m.goals[reportID] = rows.([]schemas.Goal)
	case schemas.Attainment:
		m.attainment[reportID] = rows.([]schemas.AttainmentRow)
	default:
		return fmt.Errorf("collect: relink replaced rows of %s", t.Name)
	}
	return nil
}

// apply puts the replaced rows in place: a report's goals where they were,
// the attainment rows by report id, as in a dataset's files.
func (m *memoryLake) apply(t *Tables) {
	var goals []schemas.Goal
	for i := 0; i < len(t.Goals); {
		id, j := t.Goals[i].ReportID, i
		for j < len(t.Goals) && t.Goals[j].ReportID == id {
			j++
		}
		if rows, ok := m.goals[id]; ok {
			goals = append(goals, rows...)
		} else {
			goals = append(goals, t.Goals[i:j]...)
		}
		i = j
	}
	t.Goals = goals
	ids := make([]string, 0, len(m.attainment))
	for id := range m.attainment {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		t.Attainment = append(t.Attainment, m.attainment[id]...)
	}
}
