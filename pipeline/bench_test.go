package pipeline

import (
	"context"
	"testing"

	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/testdata"
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
