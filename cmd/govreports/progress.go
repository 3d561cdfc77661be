package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/govreports/govreports/pipeline"
)

// progressLine shows a run's progress on a terminal's stderr as one line
// rewritten in place (reports read, rows written, elapsed). Log lines go
// through it, so that each first clears the progress line.
type progressLine struct {
	mu    sync.Mutex
	w     io.Writer
	shown bool
}

// progressEvery is how often the line is redrawn.
const progressEvery = 200 * time.Millisecond

func newProgressLine(w io.Writer) *progressLine { return &progressLine{w: w} }

// Write writes a log line, clearing the progress line first.
func (p *progressLine) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	return p.w.Write(b)
}

func (p *progressLine) erase() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

func (p *progressLine) draw(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, "\r\x1b[K"+line)
	p.shown = true
}

// clear removes the progress line.
func (p *progressLine) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
}

// start redraws the line from c until stop is called.
func (p *progressLine) start(c *pipeline.Progress) (stop func()) {
	begin := time.Now()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				p.draw(progressText(c.Reports.Load(), c.Rows.Load(), time.Since(begin)))
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		p.clear()
	}
}

func progressText(reports, rows int64, elapsed time.Duration) string {
	return fmt.Sprintf("%d reports · %s rows · %.1f s", reports, thousands(rows), elapsed.Seconds())
}

// thousands writes n with thousands separators (4,073,311).
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
