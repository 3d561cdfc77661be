package commitments

import "strings"

// Topics in the order of TABLES.md; ties between topics go to the earlier one.
var topics = []string{"industry", "innovation", "digital", "demand", "reform", "opening", "agriculture", "urban",
	"environment", "livelihood", "culture", "security", "governance", "fiscal", "region"}

// topicOther is the topic of a clause no keyword points to.
const topicOther = "other"

func isTopic(t string) bool {
	for _, x := range topics {
		if x == t {
			return true
		}
	}
	return false
}

// topic picks the topic with the largest keyword weight. The clause counts double: the sentence and the
// heading in force only break ties and cover clauses without a keyword of their own.
func (lex *lexicon) topic(clause, sentence, heading string) string {
	score := make(map[string]float64)
	lex.addScores(score, clause, 2)
	lex.addScores(score, sentence, 1)
	lex.addScores(score, heading, 1)
	best, bestScore := topicOther, 0.0
	for _, t := range topics {
		if score[t] > bestScore {
			best, bestScore = t, score[t]
		}
	}
	return best
}

func (lex *lexicon) addScores(score map[string]float64, text string, factor float64) {
	if text == "" {
		return
	}
	for _, w := range lex.topicWords {
		if n := strings.Count(text, w); n > 0 {
			for t, weight := range lex.topicWeight[w] {
				score[t] += factor * weight * float64(n)
			}
		}
	}
}
