package meta

import (
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Review and plan headings that tell the year when there is no dateline.
var (
	reviewHeading = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+、)?(\d{4})年.{0,12}(?:工作回顾|工作总结)`)
	planHeading   = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+、)?(?:关于|对)?(\d{4})年.{0,12}(?:工作|任务|目标|要求|安排|建议)`)
)

// pickYear takes the year of the strongest clue. The headings are read only
// when the dateline and title are silent: they take a pass over the text.
func (r *resolver) pickYear(ev *evidence) error {
	years := sorted(ev.years)
	if len(years) == 0 || strength[years[0].source] > strength[FromTitle] {
		if y, line := yearFromHeadings(r.in.Lines); y != 0 {
			years = append([]clue{{source: FromHeading, year: y, line: line}}, years...)
		}
	}
	if len(years) == 0 {
		return r.refuse("cannot tell its year: no dateline, no year in the title, no dated review or plan heading, no year column, none in the file name; name it with --year")
	}
	best := years[0]
	r.m.Year, r.m.YearSource = best.year, best.source
	for _, c := range years[1:] {
		if c.year != best.year && (c.source.beside() || c.source == FromTitle) {
			r.note(slog.LevelWarn, 0, fmt.Sprintf("the %s says the year is %d, the %s says %d; using %d", c.describe(), c.year, best.describe(), best.year, best.year))
		}
	}
	if best.source == FromFileName {
		r.note(slog.LevelInfo, 0, fmt.Sprintf("year %d taken from the file name", best.year))
	}
	return nil
}

// yearFromHeadings reads the year of a report from its review heading
// (2024年工作回顾 → 2025) or plan heading (2025年重点任务), with the line.
func yearFromHeadings(lines []Line) (int, int) {
	for _, l := range lines {
		if !strings.Contains(l.Text, "年") {
			continue
		}
		t := Compact(l.Text)
		if m := reviewHeading.FindStringSubmatch(t); m != nil {
			if y, ok := parseYear(m[1]); ok && y < maxYear {
				return y + 1, l.No
			}
		}
		if m := planHeading.FindStringSubmatch(t); m != nil && utf8.RuneCountInString(t) < 40 {
			if y, ok := parseYear(m[1]); ok {
				return y, l.No
			}
		}
	}
	return 0, 0
}
