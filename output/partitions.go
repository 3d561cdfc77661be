package output

import (
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"reflect"
	"runtime"
	"sort"
	"sync"

	"github.com/govreports/govreports/schemas"
)

// partitionFiles hold the rows a run writes, by table partition folder
// (year= of a partitioned table, the table's folder otherwise), and write
// them as Parquet files under the run's staging prefix.
//
// A dataset run writes each partition folder as one file whose rows are in
// report_id order, each report's rows in the order they came. So the same
// reports give the same bytes however they were batched into runs, and a
// partition that a merge rewrites with the old rows that stay (merge.go)
// comes out as one run over all its reports would write it. While a
// partition's rows come in report_id order (reports read in that order, as
// the seed corpus is), they stream straight into its file, as they did
// before the order was defined: nothing is held or written twice. Rows that
// come out of order, or after the partition's file was closed to bound the
// files open at once, wait in memory; past sortBudget such rows (every
// partition's), the biggest run of them is sorted and spilled to a
// temporary file in the background, and the commit merges the partition's
// runs into its file.
//
// A shard keeps its rows in the order they came (the commit of shards reads
// them back in input order): a partition whose file was closed starts its
// next part file.
type partitionFiles struct {
	ctx          context.Context
	st           store
	staging      string // key prefix of the run's files until the commit moves them
	rowGroupRows int64  // rows per row group at most
	sortBudget   int    // rows held in memory, every partition's, before one run is spilled
	naming       fileNaming
	keepOrder    bool // a shard's: rows in the order they came

	cols  map[*schemas.Table][]columnWriter
	sizes map[*schemas.Table]*batchSizes
	parts map[string]*partition // by folder
	// open lists each table's partitions streaming into a file, least
	// recently used first.
	open  map[*schemas.Table][]*partition
	held  int            // rows held in memory
	gen   int            // generation of the rows added now: see partition.drop
	bg    background     // files closed early and spills being written
	years map[int16]bool // the year partitions written to
	named map[string]int // file names handed out per folder
}

// partition is the rows of one partition folder, in runs.
type partition struct {
	t    *schemas.Table
	year *int16
	dir  string
	key  string // its file in the dataset, once named
	// stream is the run streaming into a file while the rows come in order.
	stream *rowRun
	runs   []*rowRun // in the order they were started
	// drop leaves out the rows of a report (by id) from the runs of an older
	// generation: a relinker's rows replace the run's (merge.go).
	drop map[string]int
}

// rowRun is rows of one partition: held in memory, or in a file (streamed
// or spilled).
type rowRun struct {
	gen  int
	rows reflect.Value // held in memory, in the order they came; invalid for a file
	w    *tableWriter  // the file's writer; its info once closed
	last string        // the report id of the last row streamed
}

func (r *rowRun) inMemory() bool { return r.rows.IsValid() }

// fileNaming says which names a run's files may take.
type fileNaming struct {
	// prefix is a shard's folder, which only the shard writes: any name in it is free.
	prefix string
	// owned are the files the dataset's manifest lists: a run replaces them,
	// except that an appending run starts past them.
	owned     map[string]bool
	appending bool
}

// maxOpenPartitions bounds the partition files a table streams into at
// once: an open file holds its row group in memory until it is closed, so a
// run over many years closes the least recently used one. Reports of one
// year usually come together, so this rarely sends rows to memory (or, for
// a shard, to a partition's next part file).
const maxOpenPartitions = 2

// defaultSortBudget is the rows a run holds in memory before it spills
// some: about 60 MB of rows of the wide tables.
const defaultSortBudget = 1 << 17

// maxBackground bounds the files closing or spilling in the background at
// once: each holds its rows until it is written.
const maxBackground = 2

