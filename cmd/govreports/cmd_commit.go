package main

import (
	"context"
	"encoding/json"
	"io"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/output/runreport"
)

func cmdCommit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("commit", "", stderr)
	out := fs.String("out", "./dataset", "dataset root the shards wrote to")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	sum, err := output.Commit(ctx, *out)
	if err != nil {
		return err
	}
	if err := runreport.Write(ctx, *out); err != nil {
		return err
	}
	return json.NewEncoder(stdout).Encode(sum)
}
