package output

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
)

// Well-known keys of a dataset.
const (
	ManifestKey = "_manifest.json"
	SuccessKey  = "_SUCCESS"
	shardsDir   = "_shards/"
	stagingDir  = "_tmp/"
)

// Options configure a dataset run.
type Options struct {
	// Out is a directory, a file:// URL or a bucket URL (s3://bucket/prefix,
	// gs://…, azblob://…).
	Out string
	// ShardIndex and ShardCount split a run; 0 and 1 (or 0 and 0) when not sharded.
	ShardIndex, ShardCount int
	// Inputs are listed in the manifest.
	Inputs []Input
	// ToolVersion is recorded in the manifest.
	ToolVersion string
	// StartedAt, when set, is recorded in the manifest (never in the Parquet files).
	StartedAt time.Time
	// Mode joins the run to the dataset at Out; OverwritePartitions when empty.
	Mode Mode
	// LeaseTimeout is how long a lease on Out lives without renewal before
	// another run takes it over; DefaultLeaseTimeout when 0.
	LeaseTimeout time.Duration
	// Logger gets what the run does to the dataset beside writing it (a
	// lease taken over, a dead run's staging removed); none when nil.
	Logger *slog.Logger
}

// Input is one input file of the run, as the reader reports it.
type Input = read.Input

// Summary is what a commit wrote.
type Summary struct {
	Tables map[string]int64 `json:"tables"` // rows per table written by the run
	Files  []FileInfo       `json:"files"`
	// Dataset is the rows per table of the whole dataset after the commit.
	Dataset map[string]int64 `json:"dataset,omitempty"`
}

// Dataset is one run writing a dataset. It is not safe for concurrent use.
type Dataset struct {
	ctx     context.Context
	opts    Options
	st      store
	staging string // key prefix of this run's files until Commit
	cols    map[*schemas.Table][]columnWriter
	writers map[string]*tableWriter // open files by partition folder
	// open lists each table's open partition folders, least recently used first.
	open  map[*schemas.Table][]string
	parts map[string]int // files started per partition folder
	early earlyCloser    // files closed before Commit
	years map[int16]bool
	// parts of the manifest: each year's report ids and input names
	yearReports, yearInputs map[int16]map[string]bool
	rejected                []Rejection

	runID string
	lease *lease
	log   *slog.Logger
	old   *Manifest       // the dataset at Out when the run started; nil: none
	owned map[string]bool // files old lists
	err   error           // first failure: the run can only be aborted
	done  bool
	// prefix is the key prefix of the run's files: a shard's folder, or none.
	prefix string
	shard  shardState

	rowGroupRows int64 // rows per row group at most
}

func (o Options) sharded() bool { return o.ShardCount > 1 }

// Open starts a run writing to opts.Out. Nothing is visible at Out until
// Commit succeeds.
func Open(ctx context.Context, opts Options) (*Dataset, error) {
	if opts.ShardCount < 0 || opts.ShardIndex < 0 || (opts.ShardIndex > 0 && opts.ShardIndex >= opts.ShardCount) {
		return nil, fmt.Errorf("output: shard %d of %d is out of range", opts.ShardIndex, opts.ShardCount)
	}
	st, err := openStore(ctx, opts.Out)
	if err != nil {
		return nil, err
	}
	d, err := openDataset(ctx, opts, st)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	return d, nil
}

