package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
)

// localStore keeps the dataset in a directory. Objects are created at their
// (staging) path and published with os.Rename, which is atomic on one
// filesystem; the staging prefix lives inside the root for that reason.
type localStore struct {
	root string
	// found is the folder nearest to root (root itself, or one above) that
	// was there when the store was opened.
	found string
	// fsync makes a file's content, or a folder's names, durable. Tests of
	// the commit's logic, which no sync can be seen by in process, skip it.
	fsync func(*os.File) error
}

func newLocalStore(root string) (*localStore, error) {
	if root == "" {
		return nil, fmt.Errorf("output: empty output directory")
	}
	root = filepath.Clean(root)
	found := root
	for {
		if _, err := os.Stat(found); err == nil || filepath.Dir(found) == found {
			break
		}
		found = filepath.Dir(found)
	}
	return &localStore{root: root, found: found, fsync: (*os.File).Sync}, nil
}

func (s *localStore) String() string { return s.root }

// Close removes the folders the store made that are empty: a run that
// failed before its commit leaves no new empty --out behind.
func (s *localStore) Close() error {
	for dir := s.root; dir != s.found && len(dir) > len(s.found); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break // not empty (or never made): the folders above are not empty either
		}
	}
	return nil
}

func (s *localStore) path(key string) string { return filepath.Join(s.root, filepath.FromSlash(key)) }

func (s *localStore) Create(ctx context.Context, key string) (objectWriter, error) {
	p := s.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, fmt.Errorf("output: create %s: %w", key, err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("output: create %s: %w", key, err)
	}
	return &localWriter{ctx: ctx, f: f, fsync: s.fsync}, nil
}

// localWriter is a file that honours its context, so a cancelled run stops
// writing at the next block.
type localWriter struct {
	ctx   context.Context
	f     *os.File
	fsync func(*os.File) error
	done  bool
}

func (w *localWriter) Write(p []byte) (int, error) {
	if err := w.ctx.Err(); err != nil {
		return 0, err
	}
	return w.f.Write(p)
}

func (w *localWriter) Close() error {
	if w.done {
		return nil
	}
	w.done = true
	err := w.ctx.Err()
	if err == nil {
		// The file is renamed into place later: make its bytes durable first.
		err = w.fsync(w.f)
	}
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(w.f.Name())
		return fmt.Errorf("output: close %s: %w", w.f.Name(), err)
	}
	return nil
}

func (w *localWriter) Abort() {
	if w.done {
		return
	}
	w.done = true
	_ = w.f.Close()
	_ = os.Remove(w.f.Name())
}

// Move renames from to to and syncs the folder renamed into (creating it,
// and syncing it into its parent, if it is new), so that the move survives
// a crash once Move returns. The file's content was synced when it was
// written (localWriter.Close).
func (s *localStore) Move(ctx context.Context, from, to string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	dst := s.path(to)
	if err := s.mkdirDurable(filepath.Dir(dst)); err != nil {
		return fmt.Errorf("output: move %s: %w", to, err)
	}
	if err := os.Rename(s.path(from), dst); err != nil {
		return fmt.Errorf("output: move %s: %w", to, err)
	}
	if err := s.syncDir(filepath.Dir(dst)); err != nil {
		return fmt.Errorf("output: move %s: %w", to, err)
	}
	return nil
}

// Delete removes key and syncs its folder, then removes every folder above
// it that became empty, so that a dropped partition leaves no empty year=
// folder behind (an empty folder that comes back after a crash is harmless,
// so those are not synced).
func (s *localStore) Delete(_ context.Context, key string) error {
	p := s.path(key)
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("output: delete %s: %w", key, err)
	}
	// Synced even if the file was gone: an earlier attempt's removal may not be durable yet.
	if err := s.syncDir(filepath.Dir(p)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("output: delete %s: %w", key, err)
	}
	s.pruneDirs(p)
	return nil
}

// pruneDirs removes the directories above p up to the root while they are empty.
func (s *localStore) pruneDirs(p string) {
	for dir := filepath.Dir(p); dir != s.root && len(dir) > len(s.root); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break // not empty (or already gone): the directories above are not empty either
		}
	}
}

