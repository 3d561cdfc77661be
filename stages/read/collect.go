package read

import (
	"context"
	"errors"
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

// split gathers a document's lines into reports. A file holds one report
// per title line (…政府工作报告); a table row is one report, whose first line
// may be its title. Page chrome is left out.
func (s splitter) split(ctx context.Context, d document) error {
	var cur *Report
	ended := false // the current report's text ended (相关报道 …): drop lines up to the next title
	flush := func() error {
		if cur == nil || !hasText(cur.Lines) {
			return nil
		}
		if err := cur.finish(s.opts); err != nil {
			return err
		}
		return s.emit(cur)
	}
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
		// Chrome first: a breadcrumb (首页 > … > 政府工作报告) is no title.
		kind := chromeOf(l.Text)
		if kind == chromeLine {
			continue
		}
		first := cur == nil || (cur.Title == "" && !hasText(cur.Lines))
		if !d.row || first {
			if title, ok := meta.TitleOf(l.Text, first); ok {
				if err := flush(); err != nil {
					return err
				}
				cur = &Report{Source: d.name, SourceLine: l.No, Title: title, Hints: d.hints}
				ended = false
				continue
			}
		}
		if ended {
			continue
		}
		if kind == chromeEnd {
			ended = true
			continue
		}
		if cur == nil {
			cur = &Report{Source: d.name, SourceLine: l.No, Hints: d.hints}
		}
		cur.Lines = append(cur.Lines, l)
	}
	return flush()
}

func hasText(lines []Line) bool {
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			return true
		}
	}
	return false
}
