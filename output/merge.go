package output

// Merging a run into the dataset (step 4 of commit.go). The partitions a run
// writes replace the dataset's; what the old ones held that stays is read
// back into them first, so that each is rewritten whole: in Merge mode every
// report the run did not bring, in OverwritePartitions mode none of the
// years the run writes. A Relinker may then rewrite the rows of reports the
// run did not bring (the links between reports of several years); the
// partitions it touches are rewritten the same way.

import (
	"context"
	"fmt"
	"reflect"
	"sort"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
)

// Relinker recomputes, at the commit of a run or of shards (not a shard's
// own), the rows that depend on reports of several years, such as the
// attainment of a year's goals against the next year's review: it reads the
// dataset as the commit leaves it (Merged.Reports, Merged.Scan) and replaces
// the rows it recomputes (Merged.Replace). It runs once every row of the run
// is in and before any file is written. In Append mode, which rewrites no
// partition, it may replace the rows of the run's own reports only.
type Relinker func(ctx context.Context, m *Merged) error

// Merged is a relinker's view of a commit: the dataset as the commit leaves it.
type Merged struct {
	d   *Dataset
	ctx context.Context
}

// ReportKey is a report of the dataset as the commit leaves it.
type ReportKey struct {
	ID      string
	Year    int16
	Brought bool // by this run
}

// Reports are the reports of the dataset as the commit leaves it (before
// the relinker's own changes), by year and id.
func (m *Merged) Reports() []ReportKey {
	d := m.d
	var keys []ReportKey
	for y, ids := range d.reports.reports {
		for id := range ids {
			keys = append(keys, ReportKey{ID: id, Year: y, Brought: true})
		}
	}
	if d.old != nil {
		for _, p := range d.old.Partitions {
			for _, id := range p.ReportIDs {
				if d.keeps(nil, p.Year, id) {
					keys = append(keys, ReportKey{ID: id, Year: p.Year})
				}
			}
		}
	}
	sortKeys(keys)
	return keys
}

// Removed are the reports of the dataset that the commit removes without
// bringing them again (by the run's mode), by year and id: their links to
// other reports go with them.
func (m *Merged) Removed() []ReportKey {
	d := m.d
	var keys []ReportKey
	if d.old != nil {
		for _, p := range d.old.Partitions {
			for _, id := range p.ReportIDs {
				if !d.brings(id) && !d.keeps(nil, p.Year, id) {
					keys = append(keys, ReportKey{ID: id, Year: p.Year})
				}
			}
		}
	}
	sortKeys(keys)
	return keys
}

// Appending tells whether the commit adds part files without rewriting any
// partition (Append mode): only the run's own reports' rows may be replaced.
func (m *Merged) Appending() bool { return m.d.opts.Mode == Append }

func sortKeys(keys []ReportKey) {
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		return a.Year < b.Year || a.Year == b.Year && a.ID < b.ID
	})
}

// Scan hands fn the rows of table t in year partition year as the commit
// leaves them, a report at a time (rows is a slice of t's row type), in
// report_id order: the run's and the old rows that stay, less those the
// relinker replaced already (its own rows are not shown). When want is not
// nil, only the reports it wants are handed on, and files that hold none of
// them (the run's, the old ones) are not read.
func (m *Merged) Scan(t *schemas.Table, year int16, want func(reportID string) bool, fn func(reportID string, rows any) error) error {
	d := m.d
	idOf := reportIDOf(t)
	if !t.Partitioned || idOf == nil {
		return fmt.Errorf("output: scan %s: not a table of reports", t.Name)
	}
	if want == nil {
		want = func(string) bool { return true }
	}
	var cursors []rowCursor
	defer func() { closeAll(cursors) }()
	if keys := d.oldFiles(t, year); len(keys) > 0 && m.wantsOld(t, year, want) {
		cursors = append(cursors, filtered{newRows(d.st, t, keys), func(row reflect.Value) bool {
			id := idOf(row)
			return !d.keeps(t, year, id) || !want(id)
		}})
	}
	if pt, ok := d.files.parts[partitionDir(t, &year)]; ok && m.wantsRun(year, want) {
		if err := d.files.bg.wait(); err != nil { // files closed early and spills are read back
			return err
		}
		run, err := d.files.cursors(pt, 0) // the run's rows, not the relinker's
		for _, c := range run {
			cursors = append(cursors, filtered{c, func(row reflect.Value) bool { return !want(idOf(row)) }})
		}
		if err != nil {
			return err
		}
	}
	block := reflect.MakeSlice(reflect.SliceOf(t.Row), 0, 0)
	id := ""
	err := mergeRuns(m.ctx, cursors, idOf, func(row reflect.Value, first bool) error {
		if first && block.Len() > 0 {
			if err := fn(id, block.Interface()); err != nil {
				return err
			}
			block = reflect.MakeSlice(reflect.SliceOf(t.Row), 0, 0)
		}
		id = idOf(row)
		block = reflect.Append(block, row)
		return nil
	})
	if err != nil || block.Len() == 0 {
		return err
	}
	return fn(id, block.Interface())
}

