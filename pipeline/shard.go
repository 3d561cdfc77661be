package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
)

// CommitConfig is the commit of a sharded run.
type CommitConfig struct {
	Out         string // dataset root the shards wrote to
	ToolVersion string // of the committing program; the shards' must match
	Logger      *slog.Logger
	// Mode joins the shards' rows to the dataset at Out, as a run's
	// (output.Merge when empty).
	Mode         output.Mode
	LeaseTimeout time.Duration // 0: output.DefaultLeaseTimeout
}

// Commit joins the finished shards at cfg.Out into the dataset a single run
// over the same inputs writes, byte for byte: it checks the shards (see
// output.OpenShards), reads their rows back report by report in input order
// and writes the tables with the writer of a single run, which joins them to
// the dataset by cfg.Mode under the dataset's lease and links them to its
// other reports (attainment, resolved values), as a run does. The shards go once the dataset is committed; on error the previous
// dataset stays, and so do the shards.
func Commit(ctx context.Context, cfg CommitConfig) (Summary, error) {
	start := time.Now()
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	shards, err := output.OpenShards(ctx, cfg.Out)
	if err != nil {
		return Summary{}, err
	}
	defer shards.Close()
	// The rows that depend on every report are computed by this program:
	// another version might compute them otherwise than the shards' would.
	if v := shards.ToolVersion(); v != cfg.ToolVersion {
		return Summary{}, fmt.Errorf("the shards were written by govreports %s, this is %s: commit with the shards' version", v, cfg.ToolVersion)
	}
	log.Info("commit started", "shards", shards.Count(), "reports", len(shards.Reports()), "out", cfg.Out)
	brought := newBrought()
	ds, err := output.Open(ctx, output.Options{
		Out: cfg.Out, ToolVersion: cfg.ToolVersion, Mode: cfg.Mode, LeaseTimeout: cfg.LeaseTimeout, Logger: log,
		Relink: brought.relink,
	})
	if err != nil {
		return Summary{}, err
	}
	defer ds.Abort() // a no-op after a successful Commit

	for _, r := range shards.Reports() {
		doc, err := shardDoc(ctx, shards, r)
		if err != nil {
			return Summary{}, err
		}
		brought.add(doc)
		if err := appendDoc(ds, doc); err != nil {
			return Summary{}, err
		}
	}
	if err := shards.Done(); err != nil {
		return Summary{}, err
	}
	ds.SetInputs(shards.Inputs())
	ds.SetRejected(shards.Rejected())
	sum, err := finish(ctx, ds, brought, shards.Rejected(), start)
	if err != nil {
		return Summary{}, err
	}
	if err := shards.Remove(ctx, cfg.LeaseTimeout); err != nil {
		return sum, fmt.Errorf("the dataset is committed, removing the shards failed: %w", err)
	}
	return sum, nil
}

// shardDoc is a report's doc as its shard wrote it: the rows, nothing else.
func shardDoc(ctx context.Context, s *output.Shards, r output.ShardReport) (*Doc, error) {
	reports, err := output.ReportRows[schemas.Report](ctx, s, schemas.Reports, r)
	if err != nil {
		return nil, err
	}
	if len(reports) != 1 {
		return nil, fmt.Errorf("report %s: %d rows in its shard's reports table, want 1", r.ID, len(reports))
	}
	doc := &Doc{Row: reports[0]}
	if doc.Sentences, err = output.ReportRows[schemas.Sentence](ctx, s, schemas.Sentences, r); err != nil {
		return nil, err
	}
	if doc.Goals, err = output.ReportRows[schemas.Goal](ctx, s, schemas.Goals, r); err != nil {
		return nil, err
	}
	if doc.Figures, err = output.ReportRows[schemas.Figure](ctx, s, schemas.Figures, r); err != nil {
		return nil, err
	}
	if doc.Commitments, err = output.ReportRows[schemas.Commitment](ctx, s, schemas.Commitments, r); err != nil {
		return nil, err
	}
	if doc.Terms, err = output.ReportRows[schemas.Term](ctx, s, schemas.Terms, r); err != nil {
		return nil, err
	}
	return doc, nil
}