func newPartitionFiles(ctx context.Context, st store, staging string, naming fileNaming, keepOrder bool) *partitionFiles {
	return &partitionFiles{
		ctx: ctx, st: st, staging: staging, rowGroupRows: defaultRowGroupRows, sortBudget: defaultSortBudget,
		naming: naming, keepOrder: keepOrder,
		cols:  map[*schemas.Table][]columnWriter{},
		sizes: map[*schemas.Table]*batchSizes{},
		parts: map[string]*partition{},
		open:  map[*schemas.Table][]*partition{},
		years: map[int16]bool{},
		named: map[string]int{},
		bg:    background{slots: make(chan struct{}, maxBackground)},
	}
}

// partName is the file name of a run's n-th file in a partition.
func partName(n int) string { return fmt.Sprintf("part-%05d.parquet", n) }

func partitionDir(t *schemas.Table, year *int16) string {
	if year == nil {
		return t.Name
	}
	return fmt.Sprintf("%s/%s=%d", t.Name, schemas.PartitionColumn, *year)
}

// part returns the partition of table t's year (nil: none), starting it
// (and so its file) when there is none.
func (p *partitionFiles) part(t *schemas.Table, year *int16) *partition {
	dir := partitionDir(t, year)
	if pt, ok := p.parts[dir]; ok {
		return pt
	}
	if year != nil {
		p.years[*year] = true
	}
	pt := &partition{t: t, year: year, dir: dir, drop: map[string]int{}}
	p.parts[dir] = pt
	return pt
}

// add takes rows (a slice of t's row type, all of partition year) for the
// partition; held rows are a copy: the caller may reuse its slice.
func (p *partitionFiles) add(t *schemas.Table, year *int16, rows reflect.Value) error {
	pt := p.part(t, year)
	if p.keepOrder {
		return p.streamRows(pt, rows, "")
	}
	idOf := reportIDOf(t)
	first, last, sorted := "", "", true
	if idOf != nil && rows.Len() > 0 {
		first = idOf(rows.Index(0))
		last = first
		for i := 1; i < rows.Len() && sorted; i++ {
			id := idOf(rows.Index(i))
			sorted, last = id >= last, id
		}
	}
	if sorted && p.gen == 0 {
		switch {
		case pt.stream != nil && first >= pt.stream.last:
			return p.streamRows(pt, rows, last)
		case pt.stream == nil && len(pt.runs) == 0:
			return p.streamRows(pt, rows, last)
		}
	}
	var r *rowRun
	if n := len(pt.runs); n > 0 && pt.runs[n-1].gen == p.gen && pt.runs[n-1].inMemory() {
		r = pt.runs[n-1]
	} else {
		r = &rowRun{gen: p.gen, rows: reflect.MakeSlice(reflect.SliceOf(t.Row), 0, rows.Len())}
		pt.runs = append(pt.runs, r)
	}
	r.rows = reflect.AppendSlice(r.rows, rows)
	p.held += rows.Len()
	for p.held > p.sortBudget {
		if err := p.spillBiggest(); err != nil {
			return err
		}
	}
	return nil
}

// streamRows writes rows to the partition's streaming file, starting it
// (and closing the table's least recently used one) if need be; last is the
// report id of the last row.
func (p *partitionFiles) streamRows(pt *partition, rows reflect.Value, last string) error {
	if pt.stream == nil {
		if open := p.open[pt.t]; len(open) >= maxOpenPartitions {
			if err := p.closeStream(open[0]); err != nil {
				return err
			}
		}
		w, err := p.startFile(pt)
		if err != nil {
			return err
		}
		pt.stream = &rowRun{w: w}
		pt.runs = append(pt.runs, pt.stream)
	}
	p.touch(pt)
	for i := 0; i < rows.Len(); i++ {
		if err := pt.stream.w.append(rows.Index(i)); err != nil {
			return err
		}
	}
	pt.stream.last = last
	return nil
}

