package lexicon

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	data := "# code\tzh\n\ngdp\t国内生产总值\textra\r\n# a comment\ncpi\t居民消费价格\n"
	rows, err := Parse("x.tsv", data, 2)
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, Row{Line: 3, Fields: []string{"gdp", "国内生产总值", "extra"}}, rows[0])
	assert.Equal(t, Row{Line: 5, Fields: []string{"cpi", "居民消费价格"}}, rows[1])

	_, err = Parse("x.tsv", "a\tb\nc\n", 2)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "x.tsv line 2")
	assert.Contains(t, rows[0].Errorf("x.tsv", "bad %s", "code").Error(), "x.tsv line 3: bad code")
	assert.Panics(t, func() { MustParse("x.tsv", "a\n", 2) })
	_, err = Parse("", "a\n", 2)
	assert.EqualError(t, err, "line 1: 1 tab-separated fields, want at least 2")
}

func TestParseHeader(t *testing.T) {
	header, rows, err := ParseHeader("v.tsv", "verb\tclass\n# comment\n\n实施\taction\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"verb", "class"}, header)
	assert.Equal(t, []Row{{Line: 4, Fields: []string{"实施", "action"}}}, rows)

	_, _, err = ParseHeader("v.tsv", "verb\tclass\n实施\taction\n推进\n")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "v.tsv line 3")
	_, _, err = ParseHeader("v.tsv", "")
	assert.Error(t, err)
}

func TestWords(t *testing.T) {
	assert.Equal(t, []string{"名词解释", "附注"}, Words("# headings\n 名词解释 \n\n附注\n"))
	assert.Nil(t, Words("# only a comment\n"))
}

func TestList(t *testing.T) {
	assert.Equal(t, []string{"左右", "上下"}, List("左右| 上下 ||"))
	assert.Nil(t, List(""))
}

func TestByFirst(t *testing.T) {
	var b ByFirst[int]
	b.Add("左右", 1)
	b.Add("以上", 2)
	b.Add("左", 3)
	b.Add("", 4)
	b.Add("𠀀字", 5) // beyond the Basic Multilingual Plane
	assert.Equal(t, []int{1, 3}, b.Get('左'))
	assert.Equal(t, []int{2}, b.Get('以'))
	assert.Nil(t, b.Get('右'))
	assert.Equal(t, []int{5}, b.Get('𠀀'))
	b.AddAt('右', 6)
	assert.Equal(t, []int{6}, b.Get('右'))
	b.SortFunc(func(x, y int) int { return y - x })
	assert.Equal(t, []int{3, 1}, b.Get('左'))
	var s RuneSet
	s.Add('%')
	assert.True(t, s.Has('%'))
	assert.False(t, s.Has('％'))
	assert.False(t, s.Has(-1))
}
