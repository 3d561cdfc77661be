package commitments

import (
	"strings"
	"unicode/utf8"
)

// Topics in the order of TABLES.md; ties between topics go to the earlier one.
var topics = []string{"industry", "innovation", "digital", "demand", "reform", "opening", "agriculture", "urban",
	"environment", "livelihood", "culture", "security", "governance", "fiscal", "region"}

// topicOther is the topic of a clause no keyword points to.
const topicOther = "other"

func topicIndex(t string) int {
	for i, x := range topics {
		if x == t {
			return i
		}
	}
	return -1
}

// topicScore holds keyword weight per topic, indexed like topics.
type topicScore [16]float64

// topicKey is one keyword of topics.tsv with its weight for each topic.
type topicKey struct {
	word   string
	weight topicScore
}

// addTopicKey records that word points to topic t with weight w.
func (lex *lexicon) addTopicKey(word string, t int, w float64) {
	first, _ := utf8.DecodeRuneInString(word)
	keys := lex.topicKeys[first]
	for i := range keys {
		if keys[i].word == word {
			keys[i].weight[t] += w
			return
		}
	}
	k := topicKey{word: word}
	k.weight[t] = w
	lex.topicKeys[first] = append(keys, k)
}

// contextScore scores what a sentence's clauses share: the sentence once and the heading in force twice
// (the heading names the policy area the paragraph belongs to).
func (lex *lexicon) contextScore(sentence, heading string) topicScore {
	var score topicScore
	lex.addScores(&score, sentence, 1)
	lex.addScores(&score, heading, 2)
	return score
}

// topic picks the topic with the largest keyword weight, the clause's own keywords counting double on top
// of its context; "other" when no keyword occurs.
func (lex *lexicon) topic(clause string, context topicScore) string {
	score := context
	lex.addScores(&score, clause, 2)
	best, bestScore := topicOther, 0.0
	for i, t := range topics {
		if score[i] > bestScore {
			best, bestScore = t, score[i]
		}
	}
	return best
}

// addScores adds the weights of every keyword occurrence in text: at each character, the keywords that
// start with it and match there.
func (lex *lexicon) addScores(score *topicScore, text string, factor float64) {
	for i, r := range text {
		for _, k := range lex.topicKeys[r] {
			if strings.HasPrefix(text[i:], k.word) {
				for t, w := range k.weight {
					score[t] += factor * w
				}
			}
		}
	}
}
