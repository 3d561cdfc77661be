package output

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/govreports/govreports/schemas"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gocloud.dev/blob/s3blob"
)

const testBucket = "govreports"

// fakeS3 starts an S3 server on the loopback and returns its URL.
func fakeS3(t *testing.T) string {
	t.Helper()
	backend := s3mem.New()
	require.NoError(t, backend.CreateBucket(testBucket))
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	t.Setenv("AWS_CONFIG_FILE", "/dev/null")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	return srv.URL
}

// s3URL is the --out URL of a dataset under prefix on the fake server.
func s3URL(endpoint, prefix string) string {
	return fmt.Sprintf("s3://%s/%s?endpoint=%s&use_path_style=true&region=us-east-1", testBucket, prefix, endpoint)
}

// objects maps every object under out to its sha256.
func objects(t *testing.T, out string) map[string]string {
	t.Helper()
	ctx := context.Background()
	st, err := openStore(ctx, out)
	require.NoError(t, err)
	defer st.Close()
	keys, err := st.List(ctx, "")
	require.NoError(t, err)
	m := map[string]string{}
	for _, k := range keys {
		b, err := st.ReadAll(ctx, k)
		require.NoError(t, err)
		sum := sha256.Sum256(b)
		m[k] = hex.EncodeToString(sum[:])
	}
	return m
}

func TestS3RoundTrip(t *testing.T) {
	out := s3URL(fakeS3(t), "datasets/2024")
	corpus.write(t, out)

	got, err := ReadTable[schemas.Goal](context.Background(), out, schemas.Goals)
	require.NoError(t, err)
	assert.Equal(t, corpus.want(schemas.Goals), got)

	local := t.TempDir()
	corpus.write(t, local)
	assert.Equal(t, snapshot(t, local), objects(t, out), "the same objects, byte for byte, as on a local disk")
}

// failingTransport fails every upload after the first n, as a dropped
// connection half-way through a run would.
type failingTransport struct {
	n    atomic.Int64
	base http.RoundTripper
}

func (f *failingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPut && f.n.Add(-1) < 0 {
		return nil, errors.New("injected connection reset")
	}
	return f.base.RoundTrip(r)
}

func TestS3FailureHalfWayKeepsPreviousDataset(t *testing.T) {
	endpoint := fakeS3(t)
	out := s3URL(endpoint, "ds")
	corpus.write(t, out)
	before := objects(t, out)

	ctx := context.Background()
	tr := &failingTransport{base: http.DefaultTransport}
	tr.n.Store(6)
	client := s3.NewFromConfig(aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
		HTTPClient:   &http.Client{Transport: tr},
		BaseEndpoint: aws.String(endpoint),
		// No retries: the injected failure must surface, not be retried away.
		RetryMaxAttempts: 1,
	}, func(o *s3.Options) { o.UsePathStyle = true })
	b, err := s3blob.OpenBucket(ctx, client, testBucket, nil)
	require.NoError(t, err)
	d, err := openDataset(ctx, Options{Out: out}, newBlobStore(b, "ds", out))
	require.NoError(t, err)
	defer d.Abort()
	testCorpus{reports: 3, perReport: 7}.appendAll(t, d, func(int) bool { return true })
	_, err = d.Commit(ctx)
	require.ErrorContains(t, err, "injected connection reset")
	d.Abort()

	after := objects(t, out)
	assert.Equal(t, before, after, "previous objects intact, no partial or temporary object")
	for k := range after {
		assert.False(t, strings.HasPrefix(k, stagingDir), k)
	}
	got, err := ReadTable[schemas.Sentence](ctx, out, schemas.Sentences)
	require.NoError(t, err)
	assert.Equal(t, corpus.want(schemas.Sentences), got)
}

// TestStoreContract runs the same object semantics against both stores.
func TestStoreContract(t *testing.T) {
	stores := map[string]string{"local": t.TempDir(), "file URL": "file://" + t.TempDir(), "s3": s3URL(fakeS3(t), "contract")}
	for name, out := range stores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st, err := openStore(ctx, out)
			require.NoError(t, err)
			defer st.Close()
			put := func(key, content string) {
				w, err := st.Create(ctx, key)
				require.NoError(t, err)
				_, err = w.Write([]byte(content))
				require.NoError(t, err)
				require.NoError(t, w.Close())
			}
			exists := func(key string) bool {
				ok, err := st.Exists(ctx, key)
				require.NoError(t, err)
				return ok
			}

			put("a/x.txt", "x")
			put("a/b/y.txt", "y")
			assert.True(t, exists("a/x.txt"))

			w, err := st.Create(ctx, "a/aborted.txt")
			require.NoError(t, err)
			_, err = w.Write(bytes.Repeat([]byte("z"), 1<<20))
			require.NoError(t, err)
			w.Abort()
			assert.False(t, exists("a/aborted.txt"), "an aborted object never appears")

			cctx, cancel := context.WithCancel(ctx)
			w, err = st.Create(cctx, "a/cancelled.txt")
			require.NoError(t, err)
			_, _ = w.Write([]byte("partial"))
			cancel()
			assert.Error(t, w.Close())
			assert.False(t, exists("a/cancelled.txt"), "a cancelled object never appears")

			require.NoError(t, st.Move(ctx, "a/x.txt", "c/x.txt"))
			assert.False(t, exists("a/x.txt"))
			b, err := st.ReadAll(ctx, "c/x.txt")
			require.NoError(t, err)
			assert.Equal(t, "x", string(b))

			keys, err := st.List(ctx, "")
			require.NoError(t, err)
			assert.Equal(t, []string{"a/b/y.txt", "c/x.txt"}, keys)
			put("_lease-a.json", "l")
			put("_leases/z.txt", "z")
			put("a/bc.txt", "bc")
			for prefix, want := range map[string][]string{
				"_lease": {"_lease-a.json", "_leases/z.txt"}, "a/b": {"a/b/y.txt", "a/bc.txt"}, "a/b/": {"a/b/y.txt"}, "x": nil,
			} {
				keys, err = st.List(ctx, prefix)
				require.NoError(t, err)
				assert.Equal(t, want, keys, "prefix %q", prefix)
			}
			for _, k := range []string{"_lease-a.json", "_leases/z.txt", "a/bc.txt"} {
				require.NoError(t, st.Delete(ctx, k))
			}

			require.NoError(t, st.CreateExclusive(ctx, "_lock.json", []byte("first")))
			assert.ErrorIs(t, st.CreateExclusive(ctx, "_lock.json", []byte("second")), errExists)
			b, err = st.ReadAll(ctx, "_lock.json")
			require.NoError(t, err)
			assert.Equal(t, "first", string(b), "the object that was there stays")
			require.NoError(t, st.Delete(ctx, "_lock.json"))
			_, err = st.ReadAll(ctx, "_lock.json")
			assert.ErrorIs(t, err, errNotFound)

			require.NoError(t, st.Delete(ctx, "missing"))
			require.NoError(t, st.DeletePrefix(ctx, "a/"))
			keys, err = st.List(ctx, "")
			require.NoError(t, err)
			assert.Equal(t, []string{"c/x.txt"}, keys)
		})
	}
}
