package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/apache/arrow/go/v15/parquet"
)

// store is where a dataset lives. Keys are slash-separated paths relative to
// the dataset root. Local directories and blob buckets implement it, so the
// dataset logic (staging, publishing, manifests) is shared.
type store interface {
	// Create starts the object at key. The object exists only once the
	// writer's Close returns nil; Abort (or a cancelled ctx) discards it.
	Create(ctx context.Context, key string) (objectWriter, error)
	// CreateExclusive creates the object at key with data only if no object
	// is there (an error wrapping errExists otherwise), all at once: the lock
	// primitive of the dataset's lease.
	CreateExclusive(ctx context.Context, key string, data []byte) error
	// Move makes the object at from available at to, replacing what was
	// there; once it returns, the move is durable.
	Move(ctx context.Context, from, to string) error
	// Delete removes key, durably; a missing key is not an error.
	Delete(ctx context.Context, key string) error
	// DeletePrefix removes every object under prefix, durably.
	DeletePrefix(ctx context.Context, prefix string) error
	// Sync makes the objects created under prefix durable under their keys
	// (an object's content is durable once its writer's Close returns).
	Sync(ctx context.Context, prefix string) error
	// List returns the keys under prefix, sorted.
	List(ctx context.Context, prefix string) ([]string, error)
	// Exists tells whether key is present.
	Exists(ctx context.Context, key string) (bool, error)
	// ReadAll returns the content of key (an error wrapping errNotFound if absent).
	ReadAll(ctx context.Context, key string) ([]byte, error)
	// OpenFile opens key for random access, as Parquet readers need.
	OpenFile(ctx context.Context, key string) (readFile, error)
	// Close releases the store.
	Close() error
	// String names the store in error messages.
	String() string
}

var (
	errExists   = errors.New("object exists")
	errNotFound = fs.ErrNotExist
)

// objectWriter writes one object of a store.
type objectWriter interface {
	io.Writer
	// Close completes the object.
	Close() error
	// Abort discards the object; safe after Close (then a no-op).
	Abort()
}

// readFile is a random-access object opened for reading.
type readFile interface {
	parquet.ReaderAtSeeker
	io.Closer
}

// openStore opens the store that out names: a plain path or file:// URL is a
// local directory; any other URL scheme goes to gocloud.dev/blob.
func openStore(ctx context.Context, out string) (store, error) {
	if out == "" {
		return nil, fmt.Errorf("output: no output location given")
	}
	if !strings.Contains(out, "://") {
		return newLocalStore(out)
	}
	u, err := url.Parse(out)
	if err != nil {
		return nil, fmt.Errorf("output: parse %q: %w", out, err)
	}
	if u.Scheme == "file" {
		// file:///abs/dir, or file://rel/dir for a path relative to the working directory.
		return newLocalStore(filepath.FromSlash(u.Host + u.Path))
	}
	return openBlobStore(ctx, u)
}
