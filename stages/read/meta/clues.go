package meta

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/region"
)

// metaLines is how many non-empty lines after the title may hold the
// dateline, meeting and speaker (page chrome may come first), and
// maxMetaLine how long such a line may be; openingLines is how many may hold
// the 我代表…政府 of the opening address.
const (
	metaLines    = 16
	maxMetaLine  = 300 // bytes
	openingLines = 20
)

// The opening address: 我代表国务院, 我代表省人民政府, 我代表呼伦贝尔市人民政府,
// 受区人民政府委托, 我代表盟行政公署.
var onBehalf = regexp.MustCompile(`(?:我代表|受)(国务院|\p{Han}{0,20}?(?:政府|行政公署|行署))`)

// clue is one statement of the year or the region and where it was read.
type clue struct {
	source Source
	line   int    // 0 when not from a line of the text
	year   int    // year clues
	name   string // region clues: the text that names the region
	kind   bool   // name is only the kind of government (省, 市, 区)
	where  string // what of the source said it: the header's label, the folder, review or plan
	// reg is the region a clue names when it was read as one (the divisions
	// the body names), not as text to look up.
	reg *region.Region
}

// evidence is every statement of a report's year and region.
type evidence struct {
	years, regions []clue
	// nearby is the text around the title, where a parent of an ambiguous
	// name may stand (南京市 beside 鼓楼区).
	nearby strings.Builder
}

// sorted returns clues strongest first, in reading order within a source.
func sorted(clues []clue) []clue {
	slices.SortStableFunc(clues, func(a, b clue) int { return strength[a.source] - strength[b.source] })
	return clues
}

// addTitle adds what a title (or a row's title column, or a scraper's
// 标题： header) states: its year, and its region or the meeting it names
// (在第一届全国人民代表大会第一次会议上的政府工作报告).
func (e *evidence) addTitle(t string, src Source, line int, where string) {
	y, rest := splitTitle(t)
	if y != 0 {
		e.years = append(e.years, clue{source: src, year: y, line: line, where: where})
	}
	c := meetingClue(strings.TrimPrefix(rest, "在"), line)
	c.source, c.where = src, where
	e.regions = append(e.regions, c)
	e.nearby.WriteString(t)
}

func (e *evidence) addFlags(f Flags) {
	if f.Region != "" {
		e.regions = append(e.regions, clue{source: FromFlag, name: f.Region})
	}
	if f.Year != 0 {
		e.years = append(e.years, clue{source: FromFlag, year: f.Year})
	}
}

// gather reads every statement of the year and the region, and fills the
// dateline, meeting and speaker.
func (r *resolver) gather() (*evidence, error) {
	ev := &evidence{}
	if label, title, ok := headerOf(r.in.Title); ok && cueClass(label) == "header_title" {
		r.m.Title = Compact(title)
		ev.addTitle(r.m.Title, FromHeader, r.in.TitleLine, label+"：")
	} else if r.in.Title != "" {
		ev.addTitle(r.in.Title, FromTitle, r.in.TitleLine, "")
	}
	if err := r.opening(ev); err != nil {
		return nil, err
	}
	if h := r.in.Hints; h != (Hints{}) {
		if h.Title != "" {
			ev.addTitle(h.Title, FromRow, 0, "")
		}
		if h.Year != 0 {
			ev.years = append(ev.years, clue{source: FromRow, year: h.Year})
		}
		if h.Region != "" {
			ev.regions = append(ev.regions, clue{source: FromRow, name: h.Region})
			ev.nearby.WriteString(h.Region)
		}
	}
	fy, fr := fileNameClues(r.in.Source)
	ev.years = append(ev.years, fy...)
	ev.regions = append(ev.regions, fr...)
	dy, dr := folderClues(r.in.Source)
	ev.years = append(ev.years, dy...)
	ev.regions = append(ev.regions, dr...)
	ev.nearby.WriteString(filepath.Base(r.in.Source))
	return ev, nil
}

