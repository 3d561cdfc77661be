package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// encodeRegions is the regions file as a run writing RegionRows writes it.
func encodeRegions(t *testing.T) []byte {
	t.Helper()
	ctx := context.Background()
	out := t.TempDir()
	ds, err := output.Open(ctx, output.Options{Out: out})
	require.NoError(t, err)
	require.NoError(t, ds.Append(schemas.Regions, RegionRows()))
	sum, err := ds.Commit(ctx)
	require.NoError(t, err)
	for _, f := range sum.Files {
		if f.Table == schemas.Regions.Name {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Path)))
			require.NoError(t, err)
			return data
		}
	}
	require.FailNow(t, "no regions file written")
	return nil
}

// TestRegionsFileIsCurrent holds the embedded regions file to what the
// writer makes of RegionRows today: a change to the register, the schema or
// the writer's settings needs -update.
func TestRegionsFileIsCurrent(t *testing.T) {
	want := encodeRegions(t)
	if *update {
		require.NoError(t, os.WriteFile("regions.parquet", want, 0o644))
		return
	}
	require.True(t, bytes.Equal(want, regionsFile),
		"regions.parquet is not what the writer makes of RegionRows: go test ./pipeline -run TestRegionsFileIsCurrent -update")
	rows, err := regionRowsOf(regionsFile)
	require.NoError(t, err)
	assert.Equal(t, int64(len(RegionRows())), rows)
}

func TestRegionRowsOfRefusesWhatIsNoParquet(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("PAR1 not a file")} {
		_, err := regionRowsOf(data)
		assert.ErrorContains(t, err, "the embedded regions file")
	}
}
