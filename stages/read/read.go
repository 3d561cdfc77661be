package read

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"log/slog"

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
	if err := readReports(ctx, src.Name, h, opts, emit); err != nil {
		return Input{}, err
	}
	// Drain what the parser did not need (trailing bytes) so the hash covers the whole input.
	if _, err := io.Copy(io.Discard, h); err != nil {
		return Input{}, errorf(src.Name, "%w", err)
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

// readReports opens the input with the reader of its format and splits each
// of its documents into reports.
func readReports(ctx context.Context, name string, in io.Reader, opts Options, emit func(*Report) error) error {
	r, err := decompress(name, in)
	if err != nil {
		return err
	}
	br := newPeekReader(r)
	head, _ := br.Peek(sniffBytes)
	dr, err := detect(name, head).open(ctx, &opened{name: name, r: br, opts: opts})
	if err != nil {
		return err
	}
	if c, ok := dr.(io.Closer); ok {
		defer c.Close()
	}
	s := splitter{opts: opts, emit: emit}
	for {
		d, err := dr.next(ctx)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := s.split(ctx, d); err != nil {
			return err
		}
	}
}
