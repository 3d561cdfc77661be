package output

// Sharded runs. A shard writes its rows with the normal writer, but under
// _shards/<index>-of-<count>/ instead of the table folders, so that no reader
// of the dataset sees them; with them go the files the commit needs to
// compute what depends on every report (the terms' word counts), and last its
// marker _shards/<index>-of-<count>.json. The commit (pipeline.Commit) checks
// the markers with OpenShards, reads the shards' rows back report by report
// in input order and writes them as a single run would: the same files, byte
// for byte, joined to the dataset like any run (write mode, lease, journal);
// then it removes the shards (Shards.Remove). A shard runs under a lease of
// its own, _lease-shard-<index>-of-<count>.json, not the dataset's.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/govreports/govreports/schemas"
)

// ShardReport is a report a shard processed.
type ShardReport struct {
	ID string `json:"id"`
	// Seq is the report's 0-based number among all the reports of the
	// inputs, in input order: the commit writes the reports in this order.
	Seq  int   `json:"seq"`
	Year int16 `json:"year"`
}

// ShardMarker is the completion marker _shards/<index>-of-<count>.json of a shard.
type ShardMarker struct {
	SchemaVersion string  `json:"schema_version"`
	ToolVersion   string  `json:"tool_version"`
	StartedAt     string  `json:"started_at,omitempty"`
	Index         int     `json:"index"`
	Count         int     `json:"count"`
	Inputs        []Input `json:"inputs"`
	// ReportsRead counts the reports of the inputs, every shard's.
	ReportsRead int           `json:"reports_read"`
	Reports     []ShardReport `json:"reports"` // this shard's, in input order
	// Skipped are the numbers of this shard's reports that --on-error skip
	// left out, and Rejected what it left out (as a run's manifest lists it).
	Skipped  []int            `json:"skipped,omitempty"`
	Rejected []Rejection      `json:"rejected,omitempty"`
	Tables   map[string]int64 `json:"tables"`
	Files    []FileInfo       `json:"files"`
	// Objects are the shard's other files (names in its folder) for the commit.
	Objects []string `json:"objects"`
}

// shardState is what a shard's Dataset records for its marker besides the files.
type shardState struct {
	reports     []ShardReport
	skipped     []int
	reportsRead int
	objects     []string
}

func shardName(index, count int) string { return fmt.Sprintf("%05d-of-%05d", index, count) }

func shardMarkerKey(index, count int) string { return shardsDir + shardName(index, count) + ".json" }

// shardPrefix is the folder of a shard's files.
func shardPrefix(index, count int) string { return shardsDir + shardName(index, count) + "/" }

// parseShardKey returns the shard a key under _shards/ belongs to: its marker
// or a file in its folder.
func parseShardKey(key string) (index, count int, marker, ok bool) {
	name, rest, folder := strings.Cut(strings.TrimPrefix(key, shardsDir), "/")
	if !folder {
		var found bool
		if name, found = strings.CutSuffix(name, ".json"); !found {
			return 0, 0, false, false
		}
	}
	if _, err := fmt.Sscanf(name, "%05d-of-%05d", &index, &count); err != nil || shardName(index, count) != name || count < 1 {
		return 0, 0, false, false
	}
	return index, count, !folder, !folder || rest != ""
}

// SetShardReports records, for a shard's marker, the reports it processed,
// the numbers of those of its reports it left out (--on-error skip) and how
// many reports the inputs hold in all.
func (d *Dataset) SetShardReports(reports []ShardReport, skipped []int, reportsRead int) {
	d.shard.reports, d.shard.skipped, d.shard.reportsRead = reports, skipped, reportsRead
}

