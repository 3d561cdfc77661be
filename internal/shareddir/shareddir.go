// Package shareddir finds, for tests, the public reports and answer keys that
// the project keeps out of its repository: the folder `shared` beside the
// checkout (../shared), or beside one of its parents (a worktree nested
// deeper), or where GOVREPORTS_SHARED points. A user's clone has none of it:
// the tests that need it skip with a message, CI has it and runs them.
package shareddir

import (
	"os"
	"path/filepath"
	"testing"
)

// Env names the variable that points at the shared folder explicitly.
const Env = "GOVREPORTS_SHARED"

// Find returns the shared folder, or "" when there is none.
func Find() string {
	if dir := os.Getenv(Env); dir != "" {
		return dir
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	root := moduleRoot(dir)
	if root == "" {
		return ""
	}
	for d := filepath.Dir(root); ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, "shared", "spec")); err == nil && st.IsDir() {
			return filepath.Join(d, "shared")
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// moduleRoot is the nearest folder at or above dir holding go.mod.
func moduleRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Path returns the path of elem inside the shared folder, and skips the test
// with a message when the folder or elem is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	dir := Find()
	if dir == "" {
		tb.Skipf("the shared reports and answer keys (../shared, or $%s) are absent: skipped", Env)
	}
	p := filepath.Join(append([]string{dir}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent: skipped", p)
	}
	return p
}