// addFile stores data, a whole file of the unpartitioned table t with rows
// rows, as the table's one file (see Dataset.AppendFile).
func (p *partitionFiles) addFile(t *schemas.Table, rows int64, data []byte) error {
	if t.Partitioned {
		return fmt.Errorf("output: add a file of %s: a partitioned table", t.Name)
	}
	pt := p.part(t, nil)
	if len(pt.runs) > 0 {
		return fmt.Errorf("output: add a file of %s: the table has rows already", t.Name)
	}
	key, err := p.freeName(pt.dir)
	if err != nil {
		return err
	}
	pt.key = key
	obj, err := p.st.Create(p.ctx, p.staging+key)
	if err != nil {
		return err
	}
	sink := newFileSink(obj)
	if _, err := sink.Write(data); err != nil {
		obj.Abort()
		return fmt.Errorf("output: write %s: %w", key, err)
	}
	if err := sink.Close(); err != nil {
		return fmt.Errorf("output: write %s: %w", key, err)
	}
	w := &tableWriter{staged: p.staging + key, sink: sink, info: FileInfo{
		Path: key, Table: t.Name, Rows: rows, Bytes: sink.n, SHA256: hex.EncodeToString(sink.hash.Sum(nil)),
	}}
	pt.runs = append(pt.runs, &rowRun{w: w})
	return nil
}

// touch marks a partition as its table's most recently used.
func (p *partitionFiles) touch(pt *partition) {
	open := p.open[pt.t]
	for i, o := range open {
		if o == pt {
			p.open[pt.t] = append(append(open[:i:i], open[i+1:]...), pt)
			return
		}
	}
	p.open[pt.t] = append(open, pt)
}

// closeStream finishes a partition's streaming file in the background.
func (p *partitionFiles) closeStream(pt *partition) error {
	w := pt.stream.w
	pt.stream = nil
	open := p.open[pt.t]
	for i, o := range open {
		if o == pt {
			p.open[pt.t] = append(open[:i:i], open[i+1:]...)
			break
		}
	}
	return p.bg.run(w.close)
}

// spillBiggest spills the run held in memory that holds the most rows.
func (p *partitionFiles) spillBiggest() error {
	var pt *partition
	var r *rowRun
	for _, dir := range sortedKeys(p.parts) {
		for _, run := range p.parts[dir].runs {
			if run.inMemory() && (r == nil || run.rows.Len() > r.rows.Len()) {
				pt, r = p.parts[dir], run
			}
		}
	}
	if r == nil {
		return errors.New("output: no rows to spill") // held counts rows no run holds: a bug
	}
	rows := r.rows
	r.rows = reflect.Value{}
	p.held -= rows.Len()
	key := fmt.Sprintf("%s_sort/%s/run-%05d.parquet", p.staging, pt.dir, len(pt.runs))
	w, err := p.tempFile(pt, key)
	if err != nil {
		return err
	}
	r.w = w
	return p.bg.run(func() error { return writeRows(w, rows, reportIDOf(pt.t)) })
}

// writeRows writes rows to w, by report id (idOf; in their order when
// nil), and closes it.
func writeRows(w *tableWriter, rows reflect.Value, idOf func(reflect.Value) string) error {
	for _, i := range sortedOrder(rows, idOf) {
		if err := w.append(rows.Index(i)); err != nil {
			w.abort()
			return err
		}
	}
	return w.close()
}

func (p *partitionFiles) columns(t *schemas.Table) ([]columnWriter, error) {
	cols, ok := p.cols[t]
	if !ok {
		var err error
		if cols, err = columnWritersOf(t); err != nil {
			return nil, err
		}
		p.cols[t] = cols
		p.sizes[t] = &batchSizes{}
	}
	return cols, nil
}

// startFile starts a partition's file under its name in the dataset: a
// shard's next part file, or a dataset run's one file.
func (p *partitionFiles) startFile(pt *partition) (*tableWriter, error) {
	if pt.key == "" || p.keepOrder {
		key, err := p.freeName(pt.dir)
		if err != nil {
			return nil, err
		}
		pt.key = key
	}
	w, err := p.tempFile(pt, p.staging+pt.key)
	if err != nil {
		return nil, err
	}
	w.info.Path = pt.key
	return w, nil
}

