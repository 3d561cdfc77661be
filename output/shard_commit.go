package output

// Sharded runs, the commit's side. The commit (pipeline.Commit) checks the
// markers with OpenShards, reads the shards' rows back report by report in
// input order (shard_rows.go) and writes them as a single run would: the same
// files, byte for byte, joined to the dataset like any run (write mode,
// lease, journal: commit.go); then it removes the shards (Shards.Remove).

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/govreports/govreports/schemas"
)

// Shards are the finished shards of a sharded run, read back for its commit.
type Shards struct {
	st      store
	markers []ShardMarker
	reports []ShardReport       // every shard's, in input order
	shardOf map[string]int      // report id → shard index
	streams map[streamKey]*rows // open readers of the shards' files
	handed  map[streamKey]int64 // rows handed out per shard and table (year -1)
	// rejected is what the shards left out (--on-error skip), once each.
	rejected []Rejection
}

type streamKey struct {
	shard int
	table string
	year  int16
}

// OpenShards checks the shards at out for a commit: every shard of one
// count finished, with all its files; all were run by the same schema and
// tool version over the same inputs (names, sha256 and sizes, in order) and
// so read the same number of reports; and each report of the inputs is in
// exactly one shard.
func OpenShards(ctx context.Context, out string) (*Shards, error) {
	st, err := openStore(ctx, out)
	if err != nil {
		return nil, err
	}
	s, err := openShards(ctx, st)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	return s, nil
}

func openShards(ctx context.Context, st store) (*Shards, error) {
	s := &Shards{st: st, shardOf: map[string]int{}, streams: map[streamKey]*rows{}, handed: map[streamKey]int64{}, rejected: []Rejection{}}
	return s, s.check(ctx)
}

func (s *Shards) check(ctx context.Context) error {
	count, err := shardCount(ctx, s.st)
	if err != nil {
		return err
	}
	if s.markers, err = readMarkers(ctx, s.st, count); err != nil {
		return err
	}
	first := s.markers[0]
	name0 := shardName(first.Index, first.Count)
	seqs := map[int]string{}
	for _, m := range s.markers {
		name := shardName(m.Index, m.Count)
		switch {
		case m.SchemaVersion != schemas.Version:
			return fmt.Errorf("output: shard %s has schema version %s, want %s: rerun it", name, m.SchemaVersion, schemas.Version)
		case m.ToolVersion != first.ToolVersion:
			return fmt.Errorf("output: shard %s was written by %q, shard %s by %q: rerun the shards with one version", name, m.ToolVersion, name0, first.ToolVersion)
		}
		if err := sameInputs(first.Inputs, m.Inputs); err != nil {
			return fmt.Errorf("output: shards %s and %s were run over different inputs (%w): rerun the shards over the same inputs", name0, name, err)
		}
		if m.ReportsRead != first.ReportsRead {
			return fmt.Errorf("output: shard %s read %d reports, shard %s %d: rerun the shards over the same inputs", name, m.ReportsRead, name0, first.ReportsRead)
		}
		for _, r := range m.Reports {
			if prev, ok := s.shardOf[r.ID]; ok {
				return fmt.Errorf("output: report %s is in shard %s and in shard %s", r.ID, shardName(prev, count), name)
			}
			if prev, ok := seqs[r.Seq]; ok || r.Seq < 0 || r.Seq >= m.ReportsRead {
				return fmt.Errorf("output: shard %s lists report %s as number %d of %d (also %q)", name, r.ID, r.Seq, m.ReportsRead, prev)
			}
			s.shardOf[r.ID], seqs[r.Seq] = m.Index, r.ID
			s.reports = append(s.reports, r)
		}
		for _, n := range m.Skipped {
			if prev, ok := seqs[n]; ok || n < 0 || n >= m.ReportsRead {
				return fmt.Errorf("output: shard %s left out report number %d of %d (also %q)", name, n, m.ReportsRead, prev)
			}
			seqs[n] = ""
		}
		for _, r := range m.Rejected {
			if !slices.Contains(s.rejected, r) {
				s.rejected = append(s.rejected, r)
			}
		}
	}
	if len(seqs) != first.ReportsRead {
		return fmt.Errorf("output: the shards hold %d of the inputs' %d reports", len(seqs), first.ReportsRead)
	}
	sort.SliceStable(s.rejected, func(i, j int) bool {
		a, b := s.rejected[i], s.rejected[j]
		return a.Input < b.Input || (a.Input == b.Input && a.Line < b.Line)
	})
	sort.Slice(s.reports, func(i, j int) bool { return s.reports[i].Seq < s.reports[j].Seq })
	return nil
}

// sameInputs tells how two shards' inputs differ.
func sameInputs(a, b []Input) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d inputs and %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			return fmt.Errorf("input %d is %s (sha256 %s) and %s (sha256 %s)", i+1, a[i].Name, a[i].SHA256, b[i].Name, b[i].SHA256)
		}
	}
	return nil
}

// shardCount is the shard count of the markers at st; shards remove the
// markers of other counts when they finish, so there is one.
func shardCount(ctx context.Context, st store) (int, error) {
	keys, err := st.List(ctx, shardsDir)
	if err != nil {
		return 0, err
	}
	counts := map[int]bool{}
	for _, k := range keys {
		if _, n, marker, ok := parseShardKey(k); ok && marker {
			counts[n] = true
		}
	}
	switch len(counts) {
	case 0:
		return 0, fmt.Errorf("output: no finished shard at %s (no %s*.json)", st, shardsDir)
	case 1:
		for n := range counts {
			return n, nil
		}
	}
	return 0, fmt.Errorf("output: shards of different counts at %s: rerun the shards of one count", st)
}

