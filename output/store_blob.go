package output

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"sort"
	"strings"

	"gocloud.dev/blob"
	// S3 (and S3-compatible servers) is in every build; gs:// and azblob://
	// only with the build tags gcs and azure (store_gcs.go, store_azure.go):
	// their SDKs are most of the modules a first build downloads.
	_ "gocloud.dev/blob/s3blob"
	"gocloud.dev/gcerrors"
)

// blobStore keeps the dataset in a gocloud.dev bucket. A blob Writer creates
// its object only when Close succeeds, and never when its context is
// cancelled first, which gives the same all-or-nothing objects as a rename.
type blobStore struct {
	b    *blob.Bucket
	name string
}

// driverTags are the build tags of the opt-in bucket drivers, by URL scheme.
var driverTags = map[string]string{"gs": "gcs", "azblob": "azure"}

// openBlobStore opens scheme://bucket/prefix?params: the path becomes a key
// prefix, the rest goes to the driver.
func openBlobStore(ctx context.Context, u *url.URL) (*blobStore, error) {
	prefix := strings.Trim(u.Path, "/")
	bu := *u
	bu.Path, bu.RawPath = "", ""
	if tag, ok := driverTags[u.Scheme]; ok && !blobSchemeBuiltIn(u.Scheme) {
		return nil, fmt.Errorf("output: %s:// needs a build with its driver: go install -tags %s ./cmd/govreports "+
			"(S3 and local paths are in every build; the GCS and Azure SDKs are opt-in)", u.Scheme, tag)
	}
	b, err := blob.OpenBucket(ctx, bu.String())
	if err != nil {
		return nil, fmt.Errorf("output: open bucket %s: %w", u.Redacted(), err)
	}
	return newBlobStore(b, prefix, u.Redacted()), nil
}

func newBlobStore(b *blob.Bucket, prefix, name string) *blobStore {
	if prefix != "" {
		b = blob.PrefixedBucket(b, prefix+"/")
	}
	return &blobStore{b: b, name: name}
}

func (s *blobStore) String() string { return s.name }

func (s *blobStore) Close() error { return s.b.Close() }

func (s *blobStore) Create(ctx context.Context, key string) (objectWriter, error) {
	ctx, cancel := context.WithCancel(ctx)
	w, err := s.b.NewWriter(ctx, key, &blob.WriterOptions{ContentType: contentType(key)})
	if err != nil {
		cancel()
		return nil, fmt.Errorf("output: create %s: %w", key, err)
	}
	return &blobWriter{w: w, cancel: cancel, key: key}, nil
}

func contentType(key string) string {
	switch path.Ext(key) {
	case ".json":
		return "application/json"
	case ".parquet":
		return "application/vnd.apache.parquet"
	}
	return "application/octet-stream"
}

type blobWriter struct {
	w      *blob.Writer
	cancel context.CancelFunc
	key    string
	done   bool
}

func (w *blobWriter) Write(p []byte) (int, error) { return w.w.Write(p) }

func (w *blobWriter) Close() error {
	if w.done {
		return nil
	}
	w.done = true
	defer w.cancel()
	if err := w.w.Close(); err != nil {
		return fmt.Errorf("output: close %s: %w", w.key, err)
	}
	return nil
}

// Abort cancels the upload before closing, so the object is never created.
func (w *blobWriter) Abort() {
	if w.done {
		return
	}
	w.done = true
	w.cancel()
	_ = w.w.Close()
}

// CreateExclusive writes key with the store's conditional write (S3
// If-None-Match: *, GCS and Azure preconditions): it fails if key exists.
func (s *blobStore) CreateExclusive(ctx context.Context, key string, data []byte) error {
	err := s.b.WriteAll(ctx, key, data, &blob.WriterOptions{ContentType: contentType(key), IfNotExist: true})
	switch {
	case gcerrors.Code(err) == gcerrors.FailedPrecondition:
		return fmt.Errorf("output: create %s: %w", key, errExists)
	case err != nil:
		return fmt.Errorf("output: create %s: %w", key, err)
	}
	return nil
}

func (s *blobStore) Move(ctx context.Context, from, to string) error {
	if err := s.b.Copy(ctx, to, from, nil); err != nil {
		return fmt.Errorf("output: move %s: %w", to, err)
	}
	return s.Delete(ctx, from)
}

// Sync has nothing to do: an object is durable once its write returns.
func (s *blobStore) Sync(context.Context, string) error { return nil }

func (s *blobStore) Delete(ctx context.Context, key string) error {
	if err := s.b.Delete(ctx, key); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return fmt.Errorf("output: delete %s: %w", key, err)
	}
	return nil
}

func (s *blobStore) DeletePrefix(ctx context.Context, prefix string) error {
	keys, err := s.List(ctx, prefix)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := s.Delete(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

func (s *blobStore) List(ctx context.Context, prefix string) ([]string, error) {
	var keys []string
	it := s.b.List(&blob.ListOptions{Prefix: prefix})
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("output: list %s: %w", prefix, err)
		}
		if !obj.IsDir {
			keys = append(keys, obj.Key)
		}
	}
	sort.Strings(keys)
	return keys, nil
}

func (s *blobStore) Exists(ctx context.Context, key string) (bool, error) {
	ok, err := s.b.Exists(ctx, key)
	if err != nil {
		return false, fmt.Errorf("output: stat %s: %w", key, err)
	}
	return ok, nil
}

func (s *blobStore) ReadAll(ctx context.Context, key string) ([]byte, error) {
	b, err := s.b.ReadAll(ctx, key)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil, fmt.Errorf("output: read %s: %w", key, errNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("output: read %s: %w", key, err)
	}
	return b, nil
}

// OpenFile downloads the object: Parquet needs random access, which a blob
// reader does not give cheaply.
func (s *blobStore) OpenFile(ctx context.Context, key string) (readFile, error) {
	b, err := s.ReadAll(ctx, key)
	if err != nil {
		return nil, err
	}
	return bytesFile{bytes.NewReader(b)}, nil
}

type bytesFile struct{ *bytes.Reader }

func (bytesFile) Close() error { return nil }

func blobSchemeBuiltIn(scheme string) bool { return blob.DefaultURLMux().ValidBucketScheme(scheme) }
