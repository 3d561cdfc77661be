package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReferenceIsCurrent rebuilds reference.tsv from the seed corpus and holds the committed file to it: a
// change to the segmenter, the stop words or the splitter that changes the words of the corpus fails here
// until go generate ./stages/terms is run.
func TestReferenceIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole seed corpus")
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "reference.tsv"))
	require.NoError(t, err)
	got, err := reference()
	require.NoError(t, err)
	require.True(t, string(want) == got, "reference.tsv is not what genreference writes: run go generate ./stages/terms")
}
