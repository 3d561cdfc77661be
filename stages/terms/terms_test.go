package terms

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/segment"
)

// top segments the sentences of one report and returns its top n terms.
func top(t testing.TB, n int, sentences ...string) []Term {
	seg, err := segment.Default()
	require.NoError(t, err)
	tokens := make([][]segment.Token, len(sentences))
	for i, s := range sentences {
		tokens[i] = seg.Tokens(s)
	}
	return Top(Count(tokens), n)
}

func termMap(ts []Term) map[string]Term {
	m := make(map[string]Term, len(ts))
	for _, t := range ts {
		m[t.Term] = t
	}
	return m
}

func TestContentWords(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		want     map[string]int
		excluded []string
	}{
		{"nouns counted", "建设高标准农田，保护高标准农田。", map[string]int{"高标准农田": 2}, []string{"，", "。"}},
		{"stop words and numbers dropped", "我们要加快推进150万亩高标准农田建设。", map[string]int{"高标准农田": 1}, []string{"我们", "加快", "推进", "150", "万亩"}},
		{"single characters dropped", "水和电", nil, []string{"水", "和", "电"}},
		{"formulas and their fragments dropped", "坚持稳中求进、以进促稳，真抓实干，以高质量发展培育冰雪经济。",
			map[string]int{"冰雪经济": 1}, []string{"稳中求进", "求进", "稳中", "以进促稳", "真抓实干", "高质量"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := termMap(top(t, 100, tt.text))
			for w, n := range tt.want {
				assert.Equal(t, n, got[w].Count, w)
			}
			for _, w := range tt.excluded {
				assert.NotContains(t, got, w)
			}
		})
	}
}

func TestTFIDFFavoursDistinctiveWords(t *testing.T) {
	a := top(t, 10, "发展旅游产业，发展冰雪运动，发展冰雪运动。")
	words := termMap(a)
	require.Contains(t, words, "冰雪")
	require.Contains(t, words, "发展")
	assert.Equal(t, 3, words["发展"].Count)
	assert.Greater(t, words["冰雪"].TFIDF/float64(words["冰雪"].Count), words["发展"].TFIDF/float64(words["发展"].Count),
		"a word few reports of the reference use weighs more per occurrence than one every report uses")
	for i, term := range a {
		assert.Equal(t, i+1, term.Rank)
		if i > 0 {
			assert.GreaterOrEqual(t, a[i-1].TFIDF, term.TFIDF)
		}
	}
	assert.Len(t, top(t, 1, "发展海洋经济。"), 1)
	assert.Empty(t, top(t, 0, "发展海洋经济。"))
}

// TestTermsOfAReportAreItsOwn: a report's terms depend on its words alone, in whatever order they come,
// not on the other reports of a run.
func TestTermsOfAReportAreItsOwn(t *testing.T) {
	seg, err := segment.Default()
	require.NoError(t, err)
	sentences := [][]segment.Token{seg.Tokens("推进城市更新，改造老旧小区。"), seg.Tokens("改造老旧小区，建设保障性住房。")}
	want := Top(Count(sentences), 200)
	require.NotEmpty(t, want)
	words := Count(sentences)
	slices.Reverse(words)
	assert.Equal(t, want, Top(words, 200))
	assert.Equal(t, 2, termMap(want)["老旧小区"].Count)
}

func TestParseReference(t *testing.T) {
	ref, err := parseReference("r.tsv", "# word\treports\n*\t3\n发展\t3\n冰雪\t1\n")
	require.NoError(t, err)
	assert.Equal(t, referenceDF{reports: 3, df: map[string]int{"发展": 3, "冰雪": 1}}, ref)
	_, err = parseReference("r.tsv", "发展\t3\n")
	assert.ErrorContains(t, err, "r.tsv: no row *")
	_, err = parseReference("r.tsv", "*\t3\n发展\tmany\n")
	assert.ErrorContains(t, err, "r.tsv line 2")
	assert.Equal(t, "# h\n*\t2\n发展\t2\n冰雪\t1\n",
		FormatReference([]string{"h"}, [][]Word{{{Text: "冰雪"}, {Text: "发展"}}, {{Text: "发展"}}}))
}

func ExampleTop() {
	seg, err := segment.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := Count([][]segment.Token{seg.Tokens("建设冰雪乐园，冰雪乐园加装缆车。")})
	for _, t := range Top(words, 2) {
		fmt.Println(t.Rank, t.Term, t.Count)
	}
	// Output:
	// 1 乐园 2
	// 2 冰雪 2
}

func BenchmarkTopCorpus(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gov-work-reports-2024.txt"))
	require.NoError(b, err)
	lines := strings.Split(string(text), "\n")
	seg, err := segment.Default()
	require.NoError(b, err)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tokens := make([][]segment.Token, len(lines))
		for i, l := range lines {
			tokens[i] = seg.Tokens(l)
		}
		Top(Count(tokens), 200)
	}
}

// BenchmarkCountCorpus is BenchmarkTopCorpus without the segmentation, as the pipeline calls it.
func BenchmarkCountCorpus(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gov-work-reports-2024.txt"))
	require.NoError(b, err)
	seg, err := segment.Default()
	require.NoError(b, err)
	var tokens [][]segment.Token
	for _, line := range strings.Split(string(text), "\n") {
		tokens = append(tokens, seg.Tokens(line))
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Top(Count(tokens), 200)
	}
}
