package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/segment"
	"github.com/govreports/govreports/stages/split"
)

// Doc is one report on its way through the stages: the report as read and
// the rows each stage adds.
type Doc struct {
	Report      *read.Report
	Row         schemas.Report
	Split       []split.Sentence
	Tokens      [][]segment.Token    // words of each sentence, shared by the stages that need them
	Mentions    [][]quantity.Mention // quantities of each sentence, shared likewise
	Sentences   []schemas.Sentence
	Figures     []schemas.Figure
	Goals       []schemas.Goal
	Commitments []schemas.Commitment
	Terms       []schemas.Term
}

// Keys returns the common keys of the doc's rows.
func (d *Doc) Keys() schemas.Keys { return d.Row.Keys }

// Stage is one step of the work on a report. Stages run in order on one
// report at a time; different reports run concurrently, so a stage must be
// safe for concurrent use across docs.
type Stage interface {
	Name() string
	Process(ctx context.Context, doc *Doc) error
}

// Sink receives every finished doc, in input order, from one goroutine.
type Sink func(ctx context.Context, doc *Doc) error

// Engine runs stages over the reports of its inputs.
type Engine struct {
	Inputs  []read.Source
	Read    read.Options
	Stages  []Stage
	Workers int // reports processed at once; GOMAXPROCS when 0
	// Keep, when set, decides which reports this run processes (sharding);
	// it sees each report in input order with its 0-based number.
	Keep func(n int, doc *Doc) bool
	// SkipErrors leaves out what cannot be read or processed (--on-error
	// skip) instead of failing the run: the rest of an input that fails to
	// read (its reports before the failure are kept), a report read twice,
	// a report a stage fails on. Each is listed in Rejected.
	SkipErrors bool
	// Rejected lists what a run with SkipErrors left out, by input and line.
	Rejected []output.Rejection

	mu sync.Mutex // guards Rejected
}

// inflightPerWorker sets how far the workers may run ahead of the report the
// sink waits for: reports differ in length (the national one is three times a
// province's), and with too short a lead the other workers idle behind it.
const inflightPerWorker = 6

type job struct {
	seq int
	doc *Doc
	err error
}

// Run streams every report through the stages and hands it to sink in input
// order, and returns what it read of each input. At most inflightPerWorker ×
// Workers reports are in memory at once. The first error stops the run and is returned; a
// cancelled ctx returns ctx's error.
func (e *Engine) Run(ctx context.Context, sink Sink) ([]read.Input, error) {
	workers := e.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	inflight := make(chan struct{}, inflightPerWorker*workers) // bounds docs between reading and the sink
	jobs := make(chan job)
	done := make(chan job, inflightPerWorker*workers)

	var inputs []read.Input
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		var err error
		if inputs, err = e.readAll(ctx, inflight, jobs); err != nil {
			cancel(err)
		}
	}()
	var workersWG sync.WaitGroup
	for range workers {
		workersWG.Add(1)
		go func() {
			defer workersWG.Done()
			for j := range jobs {
				j.err = e.process(ctx, j.doc)
				done <- j
			}
		}()
	}
	go func() {
		workersWG.Wait()
		close(done)
	}()

	err := e.reorder(ctx, done, inflight, sink)
	if err != nil {
		cancel(err)
	}
	for range done { // drain so that workers can finish
		<-inflight
	}
	wg.Wait()
	// The first failure, wherever it happened, is the cause of the cancel;
	// what the others saw afterwards is only context.Canceled.
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		err = cause
	} else if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	sort.SliceStable(e.Rejected, func(i, j int) bool {
		a, b := e.Rejected[i], e.Rejected[j]
		return a.Input < b.Input || (a.Input == b.Input && a.Line < b.Line)
	})
	return inputs, nil
}

// skip records err as a rejection of src at line, or at the input and line
// a reader's *read.Error names, and tells whether the run goes on without it.
func (e *Engine) skip(ctx context.Context, src string, line int, err error) bool {
	if !e.SkipErrors || ctx.Err() != nil {
		return false
	}
	if re := (*read.Error)(nil); errors.As(err, &re) {
		src, line = re.Input, re.Line
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.Rejected = append(e.Rejected, output.Rejection{Input: src, Line: line, Reason: err.Error()})
	return true
}

// reorder hands finished docs to the sink in sequence order.
func (e *Engine) reorder(ctx context.Context, done <-chan job, inflight <-chan struct{}, sink Sink) error {
	pending := map[int]job{}
	next := 0
	for j := range done {
		pending[j.seq] = j
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-inflight
			if p.err != nil {
				if e.skip(ctx, p.doc.Report.Source, p.doc.Report.SourceLine, p.err) {
					continue
				}
				return p.err
			}
			if err := sink(ctx, p.doc); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

func (e *Engine) readAll(ctx context.Context, inflight chan<- struct{}, jobs chan<- job) ([]read.Input, error) {
	var inputs []read.Input
	seq, n := 0, 0
	seen := map[string]string{} // report_id → where it was read
	for _, src := range e.Inputs {
		in, err := read.Read(ctx, src, e.Read, func(r *read.Report) error {
			doc := newDoc(r)
			where := fmt.Sprintf("%s:%d", r.Source, r.SourceLine)
			if prev, dup := seen[doc.Row.ReportID]; dup {
				err := fmt.Errorf("report %s (%s) read twice: %s and %s", doc.Row.ReportID, doc.Row.Region, prev, where)
				if e.skip(ctx, r.Source, r.SourceLine, err) {
					return nil // the report only: the rest of its input goes on
				}
				return err
			}
			seen[doc.Row.ReportID] = where
			n++
			if e.Keep != nil && !e.Keep(n-1, doc) {
				return nil
			}
			select {
			case inflight <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq: seq, doc: doc}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		if err != nil {
			if e.skip(ctx, src.Name, 0, err) {
				continue
			}
			return nil, err
		}
		inputs = append(inputs, in)
	}
	return inputs, nil
}

func (e *Engine) process(ctx context.Context, doc *Doc) error {
	for _, s := range e.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Process(ctx, doc); err != nil {
			return fmt.Errorf("%s:%d: %s: stage %s: %w", doc.Report.Source, doc.Report.SourceLine, doc.Row.Title, s.Name(), err)
		}
	}
	return nil
}

// Progress counts a run's work as it goes, for a progress display; safe to
// read from any goroutine.
type Progress struct {
	Reports atomic.Int64 // reports through every stage
	Rows    atomic.Int64 // rows handed to the writers
}

func (p *Progress) add(reports int, rows int) {
	if p != nil {
		p.Reports.Add(int64(reports))
		p.Rows.Add(int64(rows))
	}
}

// docRows is the number of rows a doc adds to the per-report tables.
func docRows(d *Doc) int {
	return 1 + len(d.Sentences) + len(d.Goals) + len(d.Figures) + len(d.Commitments) + len(d.Terms)
}
