package read

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/read/meta"
	"github.com/govreports/govreports/stages/region"
)

// Line is one line of a report's text with its place in the source. It is
// meta's type, which reads metadata from lines without depending on the readers.
type Line = meta.Line

// Hints are the metadata a table input gives in the columns of a report's row.
type Hints = meta.Hints

// Report is one government work report as read from its source.
type Report struct {
	Source      string        // path or URI of the input
	SourceLine  int           // line of the source where the title stands (1 when there is no title)
	Title       string        // title line without its running number, e.g. 北京市政府工作报告
	Year        int           // year of the report (from the dateline or the review heading)
	Region      region.Region // the region the report belongs to
	Meeting     string        // …人民代表大会第…次会议, empty when not stated
	MeetingDate string        // YYYY-MM-DD, empty when not stated
	SpeakerRole string        // 市长, 省长, 国务院总理 …
	Speaker     string
	Lines       []Line // the body: every line after the title, blank ones included
	// Wrapped tells that the lines are a printed page's (a PDF's): the page
	// width ended them, not the author, and Line.Wraps tells, from where
	// they stand on the page, which of them run on into the next.
	Wrapped bool

	// Hints are metadata an input states beside the text (the columns of a
	// table row); the text itself outranks them, the file name ranks below.
	Hints Hints
	// YearSource and RegionSource say where Year and Region were read.
	YearSource, RegionSource meta.Source
	// Warnings are what the reader repaired or inferred, for the reports table.
	Warnings []string
}

// finish reads the metadata of a report the splitter gathered, in three
// steps: a title among its first lines becomes its title, meta reads the
// rest, and a table row's title column stands for the title line the text
// lacks. Warnings are logged and kept.
func (r *Report) finish(opts Options) error {
	r.titleFromText()
	m, err := meta.Resolve(meta.Input{Source: r.Source, Title: r.Title, TitleLine: r.SourceLine, Lines: r.Lines, Hints: r.Hints, Flags: opts.flags()})
	if me := (*meta.Error)(nil); errors.As(err, &me) {
		return lineError(r.Source, me.Line, me.Err)
	}
	if err != nil {
		return err
	}
	if m.Title != "" {
		r.Title = m.Title
	}
	r.Year, r.YearSource, r.Region, r.RegionSource = m.Year, m.YearSource, m.Region, m.RegionSource
	r.Meeting, r.MeetingDate, r.SpeakerRole, r.Speaker = m.Meeting, m.MeetingDate, m.SpeakerRole, m.Speaker
	r.titleFromRow()
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	warnings := m.Warnings
	if w, ok := r.twoInOne(); ok {
		warnings = append(warnings, w)
	}
	for _, w := range warnings {
		line := w.Line
		if line == 0 {
			line = r.SourceLine
		}
		log.Log(context.Background(), w.Level, w.Text, "source", r.Source, "line", line, "title", r.displayTitle())
		r.Warnings = append(r.Warnings, w.Text)
	}
	return nil
}

// twoInOne warns about a report that holds what only two reports hold —
// two datelines, or two reviews of the past year, the second far past the
// first (a header restating the dateline is no second one) — when no title
// line told the splitter where the second starts: it is kept whole, and the
// warning names the lines.
func (r *Report) twoInOne() (meta.Warning, bool) {
	type mark struct{ no, at int } // line number, and place among the non-blank lines
	var datelines, reviews []mark
	at := 0
	for _, l := range r.Lines {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		// Cheap tests first: most lines are paragraphs, and a dateline has 年 and 月.
		if at++; len(l.Text) > 4*maxHeadingRunes || !strings.Contains(l.Text, "月") && !strings.Contains(l.Text, "回顾") {
			continue
		}
		t := meta.Compact(l.Text)
		if utf8.RuneCountInString(t) > maxHeadingRunes {
			continue
		}
		if _, ok := meta.ParseDateline(t); ok {
			datelines = append(datelines, mark{l.No, at})
		} else if strings.Contains(t, "工作回顾") {
			reviews = append(reviews, mark{l.No, at})
		}
	}
	for _, k := range []struct {
		what  string
		marks []mark
	}{{"datelines", datelines}, {"reviews of the past year", reviews}} {
		for _, m := range k.marks[min(1, len(k.marks)):] {
			if m.at-k.marks[0].at > apartLines {
				return meta.Warning{Level: slog.LevelWarn, Line: m.no, Text: fmt.Sprintf(
					"lines %d and %d are two %s: two reports in one? No title line tells where the second starts; kept whole", k.marks[0].no, m.no, k.what)}, true
			}
		}
	}
	return meta.Warning{}, false
}

// apartLines is how many non-blank lines past the first a second dateline or
// review stands when it is another report's, not the first restated.
const apartLines = 20

// maxHeadingRunes bounds a dateline or a heading: longer lines are paragraphs.
const maxHeadingRunes = 60

// titleFromText takes a title line that the splitter kept as text, below
// page chrome (下载 打印 全屏), for the report's title when it has none.
func (r *Report) titleFromText() {
	if r.Title != "" {
		return
	}
	if title, line, ok := meta.TitleAmong(r.Lines); ok {
		r.Title, r.SourceLine = title, line
	}
}

// titleFromRow lets a table row's title column stand for the title line the
// text lacks.
func (r *Report) titleFromRow() {
	if r.Title == "" {
		r.Title = meta.Compact(r.Hints.Title)
	}
}

func (r *Report) displayTitle() string {
	if r.Title == "" {
		return "(untitled)"
	}
	return r.Title
}