func readMarkers(ctx context.Context, st store, count int) ([]ShardMarker, error) {
	markers := make([]ShardMarker, 0, count)
	var missing []string
	for i := 0; i < count; i++ {
		m, ok, err := readMarker(ctx, st, i, count)
		if err != nil {
			return nil, err
		}
		if !ok {
			missing = append(missing, shardName(i, count))
			continue
		}
		gone, err := missingFile(ctx, st, m)
		if err != nil {
			return nil, err
		}
		if gone != "" {
			return nil, fmt.Errorf("output: shard %s lists %s, which is not at %s: rerun the shard", shardName(i, count), gone, st)
		}
		markers = append(markers, m)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("output: shards not finished at %s: %s", st, strings.Join(missing, ", "))
	}
	return markers, nil
}

// Reports are the reports of every shard, in input order.
func (s *Shards) Reports() []ShardReport { return s.reports }

// Rejected is what the shards left out with --on-error skip.
func (s *Shards) Rejected() []Rejection { return s.rejected }

// Inputs are the inputs every shard read.
func (s *Shards) Inputs() []Input { return s.markers[0].Inputs }

// ToolVersion is the version of the program that wrote the shards.
func (s *Shards) ToolVersion() string { return s.markers[0].ToolVersion }

// Count is the number of shards.
func (s *Shards) Count() int { return len(s.markers) }

// ReportRows returns the rows of table t (T its row type) that the shard of
// report r wrote for it. Ask for the reports in the order of Reports.
func ReportRows[T any](ctx context.Context, s *Shards, t *schemas.Table, r ShardReport) ([]T, error) {
	if rt := reflect.TypeOf((*T)(nil)).Elem(); rt != t.Row {
		return nil, fmt.Errorf("output: read %s into %s, want %s", t.Name, rt, t.Row)
	}
	rows, err := s.reportRows(ctx, t, r)
	if err != nil {
		return nil, err
	}
	return rows.Interface().([]T), nil
}

func (s *Shards) reportRows(ctx context.Context, t *schemas.Table, r ShardReport) (reflect.Value, error) {
	out := reflect.MakeSlice(reflect.SliceOf(t.Row), 0, 0)
	shard, ok := s.shardOf[r.ID]
	if !ok {
		return out, fmt.Errorf("output: report %s is in no shard", r.ID)
	}
	key := streamKey{shard, t.Name, -1}
	if t.Partitioned {
		key.year = r.Year
	}
	st, ok := s.streams[key]
	if !ok {
		st = s.openRows(key, t)
		s.streams[key] = st
	}
	id := column(t, "report_id")
	if id == nil {
		return out, fmt.Errorf("output: table %s has no report_id", t.Name)
	}
	for {
		row, ok, err := st.peek(ctx)
		if err != nil || !ok || row.FieldByIndex(id.Index).String() != r.ID {
			s.handed[streamKey{shard, t.Name, -1}] += int64(out.Len())
			return out, err
		}
		out = reflect.Append(out, row)
		st.next()
	}
}

// openRows starts reading the files of a shard's table partition, in the
// order they were written.
func (s *Shards) openRows(key streamKey, t *schemas.Table) *rows {
	var keys []string
	for _, f := range s.markers[key.shard].Files {
		if f.Table == t.Name && (f.Year == nil && key.year == -1 || f.Year != nil && *f.Year == key.year) {
			keys = append(keys, f.Path)
		}
	}
	sort.Strings(keys) // part-00000, part-00001 …: the order of writing
	return newRows(s.st, t, keys)
}

// Done checks that every row of the shards' files was handed out, and so
// belongs to a report of the markers, in their order.
func (s *Shards) Done() error {
	for _, m := range s.markers {
		for _, t := range sortedTables(m.Tables) {
			if got := s.handed[streamKey{m.Index, t, -1}]; got != m.Tables[t] {
				return fmt.Errorf("output: shard %s has %d rows of %s, %d of them are rows of its reports in input order", shardName(m.Index, m.Count), m.Tables[t], t, got)
			}
		}
	}
	return nil
}

func sortedTables(tables map[string]int64) []string {
	names := make([]string, 0, len(tables))
	for t := range tables {
		names = append(names, t)
	}
	sort.Strings(names)
	return names
}

// Remove deletes the committed shards, once their rows are in the dataset:
// each one's marker first (so that it is no longer a finished shard), then
// its folder. A shard that is running again meanwhile (its lease is live)
// is left to finish.
func (s *Shards) Remove(ctx context.Context, leaseTimeout time.Duration) error {
	for _, m := range s.markers {
		running, err := shardRunning(ctx, s.st, m.Index, m.Count, leaseTimeout)
		if err != nil {
			return err
		}
		if running {
			continue
		}
		if err := s.st.Delete(ctx, shardMarkerKey(m.Index, m.Count)); err != nil {
			return err
		}
		if err := s.st.DeletePrefix(ctx, shardPrefix(m.Index, m.Count)); err != nil {
			return err
		}
	}
	return nil
}

// Close releases the files and the store.
func (s *Shards) Close() error {
	var errs []error
	for _, r := range s.streams {
		errs = append(errs, r.close())
	}
	return errors.Join(append(errs, s.st.Close())...)
}