// opening reads the lines after the title: the dateline, the meeting, the
// speaker and a scraper's header lines on short lines of their own, and the
// opening address.
func (r *resolver) opening(ev *evidence) error {
	lines := r.in.Lines
	seen, spoken := 0, false
	for i := 0; i < len(lines) && seen < openingLines; i++ {
		t := strings.TrimSpace(lines[i].Text)
		if t == "" {
			continue
		}
		seen++
		no := lines[i].No
		// Dateline, meeting and speaker are short lines; the paragraphs of the
		// opening are not matched against them, but for what stands before
		// 各位代表 where a page runs the report into one paragraph.
		short := t
		if len(short) > maxMetaLine {
			short, _, _ = strings.Cut(t, "各位代表")
		}
		if seen <= metaLines && short != "" && len(short) <= maxMetaLine {
			if ok, err := r.metaLine(ev, lines, &i, short, no); err != nil {
				return err
			} else if ok {
				continue
			}
		}
		if spoken || !(strings.Contains(t, "我代表") || strings.Contains(t, "委托")) {
			continue
		}
		if m := onBehalf.FindStringSubmatch(t); m != nil {
			// 我代表省人民政府 names no region but its kind, checked against weaker sources.
			name := m[1]
			for _, s := range []string{"政府", "人民", "行政公署", "行署"} {
				name = strings.TrimSuffix(name, s)
			}
			if name != "" {
				ev.regions = append(ev.regions, clue{source: FromText, name: name, line: no, kind: levelWords[name]})
				spoken = true
			}
		}
	}
	return nil
}

// metaLine reads a short line of the opening as a dateline, a meeting, a
// speaker line or a header line, and tells whether it was one; a dateline
// that is no calendar date is an error. i moves past a line it takes too.
func (r *resolver) metaLine(ev *evidence, lines []Line, i *int, t string, no int) (bool, error) {
	ev.nearby.WriteString(Compact(t))
	ev.nearby.WriteByte('\n')
	if r.m.MeetingDate == "" {
		if d, ok := ParseDateline(t); ok {
			if d.meetingBroken {
				// A meeting broken across lines: …在广东省第十四届 / 人民代表大会第五次会议上.
				if j, next := nextText(lines, *i); j > 0 && utf8.RuneCountInString(next) < 40 && strings.HasSuffix(strings.TrimSuffix(Compact(next), "上"), "会议") {
					d.Meeting += strings.TrimSuffix(Compact(next), "上")
					*i = j
				}
			}
			return true, r.dated(ev, d, no)
		}
	}
	if r.m.Meeting == "" {
		if m := meetingRe.FindStringSubmatch(Compact(t)); m != nil {
			r.m.Meeting = m[1]
			ev.regions = append(ev.regions, meetingClue(r.m.Meeting, no))
			return true, nil
		}
	}
	if place, role, name, ok := speakerLine(t); ok && r.m.Speaker == "" {
		r.speaker(ev, FromSpeaker, "", place, role, name, no)
		return true, nil
	}
	return r.header(ev, t, no), nil
}

// speaker keeps the speaker and the region its office names; where is the
// header's label when a header line names the speaker.
func (r *resolver) speaker(ev *evidence, src Source, where, place, role, name string, no int) {
	r.m.SpeakerRole, r.m.Speaker = role, name
	switch {
	case strings.Contains(role, "国务院") || strings.Contains(role, "政务院"):
		ev.regions = append(ev.regions, clue{source: src, name: "国务院", line: no, where: where})
	case place != "":
		ev.regions = append(ev.regions, clue{source: src, name: place, line: no, where: where})
	}
}

// dated keeps a dateline: its date, its meeting, its speaker, and the year it gives.
func (r *resolver) dated(ev *evidence, d Dateline, no int) error {
	if err := r.setDate(d, no); err != nil {
		return err
	}
	year := d.Year
	if d.Month == 12 {
		// A congress held in December hears the report of the year to come.
		if y, _, _ := r.scanned().headingYear(); y == year+1 {
			year = y
			r.note(slog.LevelInfo, no, fmt.Sprintf("line %d: dateline of December %d; the headings speak of %d, the report's year", no, d.Year, y))
		}
	}
	ev.years = append(ev.years, clue{source: FromDateline, year: year, line: no})
	if r.m.Meeting != "" {
		ev.regions = append(ev.regions, meetingClue(r.m.Meeting, no))
	}
	if d.SpeakerRole != "" && r.m.Speaker == "" {
		r.speaker(ev, FromSpeaker, "", d.SpeakerPlace, d.SpeakerRole, d.Speaker, no)
	}
	return nil
}

func nextText(lines []Line, i int) (int, string) {
	for j := i + 1; j < len(lines); j++ {
		if t := strings.TrimSpace(lines[j].Text); t != "" {
			return j, t
		}
	}
	return 0, ""
}
