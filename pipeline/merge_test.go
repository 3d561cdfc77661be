package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/stages/read"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBatchLoadingEqualsOneRun: loading the inputs in batches, in any order
// and with reruns (the default mode, merge), loses no report and gives the
// files one run over every input writes, byte for byte: every table (terms
// and attainment included) and a manifest listing every input.
func TestBatchLoadingEqualsOneRun(t *testing.T) {
	ctx := context.Background()
	inputs := append(mixedYears(t), nextYears(t))
	single := filepath.Join(t.TempDir(), "single")
	sum, err := Run(ctx, Config{Inputs: inputs, Out: single, ToolVersion: "test"})
	require.NoError(t, err)
	want := files(t, single)
	m, err := output.ReadManifest(ctx, single)
	require.NoError(t, err)

	for name, batches := range map[string][][]int{
		"reverse":        {{2}, {1}, {0}},
		"two, then one":  {{0, 2}, {1}},
		"with a rerun":   {{1}, {0, 1, 2}, {0}},
		"one, then rest": {{2, 0}, {1}},
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "lake")
			for _, b := range batches {
				var in []read.Source
				for _, i := range b {
					in = append(in, inputs[i])
				}
				s, err := Run(ctx, Config{Inputs: in, Out: out, ToolVersion: "test"})
				require.NoError(t, err)
				assert.Empty(t, s.Removed)
			}
			got, err := output.ReadManifest(ctx, out)
			require.NoError(t, err)
			assert.Equal(t, sum.Dataset["reports"], got.Tables["reports"], "no report lost")
			assert.Equal(t, m.Inputs, got.Inputs, "every input listed")
			assert.Equal(t, m.Partitions, got.Partitions)
			assert.Equal(t, want, files(t, out))
		})
	}
}
