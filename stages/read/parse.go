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
)

// Options are the user's overrides for what the text does not say.
type Options struct {
	Region string       // region of reports whose title names none (code, short, full or English name)
	Year   int          // year of reports whose text does not tell it
	Logger *slog.Logger // receives warnings about repaired metadata; nil discards them
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
	next, err := lineSource(src.Name, r)
	if err != nil {
		return err
	}
	var cur *Report
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
		if title, ok := titleOf(text, cur == nil || (cur.Title == "" && !hasText(cur.Lines))); ok {
			if err := flush(); err != nil {
				return err
			}
			cur = &Report{Source: src.Name, SourceLine: no, Title: title}
			continue
		}
		if cur == nil {
			cur = &Report{Source: src.Name, SourceLine: no}
		}
		cur.Lines = append(cur.Lines, Line{Text: text, No: no})
	}
	if err := flush(); err != nil {
		return err
	}
	return nil
}

// lineSource picks the reader by content type: HTML pages by name, text otherwise.
func lineSource(name string, r io.Reader) (func() (string, int, error), error) {
	if IsHTMLName(name) {
		return htmlLines(name, r)
	}
	lr, err := newLineReader(name, r)
	if err != nil {
		return nil, err
	}
	return lr.Next, nil
}

func hasText(lines []Line) bool {
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			return true
		}
	}
	return false
}
