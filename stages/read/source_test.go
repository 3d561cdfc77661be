package read

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSourcesNamesAndSkips(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "incoming")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "2025"), 0o755))
	for name, data := range map[string]string{
		"2025/county.txt": countyText, "2025/page.shtml": "<p>" + countyText + "</p>", "2025/scan.pdf": "%PDF-1.7", "2025/old.doc": "x",
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
	assert.Equal(t, []string{"incoming/2025/county.txt", "incoming/2025/page.shtml", "incoming/2025/scan.pdf", "incoming/rows.csv", "county.txt"}, names)
	for _, skipped := range []string{"incoming/2025/old.doc", "incoming/empty.txt", "incoming/notes.md"} {
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
	require.Len(t, again, 4)
	assert.Equal(t, "incoming/2025/county.txt", again[0].Name)
}

// One rule for a file named and a file found: its name must be of a report
// kind. Hidden files and folders are left out without a word.
func TestSourcesKindsAndHiddenFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	for name, data := range map[string]string{
		"a.txt": countyText, "notes.md": countyText, "README": countyText, "old.doc": "x",
		".git/HEAD": "ref: refs/heads/main", ".git/old.txt": countyText, ".vs/x.txt": countyText, ".DS_Store": "x",
		"sub/.hidden.txt": countyText, "docs/guide.md": "x",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	var logged bytes.Buffer
	srcs, err := Sources([]string{dir}, nil, slog.New(slog.NewTextHandler(&logged, nil)))
	require.NoError(t, err)
	require.Len(t, srcs, 1)
	assert.Equal(t, "in/a.txt", srcs[0].Name)
	assert.NotContains(t, logged.String(), ".git")
	assert.NotContains(t, logged.String(), ".vs")
	assert.NotContains(t, logged.String(), "DS_Store")
	assert.NotContains(t, logged.String(), ".hidden")
	list := strings.Join(inputExts, " ") + " and their .gz"
	for _, skipped := range []string{"in/notes.md", "in/README", "in/old.doc"} {
		assert.Contains(t, logged.String(), "input="+skipped)
	}
	assert.Contains(t, logged.String(), `kinds="`+list+`"`, "the kinds in the warning")
	for _, name := range []string{"notes.md", "README", "old.doc"} {
		_, err := Sources([]string{filepath.Join(dir, name)}, nil, nil)
		assert.ErrorContains(t, err, name+": not a report kind (read are "+list+")")
	}
	_, err = Sources([]string{filepath.Join(dir, "docs")}, nil, nil)
	assert.ErrorContains(t, err, "holds no report files (read are "+list+")", "the same list")
	assert.Contains(t, list, ".xhtml")
	assert.Contains(t, list, ".ndjson")
	assert.Contains(t, list, ".pdf")
	assert.Contains(t, list, ".xlsx")
}
