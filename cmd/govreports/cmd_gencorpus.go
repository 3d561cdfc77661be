package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"

	"github.com/govreports/govreports/stages/read/meta"
	"github.com/govreports/govreports/testdata"
)

// yearWord matches a year as reports write it (2023年); shifting every one of
// them re-labels a copy of the corpus as another year's reports.
var yearWord = regexp.MustCompile(`(1[89]|2[01])\d\d年`)

// maxCopies is how many copies get distinct years a report can have: one per
// year from meta.MinYear to meta.MaxYear (report ids are year and region).
const maxCopies = meta.MaxYear - meta.MinYear + 1

// cmdGenCorpus writes N copies of the seed corpus, each re-labelled as
// another year's reports (see copyShift), so that each copy's reports get
// distinct ids. It is a benchmark helper and not listed in the usage.
func cmdGenCorpus(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gen-corpus", "", stderr)
	times := fs.Int("times", 10, "how many copies of the seed")
	out := fs.String("o", "-", "output file, - for stdout")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *times < 1 || *times > maxCopies {
		return usagef("--times must be 1..%d", maxCopies)
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

// copyShift is how many years copy k moves every year by: k years back
// while the report year stays a year a report can have (scripts rely on
// copies 1 and 2 being the year before the seed's and the one before that),
// then forward from the year after the seed's.
func copyShift(k int) int {
	if back := testdata.CorpusYear - meta.MinYear; k > back {
		return k - back
	}
	return -k
}

func genCorpus(w io.Writer, seed []byte, times int) error {
	for k := 0; k < times; k++ {
		shift := copyShift(k)
		copyK := yearWord.ReplaceAllFunc(seed, func(m []byte) []byte {
			y, _ := strconv.Atoi(string(m[:4]))
			return append(strconv.AppendInt(nil, int64(y+shift), 10), m[4:]...)
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
