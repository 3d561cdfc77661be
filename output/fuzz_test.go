package output

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/require"
)

// FuzzReadParquet feeds arbitrary bytes to the reader as a sentences file: a
// corrupt or foreign file must give an error, never a panic.
func FuzzReadParquet(f *testing.F) {
	out := f.TempDir()
	testCorpus{reports: 2, perReport: 5}.write(f, out)
	good, err := os.ReadFile(filepath.Join(out, "sentences/year=2024/part-00000.parquet"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PAR1PAR1"))
	f.Add(bytes.Replace(good, []byte("text"), []byte("txet"), -1))
	f.Fuzz(func(t *testing.T, data []byte) {
		empty := reflect.MakeSlice(reflect.SliceOf(schemas.Sentences.Row), 0, 0)
		rows, err := readParquet(context.Background(), bytesFile{bytes.NewReader(data)}, schemas.Sentences, empty, nil)
		if err != nil {
			return
		}
		// Whatever could be read must survive a write and a read unchanged, but
		// for the partition column: files do not store it (an old file may).
		year := column(schemas.Sentences, schemas.PartitionColumn)
		for i := 0; i < rows.Len(); i++ {
			rows.Index(i).FieldByIndex(year.Index).SetInt(0)
		}
		again, err := readParquet(context.Background(), bytesFile{bytes.NewReader(writeMemory(t, schemas.Sentences, rows))}, schemas.Sentences, empty, nil)
		require.NoError(t, err)
		require.Equal(t, rows.Interface(), again.Interface())
	})
}

// memoryObject is an objectWriter into memory.
type memoryObject struct{ bytes.Buffer }

func (*memoryObject) Close() error { return nil }
func (*memoryObject) Abort()       {}

// writeMemory writes rows (a slice of t.Row) as one Parquet file in memory.
func writeMemory(t *testing.T, tbl *schemas.Table, rows reflect.Value) []byte {
	cols, err := columnWritersOf(tbl)
	require.NoError(t, err)
	obj := &memoryObject{}
	w, err := newTableWriter(tbl, cols, &batchSizes{}, defaultRowGroupRows, obj, "", FileInfo{Path: "memory"})
	require.NoError(t, err)
	for i := 0; i < rows.Len(); i++ {
		require.NoError(t, w.append(rows.Index(i)))
	}
	require.NoError(t, w.close())
	return obj.Bytes()
}
