package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/govreports/govreports/schemas"
)

func cmdSchema(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("schema", "[TABLE]", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	tables := schemas.All
	if fs.NArg() > 1 {
		return usagef("schema takes at most one table name")
	}
	if fs.NArg() == 1 {
		t, err := schemas.ByName(fs.Arg(0))
		if err != nil {
			return usageError{err.Error()}
		}
		tables = []*schemas.Table{t}
	}
	fmt.Fprintf(stdout, "schema version %s\n", schemas.Version)
	for _, t := range tables {
		fmt.Fprintf(stdout, "\n%s — %s\n", t.Name, t.Doc)
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		for _, c := range t.Columns {
			null := ""
			if c.Nullable {
				null = "null"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", c.Name, c.Type, null, c.Doc)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
