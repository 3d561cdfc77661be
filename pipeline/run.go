package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/commitments"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/region"
	"github.com/govreports/govreports/stages/segment"
	"github.com/govreports/govreports/stages/terms"
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

// Stages builds the default stages of a run (the segmenter is loaded once and
// shared) and the terms counter the terms rows come from.
func Stages() ([]Stage, *terms.Counter, error) {
	seg, err := segment.Default()
	if err != nil {
		return nil, nil, fmt.Errorf("loading the segmenter: %w", err)
	}
	ex, err := commitments.New(seg)
	if err != nil {
		return nil, nil, fmt.Errorf("building the commitments extractor: %w", err)
	}
	counter := terms.NewCounter(seg)
	return []Stage{
		SplitStage{}, SegmentStage{Segmenter: seg}, FiguresStage{}, GoalsStage{},
		CommitmentsStage{Extractor: ex}, TermsStage{Counter: counter},
	}, counter, nil
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

// termCounts is the file of a shard's terms word counts in its folder.
const termCounts = "terms.counts"

// Run reads the inputs, runs every stage and writes the dataset atomically.
// On any error or cancellation the previous dataset at cfg.Out is left as it was.
//
// A shard (ShardCount > 1) writes its reports' rows and word counts under
// _shards/ instead, for Commit to join with the other shards' once all finished.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	start := time.Now()
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	stages, counter, err := Stages()
	if err != nil {
		return Summary{}, err
	}
	count := max(cfg.ShardCount, 1)
	sharded := count > 1
	ds, err := output.Open(ctx, output.Options{
		Out: cfg.Out, ShardIndex: cfg.ShardIndex, ShardCount: count, ToolVersion: cfg.ToolVersion,
		Mode: cfg.Mode, LeaseTimeout: cfg.LeaseTimeout, Logger: log,
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
	every := newEveryReport(counter, cfg.Workers)
	var kept []output.ShardReport
	inputs, err := eng.Run(ctx, func(_ context.Context, doc *Doc) error {
		cfg.Progress.add(1, docRows(doc))
		log.Debug("report done", "report_id", doc.Row.ReportID, "sentences", len(doc.Sentences),
			"figures", len(doc.Figures), "goals", len(doc.Goals), "commitments", len(doc.Commitments))
		if sharded {
			kept = append(kept, output.ShardReport{ID: doc.Row.ReportID, Year: doc.Row.Year})
		} else {
			every.add(doc)
		}
		return appendDoc(ds, doc)
	})
	if err != nil {
		return Summary{}, err
	}
	if read == 0 || !sharded && len(every.keys) == 0 {
		return Summary{}, fmt.Errorf("no report found in the inputs")
	}
	ds.SetInputs(inputs)
	ds.SetRejected(eng.Rejected)
	withoutText := 0
	for _, in := range inputs {
		withoutText += in.RowsWithoutText
	}
	if !sharded {
		sum, err := finish(ctx, ds, every, len(every.keys), eng.Rejected, start, cfg.Progress)
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
	if err := ds.WriteShardObject(termCounts, counter.WriteCounts); err != nil {
		return Summary{}, err
	}
	sum, err := ds.Commit(ctx)
	if err != nil {
		return Summary{}, err
	}
	out := summarize(sum, len(kept), eng.Rejected, start)
	out.RowsWithoutText = withoutText
	return out, nil
}

// finish writes the tables that need every report and the regions, and
// commits the dataset: the end of a single run and of a commit of shards.
func finish(ctx context.Context, ds *output.Dataset, every *everyReport, reports int, rejected []output.Rejection, start time.Time, progress *Progress) (Summary, error) {
	err := every.write(func(t *schemas.Table, rows any) error {
		progress.add(0, reflect.ValueOf(rows).Len())
		return ds.Append(t, rows)
	})
	if err != nil {
		return Summary{}, err
	}
	if err := ds.Append(schemas.Regions, RegionRows()); err != nil {
		return Summary{}, err
	}
	sum, err := ds.Commit(ctx)
	if err != nil {
		return Summary{}, err
	}
	return summarize(sum, reports, rejected, start), nil
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
	} {
		if err := ds.Append(a.t, a.rows); err != nil {
			return fmt.Errorf("report %s: %w", doc.Row.ReportID, err)
		}
	}
	return nil
}

// RegionRows is the regions dimension table: one row per code, under its
// latest name, with the names it bore before.
func RegionRows() []schemas.Region {
	all := region.All()
	rows := make([]schemas.Region, 0, len(all))
	for _, r := range all {
		var successor string
		if r.ValidTo != region.Current && r.CurrentCode != r.Code {
			successor = r.CurrentCode
		}
		var former []string
		vs := region.Versions(r.Code)
		for _, v := range vs[:len(vs)-1] { // the last is r
			former = append(former, fmt.Sprintf("%s %s…%s", v.Full, v.ValidFrom, v.ValidTo))
		}
		rows = append(rows, schemas.Region{
			RegionCode: r.Code, Region: r.Short, RegionName: r.Full, RegionEN: r.English,
			Level: r.Level, MacroRegion: r.MacroRegion,
			ProvinceCode: optional(r.ProvinceCode), PrefectureCode: optional(r.PrefectureCode),
			ValidFrom: r.ValidFrom, ValidTo: r.ValidTo, SuccessorCode: optional(successor),
			FormerNames: optional(strings.Join(former, "; ")),
		})
	}
	return rows
}

// termsByReport hands emit the terms rows of each report, in report order. The
// rows of a few reports at a time are ranked on every worker (ranking is the
// costly part, and waits for the last report), so memory stays flat.
func termsByReport(c *terms.Counter, keys map[string]schemas.Keys, workers int, emit func([]schemas.Term) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ids := c.Reports()
	rows := make([][]schemas.Term, min(4*workers, len(ids)))
	for start := 0; start < len(ids); start += len(rows) {
		batch := ids[start:min(start+len(rows), len(ids))]
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for i := int(next.Add(1) - 1); i < len(batch); i = int(next.Add(1) - 1) {
					rows[i] = termRows(c, batch[i], keys[batch[i]])
				}
			})
		}
		wg.Wait()
		for i := range batch {
			if err := emit(rows[i]); err != nil {
				return err
			}
			rows[i] = nil
		}
	}
	return nil
}

// termRows are a report's rows of the terms table.
func termRows(c *terms.Counter, reportID string, keys schemas.Keys) []schemas.Term {
	var rows []schemas.Term
	for _, t := range c.TopOf(reportID, TopTerms) {
		rows = append(rows, schemas.Term{
			Keys: keys, Term: t.Term, POS: t.POS, Count: int32(t.Count), TFIDF: t.TFIDF, Rank: int16(t.Rank),
		})
	}
	return rows
}
