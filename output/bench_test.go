package output

import (
	"context"
	"testing"

	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/require"
)

// BenchmarkWriteFigures writes a figures table of 100k rows (in batches of
// one report's worth) and commits it; rows/s is the figure to watch.
func BenchmarkWriteFigures(b *testing.B) {
	const reports, perReport = 100, 1000
	batches := make([]any, reports)
	for r := range batches {
		batches[r] = testRows(schemas.Figures, r, perReport)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	var bytes int64
	for i := 0; i < b.N; i++ {
		d, err := Open(ctx, Options{Out: b.TempDir()})
		require.NoError(b, err)
		for _, rows := range batches {
			require.NoError(b, d.Append(schemas.Figures, rows))
		}
		sum, err := d.Commit(ctx)
		require.NoError(b, err)
		bytes = 0
		for _, f := range sum.Files {
			bytes += f.Bytes
		}
	}
	b.SetBytes(bytes)
	b.ReportMetric(float64(reports*perReport*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkReadFigures reads the same table back.
func BenchmarkReadFigures(b *testing.B) {
	out := b.TempDir()
	testCorpus{reports: 100, perReport: 1000}.write(b, out)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		rows, err := ReadTable[schemas.Figure](ctx, out, schemas.Figures)
		require.NoError(b, err)
		n += len(rows)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "rows/s")
}
