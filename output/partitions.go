package output

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path"
	"runtime"
	"sort"
	"sync"

	"github.com/govreports/govreports/schemas"
)

// partitionFiles are the Parquet files a run writes under its staging
// prefix: one open file per table partition folder (year= of a partitioned
// table, the table's folder otherwise), started on the first row that goes
// there and named so that no file the dataset does not list is replaced.
type partitionFiles struct {
	ctx          context.Context
	st           store
	staging      string // key prefix the files are written under until the commit moves them
	rowGroupRows int64  // rows per row group at most
	naming       fileNaming

	cols    map[*schemas.Table][]columnWriter
	writers map[string]*tableWriter // open files by partition folder
	// open lists each table's open partition folders, least recently used first.
	open  map[*schemas.Table][]string
	parts map[string]int // files started per partition folder
	early earlyCloser    // files closed before the commit
	years map[int16]bool // the year partitions written to
}

// fileNaming says which names a run's files may take.
type fileNaming struct {
	// prefix is a shard's folder, which only the shard writes: any name in it is free.
	prefix string
	// owned are the files the dataset's manifest lists: a run replaces them,
	// except that an appending run starts past them.
	owned     map[string]bool
	appending bool
}

func newPartitionFiles(ctx context.Context, st store, staging string, naming fileNaming) *partitionFiles {
	return &partitionFiles{
		ctx: ctx, st: st, staging: staging, rowGroupRows: defaultRowGroupRows, naming: naming,
		cols:    map[*schemas.Table][]columnWriter{},
		writers: map[string]*tableWriter{},
		open:    map[*schemas.Table][]string{},
		parts:   map[string]int{},
		years:   map[int16]bool{},
	}
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
func (p *partitionFiles) writer(t *schemas.Table, year *int16) (*tableWriter, error) {
	dir := partitionDir(t, year)
	if year != nil {
		p.years[*year] = true
	}
	if w, ok := p.writers[dir]; ok {
		p.touch(t, dir)
		return w, nil
	}
	if open := p.open[t]; len(open) >= maxOpenPartitions {
		if err := p.closeEarly(open[0]); err != nil {
			return nil, err
		}
		p.open[t] = open[1:]
	}
	cols, ok := p.cols[t]
	if !ok {
		var err error
		if cols, err = columnWritersOf(t); err != nil {
			return nil, err
		}
		p.cols[t] = cols
	}
	key, err := p.freeName(dir)
	if err != nil {
		return nil, err
	}
	staged := p.staging + key
	obj, err := p.st.Create(p.ctx, staged)
	if err != nil {
		return nil, err
	}
	w, err := newTableWriter(t, cols, p.rowGroupRows, obj, staged, FileInfo{Path: key, Table: t.Name, Year: year})
	if err != nil {
		obj.Abort()
		return nil, err
	}
	p.writers[dir] = w
	p.open[t] = append(p.open[t], dir)
	return w, nil
}

// freeName is the name of the next file of a partition folder: past the
// dataset's own files when appending, and never a name a file the dataset
// does not list already has (a user's own file is never replaced).
func (p *partitionFiles) freeName(dir string) (string, error) {
	for {
		key := path.Join(dir, partName(p.parts[dir]))
		p.parts[dir]++
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

// touch marks a table's partition folder as the most recently used.
func (p *partitionFiles) touch(t *schemas.Table, dir string) {
	open := p.open[t]
	for i, o := range open {
		if o == dir {
			p.open[t] = append(append(open[:i:i], open[i+1:]...), dir)
			return
		}
	}
}

// closeEarly finishes the open file of a partition folder before the
// commit, in the background.
func (p *partitionFiles) closeEarly(dir string) error {
	w := p.writers[dir]
	delete(p.writers, dir) // the closer owns it now: abort must not touch it
	return p.early.close(w)
}

// addEmptyFiles gives every table a file, so that readers of the dataset
// never miss one: partitioned tables get one in each year the run saw.
func (p *partitionFiles) addEmptyFiles() error {
	years := make([]int16, 0, len(p.years))
	for y := range p.years {
		years = append(years, y)
	}
	sort.Slice(years, func(i, j int) bool { return years[i] < years[j] })
	for _, t := range schemas.All {
		if !t.Partitioned || len(years) == 0 {
			// A run without any row knows no year: an unpartitioned file keeps the table readable.
			if err := p.ensureFile(t, nil); err != nil {
				return err
			}
			continue
		}
		for _, y := range years {
			if err := p.ensureFile(t, &y); err != nil {
				return err
			}
		}
	}
	return nil
}

// ensureFile starts a file in a partition that has none yet.
func (p *partitionFiles) ensureFile(t *schemas.Table, year *int16) error {
	if p.parts[partitionDir(t, year)] > 0 {
		return nil
	}
	_, err := p.writer(t, year)
	return err
}

// closeAll closes the open files, several at once (compressing is the
// costliest part of writing), and returns every file of the run by path.
func (p *partitionFiles) closeAll() ([]FileInfo, error) {
	writers := make([]*tableWriter, 0, len(p.writers))
	for dir, w := range p.writers {
		writers = append(writers, w)
		delete(p.writers, dir) // closed or aborted either way: abort must not touch it again
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
	early, err := p.early.wait()
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

// abort drops the open files; the ones closed early are in the staging,
// which the caller deletes.
func (p *partitionFiles) abort() {
	_, _ = p.early.wait()
	for k, w := range p.writers {
		w.abort()
		delete(p.writers, k)
	}
}

// maxEarlyClosing bounds the files closing in the background at once: each
// holds its row group in memory until it is written.
const maxEarlyClosing = 2

// earlyCloser closes the files a run finishes before the commit in the
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
