package read

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSourcesNamesAndSkips(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "incoming")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "2025"), 0o755))
	for name, data := range map[string]string{
		"2025/county.txt": countyText, "2025/page.shtml": "<p>" + countyText + "</p>", "2025/scan.pdf": "%PDF-1.7",
		"empty.txt": "", "rows.csv": "text\n各位代表：\n", "notes.md": "x",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	var logged bytes.Buffer
	srcs, err := Sources([]string{dir, filepath.Join(dir, "2025", "county.txt")}, nil, slog.New(slog.NewTextHandler(&logged, nil)))
	require.NoError(t, err)
	var names []string
	for _, s := range srcs {
		names = append(names, s.Name)
	}
	assert.Equal(t, []string{"incoming/2025/county.txt", "incoming/2025/page.shtml", "incoming/rows.csv", "county.txt"}, names)
	for _, skipped := range []string{"incoming/2025/scan.pdf", "incoming/empty.txt", "incoming/notes.md"} {
		assert.Contains(t, logged.String(), "input="+skipped)
	}
	assert.Contains(t, logged.String(), "empty file")

	// The same directory named from elsewhere gives the same names.
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	t.Cleanup(func() { _ = os.Chdir(wd) })
	again, err := Sources([]string{"."}, nil, nil)
	require.NoError(t, err)
	require.Len(t, again, 3)
	assert.Equal(t, "incoming/2025/county.txt", again[0].Name)
}
