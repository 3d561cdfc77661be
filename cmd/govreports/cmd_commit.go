package main

import (
	"context"
	"encoding/json"
	"io"

	"github.com/govreports/govreports/pipeline"
)

func cmdCommit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("commit", "", stderr)
	out := fs.String("out", "./dataset", "dataset root the shards wrote to")
	workers := fs.Int("workers", 0, "reports ranked at once (default GOMAXPROCS)")
	logFlags := addLogFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *workers < 0 {
		return usagef("--workers must be positive")
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
