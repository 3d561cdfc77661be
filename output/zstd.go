package output

import (
	"sync"
	_ "unsafe" // for go:linkname, see codecs

	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// codecs is arrow/go v15's codec registry. v15 has no way to register a codec
// (later arrow-go versions do, and pool their zstd encoders), and its zstd
// codec builds a new encoder for every page it compresses: two 256 KiB match
// tables and, for a page over 64 KiB, an 8 MiB history window, all zeroed.
// That was a sixth of a whole run's CPU. The registry is written once here, in
// init, before any writer can read it.
//
//go:linkname codecs github.com/apache/arrow/go/v15/parquet/compress.codecs
var codecs map[compress.Compression]compress.Codec

func init() {
	codecs[compress.Codecs.Zstd] = &pooledZstd{Codec: codecs[compress.Codecs.Zstd]}
}

// pooledZstd is arrow's zstd codec with its page compression served by
// reused encoders. EncodeAll resets an encoder completely, so a reused
// encoder writes the same bytes as arrow's fresh one (a test checks this).
// Idle encoders are kept in a plain list rather than a sync.Pool, which
// drops them at every GC and so brought back the cost it was meant to save;
// the list never holds more encoders than pages were ever compressed at once.
type pooledZstd struct {
	compress.Codec
	mu   sync.Mutex
	idle map[zstd.EncoderLevel][]*zstd.Encoder
}

// pageWindow is the encoders' window. A page up to this size is one zstd
// frame with no window of its own (the frame holds its size instead), written
// exactly as with zstd's default window of 4 to 8 MiB, while an encoder's
// history buffer shrinks from 8 MiB to about 2 MiB: fewer pages of memory for
// the process to fault in. Parquet pages are cut past 1 MiB.
const pageWindow = 2 << 20

// encoderLevel maps a Parquet compression level the way arrow's codec does.
func encoderLevel(level int) zstd.EncoderLevel {
	if level == compress.DefaultCompressionLevel {
		return zstd.SpeedDefault
	}
	return zstd.EncoderLevelFromZstd(level)
}

func (z *pooledZstd) EncodeLevel(dst, src []byte, level int) []byte {
	lvl := encoderLevel(level)
	enc := z.get(lvl)
	defer z.put(lvl, enc)
	return enc.EncodeAll(src, dst[:0])
}

func (z *pooledZstd) get(lvl zstd.EncoderLevel) *zstd.Encoder {
	z.mu.Lock()
	defer z.mu.Unlock()
	if idle := z.idle[lvl]; len(idle) > 0 {
		z.idle[lvl] = idle[:len(idle)-1]
		return idle[len(idle)-1]
	}
	// The options are constants, valid for every level encoderLevel returns.
	enc, _ := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithEncoderLevel(lvl), zstd.WithEncoderConcurrency(1),
		zstd.WithWindowSize(pageWindow), zstd.WithLowerEncoderMem(true))
	return enc
}

func (z *pooledZstd) put(lvl zstd.EncoderLevel, enc *zstd.Encoder) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.idle == nil {
		z.idle = make(map[zstd.EncoderLevel][]*zstd.Encoder)
	}
	z.idle[lvl] = append(z.idle[lvl], enc)
}
