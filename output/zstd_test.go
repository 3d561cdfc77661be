package output

import (
	"bytes"
	"math/rand"
	"sync"
	"testing"

	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/klauspost/compress/zstd"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPooledZstdIsInstalled(t *testing.T) {
	codec, err := compress.GetCodec(compress.Codecs.Zstd)
	require.NoError(t, err)
	assert.IsType(t, &pooledZstd{}, codec)
}

// zstdPages are page-like inputs: sizes on both sides of the 64 KiB block
// (one block, no history) and of the window, text and repetitive bytes.
func zstdPages() [][]byte {
	r := rand.New(rand.NewSource(1))
	text := bytes.Repeat([]byte("新建高标准农田150万亩以上，地区生产总值增长5%左右。"), 40000)
	var pages [][]byte
	for _, n := range []int{0, 1, 9, 300, 5000, 65536, 65537, 200000, 1 << 20, pageWindow} {
		off := r.Intn(len(text) - n)
		pages = append(pages, text[off:off+n])
		levels := make([]byte, n)
		for i := range levels {
			levels[i] = byte(r.Intn(4))
		}
		pages = append(pages, levels)
	}
	return pages
}

// A reused encoder must write exactly what arrow's fresh encoder per page
// writes, whatever it compressed before: files stay byte-identical run to run.
func TestPooledZstdMatchesFreshEncoder(t *testing.T) {
	codec, err := compress.GetCodec(compress.Codecs.Zstd)
	require.NoError(t, err)
	pages := zstdPages()
	for _, level := range []int{1, 3, compress.DefaultCompressionLevel} {
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range pages {
					src := pages[(i+g)%len(pages)]
					fresh, err := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithEncoderLevel(encoderLevel(level)))
					if !assert.NoError(t, err) {
						return
					}
					got := codec.EncodeLevel(nil, src, level)
					if !assert.Equal(t, fresh.EncodeAll(src, nil), got, "level %d, %d bytes", level, len(src)) {
						return
					}
					assert.Equal(t, src, codec.Decode(make([]byte, 0, len(src)), got))
				}
			}()
		}
		wg.Wait()
	}
}

func BenchmarkZstdEncodeLevel(b *testing.B) {
	codec, err := compress.GetCodec(compress.Codecs.Zstd)
	require.NoError(b, err)
	src := bytes.Repeat([]byte("新建高标准农田150万亩以上，"), 2000)[:64<<10]
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var dst []byte
	for b.Loop() {
		dst = codec.EncodeLevel(dst, src, zstdLevel)
	}
}
