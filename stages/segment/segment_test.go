package segment

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var corpusPath = flag.String("corpus", filepath.Join("..", "..", "testdata", "gov-work-reports-2024.txt"), "corpus for benchmarks")

func TestTokens(t *testing.T) {
	seg, err := Default()
	require.NoError(t, err)
	tests := []struct {
		name, text string
		want       []string          // words that must come out whole
		pos        map[string]string // POS prefix of words
	}{
		{"policy terms", "新建高标准农田150万亩以上，实施新一轮粮食产能提升行动。",
			[]string{"新建", "高标准农田", "实施", "粮食"}, map[string]string{"新建": "v", "实施": "v"}},
		{"domain nouns", "推进工业互联网高地建设，深化自贸试验区建设。",
			[]string{"推进", "工业互联网", "自贸试验区", "建设"}, map[string]string{"推进": "v"}},
		{"latin and digits", "布局完善5G、人工智能算力中心。", []string{"5G", "人工智能", "算力中心"}, nil},
		{"words of other years", "培育具身智能、脑机接口、低空经济和微短剧产业，“十五五”时期建成区通勤更便捷。",
			[]string{"具身智能", "脑机接口", "低空经济", "微短剧", "十五五", "建成区", "通勤"}, nil},
		{"words of older reports", "坚持科学发展观，抓好节能减排和家电下乡，推进去产能、去库存。",
			[]string{"科学发展观", "节能减排", "家电下乡", "去产能", "去库存"}, nil},
		{"empty", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tokens := seg.Tokens(tt.text)
			words := make(map[string]string, len(tokens))
			for _, tk := range tokens {
				words[tk.Text] = tk.POS
			}
			for _, w := range tt.want {
				assert.Contains(t, words, w)
			}
			for w, pos := range tt.pos {
				assert.True(t, strings.HasPrefix(words[w], pos), "%s: %s", w, words[w])
			}
			assertCovers(t, tt.text, tokens)
		})
	}
}

// assertCovers checks that the tokens tile the text and that their offsets are code points.
func assertCovers(t testing.TB, text string, tokens []Token) {
	t.Helper()
	runes := []rune(text)
	var joined strings.Builder
	end := 0
	for _, tk := range tokens {
		require.Equal(t, end, tk.Start, "token %q does not follow the previous one", tk.Text)
		require.LessOrEqual(t, tk.End, len(runes))
		require.Equal(t, tk.Text, string(runes[tk.Start:tk.End]))
		joined.WriteString(tk.Text)
		end = tk.End
	}
	require.Equal(t, text, joined.String())
}

// TestConcurrent proves under -race that the shared Segmenter can be built and used from many goroutines.
func TestConcurrent(t *testing.T) {
	const text = "加强重点传染病防控，完善疾病预防控制体系。"
	var wg sync.WaitGroup
	results := make([][]Token, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seg, err := Default()
			if !assert.NoError(t, err) {
				return
			}
			results[i] = seg.Tokens(text)
		}()
	}
	wg.Wait()
	for _, r := range results[1:] {
		assert.Equal(t, results[0], r)
	}
}

func TestLoadRejectsEmptyDictionary(t *testing.T) {
	_, err := load("")
	require.Error(t, err)
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"新建高标准农田150万亩", "5.5%左右", "“双跨”（平台）", "ＡＢＣ１２３", "\x00\xff"} {
		f.Add(s)
	}
	seg, err := Default()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip("the pipeline only hands valid UTF-8 to the segmenter")
		}
		assertCovers(t, text, seg.Tokens(text))
	})
}

func ExampleSegmenter_Tokens() {
	seg, err := Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, tk := range seg.Tokens("深化自贸试验区建设") {
		fmt.Println(tk.Text, tk.POS, tk.Start, tk.End)
	}
	// Output:
	// 深化 vn 0 2
	// 自贸试验区 n 2 7
	// 建设 vn 7 9
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(dictionary)))
	for b.Loop() {
		if _, err := load(dictionary); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTokensCorpus(b *testing.B) {
	text, err := os.ReadFile(*corpusPath)
	require.NoError(b, err)
	seg, err := Default()
	require.NoError(b, err)
	lines := strings.Split(string(text), "\n")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, line := range lines {
			seg.Tokens(line)
		}
	}
}

// reference is gse loading the same dictionary itself.
var reference = sync.OnceValues(func() (*gse.Segmenter, error) {
	seg := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	return seg, seg.LoadDictStr(dictionary)
})

func TestLoadIsGseLoad(t *testing.T) {
	ref, err := reference()
	require.NoError(t, err)
	seg, err := Default()
	require.NoError(t, err)
	want := ref.Dict
	require.Len(t, seg.words, want.NumTokens())
	assert.Equal(t, want.MaxTokenLen(), seg.maxUnits)
	logTotal := float32(math.Log2(want.TotalFreq()))
	for i := range want.Tokens {
		w := &want.Tokens[i]
		key := string(lookupKey(nil, w.Text()))
		require.Equal(t, int32(i), seg.index[key], "token %d %q", i, w.Text())
		require.Equal(t, word{cost: logTotal - float32(math.Log2(w.Freq())), units: len(split(w.Text(), nil)), pos: w.Pos()},
			seg.words[i], "token %d %q", i, w.Text())
	}
}

func TestLoadNamesTheBadLine(t *testing.T) {
	_, err := load("新建 100 v\n推进 many v\n")
	require.ErrorContains(t, err, "line 2")
}

// gseTokens is the segmentation by gse's own Segment, which Tokens must equal.
func gseTokens(t testing.TB, text string) []Token {
	ref, err := reference()
	require.NoError(t, err)
	var tokens []Token
	pos := 0
	for _, sg := range ref.Segment([]byte(text)) {
		word := text[sg.Start():sg.End()]
		n := utf8.RuneCountInString(word)
		tokens = append(tokens, Token{Text: word, POS: sg.Token().Pos(), Start: pos, End: pos + n})
		pos += n
	}
	return tokens
}

func TestTokensAreGseSegmentation(t *testing.T) {
	seg, err := Default()
	require.NoError(t, err)
	text, err := os.ReadFile(*corpusPath)
	require.NoError(t, err)
	lines := strings.Split(string(text), "\n")
	lines = append(lines, "5G基站、AI大模型和ＡＢＣ全角、Ｘ光", "Hello World 2024年GDP增长5.2%", "\xff坏\xfe字节", "ÀÉÎ résumé 中文")
	for _, line := range lines {
		want := gseTokens(t, line)
		if !assert.Equal(t, want, seg.Tokens(line), line) {
			return
		}
	}
}

func FuzzTokensAreGseSegmentation(f *testing.F) {
	for _, s := range []string{"新建高标准农田150万亩以上", "5G基站ABC", "\xff坏", "ÀÉ 中文"} {
		f.Add(s)
	}
	seg, err := Default()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, text string) {
		assert.Equal(t, gseTokens(t, text), seg.Tokens(text))
	})
}
