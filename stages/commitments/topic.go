package commitments

import "strings"

// Topics in the order of the commitments.topic description; ties between topics go to the earlier one.
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

// topicKey is one keyword of topics.tsv with its weights: only the topics it points to, since adding a
// zero weight changes no score.
type topicKey struct {
	word    string
	weights []topicWeight
}

type topicWeight struct {
	topic  int
	weight float64
}

// addTopicKey records that word points to topic t with weight w.
func (lex *lexicons) addTopicKey(word string, t int, w float64) {
	first := firstRune(word)
	keys := lex.topicKeys.Get(first)
	for i := range keys {
		if keys[i].word != word {
			continue
		}
		for j := range keys[i].weights {
			if keys[i].weights[j].topic == t {
				keys[i].weights[j].weight += w
				return
			}
		}
		keys[i].weights = append(keys[i].weights, topicWeight{t, w})
		return
	}
	lex.topicKeys.Add(word, topicKey{word: word, weights: []topicWeight{{t, w}}})
}

// topicHit is one occurrence of a topic keyword, by its byte offsets in the text scanned.
type topicHit struct {
	start, end int
	key        *topicKey
}

// appendHits appends the keyword occurrences in text to hits: at each character, the keywords that start
// with it and match there. A span of the text holds the hits that lie inside it, in the same order, so
// that one scan of a sentence scores all its clauses.
func (lex *lexicons) appendHits(hits []topicHit, text string) []topicHit {
	for i, r := range text {
		keys := lex.topicKeys.Get(r)
		for j := range keys {
			if strings.HasPrefix(text[i:], keys[j].word) {
				hits = append(hits, topicHit{start: i, end: i + len(keys[j].word), key: &keys[j]})
			}
		}
	}
	return hits
}

// addScores adds the weights of the hits inside the byte span [start, end), times factor.
func addScores(score *topicScore, hits []topicHit, start, end int, factor float64) {
	for _, h := range hits {
		if h.start >= end {
			break
		}
		if start <= h.start && h.end <= end {
			for _, w := range h.key.weights {
				score[w.topic] += factor * w.weight
			}
		}
	}
}

// best picks the topic with the largest keyword weight; "other" when no keyword occurs.
func (score *topicScore) best() string {
	best, bestScore := topicOther, 0.0
	for i, t := range topics {
		if score[i] > bestScore {
			best, bestScore = t, score[i]
		}
	}
	return best
}
