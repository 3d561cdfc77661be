package goals

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadGrammar(t *testing.T) {
	l, err := load("# kind\tword\tvalue\nstrip\t在\nstrip\t稳定保持在\nbullet\t●\nbullet\t■\ncompare\t同步\tin_sync\nbare_amount\t元\tCNY\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"稳定保持在", "在"}, l.strip, "longest first")
	assert.Equal(t, "●■", l.bullets)
	assert.Equal(t, []pair{{"同步", "in_sync"}}, l.compare)

	errs := []struct{ name, data, want string }{
		{"unknown kind", "strip\t在\noften\t常常\n", `grammar.tsv line 2: unknown kind "often"`},
		{"pair without a value", "compare\t同步\n", `grammar.tsv line 1: kind "compare" needs a value`},
		{"unknown comparator", "compare\t同步\tsynchronous\n", `grammar.tsv line 1: unknown comparator "synchronous"`},
		{"empty bullet", "bullet\t\n", "grammar.tsv line 1: want kind<TAB>word[<TAB>value]"},
		{"word with a value", "strip\t在\tx\n", "grammar.tsv line 1: want class<TAB>word"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(tt.data)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestLoadGrammarErrors(t *testing.T) {
	const amount = "bare_amount\t元\tCNY\n"
	tests := []struct{ name, data string }{
		{"unknown kind", amount + "nonsense\tword\n"},
		{"pair without a value", amount + "compare\t同步\n"},
		{"slogan with one group", amount + "slogan\t保([0-9]+)\n"},
		{"slogan that does not compile", amount + "slogan\t保([0-9]+争(\n"},
		{"index base that is no number", amount + "index\tcpi\thundred\n"},
		{"stretch adverbial that does not compile", amount + "stretch_adverbial\t在(执行\n"},
		{"base year that does not compile", amount + "base_year\t比[0-9\n"},
		{"no bare amount", "lead\t其中\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(tt.data)
			assert.Error(t, err)
		})
	}
	g, err := load(amount + "slogan\t保([0-9]+)争([0-9]+)\nindex\tcpi\t100\nstretch_adverbial\t^在执行中\nbase_year\t比上年\n")
	require.NoError(t, err)
	assert.Len(t, g.slogans, 1)
	assert.Len(t, g.stretchAdverbials, 1)
	assert.Len(t, g.baseYears, 1)
}
