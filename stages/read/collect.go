package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/govreports/govreports/stages/read/meta"
)

// splitter turns documents into reports, reads each one's metadata and
// hands it to emit.
type splitter struct {
	opts Options
	emit func(*Report) error
}

// opensWithin is how many non-blank lines after a bare title inside a report
// may hold the dateline or the opening (各位代表) that make it the start of
// another report: a speaker line and a line of chrome may come between.
const opensWithin = 6

// candidate is a bare title line inside a report (2025年某县政府工作报告 with
// no running number), held back with the lines after it until they tell
// whether it starts another report.
type candidate struct {
	line  Line
	title string
	after []Line
	seen  int // non-blank lines in after
}

// splitting is the state of one document's split.
type splitting struct {
	splitter
	d     document
	cur   *Report
	size  int  // bytes of cur's text
	ended bool // cur's text ended (相关报道 …): lines are dropped up to the next title
	cand  *candidate
}

// split gathers a document's lines into reports. A file holds one report per
// numbered title line (2.北京市政府工作报告), or per bare title line followed by
// its own dateline or opening; a table row is one report, whose first line
// may be its title. Page chrome is left out.
func (s splitter) split(ctx context.Context, d document) error {
	sp := &splitting{splitter: s, d: d}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		l, err := d.lines()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if err := sp.line(l); err != nil {
			return err
		}
	}
	if err := sp.expire(); err != nil {
		return err
	}
	return sp.flush()
}

func (sp *splitting) line(l Line) error {
	if rest, ok := unstamp(l.Text); ok {
		if rest == "" {
			return nil
		}
		l.Text = rest
	}
	// Chrome first: a breadcrumb (首页 > … > 政府工作报告) is no title.
	kind := chromeOf(l.Text)
	if kind == chromeLine {
		return nil
	}
	first := sp.cur == nil || (sp.cur.Title == "" && !hasText(sp.cur.Lines))
	if !sp.d.row || first {
		if title, ok := meta.TitleOf(l.Text, first); ok {
			if err := sp.expire(); err != nil {
				return err
			}
			return sp.start(l, title)
		}
		if title, ok := meta.TitleOf(l.Text, true); ok && !sp.d.row {
			if err := sp.expire(); err != nil {
				return err
			}
			sp.cand = &candidate{line: l, title: title}
			return nil
		}
	}
	if c := sp.cand; c != nil {
		if kind != chromeEnd {
			c.after = append(c.after, l)
			if strings.TrimSpace(l.Text) == "" {
				return nil
			}
			if c.seen++; opensReport(l.Text) {
				return sp.confirm()
			}
			if c.seen < opensWithin {
				return nil
			}
		}
		if err := sp.expire(); err != nil || kind != chromeEnd {
			return err
		}
	}
	return sp.text(l, kind)
}

// opensReport tells the lines that follow a report's title: its dateline and
// the opening address.
func opensReport(text string) bool {
	if _, ok := meta.ParseDateline(text); ok {
		return true
	}
	return strings.HasPrefix(meta.Compact(text), "各位代表")
}

// hasOpening tells whether lines hold a report's opening.
func hasOpening(lines []Line) bool {
	for _, l := range lines {
		if opensReport(l.Text) {
			return true
		}
	}
	return false
}

// start begins a report at its title line.
func (sp *splitting) start(l Line, title string) error {
	if err := sp.flush(); err != nil {
		return err
	}
	sp.cur = sp.report(l, title)
	sp.size, sp.ended = 0, false
	return nil
}

// report is a report of the document starting at line l.
func (sp *splitting) report(l Line, title string) *Report {
	return &Report{Source: sp.d.name, SourceLine: l.No, Title: title, Hints: sp.d.hints, Wrapped: sp.d.wrapped}
}

// confirm starts a report at the candidate title, with the lines held since
// it, when the current report has opened itself (a dateline, 各位代表): a
// title below a page's header, its site label or chrome is the same
// report's.
func (sp *splitting) confirm() error {
	c := sp.cand
	sp.cand = nil
	if !hasOpening(sp.cur.Lines) {
		return sp.replay(c)
	}
	if err := sp.start(c.line, c.title); err != nil {
		return err
	}
	for _, l := range c.after {
		if err := sp.add(l); err != nil {
			return err
		}
	}
	return nil
}

// expire gives up a candidate whose title no dateline or opening followed:
// its lines are text as any other.
func (sp *splitting) expire() error {
	c := sp.cand
	if c == nil {
		return nil
	}
	sp.cand = nil
	return sp.replay(c)
}

func (sp *splitting) replay(c *candidate) error {
	for _, l := range append([]Line{c.line}, c.after...) {
		if err := sp.text(l, chromeOf(l.Text)); err != nil {
			return err
		}
	}
	return nil
}

// text adds a line of text to the current report, unless its text ended.
func (sp *splitting) text(l Line, kind chromeKind) error {
	if sp.ended {
		return nil
	}
	if kind == chromeEnd {
		sp.ended = true
		return nil
	}
	if sp.cur == nil {
		sp.cur = sp.report(l, "")
	}
	return sp.add(l)
}

// add appends a line to the current report, within the size a report can have.
func (sp *splitting) add(l Line) error {
	sp.cur.Lines = append(sp.cur.Lines, l)
	sp.size += len(l.Text) + 1
	if max := sp.opts.maxReportBytes(); sp.size > max {
		return lineError(sp.cur.Source, sp.cur.SourceLine, fmt.Errorf("report %q: more than %d MB of text, which no report has: not a report, or reports the reader did not tell apart (raise the bound with --max-report-mb)",
			sp.cur.displayTitle(), max>>20))
	}
	return nil
}

func (sp *splitting) flush() error {
	cur := sp.cur
	sp.cur = nil
	if cur == nil || !hasText(cur.Lines) {
		return nil
	}
	if err := cur.finish(sp.opts); err != nil {
		return err
	}
	return sp.emit(cur)
}

func hasText(lines []Line) bool {
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			return true
		}
	}
	return false
}
