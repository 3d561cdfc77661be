package runreport

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"strconv"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
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
	"chart":     chart,
	"indicator": indicatorLabel,
	"bytes":     humanBytes,
}).Parse(pageTemplate))

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

// Chart geometry, in SVG user units (pixels at 100%): the chart fits the
// page's 1,100-pixel content width.
const (
	chartWidth  = 900
	labelWidth  = 110
	valueWidth  = 150
	barHeight   = 16
	barGap      = 6
	chartTop    = 24
	chartBottom = 8
)

// svgChart is a year's GDP chart laid out for the template.
type svgChart struct {
	Width, Height int
	Bars          []svgBar
	Ticks         []svgTick
}

type svgBar struct {
	Y              int
	Region         string
	X, W           float64 // the bar up to the value
	EndX           float64 // X + W
	RangeW         float64 // the part of a range above the value, drawn lighter
	Label          string
	LabelX         float64
	Open           bool // 以上: the target is a floor, drawn with an open end
	About          bool // 左右: drawn dashed
	TextY, RegionY int
}

type svgTick struct {
	X     float64
	Label string
}

// chart lays out the bars of a year's GDP targets on a common scale.
func chart(y Year) svgChart {
	plot := float64(chartWidth - labelWidth - valueWidth)
	// Positions to a tenth of a pixel: enough for the eye, short in the file.
	scale := func(v float64) float64 {
		if y.ChartScale <= 0 {
			return 0
		}
		return math.Round(plot*v/y.ChartScale*10) / 10
	}
	c := svgChart{Width: chartWidth, Height: chartTop + len(y.Chart)*(barHeight+barGap) + chartBottom}
	for i, b := range y.Chart {
		top := chartTop + i*(barHeight+barGap)
		w := scale(b.Value)
		bar := svgBar{
			Y: top, Region: b.Region, X: labelWidth, W: w, RangeW: scale(b.ValueMax) - w,
			Label: b.Label, Open: b.Comparator == schemas.AtLeast, About: b.Comparator == schemas.About,
			TextY: top + barHeight - 3, RegionY: top + barHeight - 3,
		}
		bar.EndX = labelWidth + w
		bar.LabelX = bar.EndX + bar.RangeW + 6
		if bar.Open {
			bar.LabelX += 10
		}
		c.Bars = append(c.Bars, bar)
	}
	for v := 0; float64(v) <= y.ChartScale; v++ {
		c.Ticks = append(c.Ticks, svgTick{X: labelWidth + scale(float64(v)), Label: strconv.Itoa(v) + "%"})
	}
	return c
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
