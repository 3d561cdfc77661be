package pipeline

import (
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/attainment"
	"github.com/govreports/govreports/stages/terms"
)

// everyReport builds the tables whose rows depend on other reports of the
// run: the terms (tf-idf weighs a word by the reports using it) and the
// attainment (a goal of one report, the outcome in the region's next one).
// It sees every report's rows in input order: from the sink in a single run
// and in Collect, from the shards' files in a commit. A commit's docs hold
// the rows (Row, Sentences, Goals, Figures, Commitments) and nothing else, so
// add must use only those; the terms' word counts come from the shards'
// files instead (the counter is filled by TermsStage in a run, by
// ReadCounts in a commit).
type everyReport struct {
	counter *terms.Counter
	keys    map[string]schemas.Keys // report_id → keys, for the terms rows
	workers int
	// What the attainment table needs of every report, kept until the end.
	goals   []schemas.Goal
	reviews []attainment.Review
}

func newEveryReport(counter *terms.Counter, workers int) *everyReport {
	return &everyReport{counter: counter, keys: map[string]schemas.Keys{}, workers: workers}
}

// add takes a report's rows, in input order.
func (e *everyReport) add(doc *Doc) {
	keys := doc.Keys()
	e.keys[doc.Row.ReportID] = keys
	e.goals = append(e.goals, doc.Goals...)
	e.reviews = append(e.reviews, attainment.ReviewOf(keys, doc.Sentences, doc.Figures))
}

// write hands emit the rows of every table it builds, once every report was added.
func (e *everyReport) write(emit func(t *schemas.Table, rows any) error) error {
	err := termsByReport(e.counter, e.keys, e.workers, func(rows []schemas.Term) error {
		return emit(schemas.Terms, rows)
	})
	if err != nil {
		return err
	}
	return emit(schemas.Attainment, attainment.Build(e.goals, e.reviews))
}
