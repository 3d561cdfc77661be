package eval

import (
	"context"
	"fmt"
	"math/rand"
	"testing"

	"github.com/govreports/govreports/stages/commitments"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/segment"
	"github.com/govreports/govreports/stages/split"
	"github.com/govreports/govreports/testdata"
)

func TestScratchSample(t *testing.T) {
	seg, _ := segment.Default()
	ex, _ := commitments.New(seg)
	type item struct {
		s  split.Sentence
		cs []commitments.Commitment
	}
	var all []item
	read.Read(context.Background(), read.BytesSource(testdata.CorpusName, testdata.Corpus), read.Options{}, func(r *read.Report) error {
		ss := split.Split(r)
		cs := ex.Extract(ss)
		by := map[int][]commitments.Commitment{}
		for _, c := range cs {
			by[c.SentenceIndex] = append(by[c.SentenceIndex], c)
		}
		for i, s := range ss {
			if s.Section == "plan" || s.Section == "targets" || s.Section == "governance" {
				all = append(all, item{s, by[i]})
			}
		}
		return nil
	})
	rng := rand.New(rand.NewSource(11))
	pos := 0
	for _, it := range all {
		if len(it.cs) > 0 {
			pos++
		}
	}
	fmt.Println("forward", len(all), "commit", pos)
	shown := 0
	for _, k := range rng.Perm(len(all)) {
		it := all[k]
		if it.s.IsHeading || len(it.cs) == 0 || shown >= 90 || len([]rune(it.s.Text)) > 45 {
			continue
		}
		shown++
		for _, c := range it.cs {
			fmt.Printf("      %s|%s ", c.Verb, c.Object)
		}
		fmt.Println()
		fmt.Printf("[%v] L%d P%d %s %s\n", len(it.cs) > 0, it.s.Line, it.s.Paragraph, it.s.Section, it.s.Text)
		for _, c := range it.cs {
			fmt.Printf("   - %s | %s | %s | %s | %s\n", c.Verb, c.Object, c.Topic, c.Deadline, c.Clause)
		}
	}
}
