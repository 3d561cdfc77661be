package read

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"strings"
	"unicode/utf8"
)

// Options are the user's overrides for what the text does not say.
type Options struct {
	Region string       // region of reports whose title names none (code, short, full or English name)
	Year   int          // year of reports whose text does not tell it
	Logger *slog.Logger // receives warnings about repaired metadata; nil discards them
	// TextColumn names the column holding a report's text in tables of
	// reports (CSV, TSV, JSON Lines, Parquet); "" looks for the usual names
	// (full_text, content, text, 正文 …, see columns.txt).
	TextColumn string
}

// Input describes one input as it was read, for the run's manifest.
type Input struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"` // of the bytes as stored (compressed inputs hash compressed)
	Bytes  int64  `json:"bytes"`
}

// Read reads every report of one input and calls emit with each, in order.
// It returns the input's size and hash once the whole input was read.
func Read(ctx context.Context, src Source, opts Options, emit func(*Report) error) (Input, error) {
	rc, err := src.Open()
	if err != nil {
		return Input{}, fmt.Errorf("input %s: %w", src.Name, err)
	}
	defer rc.Close()
	h := &hashingReader{r: rc, h: sha256.New()}
	if err := readReports(ctx, src, h, opts, emit); err != nil {
		return Input{}, err
	}
	// Drain what the parser did not need (trailing bytes) so the hash covers the whole input.
	if _, err := io.Copy(io.Discard, h); err != nil {
		return Input{}, fmt.Errorf("input %s: %w", src.Name, err)
	}
	return Input{Name: src.Name, SHA256: hex.EncodeToString(h.h.Sum(nil)), Bytes: h.n}, nil
}

type hashingReader struct {
	r io.Reader
	h hash.Hash
	n int64
}

func (hr *hashingReader) Read(p []byte) (int, error) {
	n, err := hr.r.Read(p)
	hr.h.Write(p[:n])
	hr.n += int64(n)
	return n, err
}

func readReports(ctx context.Context, src Source, in io.Reader, opts Options, emit func(*Report) error) error {
	r, err := decompress(src.Name, in)
	if err != nil {
		return err
	}
	br := newPeekReader(r)
	head, _ := br.Peek(sniffBytes)
	row := func(n int, text string, h Hints) error {
		name := RowSource(src.Name, n)
		if strings.TrimSpace(text) == "" {
			warn(opts.Logger, "row not read: its text is empty", "input", name)
			return nil
		}
		if !utf8.ValidString(text) {
			return fmt.Errorf("%s: invalid UTF-8 in the text", name)
		}
		return collect(ctx, name, rowLines(name, text), opts, h, true, emit)
	}
	var next func() (string, int, error)
	switch f := detect(src.Name, head); f {
	case formatParquet:
		return readParquet(ctx, src.Name, br, opts.TextColumn, row)
	case formatCSV, formatTSV, formatJSONL:
		lr, err := newLineReader(src.Name, br)
		if err != nil {
			return err
		}
		switch f {
		case formatCSV:
			return readCSV(src.Name, lr.r, ',', opts.TextColumn, row)
		case formatTSV:
			return readCSV(src.Name, lr.r, '\t', opts.TextColumn, row)
		}
		return readJSONL(src.Name, lr.r, opts.TextColumn, row)
	case formatDocx:
		next, err = docxLines(src.Name, br)
	case formatHTML:
		next, err = htmlLines(src.Name, br)
	default:
		var lr *lineReader
		if lr, err = newLineReader(src.Name, br); err == nil {
			next = lr.Next
		}
	}
	if err != nil {
		return err
	}
	return collect(ctx, src.Name, next, opts, Hints{}, false, emit)
}

// collect gathers lines into reports and emits each. A file holds one report
// per title line (…政府工作报告) unless single, when it is one report (a
// table row) whose first line may be its title. Page chrome is left out.
func collect(ctx context.Context, name string, next func() (string, int, error), opts Options, hints Hints, single bool, emit func(*Report) error) error {
	var cur *Report
	ended := false // the current report's text ended (相关报道 …): drop lines up to the next title
	flush := func() error {
		if cur == nil || !hasText(cur.Lines) {
			return nil
		}
		if err := cur.resolve(opts); err != nil {
			return err
		}
		return emit(cur)
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		text, no, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		// Chrome first: a breadcrumb (首页 > … > 政府工作报告) is no title.
		kind := chromeOf(text)
		if kind == chromeLine {
			continue
		}
		first := cur == nil || (cur.Title == "" && !hasText(cur.Lines))
		if !single || first {
			if title, ok := titleOf(text, first); ok {
				if err := flush(); err != nil {
					return err
				}
				cur = &Report{Source: name, SourceLine: no, Title: title, Hints: hints}
				ended = false
				continue
			}
		}
		if ended {
			continue
		}
		if kind == chromeEnd {
			ended = true
			continue
		}
		if cur == nil {
			cur = &Report{Source: name, SourceLine: no, Hints: hints}
		}
		cur.Lines = append(cur.Lines, Line{Text: text, No: no})
	}
	return flush()
}

func hasText(lines []Line) bool {
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			return true
		}
	}
	return false
}
