package eval

import (
	"fmt"
	"path/filepath"
	"testing"
)

func TestScratchTopic(t *testing.T) {
	gold, _ := LoadCommitments(filepath.Join("..", "testdata", "gold", "commitments.json"))
	sents, commits, _ := commitmentRows(t)
	for _, g := range gold {
		for _, s := range sents {
			if int(s.Line) != g.Line || !overlaps(s.Text, g.Text) {
				continue
			}
			for _, c := range commits {
				if c.ReportID == s.ReportID && c.SentenceID == s.SentenceID {
					if c.Topic != g.Topic {
						fmt.Println(g.Topic, c.Topic, g.Text[:min(90, len(g.Text))])
					}
					break
				}
			}
		}
	}
}
