package output

// Streams of rows: the files of a table partition read one after the other
// (a shard's part files for the commit of shards, the old files of a
// partition a merge rewrites, a spilled run of sorted rows), rows held in
// memory, and mergeRuns, which reads several at once in report_id order.

import (
	"context"
	"fmt"
	"reflect"
	"sort"

	"github.com/govreports/govreports/schemas"
)

// streamRows is how many rows a reader of files holds at once: a commit of
// shards has one open per shard, table and year, a merge one per run.
const streamRows = 1024

// rowCursor is a position in a sequence of rows of one table.
type rowCursor interface {
	// peek returns the current row without taking it; false at the end.
	peek(ctx context.Context) (reflect.Value, bool, error)
	// next moves past the current row.
	next()
	close() error
}

// newRows reads the files at keys, in this order, as one sequence of rows of t.
func newRows(st store, t *schemas.Table, keys []string) *rows {
	return &rows{st: st, t: t, keys: keys, buf: reflect.MakeSlice(reflect.SliceOf(t.Row), 0, streamRows)}
}

// rows reads files of a table partition one after the other.
type rows struct {
	st   store
	t    *schemas.Table
	keys []string // files not opened yet
	key  string
	fr   *fileRows
	buf  reflect.Value
	pos  int
}

func (r *rows) next() { r.pos++ }

func (r *rows) peek(ctx context.Context) (reflect.Value, bool, error) {
	for r.pos >= r.buf.Len() {
		if r.fr != nil && !r.fr.done() {
			var err error
			r.pos = 0
			if r.buf, err = r.fr.next(ctx, r.buf.Slice(0, 0), streamRows); err != nil {
				return reflect.Value{}, false, fmt.Errorf("output: read %s: %w", r.key, err)
			}
			if err := setPartition(r.t, r.key, r.buf, 0); err != nil {
				return reflect.Value{}, false, err
			}
			continue
		}
		if err := r.close(); err != nil {
			return reflect.Value{}, false, err
		}
		if len(r.keys) == 0 {
			return reflect.Value{}, false, nil
		}
		if err := r.open(ctx); err != nil {
			return reflect.Value{}, false, err
		}
	}
	return r.buf.Index(r.pos), true, nil
}

func (r *rows) open(ctx context.Context) error {
	r.key, r.keys = r.keys[0], r.keys[1:]
	f, err := r.st.OpenFile(ctx, r.key)
	if err != nil {
		return err
	}
	fr, err := openFileRows(f, r.t, nil)
	if err != nil {
		f.Close()
		return fmt.Errorf("output: read %s: %w", r.key, err)
	}
	r.fr = fr
	return nil
}

func (r *rows) close() error {
	if r.fr == nil {
		return nil
	}
	err := r.fr.close()
	r.fr = nil
	return err
}

// memRows are rows held in memory, read in the order of their indices in order.
type memRows struct {
	rows  reflect.Value
	order []int
	pos   int
}

func (m *memRows) peek(context.Context) (reflect.Value, bool, error) {
	if m.pos >= len(m.order) {
		return reflect.Value{}, false, nil
	}
	return m.rows.Index(m.order[m.pos]), true, nil
}

func (m *memRows) next()        { m.pos++ }
func (m *memRows) close() error { return nil }

// sortedOrder is the order rows are written in: by report id (idOf), the
// rows of a report in the order they came; the order they came for a table
// without report ids (idOf nil).
func sortedOrder(rows reflect.Value, idOf func(reflect.Value) string) []int {
	order := make([]int, rows.Len())
	for i := range order {
		order[i] = i
	}
	if idOf == nil {
		return order
	}
	ids := make([]string, len(order))
	for i := range ids {
		ids[i] = idOf(rows.Index(i))
	}
	if !sort.StringsAreSorted(ids) {
		sort.SliceStable(order, func(a, b int) bool { return ids[order[a]] < ids[order[b]] })
	}
	return order
}

// reportIDOf reads the report id of a row of t; nil for a table without one.
func reportIDOf(t *schemas.Table) func(reflect.Value) string {
	c := column(t, "report_id")
	if c == nil {
		return nil
	}
	return func(row reflect.Value) string { return row.FieldByIndex(c.Index).String() }
}

// filtered leaves out the rows of a cursor that skip says.
type filtered struct {
	rowCursor
	skip func(reflect.Value) bool
}

func (f filtered) peek(ctx context.Context) (reflect.Value, bool, error) {
	for {
		row, ok, err := f.rowCursor.peek(ctx)
		if err != nil || !ok || !f.skip(row) {
			return row, ok, err
		}
		f.rowCursor.next()
	}
}

// mergeRuns hands emit the rows of every cursor, each sorted by report id
// (idOf), in report id order: a report's rows from the first cursor that
// has any, then from the next, and so on, each cursor's in its order. With
// idOf nil (a table without report ids) it hands them cursor after cursor.
// emit gets a report's rows one after the other, first set when a report starts.
func mergeRuns(ctx context.Context, cursors []rowCursor, idOf func(reflect.Value) string, emit func(row reflect.Value, first bool) error) error {
	if idOf == nil {
		idOf = func(reflect.Value) string { return "" }
	}
	last, started := "", false
	for {
		best, bestID := -1, ""
		for i, c := range cursors {
			row, ok, err := c.peek(ctx)
			if err != nil {
				return err
			}
			if ok {
				if id := idOf(row); best < 0 || id < bestID {
					best, bestID = i, id
				}
			}
		}
		if best < 0 {
			return nil
		}
		// The report's whole block of this cursor: a cursor holds each report's rows together.
		for {
			row, ok, err := cursors[best].peek(ctx)
			if err != nil {
				return err
			}
			if !ok || idOf(row) != bestID {
				break
			}
			if err := emit(row, !started || bestID != last); err != nil {
				return err
			}
			last, started = bestID, true
			cursors[best].next()
		}
	}
}
