package commitments

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/split"
)

// TestHoldingFindsTheFirstHolder checks the binary search of Holding against reading every commitment, on
// the figures of the golden paragraphs.
func TestHoldingFindsTheFirstHolder(t *testing.T) {
	e := newExtractor(t)
	text, err := os.ReadFile(filepath.Join("testdata", "plan.txt"))
	require.NoError(t, err)
	sents := paragraphs(split.Plan, strings.Split(strings.TrimSpace(string(text)), "\n")...)
	cs := e.Extract(sents)
	require.NotEmpty(t, cs)
	held := 0
	for i, s := range sents {
		for _, m := range quantity.Extract(s.Text) {
			want := -1
			for j, c := range cs {
				if c.SentenceIndex == i && c.SpanStart <= m.Start && m.End <= c.SpanEnd {
					want = j
					break
				}
			}
			assert.Equal(t, want, Holding(cs, i, m.Start, m.End), s.Text)
			if want >= 0 {
				held++
			}
		}
	}
	assert.Positive(t, held)
}
