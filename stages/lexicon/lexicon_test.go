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

func TestColumns(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"named", "# verb\tclass\tpos\r\n# comment\n实施\taction\t\n", []string{"verb", "class", "pos"}},
		{"one column", "# word\n我们\n", []string{"word"}},
		{"no comment first", "实施\taction\n# verb\tclass\n", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Columns(tt.data))
		})
	}
}

func TestClasses(t *testing.T) {
	data := "# class\tword\nstrip\t在\nstrip\t稳定保持在\nlead\t其中\nstrip\t保持在\nstrip\t达\n"
	got, err := Classes("g.tsv", data, nil, "strip", "lead", "unused")
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{"strip": {"稳定保持在", "保持在", "在", "达"}, "lead": {"其中"}}, got,
		"longest first, the file's order among words of one length")

	var others []Row
	got, err = Classes("g.tsv", "lead\t其中\ncompare\t同步\tin_sync\n", func(r Row) error {
		others = append(others, r)
		return nil
	}, "lead")
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{"lead": {"其中"}}, got)
	assert.Equal(t, []Row{{Line: 2, Fields: []string{"compare", "同步", "in_sync"}}}, others, "other classes handed over")

	errs := []struct {
		name, data string
		other      func(Row) error
		want       string
	}{
		{"unknown class", "lead\t其中\noften\t常常\n", nil, `g.tsv line 2: unknown class "often"`},
		{"no word", "lead\t\n", nil, "g.tsv line 1: want class<TAB>word"},
		{"extra field", "lead\t其中\tx\n", nil, "g.tsv line 1: want class<TAB>word"},
		{"one field", "# c\tw\nlead\n", nil, "g.tsv line 2: 1 tab-separated fields, want at least 2"},
		{"refused by other", "often\t常常\n", func(r Row) error { return r.Errorf("g.tsv", "refused") }, "g.tsv line 1: refused"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Classes("g.tsv", tt.data, tt.other, "lead")
			assert.EqualError(t, err, tt.want)
		})
	}
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
