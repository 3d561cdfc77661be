package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/govreports/govreports/eval"
	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/pipeline"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/testdata"
)

func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", "[INPUT...]", stderr)
	gold := fs.String("gold", "", "directory of answer keys (goals.json, figures.json, commitments.json, gdp.json, SOURCES.tsv; any present are scored)")
	out := fs.String("out", "", "score this dataset instead of running the pipeline on the inputs (default: the embedded corpus)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		return usagef("eval needs --gold DIR")
	}
	tables, err := evalTables(ctx, *out, fs.Args())
	if err != nil {
		return err
	}
	type report interface{ Write(io.Writer) error }
	scorers := []struct {
		name  string
		score func(path string) (report, error)
	}{
		{"goals", func(p string) (report, error) {
			g, err := eval.LoadGoals(p)
			return eval.ScoreGoals(g, tables.Goals), err
		}},
		{"figures", func(p string) (report, error) {
			g, err := eval.LoadFigures(p)
			return eval.ScoreFigures(g, tables.Sentences, tables.Figures), err
		}},
		{"commitments", func(p string) (report, error) {
			g, err := eval.LoadCommitments(p)
			return eval.ScoreCommitments(g, tables.Sentences, tables.Commitments, tables.Figures), err
		}},
		{"gdp", func(p string) (report, error) {
			g, err := eval.LoadGDP(p)
			return eval.ScoreGDP(g, tables.Reports, tables.Goals), err
		}},
		{"SOURCES", func(p string) (report, error) {
			g, err := eval.LoadSources(p)
			return eval.CheckSources(g, tables.Reports), err
		}},
	}
	scored := 0
	for _, sc := range scorers {
		p := filepath.Join(*gold, sc.name+".json")
		if sc.name == "SOURCES" {
			p = filepath.Join(*gold, "SOURCES.tsv")
		}
		if !exists(p) {
			continue
		}
		r, err := sc.score(p)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, "== "+sc.name)
		if err := r.Write(stdout); err != nil {
			return err
		}
		scored++
	}
	if scored == 0 {
		return fmt.Errorf("%s holds no goals.json, figures.json, commitments.json, gdp.json or SOURCES.tsv", *gold)
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// evalTables reads a written dataset, or runs the pipeline in memory.
func evalTables(ctx context.Context, out string, inputs []string) (*pipeline.Tables, error) {
	if out != "" {
		if len(inputs) > 0 {
			return nil, usagef("give either --out or inputs, not both")
		}
		return readDataset(ctx, out)
	}
	srcs := []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}
	if len(inputs) > 0 {
		var err error
		if srcs, err = read.Sources(inputs, os.Stdin, nil); err != nil {
			return nil, err
		}
	}
	return pipeline.Collect(ctx, srcs, read.Options{}, 0)
}

func readDataset(ctx context.Context, out string) (*pipeline.Tables, error) {
	t := &pipeline.Tables{}
	var err error
	if t.Reports, err = output.ReadTable[schemas.Report](ctx, out, schemas.Reports); err != nil {
		return nil, err
	}
	if t.Sentences, err = output.ReadTable[schemas.Sentence](ctx, out, schemas.Sentences); err != nil {
		return nil, err
	}
	if t.Goals, err = output.ReadTable[schemas.Goal](ctx, out, schemas.Goals); err != nil {
		return nil, err
	}
	if t.Figures, err = output.ReadTable[schemas.Figure](ctx, out, schemas.Figures); err != nil {
		return nil, err
	}
	if t.Commitments, err = output.ReadTable[schemas.Commitment](ctx, out, schemas.Commitments); err != nil {
		return nil, err
	}
	if len(t.Sentences) == 0 {
		return nil, errors.New(out + ": the dataset has no sentences")
	}
	return t, nil
}
