package meta

import (
	"fmt"
	"log/slog"
)

// pickYear takes the year of the strongest clue: what the text states (the
// dateline, the title), else what its structure says (the review and plan
// headings, how the review and the plan open), else what stands beside it
// (a scraper's header, a table row, the file name, the folders, --year). A
// disagreement of a weaker clue that stands beside the text, or of the
// title, is a warning.
func (r *resolver) pickYear(ev *evidence) error {
	years := sorted(ev.years)
	if len(years) == 0 || strength[years[0].source] > strength[FromTitle] {
		// The body is read only when the dateline and title are silent.
		s := r.scanned()
		if y, line, conflict := s.headingYear(); y != 0 {
			ev.years = append(ev.years, clue{source: FromHeading, year: y, line: line})
			if conflict.year != 0 {
				r.note(slog.LevelWarn, conflict.line, fmt.Sprintf("line %d: a plan heading of %d, though the review heading of line %d makes the report's year %d", conflict.line, conflict.year, line, y))
			}
		}
		if y, line, where := s.openingsYear(); y != 0 {
			ev.years = append(ev.years, clue{source: FromOpenings, year: y, line: line, where: where})
		}
		years = sorted(ev.years)
	}
	if len(years) == 0 {
		return r.refuse("cannot tell its year: no dateline, no year in the title or a header line, no dated review or plan heading, " +
			"no dated opening of the review (2023年，…) or the plan (2024年是…之年), no year column, none in the file name or its folders; name it with --year")
	}
	best := years[0]
	r.m.Year, r.m.YearSource = best.year, best.source
	for _, c := range years[1:] {
		if c.year != best.year && (c.source.beside() || c.source == FromTitle) {
			r.note(slog.LevelWarn, c.line, fmt.Sprintf("the %s says the year is %d, the %s says %d; using %d", c.describe(), c.year, best.describe(), best.year, best.year))
		}
	}
	if best.source.beside() && best.source != FromFlag && best.source != FromRow {
		r.note(slog.LevelInfo, best.line, fmt.Sprintf("year %d taken from the %s", best.year, best.describe()))
	}
	return nil
}
