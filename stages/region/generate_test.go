package region

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkGeneratedEnv runs TestGeneratedFilesAreCurrent when set: the generator
// of divisions.tsv installs its npm packages (some fifteen seconds over the
// network), too slow for every test run.
const checkGeneratedEnv = "GOVREPORTS_CHECK_GENERATED"

// TestGeneratedFilesAreCurrent runs the package's go:generate lines, as go
// generate does, in a copy of the package's folder, and fails on any file they
// change: divisions.tsv must be what internal/gen writes from the npm packages
// pinned in its package-lock.json.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	if os.Getenv(checkGeneratedEnv) == "" {
		t.Skipf("set %s=1 to regenerate divisions.tsv (node, npm and the npm registry) and compare", checkGeneratedEnv)
	}
	for _, tool := range []string{"sh", "node", "npm"} {
		_, err := exec.LookPath(tool)
		require.NoError(t, err, "%s is set but %s is not installed", checkGeneratedEnv, tool)
	}
	lines := generateLines(t, ".")
	require.NotEmpty(t, lines, "no go:generate line")
	dir := t.TempDir()
	require.NoError(t, copyTree(".", dir))
	for _, line := range lines {
		args, err := generateArgs(line)
		require.NoError(t, err, line)
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s\n%s", line, out)
	}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == "node_modules":
			return filepath.SkipDir // the generator's packages, not its output
		case d.IsDir():
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		got, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		want, err := os.ReadFile(rel)
		assert.NoError(t, err, "go generate wrote %s, which the package does not have", rel)
		assert.True(t, bytes.Equal(want, got), "%s is not what go generate writes: run go generate ./stages/region", rel)
		return nil
	})
	require.NoError(t, err)
}

// generateLines returns the go:generate lines of the package's Go files in dir.
func generateLines(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var lines []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for line := range strings.Lines(string(src)) {
			if rest, ok := strings.CutPrefix(line, "//go:generate "); ok {
				lines = append(lines, strings.TrimSpace(rest))
			}
		}
	}
	return lines
}

// generateArgs splits a go:generate line into words as go generate does:
// words are separated by spaces, and a double-quoted string in Go syntax is
// one word.
func generateArgs(line string) ([]string, error) {
	var args []string
	for line = strings.TrimLeft(line, " \t"); line != ""; line = strings.TrimLeft(line, " \t") {
		if line[0] != '"' {
			word, rest, _ := strings.Cut(line, " ")
			args, line = append(args, word), rest
			continue
		}
		end := 1
		for end < len(line) && line[end] != '"' {
			if line[end] == '\\' {
				end++
			}
			end++
		}
		word, err := strconv.Unquote(line[:min(end+1, len(line))])
		if err != nil {
			return nil, err
		}
		args, line = append(args, word), line[min(end+1, len(line)):]
	}
	return args, nil
}

func TestGenerateArgs(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{`sh -c "cd gen && node gen.mjs > ../out.tsv"`, []string{"sh", "-c", "cd gen && node gen.mjs > ../out.tsv"}},
		{`go  run ./gen -name "a \"b\""`, []string{"go", "run", "./gen", "-name", `a "b"`}},
	}
	for _, tt := range tests {
		got, err := generateArgs(tt.line)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, tt.line)
	}
	_, err := generateArgs(`sh -c "unterminated`)
	assert.Error(t, err)
}

// copyTree copies the regular files under src to dst, leaving out
// node_modules folders.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dst, path)
		switch {
		case d.IsDir() && d.Name() == "node_modules":
			return filepath.SkipDir
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular():
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
