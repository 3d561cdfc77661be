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
		for _, m := range Extract(line) {
			valueMax := ""
			if m.ValueMax != nil {
				valueMax = fmt.Sprint(*m.ValueMax)
			}
			fmt.Fprintf(&b, "%d\t%s\t%d:%d\t%g\t%s\t%g\t%s\t%g\t%s\t%s\t%s\t%s\t%v\t%s\t%s\n",
				n+1, m.Text, m.Start, m.End, m.Value, valueMax, m.Multiplier, m.Unit, m.BaseValue, m.BaseUnit,
				m.Kind, m.Direction, m.Comparator, m.Approx, m.Subject, m.Indicator)
		}
	}
	path := filepath.Join("testdata", "extract.golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	wantLines, gotLines := strings.Split(string(want), "\n"), strings.Split(b.String(), "\n")
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
