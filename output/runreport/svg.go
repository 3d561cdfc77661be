package runreport

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/govreports/govreports/schemas"
)

// Chart geometry, in SVG user units (pixels at 100%). The chart is as wide
// as the page's content at 1,280 pixels and scales down with it (in print,
// on a phone), so nothing runs off the page.
const (
	svgWidth   = 1040
	rowHeight  = 18
	barHeight  = 12
	chartTop   = 34 // year labels, then tick labels, above the first row
	cellPad    = 4
	labelFont  = 11 // px, the cells' labels
	regionFont = 12
	maxRegionW = 150 // px for the names of the regions: the longest (自治州) are shortened
	minTickGap = 30  // px between tick labels
	maxTicks   = 10  // per column: more is noise
)

// svgChart is a Chart laid out for the template.
type svgChart struct {
	Width, Height int
	Years         []svgText
	Ticks         []svgText
	Grid          []float64 // x of the tick lines
	Seps          []float64 // x of the lines between years
	Stripes       []int     // y of the shaded rows
	Rows          []svgRow
}

type svgText struct {
	X     float64
	Label string
}

type svgRow struct {
	RegionX, TextY float64
	Region         string // the name, shortened to fit
	Name           string
	Cells          []svgCell
}

type svgCell struct {
	Title          string // the cell's full text, shown on hover
	X, Y, W        float64
	RangeW, EndX   float64 // a range's lighter part, after the bar
	LabelX         float64
	Label          string
	Bar, Words     bool
	About, Open    bool // 左右: dashed; 以上: an open end
	Ceiling, Other bool // 以内: an end bar; set against another region: another colour
}

// layout places a chart's rows, years and ticks: a column per year of the
// same width, the same axis in every column.
func layout(c Chart) svgChart {
	regionW := 0.0
	for _, r := range c.Rows {
		regionW = math.Max(regionW, textWidth(r.Region, regionFont))
	}
	regionW = math.Min(math.Max(regionW+10, 48), maxRegionW)
	colW := (svgWidth - regionW) / float64(len(c.Years))
	labelW := 0.0
	for _, r := range c.Rows {
		for _, t := range r.Cells {
			if t.Bar {
				labelW = math.Max(labelW, textWidth(t.Label, labelFont))
			}
		}
	}
	labelW = math.Min(labelW+14, colW*0.6) // the open end's chevron and a gap
	barArea := colW - labelW - 2*cellPad
	end, step := axis(c.Max, barArea)
	scale := func(v float64) float64 {
		if end <= 0 || v <= 0 {
			return 0
		}
		return round1(barArea * math.Min(v, end) / end)
	}

	s := svgChart{Width: svgWidth, Height: chartTop + len(c.Rows)*rowHeight + 4}
	for j, y := range c.Years {
		x0 := regionW + float64(j)*colW
		if j > 0 {
			s.Seps = append(s.Seps, round1(x0))
		}
		s.Years = append(s.Years, svgText{X: round1(x0 + colW/2), Label: fmt.Sprint(y)})
		for k := 0.0; step > 0 && k*step <= end*(1+1e-9); k++ {
			v := k * step
			x := round1(x0 + cellPad + scale(v))
			s.Grid = append(s.Grid, x)
			s.Ticks = append(s.Ticks, svgText{X: x, Label: tickLabel(v, step, c.Unit)})
		}
	}
	for i, r := range c.Rows {
		top := float64(chartTop + i*rowHeight)
		if i%2 == 1 {
			s.Stripes = append(s.Stripes, int(top))
		}
		row := svgRow{RegionX: regionW - 6, TextY: top + rowHeight - 5, Region: fit(r.Region, regionW-10, regionFont), Name: r.Region}
		for j, t := range r.Cells {
			if t.Label == "" {
				continue
			}
			x0 := round1(regionW + float64(j)*colW + cellPad)
			cell := svgCell{Title: fmt.Sprintf("%s %d: %s", r.Region, c.Years[j], t.Text), X: x0, Y: top + (rowHeight-barHeight)/2, Label: t.Label, LabelX: x0}
			if t.Bar {
				cell.Bar, cell.W = true, scale(t.Value)
				cell.RangeW = round1(scale(t.ValueMax) - cell.W)
				cell.EndX = round1(x0 + cell.W)
				cell.About = t.Comparator == schemas.About
				cell.Open = t.Comparator == schemas.AtLeast
				cell.Ceiling = t.Comparator == schemas.AtMost
				cell.Other = t.Comparator == schemas.Relative
				cell.LabelX = round1(x0 + scale(t.ValueMax) + 4)
				if cell.Open {
					cell.LabelX += 9
				}
			} else {
				cell.Words = true
			}
			row.Cells = append(row.Cells, cell)
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

// axis is the right end of an axis of width pixels that shows values up
// to max, and the step between its labelled ticks: the end is the first
// round number past max at a tenth of it or finer, the step a round number
// (1, 2 or 5 times a power of ten) that keeps the labels minTickGap apart.
func axis(max, width float64) (end, step float64) {
	if max <= 0 || width <= 0 {
		return 0, 0
	}
	fine := roundUp(max / maxTicks)
	end = (math.Floor(max/fine) + 1) * fine
	return end, math.Max(fine, roundUp(end*minTickGap/width))
}

// roundUp is the smallest of 1, 2 or 5 times a power of ten not below x.
func roundUp(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// tickLabel writes an axis value in the chart's unit: 5%, 20万 (people).
func tickLabel(v, step float64, unit string) string {
	switch {
	case unit == "percent":
		return number(round1(v)) + "%"
	case unit == "person" && step >= 1e4:
		return number(v/1e4) + "万"
	}
	return number(v)
}

// fit shortens s with an ellipsis to at most width pixels at a font size.
func fit(s string, width, px float64) string {
	if textWidth(s, px) <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 && textWidth(string(rs), px)+px > width {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// textWidth estimates the width of s in pixels at a font size: a CJK
// character is an em, a Latin letter or digit about 0.6 of one.
func textWidth(s string, px float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= 0x2e80:
			w += px
		case r == ' ':
			w += 0.3 * px
		case r < utf8.RuneSelf:
			w += 0.6 * px
		default: // ≈ ≥ – and other symbols
			w += 0.7 * px
		}
	}
	return w
}