func (s *localStore) DeletePrefix(_ context.Context, prefix string) error {
	p := s.path(prefix)
	if err := os.RemoveAll(p); err != nil {
		return fmt.Errorf("output: delete %s: %w", prefix, err)
	}
	if err := s.syncDir(filepath.Dir(p)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("output: delete %s: %w", prefix, err)
	}
	s.pruneDirs(p)
	return nil
}

// Sync syncs every folder under prefix (the names of the files in it) and
// every folder above it up to the root's parent (the names of the folders).
func (s *localStore) Sync(_ context.Context, prefix string) error {
	top := s.path(prefix)
	err := filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		return s.syncDir(p)
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("output: sync %s: %w", prefix, err)
	}
	for dir := filepath.Dir(top); ; dir = filepath.Dir(dir) {
		if err := s.syncDir(dir); err != nil {
			return fmt.Errorf("output: sync %s: %w", prefix, err)
		}
		if len(dir) <= len(s.root) || dir == filepath.Dir(dir) {
			// The root's own name, in its parent, too: a new --out is part of the commit.
			if err := s.syncDir(filepath.Dir(s.root)); err != nil {
				return fmt.Errorf("output: sync %s: %w", prefix, err)
			}
			return nil
		}
	}
}

// mkdirDurable creates dir and the folders above it that are missing, each
// synced into its parent.
func (s *localStore) mkdirDurable(dir string) error {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return nil
	}
	parent := filepath.Dir(dir)
	if parent != dir {
		if err := s.mkdirDurable(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return s.syncDir(parent)
}

// syncDir makes the names created, renamed or removed in dir durable.
// Windows cannot open a folder for syncing (NTFS journals its names
// itself), and some network and FUSE filesystems answer EINVAL: they keep
// their names their own way.
func (s *localStore) syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = s.fsync(f)
	if errors.Is(err, syscall.EINVAL) {
		err = nil
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// List walks the deepest directory that prefix names whole ("a/b" for
// "a/b/c"), skipping the directories that cannot hold a key with prefix, so
// that a prefix such as "_lease" lists like a bucket's.
func (s *localStore) List(_ context.Context, prefix string) ([]string, error) {
	var keys []string
	dir := ""
	if i := strings.LastIndex(prefix, "/"); i >= 0 {
		dir = prefix[:i]
	}
	err := filepath.WalkDir(s.path(dir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		rel, err := filepath.Rel(s.root, p)
		if err != nil {
			return err
		}
		key := filepath.ToSlash(rel)
		if d.IsDir() {
			if key != "." && !strings.HasPrefix(key+"/", prefix) && !strings.HasPrefix(prefix, key+"/") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(key, prefix) {
			keys = append(keys, key)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("output: list %s: %w", prefix, err)
	}
	sort.Strings(keys)
	return keys, nil
}

func (s *localStore) Exists(_ context.Context, key string) (bool, error) {
	_, err := os.Stat(s.path(key))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return false, fmt.Errorf("output: stat %s: %w", key, err)
}

func (s *localStore) ReadAll(_ context.Context, key string) ([]byte, error) {
	b, err := os.ReadFile(s.path(key))
	if err != nil {
		return nil, fmt.Errorf("output: read %s: %w", key, err)
	}
	return b, nil
}

func (s *localStore) OpenFile(_ context.Context, key string) (readFile, error) {
	f, err := os.Open(s.path(key))
	if err != nil {
		return nil, fmt.Errorf("output: open %s: %w", key, err)
	}
	return f, nil
}

// CreateExclusive writes data to a temporary file and links it to key: link,
// like O_EXCL, fails if key exists, and the object appears with its whole
// content (a reader never sees a half-written lease).
func (s *localStore) CreateExclusive(_ context.Context, key string, data []byte) error {
	p := s.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("output: create %s: %w", key, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*")
	if err != nil {
		return fmt.Errorf("output: create %s: %w", key, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = s.fsync(tmp)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(tmp.Name(), p)
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("output: create %s: %w", key, errExists)
	case err != nil:
		return fmt.Errorf("output: create %s: %w", key, err)
	}
	return nil
}
