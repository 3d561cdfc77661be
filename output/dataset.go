package output

import (
	"cmp"
	"context"
	"errors"
	"fmt"
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
}

// Input is one input file of the run, as the reader reports it.
type Input = read.Input

// Summary is what a commit wrote.
type Summary struct {
	Tables map[string]int64 `json:"tables"` // rows per table
	Files  []FileInfo       `json:"files"`
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
	err   error // first failure: the run can only be aborted
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
	staging, err := newStaging()
	if err != nil {
		return nil, err
	}
	d := &Dataset{
		ctx: ctx, opts: opts, st: st, staging: staging, rowGroupRows: defaultRowGroupRows,
		cols:    map[*schemas.Table][]columnWriter{},
		writers: map[string]*tableWriter{},
		open:    map[*schemas.Table][]string{},
		parts:   map[string]int{},
		years:   map[int16]bool{},
	}
	if opts.sharded() {
		// A shard stages in its own folder, which only it touches.
		d.prefix = shardPrefix(opts.ShardIndex, opts.ShardCount)
		d.staging = d.prefix + staging
	}
	// Probe the location now so that an unwritable output fails before any work.
	probe, err := st.Create(ctx, d.staging+"_probe")
	if err != nil {
		return nil, fmt.Errorf("output: %s is not writable: %w", st, err)
	}
	probe.Abort()
	return d, nil
}

// SetInputs sets the inputs the manifest lists, for callers that know them
// only once the rows are written.
func (d *Dataset) SetInputs(inputs []Input) { d.opts.Inputs = inputs }

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
	yearCol := column(t, "year")
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
		if err := w.append(row); err != nil {
			return err
		}
	}
	return nil
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
	key := d.prefix + path.Join(dir, partName(d.parts[dir]))
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
	d.parts[dir]++
	d.writers[dir] = w
	d.open[t] = append(d.open[t], dir)
	return w, nil
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

// Commit closes every file, moves them into place, removes what an earlier
// run left in the tables' folders, and writes the manifest and _SUCCESS (or,
// for a shard, its marker). On error the run is aborted; a failure while
// files are being moved leaves the dataset without _SUCCESS.
func (d *Dataset) Commit(ctx context.Context) (Summary, error) {
	if err := d.usable(); err != nil {
		d.Abort()
		return Summary{}, err
	}
	sum, err := d.commit(ctx)
	if err != nil {
		d.Abort()
		return Summary{}, err
	}
	d.done = true
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
	if d.opts.sharded() {
		return sum, d.publishShard(ctx, sum)
	}
	return sum, d.publish(ctx, sum)
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

// publish moves a whole (unsharded) run into place.
func (d *Dataset) publish(ctx context.Context, sum Summary) error {
	if err := d.st.Delete(ctx, SuccessKey); err != nil {
		return err
	}
	if err := d.moveFiles(ctx, sum.Files); err != nil {
		return err
	}
	if err := removeStale(ctx, d.st, pathsOf(sum.Files), func(string) bool { return true }); err != nil {
		return err
	}
	// Markers of an earlier sharded run do not describe this dataset.
	if err := d.st.DeletePrefix(ctx, shardsDir); err != nil {
		return err
	}
	m := Manifest{
		SchemaVersion: schemas.Version, ToolVersion: d.opts.ToolVersion, StartedAt: timeString(d.opts.StartedAt),
		Inputs: d.opts.Inputs, Tables: sum.Tables, Files: sum.Files,
	}
	return writeManifest(ctx, d.st, d.staging, m)
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
	_ = d.st.DeletePrefix(context.WithoutCancel(d.ctx), d.staging)
	_ = d.st.Close()
}

// removeStale deletes the Parquet files under the tables' folders that are
// not in keep and that owned accepts, so that no partition of an earlier run
// outlives the run that replaced it.
func removeStale(ctx context.Context, st store, keep map[string]bool, owned func(key string) bool) error {
	for _, t := range schemas.All {
		keys, err := st.List(ctx, t.Name+"/")
		if err != nil {
			return err
		}
		for _, k := range keys {
			if keep[k] || !strings.HasSuffix(k, ".parquet") || !owned(k) {
				continue
			}
			if err := st.Delete(ctx, k); err != nil {
				return err
			}
		}
	}
	return nil
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
