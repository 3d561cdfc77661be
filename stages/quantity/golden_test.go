package quantity

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenStride picks every n-th corpus line for the golden file: a spread
// sample of every report, small enough to review in a diff.
const goldenStride = 40

// TestExtractGolden compares the readings of a sample of corpus lines with
// testdata/extract.golden (go test -run Golden -update rewrites it).
func TestExtractGolden(t *testing.T) {
	var b strings.Builder
	for n, line := range corpusLines(t) {
		if n%goldenStride != 0 {
			continue
		}
		writeMentions(&b, n+1, line)
	}
	compareGolden(t, filepath.Join("testdata", "extract.golden"), b.String())
}

// TestExtractStyles compares the readings of testdata/styles.txt, sentences
// in the style of other years and levels, with testdata/styles.golden.
func TestExtractStyles(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "styles.txt"))
	require.NoError(t, err)
	var b strings.Builder
	for n, line := range strings.Split(string(text), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			writeMentions(&b, n+1, line)
		}
	}
	compareGolden(t, filepath.Join("testdata", "styles.golden"), b.String())
}

// writeMentions writes one line per mention of a text line: where it is, its
// value, unit, kind, comparator, subject and indicator.
func writeMentions(b *strings.Builder, n int, line string) {
	for _, m := range Extract(line) {
		valueMax := ""
		if m.ValueMax != nil {
			valueMax = fmt.Sprint(*m.ValueMax)
		}
		fmt.Fprintf(b, "%d\t%s\t%d:%d\t%g\t%s\t%g\t%s\t%g\t%s\t%s\t%s\t%s\t%v\t%s\t%s\n",
			n, m.Text, m.Start, m.End, m.Value, valueMax, m.Multiplier, m.Unit, m.BaseValue, m.BaseUnit,
			m.Kind, m.Direction, m.Comparator, m.Approx, m.Subject, m.Indicator)
	}
}

// compareGolden compares got with the golden file at path, which -update rewrites.
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	wantLines, gotLines := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	const shown = 10
	diffs := 0
	for k := range max(len(wantLines), len(gotLines)) {
		w, g := lineAt(wantLines, k), lineAt(gotLines, k)
		if w == g {
			continue
		}
		if diffs++; diffs <= shown {
			t.Errorf("golden line %d:\nwant %s\ngot  %s", k+1, w, g)
		}
	}
	if diffs > 0 {
		t.Errorf("%d lines differ; run go test -run Golden -update and review the diff", diffs)
	}
}

func lineAt(lines []string, k int) string {
	if k < len(lines) {
		return lines[k]
	}
	return ""
}
