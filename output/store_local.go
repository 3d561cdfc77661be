package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// localStore keeps the dataset in a directory. Objects are created at their
// (staging) path and published with os.Rename, which is atomic on one
// filesystem; the staging prefix lives inside the root for that reason.
type localStore struct{ root string }

func newLocalStore(root string) (*localStore, error) {
	if root == "" {
		return nil, fmt.Errorf("output: empty output directory")
	}
	return &localStore{root: filepath.Clean(root)}, nil
}

func (s *localStore) String() string { return s.root }

func (s *localStore) Close() error { return nil }

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
	return &localWriter{ctx: ctx, f: f}, nil
}

// localWriter is a file that honours its context, so a cancelled run stops
// writing at the next block.
type localWriter struct {
	ctx  context.Context
	f    *os.File
	done bool
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
		err = w.f.Sync()
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

func (s *localStore) Move(ctx context.Context, from, to string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	dst := s.path(to)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("output: move %s: %w", to, err)
	}
	if err := os.Rename(s.path(from), dst); err != nil {
		return fmt.Errorf("output: move %s: %w", to, err)
	}
	return nil
}

// Delete removes key and then every directory above it that became empty, so
// that a dropped partition leaves no empty year= folder behind.
func (s *localStore) Delete(_ context.Context, key string) error {
	p := s.path(key)
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
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
	s.pruneDirs(p)
	return nil
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
		err = tmp.Sync()
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
