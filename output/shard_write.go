package output

// Sharded runs, the shard's side. A shard writes its rows with the normal
// writer, but under _shards/<index>-of-<count>/ instead of the table folders,
// so that no reader of the dataset sees them, and last its marker
// _shards/<index>-of-<count>.json. A shard runs
// under a lease of its own, _lease-shard-<index>-of-<count>.json, not the
// dataset's. The commit side (shard_commit.go) reads the shards back; the
// names and the checks of a finished shard are in shard_status.go.

import (
	"context"
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
}

// shardState is what a shard's Dataset records for its marker besides the files.
type shardState struct {
	reports     []ShardReport
	skipped     []int
	reportsRead int
}

// SetShardReports records, for a shard's marker, the reports it processed,
// the numbers of those of its reports it left out (--on-error skip) and how
// many reports the inputs hold in all.
func (d *Dataset) SetShardReports(reports []ShardReport, skipped []int, reportsRead int) {
	d.shard.reports, d.shard.skipped, d.shard.reportsRead = reports, skipped, reportsRead
}

// publishShard is a shard's commit: it deletes its marker, moves its files
// into its folder (each move durable, as in the dataset's step 6b), removes
// what an earlier run of the shard (or of another shard count) left, and
// writes its marker last. A shard that dies before the marker is written is
// unfinished, and its next run starts over.
func (d *Dataset) publishShard(ctx context.Context, sum Summary) error {
	index, count := d.opts.ShardIndex, d.opts.ShardCount
	marker := shardMarkerKey(index, count)
	if err := d.st.Delete(ctx, marker); err != nil {
		return err
	}
	keep := pathsOf(sum.Files)
	for _, key := range sortedKeys(keep) {
		if err := d.st.Move(ctx, d.staging+key, key); err != nil {
			return err
		}
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
		Reports: d.shard.reports, Skipped: d.shard.skipped, Rejected: d.rejected, Tables: sum.Tables, Files: sum.Files,
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
