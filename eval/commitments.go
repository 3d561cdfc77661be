package eval

import (
	"fmt"
	"io"
	"strings"

	"github.com/govreports/govreports/schemas"
)

// GoldDeliverable is one quantified deliverable of a gold commitment sentence.
type GoldDeliverable struct {
	Mention    string  `json:"mention"`
	Value      float64 `json:"value"`
	Multiplier float64 `json:"multiplier"`
	Unit       string  `json:"unit"`
	Object     string  `json:"object"`
	Verb       string  `json:"verb"`
}

// GoldCommitment is one entry of commitments.json: a sentence of the forward-looking parts and whether it
// commits the government to a concrete action.
type GoldCommitment struct {
	SID          int               `json:"sid"`
	Report       int               `json:"report"`
	ReportTitle  string            `json:"report_title"`
	Line         int               `json:"line"`
	Text         string            `json:"text"`
	Section      string            `json:"section"`
	IsCommitment bool              `json:"is_commitment"`
	Quantified   bool              `json:"quantified"`
	Deliverables []GoldDeliverable `json:"deliverables"`
	Deadline     *string           `json:"deadline"`
	Topic        string            `json:"topic"`
	Actions      int               `json:"actions"`
	Note         string            `json:"note"`
}

// LoadCommitments reads a commitments answer key.
func LoadCommitments(path string) ([]GoldCommitment, error) {
	return loadKey[GoldCommitment](path, "commitments")
}

// CommitmentMiss is a gold sentence the prediction disagrees with.
type CommitmentMiss struct {
	Line int
	Text string
	Want bool // the key's is_commitment
}

// CommitmentsScore is the result of ScoreCommitments.
type CommitmentsScore struct {
	Sentences    PRF // is_commitment per gold sentence
	Deliverables PRF // gold deliverables against figures linked to a commitment, by mention (multiset per sentence)
	TopicOK      int // gold commitment sentences found, whose first predicted commitment has the gold topic
	TopicTotal   int // gold commitment sentences found
	Misses       []CommitmentMiss
}

// TopicAccuracy is the share of found commitment sentences with the gold topic.
func (s CommitmentsScore) TopicAccuracy() float64 { return ratio(s.TopicOK, s.TopicTotal) }

// Write prints the score and the sentences the prediction got wrong.
func (s CommitmentsScore) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "commitment sentences: %s\n", s.Sentences)
	fmt.Fprintf(&b, "deliverables:         %s\n", s.Deliverables)
	fmt.Fprintf(&b, "topic %.3f (%d of %d found commitment sentences)\n", s.TopicAccuracy(), s.TopicOK, s.TopicTotal)
	for _, m := range s.Misses {
		kind := "EXTRA"
		if m.Want {
			kind = "MISS "
		}
		fmt.Fprintf(&b, "%s line %d\t%s\n", kind, m.Line, m.Text)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write commitments score: %w", err)
	}
	return nil
}

type rowKey struct {
	report string
	id     int32
}

// ScoreCommitments scores predicted commitments and deliverables against the key. A gold sentence is
// matched to our sentences on the same line whose text overlaps it (one contains the other); it is predicted
// a commitment when a commitment row stands in one of them. Our deliverables are the figures rows of those
// sentences that carry a commitment_id; they match gold deliverables on the mention string.
func ScoreCommitments(gold []GoldCommitment, sentences []schemas.Sentence, commitments []schemas.Commitment, figures []schemas.Figure) CommitmentsScore {
	byLine := sentencesByLine(sentences)
	commits := map[rowKey][]schemas.Commitment{}
	for _, c := range commitments {
		k := rowKey{c.ReportID, c.SentenceID}
		commits[k] = append(commits[k], c)
	}
	delivered := map[rowKey][]string{}
	for _, f := range figures {
		if f.CommitmentID != nil {
			k := rowKey{f.ReportID, f.SentenceID}
			delivered[k] = append(delivered[k], f.Mention)
		}
	}
	var score CommitmentsScore
	for _, g := range gold {
		var found []schemas.Commitment
		var mentions []string
		for _, s := range byLine[g.Line] {
			if !overlaps(s.Text, g.Text) {
				continue
			}
			k := rowKey{s.ReportID, s.SentenceID}
			found = append(found, commits[k]...)
			mentions = append(mentions, delivered[k]...)
		}
		predicted := len(found) > 0
		switch {
		case predicted && g.IsCommitment:
			score.Sentences.TP++
		case predicted:
			score.Sentences.FP++
		case g.IsCommitment:
			score.Sentences.FN++
		}
		if predicted != g.IsCommitment {
			score.Misses = append(score.Misses, CommitmentMiss{Line: g.Line, Text: g.Text, Want: g.IsCommitment})
		}
		if predicted && g.IsCommitment {
			score.TopicTotal++
			if found[0].Topic == g.Topic {
				score.TopicOK++
			}
		}
		score.Deliverables = addMentions(score.Deliverables, g.Deliverables, mentions)
	}
	return score
}

// overlaps reports that one sentence text contains the other.
func overlaps(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a))
}

// addMentions matches gold deliverables to predicted mentions as multisets.
func addMentions(s PRF, gold []GoldDeliverable, predicted []string) PRF {
	left := map[string]int{}
	for _, m := range predicted {
		left[m]++
	}
	for _, g := range gold {
		if left[g.Mention] > 0 {
			left[g.Mention]--
			s.TP++
		} else {
			s.FN++
		}
	}
	for _, n := range left {
		s.FP += n
	}
	return s
}
