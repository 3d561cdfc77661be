package pdftext

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

const (
	// poolSize bounds the PDFium instances alive at once: reports are read
	// one input at a time, so a second instance only serves concurrent
	// callers, and each holds a PDF's bytes and its parsed pages.
	poolSize = 2
	// memoryLimitPages bounds one instance's WebAssembly memory in 64 KiB
	// pages (1 GiB): a hostile PDF's allocations fail there, in an error.
	memoryLimitPages = 16384
)

// Engine is a pool of PDFium instances, started on first use. The zero
// Engine is ready to use.
type Engine struct {
	// CacheDir keeps wazero's compiled code across processes; "" is
	// os.UserCacheDir()/govreports/pdfium.
	CacheDir string

	mu    sync.Mutex
	pool  pdfium.Pool
	cache string // the cache directory in use; "" when none could be used
	err   error  // why the start failed: not retried, each try costs seconds
}

// shared is the engine of the package's functions: one pool per process.
var shared Engine

// Started tells whether the shared engine has been started, which only
// reading a PDF does.
func Started() bool {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	return shared.pool != nil
}

// CacheDir is the directory where the shared engine keeps its compiled code:
// "" before it started, or when no cache directory could be used (the engine
// then compiles PDFium at every start).
func CacheDir() string {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	return shared.cache
}

// start starts the pool once; later calls return it.
func (e *Engine) start() (pdfium.Pool, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.pool != nil || e.err != nil {
		return e.pool, e.err
	}
	cfg := wazero.NewRuntimeConfig().
		// go-pdfium's PDFium lowers setjmp/longjmp to exception handling:
		// without that feature the module does not compile.
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(memoryLimitPages)
	// No WithCloseOnContextDone: its checks make PDFium 3–4 times slower;
	// a cancelled run stops between pages instead.
	if cache, dir := compilationCache(e.CacheDir); cache != nil {
		cfg = cfg.WithCompilationCache(cache)
		e.cache = dir
	}
	e.pool, e.err = webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       poolSize,
		MaxTotal:      poolSize,
		RuntimeConfig: cfg,
		// PDFium reads only the bytes it is given: no file system.
		FSConfig: wazero.NewFSConfig(),
		Stdout:   io.Discard,
		Stderr:   io.Discard,
		// An instance keeps its memory at its largest PDF's size: reuse is
		// much cheaper than instantiating PDFium for every PDF, and a broken
		// instance is killed, not returned.
		ReuseWorkers: true,
	})
	if e.err != nil {
		e.err = fmt.Errorf("starting PDFium: %w", e.err)
	}
	return e.pool, e.err
}

// compilationCache is wazero's cache of compiled code in dir (default: the
// user's cache directory). Without a usable directory (no home, read-only)
// it is nil: the engine works, compiling PDFium at every start.
func compilationCache(dir string) (wazero.CompilationCache, string) {
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, ""
		}
		dir = filepath.Join(base, "govreports", "pdfium")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, ""
	}
	cache, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		return nil, ""
	}
	return cache, dir
}

// Close stops the engine's instances; the next use starts it again.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.pool == nil {
		return nil
	}
	err := e.pool.Close()
	e.pool, e.err = nil, nil
	if err != nil {
		return fmt.Errorf("stopping PDFium: %w", err)
	}
	return nil
}

// instance borrows an instance of the pool, waiting while all are busy.
func (e *Engine) instance(ctx context.Context) (pdfium.Pdfium, error) {
	pool, err := e.start()
	if err != nil {
		return nil, err
	}
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("PDFium instance: %w", err)
	}
	return inst, nil
}
