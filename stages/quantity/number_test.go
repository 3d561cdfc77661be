package quantity

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		value  float64
		mult   float64
		approx bool
	}{
		{"126", 126, 1, false},
		{"5.2", 5.2, 1, false},
		{"１２６", 126, 1, false},
		{"５．５", 5.5, 1, false},
		{"1,200", 1200, 1, false},
		{"3.5万", 3.5, 1e4, false},
		{"1.39万亿", 1.39, 1e12, false},
		{"6600多万", 6600, 1e4, true},
		{"2万多", 2, 1e4, true},
		{"20余万", 20, 1e4, true},
		{"3千万", 3, 1e7, false},
		{"两千亿", 2000, 1e8, false},
		{"千亿", 1000, 1e8, false},
		{"十万", 10, 1e4, false},
		{"一百二十", 120, 1, false},
		{"三千零五", 3005, 1, false},
		{"二十多", 20, 1, true},
		{"十几", 10, 1, true},
		{"两", 2, 1, false},
		{"万亿", 1, 1e12, false},
		{"7 4 7 7 2", 74772, 1, false},
		{"4 ．5", 4.5, 1, false},
		{"1 2 3 . 4 亿", 123.4, 1e8, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := ParseNumber(tt.in)
			require.NoError(t, err)
			assert.InDelta(t, tt.value, n.Value, 1e-9)
			assert.Equal(t, tt.mult, n.Multiplier)
			assert.Equal(t, tt.approx, n.Approx)
		})
	}
}

func TestParseNumberRejects(t *testing.T) {
	for _, in := range []string{"", "十四五", "三四", "亿元", "万万", "abc", "5G", "1,20", "五十一二", "2024 5", "1 2023", "12 3"} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseNumber(in)
			require.ErrorIs(t, err, ErrNotNumber)
		})
	}
}

func TestNumberBase(t *testing.T) {
	n, err := ParseNumber("1.39万亿")
	require.NoError(t, err)
	assert.InDelta(t, 1.39e12, n.Base(), 1)
}

func TestLexiconLoads(t *testing.T) {
	l, err := loadLexicon()
	require.NoError(t, err)
	assert.Equal(t, "pp", l.units["个百分点"].BaseUnit)
	assert.Equal(t, classLabel, l.units["周年"].Class)
	assert.NotEmpty(t, l.labels)
}

func TestEachRowRejectsShortRows(t *testing.T) {
	err := eachRow("a\tb\n", 3, func([]string) error { return nil })
	require.Error(t, err)
}

func TestRoundBase(t *testing.T) {
	tests := []struct{ in, want float64 }{
		{2.3 * 1e8, 2.3e8},
		{19.6 * 1e8 * 0.0005, 980000},
		{18.9 * 1e8, 1.89e9},
		{100.0 / 7, 14.2857142857},
		{0, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, roundBase(tt.in), "%v", tt.in)
	}
}