// wantsOld tells whether the old files of table t's partition year hold a
// report that stays and that want wants.
func (m *Merged) wantsOld(t *schemas.Table, year int16, want func(string) bool) bool {
	if m.d.old == nil {
		return false
	}
	for _, p := range m.d.old.Partitions {
		if p.Year != year {
			continue
		}
		for _, id := range p.ReportIDs {
			if m.d.keeps(t, year, id) && want(id) {
				return true
			}
		}
	}
	return false
}

// wantsRun tells whether the run brought a report of year that want wants.
func (m *Merged) wantsRun(year int16, want func(string) bool) bool {
	for id := range m.d.reports.reports[year] {
		if m.d.brings(id) && want(id) {
			return true
		}
	}
	return false
}

// Replace makes rows (a slice of t's row type, every one of report reportID
// of year) the rows of that report in table t, in place of the run's or
// the dataset's; no rows leaves the report none in t. The report's partition
// is rewritten with the rest of its rows.
func (m *Merged) Replace(t *schemas.Table, reportID string, year int16, rows any) error {
	d := m.d
	v := reflect.ValueOf(rows)
	idOf := reportIDOf(t)
	switch {
	case !t.Partitioned || idOf == nil:
		return fmt.Errorf("output: replace rows of %s: not a table of reports", t.Name)
	case v.Kind() != reflect.Slice || v.Type().Elem() != t.Row:
		return fmt.Errorf("output: replace rows of %s: rows are %T, want []%s", t.Name, rows, t.Row)
	case m.Appending() && !d.brings(reportID):
		return fmt.Errorf("output: replace rows of %s of report %s: an appending run rewrites no partition", t.Name, reportID)
	}
	yearCol := column(t, schemas.PartitionColumn)
	for i := 0; i < v.Len(); i++ {
		row := v.Index(i)
		if idOf(row) != reportID || int16(row.FieldByIndex(yearCol.Index).Int()) != year {
			return fmt.Errorf("output: replace rows of %s of report %s (%d): a row of report %s (%d)",
				t.Name, reportID, year, idOf(row), row.FieldByIndex(yearCol.Index).Int())
		}
	}
	if d.relinked[t.Name] == nil {
		d.relinked[t.Name] = map[string]bool{}
	}
	d.relinked[t.Name][reportID] = true
	d.files.replace(t, &year, reportID)
	return d.add(t, v)
}

// keeps tells whether an old row of report id of year stays in table t (nil: every table).
func (d *Dataset) keeps(t *schemas.Table, year int16, id string) bool {
	switch d.opts.Mode {
	case Overwrite:
		return false
	case OverwritePartitions:
		if d.runYears[year] {
			return false
		}
	case Merge:
		if d.brings(id) {
			return false
		}
	}
	return t == nil || !d.relinked[t.Name][id]
}

// brings tells whether the run brought report id.
func (d *Dataset) brings(id string) bool {
	if d.runReports == nil { // the reports carried into the index from now on are not the run's
		d.runReports = map[string]bool{}
		for _, ids := range d.reports.reports {
			for id := range ids {
				d.runReports[id] = true
			}
		}
	}
	return d.runReports[id]
}

