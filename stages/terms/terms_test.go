package terms

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/segment"
)

func newCounter(t testing.TB) *Counter {
	seg, err := segment.Default()
	require.NoError(t, err)
	return NewCounter(seg)
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
			c := newCounter(t)
			c.Add("r", []string{tt.text})
			got := termMap(c.Top(100)["r"])
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
	c := newCounter(t)
	c.Add("a", []string{"发展旅游产业，发展冰雪运动。"})
	c.Add("b", []string{"发展海洋经济。"})
	top := c.Top(10)
	a := termMap(top["a"])
	require.Contains(t, a, "旅游")
	require.Contains(t, a, "发展")
	assert.Greater(t, a["旅游"].TFIDF/float64(a["旅游"].Count), a["发展"].TFIDF/float64(a["发展"].Count),
		"a word of one report weighs more per occurrence than one of every report")
	for i, term := range top["a"] {
		assert.Equal(t, i+1, term.Rank)
		if i > 0 {
			assert.GreaterOrEqual(t, top["a"][i-1].TFIDF, term.TFIDF)
		}
	}
	assert.Len(t, c.Top(1)["b"], 1)
	assert.Empty(t, c.Top(0)["b"])
}

// TestConcurrentAddIsDeterministic proves under -race that Add may run from several goroutines and that
// the order of the calls does not change the result.
func TestConcurrentAddIsDeterministic(t *testing.T) {
	reports := map[string][]string{
		"1": {"推进城市更新，改造老旧小区。"},
		"2": {"新建高标准农田，发展现代农业。"},
		"3": {"改造老旧小区，建设保障性住房。"},
	}
	sequential := newCounter(t)
	for _, id := range []string{"3", "1", "2"} {
		sequential.Add(id, reports[id])
	}
	concurrent := newCounter(t)
	var wg sync.WaitGroup
	for id, s := range reports {
		wg.Add(1)
		go func() {
			defer wg.Done()
			concurrent.Add(id, s)
		}()
	}
	wg.Wait()
	assert.Equal(t, sequential.Top(200), concurrent.Top(200))
}

func TestAddSameReportMerges(t *testing.T) {
	c := newCounter(t)
	c.Add("r", []string{"改造老旧小区。"})
	c.Add("r", []string{"老旧小区加装电梯。"})
	assert.Equal(t, 2, termMap(c.Top(10)["r"])["老旧小区"].Count)
}

func ExampleCounter_Top() {
	seg, err := segment.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	c := NewCounter(seg)
	c.Add("2024-110000", []string{"改造老旧小区，老旧小区加装电梯。"})
	for _, t := range c.Top(2)["2024-110000"] {
		fmt.Println(t.Rank, t.Term, t.Count)
	}
	// Output:
	// 1 老旧小区 2
	// 2 加装 1
}

func BenchmarkAddCorpus(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gov-work-reports-2024.txt"))
	require.NoError(b, err)
	lines := strings.Split(string(text), "\n")
	c := newCounter(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		c.Add("corpus", lines)
	}
}

// BenchmarkAddTokensCorpus is BenchmarkAddCorpus without the segmentation, as the pipeline calls it: once
// per report into a fresh counter.
func BenchmarkAddTokensCorpus(b *testing.B) {
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
		NewCounter(seg).AddTokens("corpus", tokens)
	}
}
