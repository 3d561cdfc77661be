package pipeline

import (
	"context"
	"fmt"
	"reflect"
	"slices"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/attainment"
	"github.com/govreports/govreports/stages/links"
	"github.com/govreports/govreports/stages/split"
)

// brought holds what the links between reports need of the reports a run
// brings (a commit of shards: every shard's): their reports rows, goals and
// reviews, a few dozen rows each rather than the reports. At the commit,
// relink recomputes the rows that link reports (goals.resolved_value and the
// attainment table) of every report whose links the run can change, and of
// no other, reading what it needs of the dataset's other reports as the
// commit leaves it: so the dataset holds the same rows however its reports
// were loaded. A commit's docs hold the rows and nothing else, so add uses
// only those.
type brought struct {
	rows    map[string]schemas.Report
	goals   map[string][]schemas.Goal
	reviews map[string]*attainment.Review
	// assessed counts the attainment rows relink wrote for these reports:
	// rows the run brings, though no stage made them.
	assessed int64
}

func newBrought() *brought {
	return &brought{rows: map[string]schemas.Report{}, goals: map[string][]schemas.Goal{}, reviews: map[string]*attainment.Review{}}
}

// add takes a report's rows.
func (b *brought) add(doc *Doc) {
	id := doc.Row.ReportID
	b.rows[id] = doc.Row
	b.goals[id] = doc.Goals
	rv := attainment.ReviewOf(doc.Keys(), doc.Sentences, doc.Figures)
	b.reviews[id] = &rv
}

func (b *brought) count() int { return len(b.rows) }

// lake is the dataset relink reads and changes: output.Merged at a commit,
// or a run held in memory (Collect).
type lake interface {
	Reports() []output.ReportKey
	Removed() []output.ReportKey
	Appending() bool
	Scan(t *schemas.Table, year int16, want func(reportID string) bool, fn func(reportID string, rows any) error) error
	Replace(t *schemas.Table, reportID string, year int16, rows any) error
}

// relink is the output.Relinker of a run.
func (b *brought) relink(_ context.Context, m *output.Merged) error { return b.link(m) }

// link recomputes, for the reports the run brings or removes, the resolved
// values of the relative targets that can change (links.Graph.Resolvable),
// then the attainment rows that can (Assessable), and replaces those that
// differ from the dataset's. An appending run, which rewrites no partition,
// recomputes its own reports' only.
func (b *brought) link(lk lake) error {
	present := lk.Reports()
	var changed []links.Place
	for _, k := range present {
		if k.Brought {
			changed = append(changed, links.PlaceOf(b.rows[k.ID]))
		}
	}
	for _, k := range lk.Removed() {
		p, err := links.PlaceOfID(k.ID)
		if err != nil {
			return err
		}
		changed = append(changed, p)
	}
	if len(changed) == 0 {
		return nil
	}
	g, err := b.graph(lk, present, changed)
	if err != nil {
		return err
	}
	mine := func(id string) bool { _, ok := b.rows[id]; return ok || !lk.Appending() }

	// The resolved values first: attainment judges relative targets by them.
	resolvedGoals := map[string][]schemas.Goal{}
	var resolved []string
	for y, ids := range sortedByYear(g.Resolvable(changed)) {
		goals, err := b.goalsOf(lk, y, append(slices.Clone(ids), g.Above(ids)...), nil)
		if err != nil {
			return err
		}
		for _, id := range links.Resolve(g, goals, ids) {
			if !mine(id) {
				continue
			}
			resolvedGoals[id], resolved = goals[id], append(resolved, id)
			if err := lk.Replace(schemas.Goals, id, y, goals[id]); err != nil {
				return err
			}
		}
	}
	for y, ids := range sortedByYear(g.Assessable(changed, resolved)) {
		ids = slices.DeleteFunc(ids, func(id string) bool { return !mine(id) })
		if err := b.assess(lk, g, y, ids, resolvedGoals); err != nil {
			return err
		}
	}
	return nil
}

