package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/output/runreport"
	"github.com/govreports/govreports/pipeline"
)

func cmdCommit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("commit", "", stderr)
	out := fs.String("out", "./dataset", "dataset root the shards wrote to")
	mode := fs.String("mode", string(output.Merge), "how the shards' rows join the dataset at --out: merge (replace the reports they hold, keep every other), overwrite-partitions (replace the years they hold), overwrite (the whole dataset) or append (refused for a report already there)")
	leaseTimeout := fs.Duration("lease-timeout", output.DefaultLeaseTimeout, "a lease on --out not renewed for this long belongs to a dead run and is taken over")
	memLimit := fs.Int("memory-limit-mb", defaultMemoryLimitMB(os.Getenv), "soft memory limit in MiB for the Go runtime (0: none; default from GOMEMLIMIT, else 256)")
	logFlags := addLogFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	wmode, err := output.ParseMode(*mode)
	if err != nil {
		return usagef("--mode: %v", err)
	}
	if *leaseTimeout <= 0 {
		return usagef("--lease-timeout must be positive")
	}
	if *memLimit < 0 {
		return usagef("--memory-limit-mb must be 0 or more")
	}
	if *memLimit > 0 {
		debug.SetMemoryLimit(int64(*memLimit) << 20) // as in run
	}
	log, err := logFlags.logger(stderr)
	if err != nil {
		return err
	}
	started := time.Now()
	sum, err := pipeline.Commit(ctx, pipeline.CommitConfig{
		Out: *out, ToolVersion: version, Logger: log, Mode: wmode, LeaseTimeout: *leaseTimeout,
	})
	if err != nil {
		return err
	}
	timing := runreport.Timing{Command: "commit", StartedAt: started.UTC().Format(time.RFC3339), Seconds: sum.Seconds}
	if err := writeRunReport(ctx, *out, timing, log); err != nil {
		return err
	}
	log.Info("commit finished", "reports", sum.Reports, "rows", sum.Rows, "files", sum.Files, "rejected", len(sum.Rejected), "seconds", sum.Seconds)
	if err := json.NewEncoder(stdout).Encode(sum); err != nil {
		return err
	}
	if len(sum.Rejected) > 0 {
		return fmt.Errorf("%w: %d left out by the shards (listed in the manifest), the rest committed", errRejected, len(sum.Rejected))
	}
	return nil
}