// WriteShardObject writes a file of a shard for the commit (name is a key in
// the shard's folder); like the tables, it is visible only once the shard
// commits.
func (d *Dataset) WriteShardObject(name string, write func(io.Writer) error) error {
	if err := d.usable(); err != nil {
		return err
	}
	if !d.opts.sharded() {
		return fmt.Errorf("output: %s: not a shard", name)
	}
	key := d.staging + d.prefix + name
	w, err := d.st.Create(d.ctx, key)
	if err != nil {
		d.err = err
		return err
	}
	if err := write(w); err != nil {
		w.Abort()
		d.err = fmt.Errorf("output: write %s: %w", name, err)
		return d.err
	}
	if err := w.Close(); err != nil {
		d.err = err
		return err
	}
	d.shard.objects = append(d.shard.objects, name)
	return nil
}

// publishShard moves a shard's files into its folder, removes what an
// earlier run of the shard (or of another shard count) left, and writes its
// marker.
func (d *Dataset) publishShard(ctx context.Context, sum Summary) error {
	index, count := d.opts.ShardIndex, d.opts.ShardCount
	marker := shardMarkerKey(index, count)
	if err := d.st.Delete(ctx, marker); err != nil {
		return err
	}
	if err := d.moveFiles(ctx, sum.Files); err != nil {
		return err
	}
	keep := pathsOf(sum.Files)
	for _, name := range d.shard.objects {
		key := d.prefix + name
		if err := d.st.Move(ctx, d.staging+key, key); err != nil {
			return err
		}
		keep[key] = true
	}
	keys, err := d.st.List(ctx, d.prefix)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if !keep[k] && !strings.HasPrefix(k, d.staging) {
			if err := d.st.Delete(ctx, k); err != nil {
				return err
			}
		}
	}
	if err := removeOtherShardCounts(ctx, d.st, count, d.opts.LeaseTimeout); err != nil {
		return err
	}
	m := ShardMarker{
		SchemaVersion: schemas.Version, ToolVersion: d.opts.ToolVersion, StartedAt: timeString(d.opts.StartedAt),
		Index: index, Count: count, Inputs: d.opts.Inputs, ReportsRead: d.shard.reportsRead,
		Reports: d.shard.reports, Skipped: d.shard.skipped, Rejected: d.rejected, Tables: sum.Tables, Files: sum.Files, Objects: d.shard.objects,
	}
	if m.Inputs == nil {
		m.Inputs = []Input{}
	}
	if err := writeJSON(ctx, d.st, d.staging, marker, m); err != nil {
		return err
	}
	return d.st.DeletePrefix(ctx, d.staging)
}

// removeOtherShardCounts deletes the markers and folders of shards of
// another count: what a sharded run with another count left. A shard that
// is running (its lease is live) keeps its folder.
func removeOtherShardCounts(ctx context.Context, st store, count int, timeout time.Duration) error {
	keys, err := st.List(ctx, shardsDir)
	if err != nil {
		return err
	}
	live := map[string]bool{}
	for _, k := range keys {
		i, n, _, ok := parseShardKey(k)
		if !ok || n == count {
			continue
		}
		name := shardName(i, n)
		if _, seen := live[name]; !seen {
			if live[name], err = shardRunning(ctx, st, i, n, timeout); err != nil {
				return err
			}
		}
		if !live[name] {
			if err := st.Delete(ctx, k); err != nil {
				return err
			}
		}
	}
	return nil
}

