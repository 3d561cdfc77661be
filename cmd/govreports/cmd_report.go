package main

import (
	"context"
	"fmt"
	"io"

	"github.com/govreports/govreports/output/runreport"
)

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
	if err := runreport.Write(ctx, *out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s/%s\n", *out, runreport.Key)
	return nil
}
