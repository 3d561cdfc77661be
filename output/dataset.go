package output

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path"
	"reflect"
	"sort"
	"strings"
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
	// Mode joins the run to the dataset at Out; Merge when empty.
	Mode Mode
	// LeaseTimeout is how long a lease on Out lives without renewal before
	// another run takes it over; DefaultLeaseTimeout when 0.
	LeaseTimeout time.Duration
	// Logger gets what the run does to the dataset beside writing it (a
	// lease taken over, a dead run's staging removed, reports removed); none when nil.
	Logger *slog.Logger
	// Relink, when set, recomputes at the commit the rows that link reports
	// of several years (merge.go).
	Relink Relinker
}

// Input is one input file of the run, as the reader reports it.
type Input = read.Input

// Summary is what a commit wrote.
type Summary struct {
	Tables map[string]int64 `json:"tables"` // rows per table the run brought
	Files  []FileInfo       `json:"files"`
	// Dataset is the rows per table of the whole dataset after the commit.
	Dataset map[string]int64 `json:"dataset,omitempty"`
	// Removed are the reports of the dataset the run removed without
	// bringing them (by its mode: overwrite-partitions, overwrite).
	Removed []string `json:"removed,omitempty"`
}

// Dataset is one run writing a dataset. It is not safe for concurrent use.
type Dataset struct {
	ctx   context.Context
	opts  Options
	st    store
	runID string
	// staging is the key prefix of the run's files until the commit (commit.go).
	staging string
	// prefix is the key prefix of the run's files once committed: a shard's folder, or none.
	prefix string
	lease  *lease
	log    *slog.Logger
	old    *Manifest // the dataset at Out when the run started; nil: none

	files    *partitionFiles
	brought  map[string]int64 // rows the run appended, by table
	reports  reportIndex      // the run's reports, and the old ones it keeps in the partitions it rewrites
	rejected []Rejection
	shard    shardState

	// What the merge (merge.go) decides: the years and reports of the run's
	// own rows, the rows a relinker replaced (table → report ids), the old inputs of
	// the reports kept in the partitions the run rewrites.
	runYears   map[int16]bool
	runReports map[string]bool
	relinked   map[string]map[string]bool
	carried    map[Input]bool

	err  error // first failure: the run can only be aborted
	done bool
}

// reportIndex is, per year partition, the reports a run wrote and their
// inputs: the partitions of its manifest.
type reportIndex struct{ reports, inputs map[int16]map[string]bool }

func (x *reportIndex) add(year int16, reportID, input string) {
	if x.reports == nil {
		x.reports, x.inputs = map[int16]map[string]bool{}, map[int16]map[string]bool{}
	}
	addTo(x.reports, year, reportID)
	addTo(x.inputs, year, input)
}

func addTo(m map[int16]map[string]bool, year int16, s string) {
	if m[year] == nil {
		m[year] = map[string]bool{}
	}
	m[year][s] = true
}

// partitions are the manifest's entries of the year partitions written.
func (x *reportIndex) partitions(years map[int16]bool, startedAt string) []Partition {
	parts := []Partition{}
	for y := range years {
		parts = append(parts, Partition{
			Year: y, StartedAt: startedAt, Inputs: sortedKeys(x.inputs[y]), ReportIDs: sortedKeys(x.reports[y]),
		})
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].Year < parts[j].Year })
	return parts
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
		opts.Mode = Merge
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
	d := &Dataset{ctx: ctx, opts: opts, st: st, runID: runID, staging: stagingOf(runID), log: log,
		brought: map[string]int64{}, relinked: map[string]map[string]bool{}, carried: map[Input]bool{}}
	if opts.sharded() {
		// A shard stages in its own folder, which only it touches.
		d.prefix = shardPrefix(opts.ShardIndex, opts.ShardCount)
		d.staging = d.prefix + d.staging
	}
	// The lease is the run's first write (step 1 of the commit protocol): a
	// location that cannot be written (missing credentials, a read-only
	// disk) fails here, before any work.
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
	naming := fileNaming{prefix: d.prefix, appending: opts.Mode == Append}
	if d.old != nil {
		naming.owned = pathsOf(d.old.Files)
	}
	d.files = newPartitionFiles(ctx, st, d.staging, naming, opts.sharded())
	return d, nil
}

// prepare cleans up after dead runs (step 2) and reads the dataset the run joins.
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

// AppendFile adds data, a whole Parquet file of the unpartitioned table t
// holding rows rows, as the table's file: for a table whose every row is
// known before the run, encoded once (the regions dimension, at go generate
// time) instead of at every run. The caller vouches that data is what
// appending the rows would write. t must have no rows of the run yet.
func (d *Dataset) AppendFile(t *schemas.Table, rows int64, data []byte) error {
	if err := d.usable(); err != nil {
		return err
	}
	if err := d.files.addFile(t, rows, data); err != nil {
		d.err = err
		return err
	}
	d.brought[t.Name] += rows
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
	d.brought[t.Name] += int64(v.Len())
	return d.add(t, v)
}

// add hands rows of t to their partitions, a slice for each run of rows of
// one year, and indexes the reports of the reports table.
func (d *Dataset) add(t *schemas.Table, v reflect.Value) error {
	yearCol := column(t, schemas.PartitionColumn)
	yearOf := func(i int) *int16 {
		if !t.Partitioned || yearCol == nil {
			return nil
		}
		y := int16(v.Index(i).FieldByIndex(yearCol.Index).Int())
		return &y
	}
	for i := 0; i < v.Len(); {
		year, j := yearOf(i), i+1
		for j < v.Len() && sameYear(year, yearOf(j)) {
			j++
		}
		if t == schemas.Reports && year != nil {
			idCol, srcCol := column(t, "report_id"), column(t, "source")
			for k := i; k < j; k++ {
				row := v.Index(k)
				d.reports.add(*year, row.FieldByIndex(idCol.Index).String(), read.InputOf(row.FieldByIndex(srcCol.Index).String()))
			}
		}
		if err := d.files.add(t, year, v.Slice(i, j)); err != nil {
			return err
		}
		i = j
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