// graph places the reports of the years a link of the changed reports can
// reach: their own, the year before and the year after.
func (b *brought) graph(lk lake, present []output.ReportKey, changed []links.Place) (*links.Graph, error) {
	years := map[int16]bool{}
	for _, c := range changed {
		years[c.Year-1], years[c.Year], years[c.Year+1] = true, true, true
	}
	var places []links.Place
	old := map[int16][]string{}
	for _, k := range present {
		switch {
		case !years[k.Year]:
		case k.Brought:
			places = append(places, links.PlaceOf(b.rows[k.ID]))
		default:
			old[k.Year] = append(old[k.Year], k.ID)
		}
	}
	for y, ids := range sortedByYear(old) {
		err := lk.Scan(schemas.Reports, y, in(ids), func(_ string, rows any) error {
			for _, r := range rows.([]schemas.Report) {
				places = append(places, links.PlaceOf(r))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return links.NewGraph(places), nil
}

// goalsOf are the goals of the reports ids of year: those of newer first,
// then the run's, then the dataset's.
func (b *brought) goalsOf(lk lake, year int16, ids []string, newer map[string][]schemas.Goal) (map[string][]schemas.Goal, error) {
	goals := map[string][]schemas.Goal{}
	var old []string
	for _, id := range ids {
		if rows, ok := newer[id]; ok {
			goals[id] = rows
		} else if rows, ok := b.goals[id]; ok {
			goals[id] = rows
		} else {
			old = append(old, id)
		}
	}
	err := scanOld(lk, schemas.Goals, year, old, func(id string, rows []schemas.Goal) { goals[id] = rows })
	return goals, err
}

// assess recomputes the attainment rows of the reports ids of year and
// replaces those that differ from the dataset's.
func (b *brought) assess(lk lake, g *links.Graph, year int16, ids []string, resolvedGoals map[string][]schemas.Goal) error {
	if len(ids) == 0 {
		return nil
	}
	goals, err := b.goalsOf(lk, year, ids, resolvedGoals)
	if err != nil {
		return err
	}
	reviews, err := b.reviewsOf(lk, year+1, nexts(g, ids))
	if err != nil {
		return err
	}
	var old []string
	for _, id := range ids {
		if _, ok := b.rows[id]; !ok {
			old = append(old, id)
		}
	}
	stored := map[string][]schemas.AttainmentRow{}
	err = scanOld(lk, schemas.Attainment, year, old, func(id string, rows []schemas.AttainmentRow) { stored[id] = rows })
	if err != nil {
		return err
	}
	for _, id := range ids {
		rows := attainment.Build(goals[id], reviews[g.Next(id)])
		if len(rows) == 0 && len(stored[id]) == 0 || reflect.DeepEqual(rows, stored[id]) {
			continue
		}
		if rows == nil {
			rows = []schemas.AttainmentRow{}
		}
		if err := lk.Replace(schemas.Attainment, id, year, rows); err != nil {
			return err
		}
		if _, ok := b.rows[id]; ok {
			b.assessed += int64(len(rows))
		}
	}
	return nil
}

// nexts are the reports of the year after whose reviews speak of ids.
func nexts(g *links.Graph, ids []string) []string {
	var out []string
	for _, id := range ids {
		if n := g.Next(id); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// reviewsOf are the reviews of the reports ids of year: the run's, and the
// dataset's read from its review sentences and figures.
func (b *brought) reviewsOf(lk lake, year int16, ids []string) (map[string]*attainment.Review, error) {
	reviews := map[string]*attainment.Review{}
	var old []string
	for _, id := range ids {
		if rv, ok := b.reviews[id]; ok {
			reviews[id] = rv
		} else {
			old = append(old, id)
		}
	}
	if len(old) == 0 {
		return reviews, nil
	}
	// Only the review's rows are kept: a report's other rows are most of it.
	figures := map[string][]schemas.Figure{}
	err := scanOld(lk, schemas.Figures, year, old, func(id string, rows []schemas.Figure) {
		figures[id] = slices.DeleteFunc(rows, func(f schemas.Figure) bool {
			return split.Section(f.Section) != split.Review || f.Indicator == nil
		})
	})
	if err != nil {
		return nil, err
	}
	err = scanOld(lk, schemas.Sentences, year, old, func(id string, rows []schemas.Sentence) {
		rows = slices.DeleteFunc(rows, func(s schemas.Sentence) bool { return split.Section(s.Section) != split.Review })
		if len(rows) > 0 {
			rv := attainment.ReviewOf(rows[0].Keys, rows, figures[id])
			reviews[id] = &rv
		}
		delete(figures, id)
	})
	if err != nil {
		return nil, err
	}
	for _, id := range old {
		if _, ok := reviews[id]; !ok { // a report without a review still makes its year exist
			reviews[id] = &attainment.Review{Keys: keysOf(id)}
		}
	}
	return reviews, nil
}

// keysOf are the keys of a report known by id alone.
func keysOf(id string) schemas.Keys {
	p, _ := links.PlaceOfID(id) // ids of the dataset are well formed
	return schemas.Keys{ReportID: id, Year: p.Year, RegionCode: p.Code}
}

// scanOld hands fn the rows of table t of the dataset's reports ids of year.
func scanOld[T any](lk lake, t *schemas.Table, year int16, ids []string, fn func(id string, rows []T)) error {
	if len(ids) == 0 {
		return nil
	}
	err := lk.Scan(t, year, in(ids), func(id string, rows any) error {
		fn(id, rows.([]T))
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s of %d: %w", t.Name, year, err)
	}
	return nil
}

func in(ids []string) func(string) bool {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return func(id string) bool { return set[id] }
}

// sortedByYear iterates m by year ascending.
func sortedByYear[V any](m map[int16]V) func(yield func(int16, V) bool) {
	return func(yield func(int16, V) bool) {
		years := make([]int16, 0, len(m))
		for y := range m {
			years = append(years, y)
		}
		slices.Sort(years)
		for _, y := range years {
			if !yield(y, m[y]) {
				return
			}
		}
	}
}