// shardRunning tells whether a run of shard index of count holds a live lease.
func shardRunning(ctx context.Context, st store, index, count int, timeout time.Duration) (bool, error) {
	if timeout <= 0 {
		timeout = DefaultLeaseTimeout
	}
	l, err := readLease(ctx, st, shardLeaseKey(index, count))
	if errors.Is(err, errNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	stale, _ := l.stale(time.Now(), timeout, hostname())
	return !stale, nil
}

func readMarker(ctx context.Context, st store, index, count int) (ShardMarker, bool, error) {
	var m ShardMarker
	key := shardMarkerKey(index, count)
	ok, err := st.Exists(ctx, key)
	if err != nil || !ok {
		return m, false, err
	}
	b, err := st.ReadAll(ctx, key)
	if err != nil {
		return m, false, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, false, fmt.Errorf("output: decode %s: %w", key, err)
	}
	if m.Index != index || m.Count != count {
		return m, false, fmt.Errorf("output: %s names shard %s", key, shardName(m.Index, m.Count))
	}
	return m, true, nil
}

// ShardDone tells whether shard index of count finished at out with the
// current schema version, over inputs of these names (in order), and with
// all its files present, so a rerun can skip it. (Whether the inputs' bytes
// changed is known only once they are read; the commit checks that.)
func ShardDone(ctx context.Context, out string, index, count int, inputs []string) (bool, error) {
	st, err := openStore(ctx, out)
	if err != nil {
		return false, err
	}
	defer st.Close()
	m, ok, err := readMarker(ctx, st, index, count)
	if err != nil || !ok || m.SchemaVersion != schemas.Version || len(m.Inputs) != len(inputs) {
		return false, err
	}
	for i, in := range m.Inputs {
		if in.Name != inputs[i] {
			return false, nil
		}
	}
	missing, err := missingFile(ctx, st, m)
	return missing == "" && err == nil, err
}

// missingFile returns the first file of a shard's marker that is not there.
func missingFile(ctx context.Context, st store, m ShardMarker) (string, error) {
	keys := make([]string, 0, len(m.Files)+len(m.Objects))
	for _, f := range m.Files {
		keys = append(keys, f.Path)
	}
	for _, o := range m.Objects {
		keys = append(keys, shardPrefix(m.Index, m.Count)+o)
	}
	for _, k := range keys {
		ok, err := st.Exists(ctx, k)
		if err != nil {
			return "", err
		}
		if !ok {
			return k, nil
		}
	}
	return "", nil
}

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
	s := &Shards{st: st, shardOf: map[string]int{}, streams: map[streamKey]*rows{}, handed: map[streamKey]int64{}, rejected: []Rejection{}}
	if err := s.check(ctx); err != nil {
		_ = st.Close()
		return nil, err
	}
	return s, nil
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

// ReadObject hands read each shard's file name (WriteShardObject), in shard order.
func (s *Shards) ReadObject(ctx context.Context, name string, read func(io.Reader) error) error {
	for _, m := range s.markers {
		if !slices.Contains(m.Objects, name) {
			return fmt.Errorf("output: shard %s has no %s", shardName(m.Index, m.Count), name)
		}
		key := shardPrefix(m.Index, m.Count) + name
		f, err := s.st.OpenFile(ctx, key)
		if err != nil {
			return err
		}
		size, err := f.Seek(0, io.SeekEnd)
		if err == nil {
			err = read(io.NewSectionReader(f, 0, size))
		}
		f.Close()
		if err != nil {
			return fmt.Errorf("output: %s: %w", key, err)
		}
	}
	return nil
}

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
		st.pos++
	}
}

// openRows starts reading the files of a shard's table partition, in the
// order they were written.
func (s *Shards) openRows(key streamKey, t *schemas.Table) *rows {
	r := &rows{st: s.st, t: t, buf: reflect.MakeSlice(reflect.SliceOf(t.Row), 0, streamRows)}
	for _, f := range s.markers[key.shard].Files {
		if f.Table == t.Name && (f.Year == nil && key.year == -1 || f.Year != nil && *f.Year == key.year) {
			r.keys = append(r.keys, f.Path)
		}
	}
	sort.Strings(r.keys) // part-00000, part-00001 …: the order of writing
	return r
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

// streamRows is how many rows a reader of a shard's file holds at once: a
// commit has one open per shard, table and year.
const streamRows = 1024

// rows reads the files of one partition of a shard's table as one sequence.
type rows struct {
	st   store
	t    *schemas.Table
	keys []string // files not opened yet
	key  string
	fr   *fileRows
	buf  reflect.Value
	pos  int
}

// peek returns the next row without taking it (the caller moves pos).
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
