package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"

	"github.com/govreports/govreports/testdata"
)

// yearWord matches a year as reports write it (2023年); shifting every one of
// them re-labels a copy of the corpus as another year's reports.
var yearWord = regexp.MustCompile(`(1[89]|2[01])\d\d年`)

// cmdGenCorpus writes N copies of the seed corpus, copy k with every year
// moved k years back, so that each copy's reports get distinct ids. It is a
// benchmark helper and not listed in the usage.
func cmdGenCorpus(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gen-corpus", "", stderr)
	times := fs.Int("times", 10, "how many copies of the seed")
	out := fs.String("o", "-", "output file, - for stdout")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *times < 1 || *times > 1000 {
		return usagef("--times must be 1..1000")
	}
	w := stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := genCorpus(bw, testdata.Corpus, *times); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return nil
}

func genCorpus(w io.Writer, seed []byte, times int) error {
	for k := 0; k < times; k++ {
		copyK := yearWord.ReplaceAllFunc(seed, func(m []byte) []byte {
			y, _ := strconv.Atoi(string(m[:4]))
			return append(strconv.AppendInt(nil, int64(y-k), 10), m[4:]...)
		})
		if _, err := w.Write(copyK); err != nil {
			return fmt.Errorf("writing the corpus: %w", err)
		}
		if len(copyK) > 0 && copyK[len(copyK)-1] != '\n' {
			if _, err := w.Write([]byte{'\n'}); err != nil {
				return fmt.Errorf("writing the corpus: %w", err)
			}
		}
	}
	return nil
}
