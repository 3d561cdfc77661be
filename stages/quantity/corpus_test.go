package quantity

import (
	"bufio"
	"bytes"
	"math"
	"regexp"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/testdata"
)

// notQuantity matches mentions that are years, dates, names or labels.
var notQuantity = regexp.MustCompile(`^(19|20)\d\d年|\d月|\d日|十四五|二十大|^5G|C919|一带一路|两岸|长三角|一老一小|三北|一批|若干|上千万|周年|^第[一二三四五六七八九十]+[批期次届]|[“”《》]`)

func corpusLines(t testing.TB) []string {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(testdata.Corpus))
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.NoError(t, sc.Err())
	return lines
}

// TestExtractCorpus runs Extract on every line of the corpus: every span is
// its mention, every value finite and typed, and no label comes out.
func TestExtractCorpus(t *testing.T) {
	kinds := map[string]bool{KindLevel: true, KindGrowth: true, KindShare: true, KindPPChange: true, KindCountChange: true, KindMultiple: true, KindRank: true}
	comparators := map[schemas.Comparator]bool{schemas.Exact: true, schemas.About: true, schemas.AtLeast: true, schemas.AtMost: true}
	total := 0
	for n, line := range corpusLines(t) {
		rs := []rune(line)
		last := 0
		for _, m := range Extract(line) {
			total++
			require.True(t, m.Start >= last && m.Start < m.End && m.End <= len(rs), "line %d: span %d:%d", n+1, m.Start, m.End)
			require.Equal(t, m.Text, string(rs[m.Start:m.End]), "line %d", n+1)
			last = m.End
			assert.False(t, notQuantity.MatchString(m.Text), "line %d: %q is not a quantity", n+1, m.Text)
			assert.False(t, math.IsNaN(m.BaseValue) || math.IsInf(m.BaseValue, 0), "line %d: %q", n+1, m.Text)
			assert.True(t, kinds[m.Kind], "line %d: %q kind %q", n+1, m.Text, m.Kind)
			assert.True(t, comparators[m.Comparator], "line %d: %q comparator %q", n+1, m.Text, m.Comparator)
			assert.NotEmpty(t, m.BaseUnit, "line %d: %q", n+1, m.Text)
		}
	}
	assert.Greater(t, total, 5000, "mentions in the corpus")
}

// TestExtractConcurrent: Extract shares only read-only lexicons, so parallel
// calls give the sequential results.
func TestExtractConcurrent(t *testing.T) {
	lines := corpusLines(t)[:400]
	want := make([][]Mention, len(lines))
	for k, l := range lines {
		want[k] = Extract(l)
	}
	got := make([][]Mention, len(lines))
	var wg sync.WaitGroup
	for k, l := range lines {
		wg.Go(func() { got[k] = Extract(l) })
	}
	wg.Wait()
	assert.Equal(t, want, got)
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"国内生产总值超过126万亿元，增长5.2%。", "分别增长6%、8%、5%左右", "第四位、第六位", "翻一番", "5%—5.5%", "1,200", "十四五", "１２．５万", "7 4 7 7 2 亿元", "4 ．5 ％－5 ％", "2024年 5 月", "百分之九点七", "千分之十以内", "增长lO.5％", "1O％。以内", "CO2", "跨越千亿台阶"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		for _, m := range Extract(s) {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End || string(rs[m.Start:m.End]) != m.Text || m.QualifierEnd < m.End || m.QualifierEnd > len(rs) {
				t.Fatalf("bad span %d:%d %q in %q", m.Start, m.End, m.Text, s)
			}
			if math.IsNaN(m.BaseValue) || math.IsInf(m.BaseValue, 0) || math.IsNaN(m.Value) {
				t.Fatalf("value not finite: %+v", m)
			}
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"126", "3.5万", "两千亿", "6600多万", "1,200", "十几", "十四五"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err == nil && (math.IsNaN(n.Value) || math.IsInf(n.Base(), 0)) {
			t.Fatalf("%q: value not finite: %+v", s, n)
		}
	})
}

// BenchmarkExtractCorpus reads every line of the corpus.
func BenchmarkExtractCorpus(b *testing.B) {
	lines := corpusLines(b)
	b.SetBytes(int64(len(testdata.Corpus)))
	b.ReportAllocs()
	for b.Loop() {
		for _, line := range lines {
			Extract(line)
		}
	}
}
