package main

import (
	"os"
	"path/filepath"
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

	require.NoError(t, run(selection{floor: 100, maxIDF: 10}, out, gse, []string{lex}))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "农田 300 n\n新建 20000 v\n田 5 n\n盘活 20000 vn\n覆盖 2 v\n高标准农田 20000 n\n", string(got),
		"frequent words, common words (low idf) and characters kept, rare words dropped, lexicon words added"+
			" with their POS, else gse's, else n")
}

func TestRunErrors(t *testing.T) {
	require.Error(t, run(selection{}, "out", t.TempDir(), nil), "no gse dictionary")
}
