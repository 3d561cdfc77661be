package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunKeepsCommonWordsAndLexicons(t *testing.T) {
	dir := t.TempDir()
	gse := filepath.Join(dir, "gse")
	zh := filepath.Join(gse, "data", "dict", "zh")
	require.NoError(t, os.MkdirAll(zh, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(zh, "s_1.txt"),
		[]byte("农田 300 n\n新建 50 ns\n火星 90 n\n覆盖 2 v\n盘活 3 vn\n坏行\n田 5 n\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(zh, "idf.txt"),
		[]byte("覆盖 6.8\n火星 11.2\n坏\n"), 0o644))
	lex := filepath.Join(dir, "verbs.tsv")
	require.NoError(t, os.WriteFile(lex, []byte("# verb\tclass\tpos\n# comment\n新建\taction\tv\n高标准农田\tx\t\n盘活\taction\t\n"), 0o644))
	out := filepath.Join(dir, "dict.txt")

	require.NoError(t, run(config{sel: selection{floor: 100, maxIDF: 10}, out: out, gseDir: gse, lexicons: lexicons{lex}}))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, header+"农田 300 n\n新建 20000 v\n田 5 n\n盘活 20000 vn\n覆盖 2 v\n高标准农田 20000 n\n", string(got),
		"frequent words, common words (low idf) and characters kept, rare words dropped, lexicon words added"+
			" with their POS, else gse's, else n")
}

func TestRunErrors(t *testing.T) {
	require.Error(t, run(config{out: "out", gseDir: t.TempDir()}), "no gse dictionary")
}

func TestParseArgs(t *testing.T) {
	c, err := parseArgs([]string{"-floor", "50", "-lexicon", "a.tsv", "-lexicon", "b.tsv", "-out", "x.txt"})
	require.NoError(t, err)
	assert.Equal(t, config{sel: selection{floor: 50, maxIDF: 10}, out: "x.txt", lexicons: lexicons{"a.tsv", "b.tsv"}}, c)
	_, err = parseArgs([]string{"-floor", "many"})
	assert.Error(t, err)
}

// TestDictIsCurrent rebuilds dict.txt the way `go generate ./stages/segment` does — with the flags of
// segment.go's go:generate line, from gse's dictionary of the module's gse version and the lexicons — and
// holds the committed file to it: a lexicon word added without regenerating fails here.
func TestDictIsCurrent(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "segment.go"))
	require.NoError(t, err)
	var args []string
	for line := range strings.Lines(string(src)) {
		if rest, ok := strings.CutPrefix(line, "//go:generate go run ./internal/gendict "); ok {
			args = strings.Fields(rest)
		}
	}
	require.NotEmpty(t, args, "segment.go has no go:generate line running gendict")
	c, err := parseArgs(args)
	require.NoError(t, err)
	t.Chdir(filepath.Join("..", "..")) // where go generate runs the line
	want, err := os.ReadFile(c.out)
	require.NoError(t, err)
	c.out = filepath.Join(t.TempDir(), "dict.txt")
	require.NoError(t, run(c))
	got, err := os.ReadFile(c.out)
	require.NoError(t, err)
	if n, w, g := firstDifference(string(want), string(got)); n > 0 {
		t.Fatalf("dict.txt is not what gendict writes from its sources: line %d is %q, want %q; "+
			"run go generate ./stages/segment", n, w, g)
	}
}

// firstDifference returns the 1-based number of the first line where two texts differ, with that line of
// each ("" past a text's end), or 0 when they are equal.
func firstDifference(a, b string) (n int, lineA, lineB string) {
	as, bs := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(as), len(bs)) {
		if i >= len(as) || i >= len(bs) || as[i] != bs[i] {
			if i < len(as) {
				lineA = as[i]
			}
			if i < len(bs) {
				lineB = bs[i]
			}
			return i + 1, lineA, lineB
		}
	}
	return 0, "", ""
}

func TestFirstDifference(t *testing.T) {
	tests := []struct {
		a, b         string
		n            int
		lineA, lineB string
	}{
		{"x 1 n\ny 2 v\n", "x 1 n\ny 2 v\n", 0, "", ""},
		{"x 1 n\ny 2 v\n", "x 1 n\ny 3 v\n", 2, "y 2 v", "y 3 v"},
		{"x 1 n\n", "x 1 n\ny 2 v\n", 2, "", "y 2 v"},
	}
	for _, tt := range tests {
		n, lineA, lineB := firstDifference(tt.a, tt.b)
		assert.Equal(t, []any{tt.n, tt.lineA, tt.lineB}, []any{n, lineA, lineB}, "%q against %q", tt.a, tt.b)
	}
}
