package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"runtime/debug"

	"github.com/govreports/govreports/pipeline"
)

func cmdCommit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("commit", "", stderr)
	out := fs.String("out", "./dataset", "dataset root the shards wrote to")
	workers := fs.Int("workers", 0, "reports ranked at once (default GOMAXPROCS)")
	memLimit := fs.Int("memory-limit-mb", defaultMemoryLimitMB(os.Getenv), "soft memory limit in MiB for the Go runtime (0: none; default from GOMEMLIMIT, else 256)")
	logFlags := addLogFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *workers < 0 {
		return usagef("--workers must be positive")
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
	sum, err := pipeline.Commit(ctx, pipeline.CommitConfig{Out: *out, Workers: *workers, ToolVersion: version, Logger: log})
	if err != nil {
		return err
	}
	log.Info("commit finished", "reports", sum.Reports, "rows", sum.Rows, "files", sum.Files, "seconds", sum.Seconds)
	return json.NewEncoder(stdout).Encode(sum)
}