// oldFiles are the keys of the old dataset's files of table t's partition year.
func (d *Dataset) oldFiles(t *schemas.Table, year int16) []string {
	var keys []string
	if d.old != nil {
		for _, f := range d.old.Files {
			if f.Table == t.Name && f.Year != nil && *f.Year == year {
				keys = append(keys, f.Path)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// merge runs the relinker and reads the old rows that stay into every
// partition the run rewrites (step 4a). In a year the run brings no report
// to, only the tables whose rows the relinker replaced are rewritten (and
// the reports, whose partition entry of the manifest lists them again).
func (d *Dataset) merge(ctx context.Context) error {
	if d.old != nil && d.old.SchemaVersion != schemas.Version && d.opts.Mode != Overwrite && len(d.old.Files) > 0 {
		return fmt.Errorf("output: the dataset has schema version %s and this run writes %s: "+
			"rebuild it with --mode overwrite (and every year's inputs)", d.old.SchemaVersion, schemas.Version)
	}
	d.runYears = map[int16]bool{}
	for y := range d.files.years {
		d.runYears[y] = true
	}
	d.brings("") // before the relinker and the carried rows add reports to the index
	if d.opts.Relink != nil {
		d.files.gen = 1 // the relinker's rows replace the run's
		if err := d.opts.Relink(ctx, &Merged{d: d, ctx: ctx}); err != nil {
			return fmt.Errorf("output: relink: %w", err)
		}
	}
	if d.old == nil || d.opts.Mode == Overwrite || d.opts.Mode == Append {
		return nil // Append: new part files beside the old ones, no partition is rewritten
	}
	years := make([]int16, 0, len(d.files.years))
	for y := range d.files.years {
		years = append(years, y)
	}
	sort.Slice(years, func(i, j int) bool { return years[i] < years[j] })
	for _, y := range years {
		if d.opts.Mode == OverwritePartitions && d.runYears[y] {
			continue // the run's years are the run's alone
		}
		for _, t := range schemas.All {
			if !t.Partitioned {
				continue
			}
			if _, relinked := d.files.parts[partitionDir(t, &y)]; d.runYears[y] || relinked || t == schemas.Reports {
				if err := d.carry(ctx, t, y); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// carry reads the old rows of table t's partition year that stay into the
// run's partition, and notes the inputs of the reports it keeps.
func (d *Dataset) carry(ctx context.Context, t *schemas.Table, year int16) error {
	keys := d.oldFiles(t, year)
	if len(keys) == 0 {
		return nil
	}
	idOf := reportIDOf(t)
	src := column(t, "source")
	rs := newRows(d.st, t, keys)
	defer rs.close()
	batch := reflect.MakeSlice(reflect.SliceOf(t.Row), 0, streamRows)
	flush := func() error {
		if batch.Len() == 0 {
			return nil
		}
		err := d.add(t, batch)
		batch = batch.Slice(0, 0)
		return err
	}
	for {
		row, ok, err := rs.peek(ctx)
		if err != nil {
			return err
		}
		if !ok {
			return flush()
		}
		rs.next()
		if !d.keeps(t, year, idOf(row)) {
			continue
		}
		if t == schemas.Reports {
			d.carryInput(read.InputOf(row.FieldByIndex(src.Index).String()))
		}
		batch = reflect.Append(batch, row)
		if batch.Len() == streamRows {
			if err := flush(); err != nil {
				return err
			}
		}
	}
}

// carryInput lists the old dataset's inputs of that name among the run's:
// a report kept from them is in a partition the run rewrites.
func (d *Dataset) carryInput(name string) {
	for _, in := range d.old.Inputs {
		if in.Name == name {
			d.carried[in] = true
		}
	}
}

// removedReports are the reports of the old dataset that the merged one no
// longer has: those a run removed without bringing them.
func removedReports(old *Manifest, merged []Partition) []string {
	if old == nil {
		return nil
	}
	have := map[string]bool{}
	for _, p := range merged {
		for _, id := range p.ReportIDs {
			have[id] = true
		}
	}
	var gone []string
	for _, p := range old.Partitions {
		for _, id := range p.ReportIDs {
			if !have[id] {
				gone = append(gone, id)
			}
		}
	}
	sort.Strings(gone)
	return gone
}
