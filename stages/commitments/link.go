package commitments

import "sort"

// Holding returns the index in cs of the commitment whose clause span, in sentence sentenceIndex, holds
// the span [start, end) of a quantity mention, or -1. A figure so held is a deliverable of that commitment
// and takes its commitment_id. cs must be in sentence order, as Extract returns it: the commitments of the
// sentence are found by binary search, not by reading all of them for every figure.
func Holding(cs []Commitment, sentenceIndex, start, end int) int {
	i := sort.Search(len(cs), func(i int) bool { return cs[i].SentenceIndex >= sentenceIndex })
	for ; i < len(cs) && cs[i].SentenceIndex == sentenceIndex; i++ {
		if cs[i].SpanStart <= start && end <= cs[i].SpanEnd {
			return i
		}
	}
	return -1
}
