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

	"github.com/govreports/govreports/stages/read/meta"
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
	// MaxReportBytes bounds the text of one report (0: DefaultMaxReportBytes):
	// a longer one is refused before it takes more memory.
	MaxReportBytes int
}

// DefaultMaxReportBytes is more text than any report has: the longest are a
// few hundred KB.
const DefaultMaxReportBytes = 5 << 20

func (o Options) maxReportBytes() int {
	if o.MaxReportBytes > 0 {
		return o.MaxReportBytes
	}
	return DefaultMaxReportBytes
}

// flags are the options metadata falls back on.
func (o Options) flags() meta.Flags { return meta.Flags{Region: o.Region, Year: o.Year} }

// Validate checks the user's fallbacks before any input is read: a --region
// that names no division, or names several, is a usage error.
func (o Options) Validate() error { return o.flags().Validate() }

// Input describes one input as it was read, for the run's manifest.
type Input struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"` // of the bytes as stored (compressed inputs hash compressed)
	Bytes  int64  `json:"bytes"`
	// RowsWithoutText counts the rows of a table of reports left out because
	// their text cell is empty (each is logged with its row).
	RowsWithoutText int `json:"rows_without_text,omitempty"`
}

// Read reads every report of one input and calls emit with each, in order.
// It returns the input's size and hash once the whole input was read. What
// the input holds that cannot be read is an *Error.
func Read(ctx context.Context, src Source, opts Options, emit func(*Report) error) (Input, error) {
	rc, err := src.Open()
	if err != nil {
		return Input{}, errorf(src.Name, "%w", err)
	}
	defer rc.Close()
	h := &hashingReader{r: rc, h: sha256.New()}
	empty, err := readReports(ctx, src.Name, h, opts, emit)
	if err != nil {
		return Input{}, err
	}
	// Drain what the parser did not need (trailing bytes) so the hash covers the whole input.
	if _, err := io.Copy(io.Discard, h); err != nil {
		return Input{}, errorf(src.Name, "%w", err)
	}
	return Input{Name: src.Name, SHA256: hex.EncodeToString(h.h.Sum(nil)), Bytes: h.n, RowsWithoutText: empty}, nil
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

// readReports opens the input with the reader of its format and splits each
// of its documents into reports. It returns how many table rows it left out
// for an empty text.
func readReports(ctx context.Context, name string, in io.Reader, opts Options, emit func(*Report) error) (int, error) {
	r, err := decompress(name, in)
	if err != nil {
		return 0, err
	}
	br := newPeekReader(r)
	head, _ := br.Peek(sniffBytes)
	op := &opened{name: name, r: br, opts: opts}
	dr, err := detect(name, head).open(ctx, op)
	if err != nil {
		return 0, err
	}
	if c, ok := dr.(io.Closer); ok {
		defer c.Close()
	}
	c := &copies{emit: emit, log: opts.Logger, first: map[string]copyOf{}}
	s := splitter{opts: opts, emit: c.emit1}
	for {
		d, err := dr.next(ctx)
		if errors.Is(err, io.EOF) {
			if len(c.first) == 0 {
				return 0, errorf(name, "no report in it (%s)", emptiness(head, op.rowsWithoutText))
			}
			return op.rowsWithoutText, nil
		}
		if err != nil {
			return 0, err
		}
		if err := s.split(ctx, d); err != nil {
			return 0, err
		}
	}
}

// copies leaves out a second copy of a report within one input (a saved page
// that carries the report twice, the reprint after the site's chrome), with
// a warning: it is not the report read twice from two inputs, which the run
// refuses.
type copies struct {
	emit  func(*Report) error
	log   *slog.Logger
	first map[string]copyOf // by year and region
}

type copyOf struct {
	source string
	line   int
	text   [sha256.Size]byte // of the opening
}

// copyBytes is how much of a report's opening, spaces left out, tells a copy
// from another report of the same year and region.
const copyBytes = 4 << 10

func (c *copies) emit1(r *Report) error {
	key := fmt.Sprintf("%d-%s", r.Year, r.Region.Code)
	sum := opening(r.Lines)
	if f, ok := c.first[key]; ok && f.text == sum {
		if c.log != nil {
			c.log.Warn("a second copy of a report in one input left out", "source", r.Source, "line", r.SourceLine,
				"title", r.displayTitle(), "copy_of", fmt.Sprintf("%s:%d", f.source, f.line))
		}
		return nil
	} else if !ok {
		c.first[key] = copyOf{source: r.Source, line: r.SourceLine, text: sum}
	}
	return c.emit(r)
}

// opening hashes the first copyBytes of a report's text without its spaces
// and line breaks, which copies of a page do not keep alike.
func opening(lines []Line) [sha256.Size]byte {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(meta.Compact(l.Text))
		if b.Len() >= copyBytes {
			break
		}
	}
	t := b.String()
	if len(t) > copyBytes {
		t = t[:copyBytes]
	}
	return sha256.Sum256([]byte(t))
}

// emptiness says why an input held no report.
func emptiness(head []byte, rowsWithoutText int) string {
	switch {
	case len(head) == 0:
		return "an empty file"
	case rowsWithoutText > 0:
		return fmt.Sprintf("the text cell of every row is empty: %d", rowsWithoutText)
	}
	return "no report text"
}
