package runreport

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"

	"github.com/govreports/govreports/output"
)

// Key is where the page lives in a dataset; TimingKey holds the timing of the
// run that committed it.
const (
	Key       = "_report/index.html"
	TimingKey = "_report/run.json"
)

// Timing is when the run that committed the dataset ran and how long it took.
type Timing struct {
	Command   string  `json:"command"` // run or commit
	StartedAt string  `json:"started_at"`
	Seconds   float64 `json:"seconds"`
}

//go:embed page.html.tmpl
var pageTemplate string

var tmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"chart":     layout,
	"indicator": indicatorLabel,
	"bytes":     humanBytes,
	"count": func(n any, noun string) (string, error) {
		return withInt(n, func(n int64) string { return count(n, noun) })
	},
	"noun": func(n any, noun string) (string, error) {
		return withInt(n, func(n int64) string { return nounFor(n, noun) })
	},
	"thousands": func(n any) (string, error) { return withInt(n, thousands[int64]) },
	"add":       func(a, b int) int { return a + b },
	"last":      func(ys []int16) int16 { return ys[len(ys)-1] },
	"share":     share,
}).Parse(pageTemplate))

// withInt calls f with a count of the page's data, whatever its integer
// type, for the template's functions.
func withInt(n any, f func(int64) string) (string, error) {
	switch n := n.(type) {
	case int:
		return f(int64(n)), nil
	case int16:
		return f(int64(n)), nil
	case int32:
		return f(int64(n)), nil
	case int64:
		return f(n), nil
	}
	return "", fmt.Errorf("not a count: %v (%T)", n, n)
}

// Render lays the page out as one self-contained HTML document.
func Render(p *Page) ([]byte, error) {
	var b bytes.Buffer
	if err := tmpl.Execute(&b, p); err != nil {
		return nil, fmt.Errorf("run report: render: %w", err)
	}
	return b.Bytes(), nil
}

// Write builds the page of the committed dataset at out and stores it at
// out/_report/index.html (atomically, like every object of a dataset). A run
// that just committed passes its timing, which is kept beside the page
// (_report/run.json) so that a rebuild shows it too; nil keeps what is there.
func Write(ctx context.Context, out string, timing *Timing) error {
	if timing != nil {
		b, err := json.MarshalIndent(timing, "", "  ")
		if err != nil {
			return fmt.Errorf("run report: %w", err)
		}
		if err := output.PutObject(ctx, out, TimingKey, append(b, '\n')); err != nil {
			return fmt.Errorf("run report: %w", err)
		}
	}
	p, err := Build(ctx, out)
	if err != nil {
		return err
	}
	html, err := Render(p)
	if err != nil {
		return err
	}
	if err := output.PutObject(ctx, out, Key, html); err != nil {
		return fmt.Errorf("run report: %w", err)
	}
	return nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