func openDataset(ctx context.Context, opts Options, st store) (*Dataset, error) {
	if opts.Mode == "" {
		opts.Mode = OverwritePartitions
	}
	if _, err := ParseMode(string(opts.Mode)); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	runID, err := newRunID()
	if err != nil {
		return nil, err
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	d := &Dataset{
		ctx: ctx, opts: opts, st: st, staging: stagingOf(runID), rowGroupRows: defaultRowGroupRows,
		cols:        map[*schemas.Table][]columnWriter{},
		writers:     map[string]*tableWriter{},
		open:        map[*schemas.Table][]string{},
		parts:       map[string]int{},
		years:       map[int16]bool{},
		yearReports: map[int16]map[string]bool{},
		yearInputs:  map[int16]map[string]bool{},
		runID:       runID, log: log, owned: map[string]bool{},
	}
	if opts.sharded() {
		// A shard stages in its own folder, which only it touches.
		d.prefix = shardPrefix(opts.ShardIndex, opts.ShardCount)
		d.staging = d.prefix + d.staging
	}
	// The lease is the run's first write: a location that cannot be written
	// (missing credentials, a read-only disk) fails here, before any work.
	key := LeaseKey
	if opts.sharded() {
		key = shardLeaseKey(opts.ShardIndex, opts.ShardCount)
	}
	info := LeaseInfo{RunID: runID, Host: hostname(), PID: os.Getpid()}
	if d.lease, err = acquireLease(ctx, st, key, d.staging, info, opts.LeaseTimeout, log); err != nil {
		return nil, err
	}
	if err := d.prepare(ctx); err != nil {
		d.lease.release(context.WithoutCancel(ctx))
		return nil, err
	}
	return d, nil
}

// prepare cleans up after dead runs and reads the dataset the run joins.
func (d *Dataset) prepare(ctx context.Context) error {
	if err := cleanStaging(ctx, d.st, d.prefix+stagingDir, d.runID, d.opts.LeaseTimeout, d.log); err != nil {
		return err
	}
	// A shard is refused where its commit would be, before it does any work.
	old, err := existingDataset(ctx, d.st)
	if err != nil || d.opts.sharded() {
		return err // a shard: its commit joins the dataset
	}
	d.old = old
	if old != nil {
		d.owned = pathsOf(old.Files)
	}
	return nil
}

// existingDataset reads the manifest at st. An empty location has none; a
// location that holds anything but a govreports dataset is refused, so that
// a mistyped --out never mixes the tables into someone's folder.
func existingDataset(ctx context.Context, st store) (*Manifest, error) {
	b, err := st.ReadAll(ctx, ManifestKey)
	if err == nil {
		var m Manifest
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("output: decode %s at %s: %w", ManifestKey, st, err)
		}
		return &m, nil
	}
	if !errors.Is(err, errNotFound) {
		return nil, err
	}
	keys, err := st.List(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if !ownKey(k) {
			return nil, fmt.Errorf("output: %s is not empty and holds no govreports dataset (no %s; found %s): "+
				"give --out an empty or new location, or the root of a dataset", st, ManifestKey, k)
		}
	}
	return nil, nil
}

// ownKey tells whether key belongs to a run's bookkeeping (staging, leases,
// shards, _SUCCESS) or is a hidden file (.DS_Store), which do not make a
// location "not a dataset".
func ownKey(key string) bool {
	return strings.HasPrefix(key, stagingDir) || strings.HasPrefix(key, shardsDir) || isLeaseKey(key) ||
		key == SuccessKey || strings.HasPrefix(path.Base(key), ".")
}

// cleanStaging deletes the staging under dir of runs that hold no live
// lease; a dead run that reached its commit point is completed instead. The
// dataset's staging (_tmp/) is cleaned under the dataset's lease, a shard's
// (in its folder, never with a commit record) under the shard's.
func cleanStaging(ctx context.Context, st store, dir, self string, timeout time.Duration, log *slog.Logger) error {
	if timeout <= 0 {
		timeout = DefaultLeaseTimeout
	}
	// Staging first, leases second: a run creates its lease before its
	// staging, so a live run's staging seen here has its lease seen below.
	keys, err := st.List(ctx, dir)
	if err != nil {
		return err
	}
	live, err := liveRuns(ctx, st, timeout, hostname())
	if err != nil {
		return err
	}
	objects := map[string]int{}
	for _, k := range keys {
		id, _, _ := strings.Cut(strings.TrimPrefix(k, dir), "/")
		objects[id]++
	}
	for _, id := range sortedKeys(objects) {
		if id == self || live[id] {
			continue
		}
		forward, err := recoverStaging(ctx, st, dir+id+"/")
		if err != nil {
			return fmt.Errorf("output: complete the commit of dead run %s: %w", id, err)
		}
		if forward {
			log.Warn("completed the commit of a run that died after its commit point", "out", st.String(), "run_id", id)
			continue
		}
		log.Info("removed the staging of a dead run", "out", st.String(), "run_id", id, "objects", objects[id])
	}
	return nil
}

// SetInputs sets the inputs the manifest lists, for callers that know them
// only once the rows are written.
func (d *Dataset) SetInputs(inputs []Input) { d.opts.Inputs = inputs }

// SetRejected sets the inputs the run left out (--on-error skip), which the
// manifest lists.
func (d *Dataset) SetRejected(rejected []Rejection) { d.rejected = rejected }