// tempFile starts a file of a partition at key.
func (p *partitionFiles) tempFile(pt *partition, key string) (*tableWriter, error) {
	cols, err := p.columns(pt.t)
	if err != nil {
		return nil, err
	}
	obj, err := p.st.Create(p.ctx, key)
	if err != nil {
		return nil, err
	}
	w, err := newTableWriter(pt.t, cols, p.sizes[pt.t], p.rowGroupRows, obj, key, FileInfo{Path: key, Table: pt.t.Name, Year: pt.year})
	if err != nil {
		obj.Abort()
		return nil, err
	}
	return w, nil
}

// freeName is the name of the next file of a partition folder: past the
// dataset's own files when appending, and never a name a file the dataset
// does not list already has (a user's own file is never replaced).
func (p *partitionFiles) freeName(dir string) (string, error) {
	for {
		key := path.Join(dir, partName(p.named[dir]))
		p.named[dir]++
		if p.naming.prefix != "" {
			return p.naming.prefix + key, nil
		}
		if p.naming.owned[key] {
			if p.naming.appending {
				continue
			}
			return key, nil
		}
		taken, err := p.st.Exists(p.ctx, key)
		if err != nil || !taken {
			return key, err
		}
	}
}

// replace leaves out report id's rows of the runs added so far from table
// t's partition year: rows added from now on (a newer generation) take their place.
func (p *partitionFiles) replace(t *schemas.Table, year *int16, id string) {
	p.part(t, year).drop[id] = p.gen
}

