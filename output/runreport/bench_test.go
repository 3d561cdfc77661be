package runreport_test

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/output/runreport"
)

// BenchmarkPage builds and renders the page of the dataset named by
// GOVREPORTS_PAGE_LAKE (a lake of thousands of reports: `govreports
// gen-corpus --times 100` run into it), the page's share of a run's time.
func BenchmarkPage(b *testing.B) {
	out := os.Getenv("GOVREPORTS_PAGE_LAKE")
	if out == "" {
		b.Skip("GOVREPORTS_PAGE_LAKE names no dataset: nothing to measure")
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		p, err := runreport.Build(ctx, out)
		require.NoError(b, err)
		_, err = runreport.Render(p)
		require.NoError(b, err)
	}
}