// RunID is the run's id, as the manifest and the lease name it.
func (d *Dataset) RunID() string { return d.runID }

// Append adds rows, a slice of the table's row struct type (e.g.
// []schemas.Figure), to table t. Rows of partitioned tables go to the
// partition of their year column. After an error the run can only be aborted.
func (d *Dataset) Append(t *schemas.Table, rows any) error {
	if err := d.usable(); err != nil {
		return err
	}
	if err := d.append(t, rows); err != nil {
		d.err = err
		return err
	}
	return nil
}

func (d *Dataset) usable() error {
	switch {
	case d.done:
		return errors.New("output: dataset already committed or aborted")
	case d.err != nil:
		return fmt.Errorf("output: an earlier write failed: %w", d.err)
	}
	if err := d.ctx.Err(); err != nil {
		d.err = err
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

func (d *Dataset) append(t *schemas.Table, rows any) error {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice || v.Type().Elem() != t.Row {
		return fmt.Errorf("output: append to %s: rows are %T, want []%s", t.Name, rows, t.Row)
	}
	yearCol, idCol, srcCol := column(t, "year"), column(t, "report_id"), column(t, "source")
	var w *tableWriter
	for i := 0; i < v.Len(); i++ {
		row := v.Index(i)
		var year *int16
		if t.Partitioned && yearCol != nil {
			y := int16(row.FieldByIndex(yearCol.Index).Int())
			year = &y
		}
		if w == nil || !sameYear(w.info.Year, year) {
			var err error
			if w, err = d.writer(t, year); err != nil {
				return err
			}
		}
		if t == schemas.Reports && year != nil {
			addTo(d.yearReports, *year, row.FieldByIndex(idCol.Index).String())
			addTo(d.yearInputs, *year, row.FieldByIndex(srcCol.Index).String())
		}
		if err := w.append(row); err != nil {
			return err
		}
	}
	return nil
}

func addTo(m map[int16]map[string]bool, year int16, s string) {
	if m[year] == nil {
		m[year] = map[string]bool{}
	}
	m[year][s] = true
}

func sameYear(a, b *int16) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func column(t *schemas.Table, name string) *schemas.Column {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

// maxOpenPartitions bounds the partition files a table keeps open at once.
// An open file holds its row group in memory until it is closed, so a run
// over many years closes the least recently used one; should that year's
// rows come again, they go to the partition's next part file. Reports of one
// year usually come together, so this rarely splits a partition.
const maxOpenPartitions = 2

// partName is the file name of a run's n-th file in a partition.
func partName(n int) string { return fmt.Sprintf("part-%05d.parquet", n) }

func partitionDir(t *schemas.Table, year *int16) string {
	if year == nil {
		return t.Name
	}
	return fmt.Sprintf("%s/%s=%d", t.Name, schemas.PartitionColumn, *year)
}

// writer returns the open file of table t's partition year (nil: none),
// starting one when there is none.
func (d *Dataset) writer(t *schemas.Table, year *int16) (*tableWriter, error) {
	dir := partitionDir(t, year)
	if year != nil {
		d.years[*year] = true
	}
	if w, ok := d.writers[dir]; ok {
		d.touch(t, dir)
		return w, nil
	}
	if open := d.open[t]; len(open) >= maxOpenPartitions {
		if err := d.closeEarly(open[0]); err != nil {
			return nil, err
		}
		d.open[t] = open[1:]
	}
	cols, ok := d.cols[t]
	if !ok {
		var err error
		if cols, err = columnWritersOf(t); err != nil {
			return nil, err
		}
		d.cols[t] = cols
	}
	key, err := d.freeName(dir)
	if err != nil {
		return nil, err
	}
	staged := d.staging + key
	obj, err := d.st.Create(d.ctx, staged)
	if err != nil {
		return nil, err
	}
	w, err := newTableWriter(t, cols, d.rowGroupRows, obj, staged, FileInfo{Path: key, Table: t.Name, Year: year})
	if err != nil {
		obj.Abort()
		return nil, err
	}
	d.writers[dir] = w
	d.open[t] = append(d.open[t], dir)
	return w, nil
}

// freeName is the name of the next file of a partition folder: past the
// dataset's own files when appending, and never a name a file the dataset
// does not list already has (a user's own file is never replaced).
func (d *Dataset) freeName(dir string) (string, error) {
	for {
		key := path.Join(dir, partName(d.parts[dir]))
		d.parts[dir]++
		if d.opts.sharded() {
			return d.prefix + key, nil // the shard's folder is its own
		}
		if d.owned[key] {
			if d.opts.Mode == Append {
				continue
			}
			return key, nil
		}
		taken, err := d.st.Exists(d.ctx, key)
		if err != nil || !taken {
			return key, err
		}
	}
}

// touch marks a table's partition folder as the most recently used.
func (d *Dataset) touch(t *schemas.Table, dir string) {
	open := d.open[t]
	for i, o := range open {
		if o == dir {
			d.open[t] = append(append(open[:i:i], open[i+1:]...), dir)
			return
		}
	}
}

// closeEarly finishes the open file of a partition folder before Commit, in
// the background.
func (d *Dataset) closeEarly(dir string) error {
	w := d.writers[dir]
	delete(d.writers, dir) // the closer owns it now: Abort must not touch it
	return d.early.close(w)
}

// maxEarlyClosing bounds the files closing in the background at once: each
// holds its row group in memory until it is written.
const maxEarlyClosing = 2

// earlyCloser closes the files a run finishes before Commit in the
// background, so that rows keep flowing to the other files while one is
// compressed: on a 2-core machine that left a core idle for a sixth of a
// run over many years.
type earlyCloser struct {
	slots chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex
	files []FileInfo
	err   error // first failure
}

// close starts closing w; it waits while maxEarlyClosing files are closing,
// and reports a failure of an earlier close.
func (c *earlyCloser) close(w *tableWriter) error {
	if c.slots == nil {
		c.slots = make(chan struct{}, maxEarlyClosing)
	}
	c.slots <- struct{}{}
	if err := c.failure(); err != nil {
		<-c.slots
		w.abort()
		return err
	}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		defer func() { <-c.slots }()
		err := w.close()
		c.mu.Lock()
		defer c.mu.Unlock()
		if err != nil {
			c.err = cmp.Or(c.err, err)
			return
		}
		c.files = append(c.files, w.info)
	}()
	return nil
}

func (c *earlyCloser) failure() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// wait waits for every close and returns the closed files.
func (c *earlyCloser) wait() ([]FileInfo, error) {
	c.wg.Wait()
	return c.files, c.err
}

// addEmptyFiles gives every table a file, so that readers of the dataset
// never miss one: partitioned tables get one in each year the run saw.
func (d *Dataset) addEmptyFiles() error {
	years := make([]int16, 0, len(d.years))
	for y := range d.years {
		years = append(years, y)
	}
	sort.Slice(years, func(i, j int) bool { return years[i] < years[j] })
	for _, t := range schemas.All {
		switch {
		case !t.Partitioned:
			if err := d.ensureFile(t, nil); err != nil {
				return err
			}
		case len(years) == 0:
			// A run without any row: no year is known, an unpartitioned file keeps the table readable.
			if err := d.ensureFile(t, nil); err != nil {
				return err
			}
		default:
			for _, y := range years {
				if err := d.ensureFile(t, &y); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// ensureFile starts a file in a partition that has none yet.
func (d *Dataset) ensureFile(t *schemas.Table, year *int16) error {
	if d.parts[partitionDir(t, year)] > 0 {
		return nil
	}
	_, err := d.writer(t, year)
	return err
}

// Commit closes every file and joins them to the dataset by the run's mode
// through a journal (see publish), or, for a shard, moves them into its
// folder and writes its marker. On error the run is aborted; a failure after
// the commit point leaves the dataset without _SUCCESS until the next run
// completes the commit.
func (d *Dataset) Commit(ctx context.Context) (Summary, error) {
	if err := d.usable(); err != nil {
		d.Abort()
		return Summary{}, err
	}
	sum, err := d.commit(ctx)
	var interrupted *interruptedCommitError
	if errors.As(err, &interrupted) {
		// Past the commit point the staging is the next run's to complete: keep it.
		d.done = true
		d.lease.release(context.WithoutCancel(ctx))
		_ = d.st.Close()
		return Summary{}, err
	}
	if err != nil {
		d.Abort()
		return Summary{}, err
	}
	d.done = true
	d.lease.release(context.WithoutCancel(ctx))
	_ = d.st.Close()
	return sum, nil
}

func (d *Dataset) commit(ctx context.Context) (Summary, error) {
	// A shard's files are read back only by the commit, which adds them.
	if !d.opts.sharded() {
		if err := d.addEmptyFiles(); err != nil {
			return Summary{}, err
		}
	}
	files, err := d.closeAll()
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Tables: map[string]int64{}, Files: files}
	for _, t := range schemas.All {
		sum.Tables[t.Name] = 0
	}
	for _, f := range files {
		sum.Tables[f.Table] += f.Rows
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, fmt.Errorf("output: %w", err)
	}
	if err := d.lease.held(ctx); err != nil {
		return Summary{}, err
	}
	// Renewals write under the staging prefix, which the commit deletes; the
	// lease stays valid for its timeout, far longer than moving the files.
	d.lease.stopRenewing()
	if d.opts.sharded() {
		return sum, d.publishShard(ctx, sum)
	}
	return sum, d.publish(ctx, &sum)
}

// closeAll closes the open files, several at once (compressing is the
// costliest part of writing), and returns every file of the run by path.
func (d *Dataset) closeAll() ([]FileInfo, error) {
	writers := make([]*tableWriter, 0, len(d.writers))
	for dir, w := range d.writers {
		writers = append(writers, w)
		delete(d.writers, dir) // closed or aborted either way: Abort must not touch it again
	}
	// Largest first (rows stand for the work), so that no big file is left
	// to close alone at the end while the other cores wait.
	sort.Slice(writers, func(i, j int) bool { return writers[i].info.Rows > writers[j].info.Rows })
	errs := make([]error, len(writers))
	var wg sync.WaitGroup
	limit := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, w := range writers {
		wg.Add(1)
		limit <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-limit }()
			errs[i] = w.close()
		}()
	}
	wg.Wait()
	early, err := d.early.wait()
	if err := errors.Join(append(errs, err)...); err != nil {
		return nil, err
	}
	files := append([]FileInfo(nil), early...)
	for _, w := range writers {
		files = append(files, w.info)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// publish joins a whole (unsharded) run to the dataset by the run's mode:
// it merges the manifests, then commits through a journal (see journalKey).
func (d *Dataset) publish(ctx context.Context, sum *Summary) error {
	run := Manifest{
		SchemaVersion: schemas.Version, ToolVersion: d.opts.ToolVersion, StartedAt: timeString(d.opts.StartedAt),
		Inputs: d.opts.Inputs, Rejected: d.rejected, Partitions: d.partitions(), Files: sum.Files,
	}
	m, deletes, err := mergeManifest(d.old, run, d.opts.Mode)
	if err != nil {
		return err
	}
	sum.Dataset = m.Tables
	return commitJournal(ctx, d.st, d.staging, journal{Manifest: m, Moves: sortedKeys(pathsOf(sum.Files)), Deletes: deletes})
}

// partitions are the year= partitions the run wrote, with their reports
// and inputs.
func (d *Dataset) partitions() []Partition {
	parts := []Partition{}
	for y := range d.years {
		parts = append(parts, Partition{
			Year: y, StartedAt: timeString(d.opts.StartedAt),
			Inputs: sortedKeys(d.yearInputs[y]), ReportIDs: sortedKeys(d.yearReports[y]),
		})
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].Year < parts[j].Year })
	return parts
}

func (d *Dataset) moveFiles(ctx context.Context, files []FileInfo) error {
	for _, f := range files {
		if err := d.st.Move(ctx, d.staging+f.Path, f.Path); err != nil {
			return err
		}
	}
	return nil
}

// Abort drops every file of the run; the previous dataset stays. It is a
// no-op after Commit or a previous Abort.
func (d *Dataset) Abort() {
	if d.done {
		return
	}
	d.done = true
	_, _ = d.early.wait() // its files are in the staging area deleted below
	for k, w := range d.writers {
		w.abort()
		delete(d.writers, k)
	}
	// The run's context may be the reason for the abort: clean up regardless.
	ctx := context.WithoutCancel(d.ctx)
	d.lease.stopRenewing()
	_ = d.st.DeletePrefix(ctx, d.staging)
	d.lease.release(ctx)
	_ = d.st.Close()
}

func pathsOf(files []FileInfo) map[string]bool {
	paths := make(map[string]bool, len(files))
	for _, f := range files {
		paths[f.Path] = true
	}
	return paths
}

func timeString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
