package runreport

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkPageOfTables is the page's own work on the lake named by
// GOVREPORTS_PAGE_LAKE, its tables read once: what the page adds to reading
// the dataset (BenchmarkPage measures both).
func BenchmarkPageOfTables(b *testing.B) {
	out := os.Getenv("GOVREPORTS_PAGE_LAKE")
	if out == "" {
		b.Skip("GOVREPORTS_PAGE_LAKE names no dataset: nothing to measure")
	}
	t, err := load(context.Background(), out)
	require.NoError(b, err)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_, err := Render(t.page())
		require.NoError(b, err)
	}
}
