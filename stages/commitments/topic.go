package commitments

import "unicode/utf8"

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

// topicScore holds keyword weight per topic.
type topicScore map[string]float64

// contextScore scores what a sentence's clauses share: the sentence once and the heading in force twice
// (the heading names the policy area the paragraph belongs to).
func (lex *lexicon) contextScore(sentence, heading string) topicScore {
	score := make(topicScore)
	lex.addScores(score, sentence, 1)
	lex.addScores(score, heading, 2)
	return score
}

// topic picks the topic with the largest keyword weight, the clause's own keywords counting double on top
// of its context; "other" when no keyword occurs.
func (lex *lexicon) topic(clause string, context topicScore) string {
	score := make(topicScore, len(context))
	for t, w := range context {
		score[t] = w
	}
	lex.addScores(score, clause, 2)
	best, bestScore := topicOther, 0.0
	for _, t := range topics {
		if score[t] > bestScore {
			best, bestScore = t, score[t]
		}
	}
	return best
}

// addScores adds the weights of every keyword occurrence in text, found by looking up each substring of
// up to the longest keyword's length.
func (lex *lexicon) addScores(score topicScore, text string, factor float64) {
	for i := range text {
		end := i
		for n := 0; n < lex.topicMaxRunes && end < len(text); n++ {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
			for t, w := range lex.topicWeight[text[i:end]] {
				score[t] += factor * w
			}
		}
	}
}
