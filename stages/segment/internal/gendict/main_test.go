package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunKeepsCorpusWordsAndLexicons(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	gse := filepath.Join(dir, "gse")
	require.NoError(t, os.MkdirAll(filepath.Join(gse, "data", "dict", "zh"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(gse, "data", "dict", "zh", "s_1.txt"),
		[]byte("农田 300 n\n新建 50 ns\n火星 90 n\n坏行\n"), 0o644))
	corpus := write("corpus.txt", "新建高标准农田。")
	lex := write("verbs.tsv", "verb\tclass\tpos\n# comment\n新建\taction\tv\n高标准农田\tx\t\n")
	out := filepath.Join(dir, "dict.txt")

	require.NoError(t, run(corpus, out, gse, []string{lex}))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "农田 300 n\n新建 20000 v\n高标准农田 20000 n\n", string(got),
		"corpus words kept, absent words dropped, lexicon words added with their POS")
}

func TestRunErrors(t *testing.T) {
	require.Error(t, run("", "out", "", nil))
	require.Error(t, run(filepath.Join(t.TempDir(), "missing.txt"), "out", "", nil))
}
