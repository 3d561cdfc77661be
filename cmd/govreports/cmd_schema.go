package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/indicator"
)

// indicatorsTopic is the argument of `govreports schema` that lists the
// indicator codes of the goals and figures tables instead of a table.
const indicatorsTopic = "indicators"

func cmdSchema(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("schema", "[TABLE | indicators]", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	tables := schemas.All
	if fs.NArg() > 1 {
		return usagef("schema takes at most one table name")
	}
	if fs.NArg() == 1 {
		if fs.Arg(0) == indicatorsTopic {
			return writeIndicators(stdout)
		}
		t, err := schemas.ByName(fs.Arg(0))
		if err != nil {
			return usageError{msg: err.Error()}
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
	if len(tables) > 1 {
		fmt.Fprintf(stdout, "\nindicator codes (goals.indicator, figures.indicator): govreports schema %s\n", indicatorsTopic)
	}
	return nil
}

// writeIndicators lists the codes of the indicator lexicon with their labels,
// the direction in which a value is better and the code of their level.
func writeIndicators(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	// The Chinese label comes last: tabwriter counts runes, not display width.
	fmt.Fprintln(tw, "code\tgood\tlevel\tindicator_en\tindicator_zh")
	for _, code := range indicator.Codes() {
		ind, _ := indicator.ByCode(code)
		level := ind.Level
		if level == "" {
			level = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", ind.Code, ind.Good, level, ind.EN, ind.ZH)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write indicators: %w", err)
	}
	return nil
}
