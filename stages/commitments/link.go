package commitments

// Holding returns the index in cs of the commitment whose clause span, in sentence sentenceIndex, holds
// the span [start, end) of a quantity mention, or -1. A figure so held is a deliverable of that commitment
// and takes its commitment_id.
func Holding(cs []Commitment, sentenceIndex, start, end int) int {
	for i, c := range cs {
		if c.SentenceIndex == sentenceIndex && c.SpanStart <= start && end <= c.SpanEnd {
			return i
		}
	}
	return -1
}
