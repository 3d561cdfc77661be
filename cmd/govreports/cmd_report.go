package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/output/runreport"
)

// writeRunReport leaves the page of a dataset just committed. It is made
// from the committed tables, so `govreports report` gives the same bytes; a
// run that took --out since writes the page of its own dataset.
func writeRunReport(ctx context.Context, out string, timing runreport.Timing, log *slog.Logger) error {
	var held *output.LeaseHeldError
	switch err := runreport.Write(ctx, out, &timing); {
	case errors.As(err, &held):
		log.Warn("run report not written: another run is writing the dataset", "lease", err.Error())
	case err != nil:
		return err
	}
	return nil
}

// cmdReport rebuilds the run report page of a committed dataset.
func cmdReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("report", "", stderr)
	out := fs.String("out", "./dataset", "dataset root: a directory, or s3://, gs://, azblob://, file:// URL")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("report takes no arguments (use --out)")
	}
	if err := runreport.Write(ctx, *out, nil); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s/%s\n", *out, runreport.Key)
	return nil
}
