package goals

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadGrammarErrors(t *testing.T) {
	const amount = "bare_amount\t元\tCNY\n"
	tests := []struct{ name, data string }{
		{"unknown kind", amount + "nonsense\tword\n"},
		{"pair without a value", amount + "compare\t同步\n"},
		{"slogan with one group", amount + "slogan\t保([0-9]+)\n"},
		{"slogan that does not compile", amount + "slogan\t保([0-9]+争(\n"},
		{"index base that is no number", amount + "index\tcpi\thundred\n"},
		{"no bare amount", "lead\t其中\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(tt.data)
			assert.Error(t, err)
		})
	}
	g, err := load(amount + "slogan\t保([0-9]+)争([0-9]+)\nindex\tcpi\t100\n")
	require.NoError(t, err)
	assert.Len(t, g.slogans, 1)
}