// addEmptyFiles gives every table a file, so that readers of the dataset
// never miss one: partitioned tables get one in each of years (the years of
// the run's own rows; a year the relinker alone touched keeps its other
// tables' files).
func (p *partitionFiles) addEmptyFiles(years map[int16]bool) {
	sorted := make([]int16, 0, len(years))
	for y := range years {
		sorted = append(sorted, y)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	for _, t := range schemas.All {
		if !t.Partitioned || len(sorted) == 0 {
			// A run without any row knows no year: an unpartitioned file keeps the table readable.
			p.part(t, nil)
			continue
		}
		for _, y := range sorted {
			p.part(t, &y)
		}
	}
}

// closeAll finishes every partition's file, several at once (compressing
// is the costliest part of writing), and returns every file of the run by
// path.
func (p *partitionFiles) closeAll() ([]FileInfo, error) {
	parts := make([]*partition, 0, len(p.parts))
	for _, dir := range sortedKeys(p.parts) {
		pt := p.parts[dir]
		if pt.key == "" && !p.keepOrder {
			key, err := p.freeName(pt.dir) // names are handed out one at a time
			if err != nil {
				return nil, err
			}
			pt.key = key
		}
		if _, err := p.columns(pt.t); err != nil { // the writers below share them
			return nil, err
		}
		parts = append(parts, pt)
	}
	if err := p.bg.wait(); err != nil {
		return nil, err
	}
	// Largest first (rows stand for the work), so that no big file is left
	// to close alone at the end while the other cores wait.
	work := func(pt *partition) (n int64) {
		for _, r := range pt.runs {
			if r.inMemory() {
				n += int64(r.rows.Len())
			} else {
				n += r.w.info.Rows
			}
		}
		return n
	}
	sort.SliceStable(parts, func(i, j int) bool { return work(parts[i]) > work(parts[j]) })
	files := make([][]FileInfo, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	limit := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, pt := range parts {
		wg.Add(1)
		limit <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-limit }()
			files[i], errs[i] = p.finish(pt)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var all []FileInfo
	for _, f := range files {
		all = append(all, f...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Path < all[j].Path })
	return all, nil
}

// finish closes a partition's streaming file and returns its files: a
// shard's part files; a dataset run's one file, which is the streamed file
// when every row went there, and otherwise the partition's runs merged.
func (p *partitionFiles) finish(pt *partition) ([]FileInfo, error) {
	if pt.stream != nil {
		w := pt.stream.w
		pt.stream = nil
		if err := w.close(); err != nil {
			return nil, err
		}
	}
	if p.keepOrder {
		files := make([]FileInfo, 0, len(pt.runs))
		for _, r := range pt.runs {
			files = append(files, r.w.info)
		}
		return files, nil
	}
	final := p.staging + pt.key
	if len(pt.runs) == 1 && !pt.runs[0].inMemory() && pt.runs[0].w.staged == final && !p.drops(pt, pt.runs[0]) {
		return []FileInfo{pt.runs[0].w.info}, nil
	}
	for i, r := range pt.runs {
		if !r.inMemory() && r.w.staged == final { // the streamed file makes way for the merged one
			key := fmt.Sprintf("%s_sort/%s/run-%05d.parquet", p.staging, pt.dir, i)
			if err := p.st.Move(p.ctx, final, key); err != nil {
				return nil, err
			}
			r.w.staged = key
		}
	}
	cursors, err := p.cursors(pt, -1)
	if err != nil {
		return nil, err
	}
	defer closeAll(cursors)
	w, err := p.tempFile(pt, final)
	if err != nil {
		return nil, err
	}
	w.info.Path = pt.key
	err = mergeRuns(p.ctx, cursors, reportIDOf(pt.t), func(row reflect.Value, _ bool) error { return w.append(row) })
	if err != nil {
		w.abort()
		return nil, err
	}
	if err := w.close(); err != nil {
		return nil, err
	}
	return []FileInfo{w.info}, nil
}

// drops tells whether a relinker replaced rows of a report the run r holds.
func (p *partitionFiles) drops(pt *partition, r *rowRun) bool {
	for _, gen := range pt.drop {
		if gen > r.gen {
			return true
		}
	}
	return false
}

// cursors read a partition's runs (those of generation gen only, when not
// -1), each in report_id order, leaving out the rows a newer generation
// replaced. A streaming file is closed first.
func (p *partitionFiles) cursors(pt *partition, gen int) ([]rowCursor, error) {
	if pt.stream != nil {
		w := pt.stream.w
		pt.stream = nil
		if err := w.close(); err != nil {
			return nil, err
		}
	}
	idOf := reportIDOf(pt.t)
	var cursors []rowCursor
	for _, r := range pt.runs {
		if gen >= 0 && r.gen != gen {
			continue
		}
		var c rowCursor
		if r.inMemory() {
			c = &memRows{rows: r.rows, order: sortedOrder(r.rows, idOf)}
		} else {
			c = newRows(p.st, pt.t, []string{r.w.staged})
		}
		if p.drops(pt, r) {
			runGen := r.gen
			c = filtered{c, func(row reflect.Value) bool { return pt.drop[idOf(row)] > runGen }}
		}
		cursors = append(cursors, c)
	}
	return cursors, nil
}

func closeAll(cursors []rowCursor) {
	for _, c := range cursors {
		_ = c.close()
	}
}

// abort drops the open files; every file is under the staging prefix,
// which the caller deletes.
func (p *partitionFiles) abort() {
	_ = p.bg.wait()
	for _, pt := range p.parts {
		if pt.stream != nil {
			pt.stream.w.abort()
			pt.stream = nil
		}
		pt.runs = nil
	}
	p.held = 0
}

// background closes files and writes spills, maxBackground at once, so
// that rows keep flowing to the partitions while one is compressed: on a
// 2-core machine closing in the foreground left a core idle for a sixth of
// a run over many years.
type background struct {
	slots chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error // first failure
}

// run starts f once a slot is free, and reports a failure of an earlier one.
func (b *background) run(f func() error) error {
	b.slots <- struct{}{}
	if err := b.failure(); err != nil {
		<-b.slots
		return err
	}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		defer func() { <-b.slots }()
		if err := f(); err != nil {
			b.mu.Lock()
			b.err = cmp.Or(b.err, err)
			b.mu.Unlock()
		}
	}()
	return nil
}

func (b *background) failure() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// wait waits for everything started and returns the first failure.
func (b *background) wait() error {
	b.wg.Wait()
	return b.failure()
}
