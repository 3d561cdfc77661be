package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/commitments"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/segment"
)

// TopTerms is how many terms each report keeps in the terms table.
const TopTerms = 200

// Config is one run.
type Config struct {
	Inputs      []read.Source
	Read        read.Options
	Out         string // dataset root: a directory or a gocloud.dev/blob URL
	Workers     int
	ShardIndex  int // this shard, 0-based
	ShardCount  int // number of shards; 0 or 1 for an unsharded run
	ToolVersion string
	Logger      *slog.Logger
	// Mode joins the run to the dataset at Out (output.Merge when empty).
	Mode         output.Mode
	LeaseTimeout time.Duration // 0: output.DefaultLeaseTimeout
	SkipErrors   bool          // --on-error skip: see Engine.SkipErrors
	Progress     *Progress     // counts the work as it goes, when set
}

// Summary is what a run wrote.
type Summary struct {
	Tables  map[string]int64 `json:"tables"`
	Rows    int64            `json:"rows"`
	Files   int              `json:"files"`
	Reports int              `json:"reports"`
	Seconds float64          `json:"seconds"`
	// Dataset is the rows per table of the whole dataset after the run.
	Dataset map[string]int64 `json:"dataset,omitempty"`
	// Rejected lists what --on-error skip left out.
	Rejected []output.Rejection `json:"rejected,omitempty"`
	// Removed lists the reports the run removed from the dataset without
	// bringing them (--mode overwrite-partitions, overwrite).
	Removed []string `json:"removed,omitempty"`
	// RowsWithoutText counts the rows of tables of reports the run left out
	// because their text is empty (each logged with its row; per input in
	// the manifest): a corpus export lists reports it has no text of.
	RowsWithoutText int `json:"rows_without_text,omitempty"`
}

// Stages builds the default stages of a run; the segmenter is loaded once
// and shared.
func Stages() ([]Stage, error) {
	seg, err := segment.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the segmenter: %w", err)
	}
	ex, err := commitments.New(seg)
	if err != nil {
		return nil, fmt.Errorf("building the commitments extractor: %w", err)
	}
	return []Stage{
		SplitStage{}, SegmentStage{Segmenter: seg}, FiguresStage{}, GoalsStage{},
		CommitmentsStage{Extractor: ex}, TermsStage{},
	}, nil
}

// shardOf assigns the n-th report of the inputs (in input order) to a shard:
// round robin, so that shards are balanced and every shard of a run with the
// same inputs agrees on the assignment.
func shardOf(n, count int) int {
	if count <= 1 {
		return 0
	}
	return n % count
}

// Run reads the inputs, runs every stage and writes the dataset atomically.
// On any error or cancellation the previous dataset at cfg.Out is left as it was.
//
// A shard (ShardCount > 1) writes its reports' rows under _shards/ instead, for Commit to join with the other shards' once all finished.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	start := time.Now()
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	stages, err := Stages()
	if err != nil {
		return Summary{}, err
	}
	count := max(cfg.ShardCount, 1)
	sharded := count > 1
	brought := newBrought()
	ds, err := output.Open(ctx, output.Options{
		Out: cfg.Out, ShardIndex: cfg.ShardIndex, ShardCount: count, ToolVersion: cfg.ToolVersion,
		Mode: cfg.Mode, LeaseTimeout: cfg.LeaseTimeout, Logger: log, Relink: brought.relink,
	})
	if err != nil {
		return Summary{}, err
	}
	defer ds.Abort() // a no-op after a successful Commit

	// The reader goroutine numbers every report of the inputs; the sink
	// learns a kept report's number from seqs once the engine is done.
	seqs := map[string]int{}
	read := 0
	eng := &Engine{
		Inputs: cfg.Inputs, Read: cfg.Read, Stages: stages, Workers: cfg.Workers,
		Keep: func(n int, doc *Doc) bool {
			read = n + 1
			keep := shardOf(n, count) == cfg.ShardIndex
			if keep && sharded {
				seqs[doc.Row.ReportID] = n
			}
			return keep
		},
		SkipErrors: cfg.SkipErrors,
	}
	var kept []output.ShardReport
	inputs, err := eng.Run(ctx, func(_ context.Context, doc *Doc) error {
		cfg.Progress.add(1, docRows(doc))
		log.Debug("report done", "report_id", doc.Row.ReportID, "sentences", len(doc.Sentences),
			"figures", len(doc.Figures), "goals", len(doc.Goals), "commitments", len(doc.Commitments))
		if sharded {
			kept = append(kept, output.ShardReport{ID: doc.Row.ReportID, Year: doc.Row.Year})
		} else {
			brought.add(doc)
		}
		return appendDoc(ds, doc)
	})
	if err != nil {
		return Summary{}, err
	}
	if read == 0 || !sharded && brought.count() == 0 {
		return Summary{}, fmt.Errorf("no report found in the inputs")
	}
	ds.SetInputs(inputs)
	ds.SetRejected(eng.Rejected)
	withoutText := 0
	for _, in := range inputs {
		withoutText += in.RowsWithoutText
	}
	if !sharded {
		sum, err := finish(ctx, ds, brought, eng.Rejected, start)
		sum.RowsWithoutText = withoutText
		return sum, err
	}
	for i := range kept {
		kept[i].Seq = seqs[kept[i].ID]
		delete(seqs, kept[i].ID)
	}
	// What is left of seqs are this shard's reports that --on-error skip left out.
	skipped := make([]int, 0, len(seqs))
	for _, n := range seqs {
		skipped = append(skipped, n)
	}
	sort.Ints(skipped)
	ds.SetShardReports(kept, skipped, read)
	sum, err := ds.Commit(ctx)
	if err != nil {
		return Summary{}, err
	}
	out := summarize(sum, len(kept), eng.Rejected, start)
	out.RowsWithoutText = withoutText
	return out, nil
}

// finish writes the regions and commits the dataset, whose relinker
// computes the rows that link reports: the end of a single run and of a
// commit of shards.
func finish(ctx context.Context, ds *output.Dataset, b *brought, rejected []output.Rejection, start time.Time) (Summary, error) {
	if err := appendRegions(ds); err != nil {
		return Summary{}, err
	}
	sum, err := ds.Commit(ctx)
	if err != nil {
		return Summary{}, err
	}
	sum.Tables[schemas.Attainment.Name] += b.assessed
	return summarize(sum, b.count(), rejected, start), nil
}

// summarize turns what a commit wrote into the run's summary.
func summarize(sum output.Summary, reports int, rejected []output.Rejection, start time.Time) Summary {
	out := Summary{Tables: sum.Tables, Files: len(sum.Files), Reports: reports, Seconds: time.Since(start).Seconds(),
		Dataset: sum.Dataset, Rejected: rejected, Removed: sum.Removed}
	for _, n := range sum.Tables {
		out.Rows += n
	}
	return out
}

func appendDoc(ds *output.Dataset, doc *Doc) error {
	for _, a := range []struct {
		t    *schemas.Table
		rows any
	}{
		{schemas.Reports, []schemas.Report{doc.Row}},
		{schemas.Sentences, doc.Sentences},
		{schemas.Goals, doc.Goals},
		{schemas.Figures, doc.Figures},
		{schemas.Commitments, doc.Commitments},
		{schemas.Terms, doc.Terms},
	} {
		if err := ds.Append(a.t, a.rows); err != nil {
			return fmt.Errorf("report %s: %w", doc.Row.ReportID, err)
		}
	}
	return nil
}
