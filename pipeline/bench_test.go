package pipeline

import (
	"context"
	"testing"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/testdata"
	"github.com/stretchr/testify/require"
)

// BenchmarkCollectCorpus runs every stage over the seed corpus (in memory,
// no Parquet): the pipeline's throughput without the writer.
func BenchmarkCollectCorpus(b *testing.B) {
	if _, err := Stages(); err != nil { // load the segmenter outside the timing
		b.Fatal(err)
	}
	b.SetBytes(int64(len(testdata.Corpus)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Collect(context.Background(), []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}, read.Options{}, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRegions writes the regions dimension alone into a dataset and
// commits it, as every run's tail does: "encode" builds and encodes the rows,
// as runs did before, "embedded" stores the file encoded at go generate time.
func BenchmarkRegions(b *testing.B) {
	ctx := context.Background()
	for _, bm := range []struct {
		name   string
		append func(ds *output.Dataset) error
	}{
		{"encode", func(ds *output.Dataset) error { return ds.Append(schemas.Regions, RegionRows()) }},
		{"embedded", appendRegions},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ds, err := output.Open(ctx, output.Options{Out: b.TempDir()})
				require.NoError(b, err)
				require.NoError(b, bm.append(ds))
				_, err = ds.Commit(ctx)
				require.NoError(b, err)
			}
		})
	}
}
