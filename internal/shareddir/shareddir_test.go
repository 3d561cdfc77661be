package shareddir

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFindHonoursTheVariable(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(Env, dir)
	assert.Equal(t, dir, Find())
	require.NoError(t, os.Mkdir(filepath.Join(dir, "keys"), 0o755))
	assert.Equal(t, filepath.Join(dir, "keys"), Path(t, "keys"))
}

func TestPathSkipsWhatIsAbsent(t *testing.T) {
	t.Setenv(Env, t.TempDir())
	ok := t.Run("absent", func(t *testing.T) {
		Path(t, "no-such-folder")
		t.Error("Path went on past an absent folder")
	})
	assert.True(t, ok, "a skipped subtest passes")
}

func TestModuleRoot(t *testing.T) {
	dir, err := os.Getwd()
	require.NoError(t, err)
	root := moduleRoot(dir)
	assert.FileExists(t, filepath.Join(root, "go.mod"))
	assert.Equal(t, "", moduleRoot(t.TempDir()))
}
