package read

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestInputOf(t *testing.T) {
	for _, tc := range []struct{ source, input string }{
		{RowSource("2026_广东省.csv", 3), "2026_广东省.csv"},
		{"exports/a.jsonl#row=12", "exports/a.jsonl"},
		{"reports/2025.txt", "reports/2025.txt"},
		{"odd#row=name.txt", "odd#row=name.txt"},
		{RowSource("odd#row=1.csv", 2), "odd#row=1.csv"},
	} {
		assert.Equal(t, tc.input, InputOf(tc.source), tc.source)
	}
}
