package output

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/govreports/govreports/schemas"
)

func TestZZSlow(t *testing.T) {
	for _, p := range []string{"/tmp/slow0.parquet", "/tmp/slow1.parquet"} {
		data, _ := os.ReadFile(p)
		done := make(chan struct{})
		start := time.Now()
		go func() {
			empty := reflect.MakeSlice(reflect.SliceOf(schemas.Sentences.Row), 0, 0)
			_, err := readParquet(context.Background(), bytesFile{bytes.NewReader(data)}, schemas.Sentences, empty)
			t.Log(p, time.Since(start), err)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			buf := make([]byte, 1<<22)
			n := runtime.Stack(buf, true)
			os.WriteFile("/tmp/stack.txt", buf[:n], 0o644)
			t.Fatalf("slow %s", p)
		}
	}
}
