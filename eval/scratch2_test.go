package eval

import (
	"fmt"
	"path/filepath"
	"testing"
)

func TestScratchDeliv(t *testing.T) {
	gold, _ := LoadCommitments(filepath.Join("..", "testdata", "gold", "commitments.json"))
	sents, _, figs := commitmentRows(t)
	for _, g := range gold {
		for _, s := range sents {
			if int(s.Line) != g.Line || !overlaps(s.Text, g.Text) {
				continue
			}
			for _, f := range figs {
				if f.ReportID == s.ReportID && f.SentenceID == s.SentenceID {
					fmt.Println(g.Line, f.Mention, f.CommitmentID != nil)
				}
			}
		}
		for _, d := range g.Deliverables {
			fmt.Println("   gold", g.Line, d.Mention)
		}
	}
}
