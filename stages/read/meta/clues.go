package meta

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
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

// The opening address: 我代表国务院, 我代表省人民政府, 我代表呼伦贝尔市人民政府, 受区人民政府委托.
var onBehalf = regexp.MustCompile(`(?:我代表|受)(国务院|\p{Han}{0,20}?政府)`)

// clue is one statement of the year or the region and where it was read.
type clue struct {
	source Source
	line   int    // 0 when not from a line of the text
	year   int    // year clues
	name   string // region clues: the text that names the region
	kind   bool   // name is only the kind of government (省, 市, 区)
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

// addTitle adds what a title (or a row's title column) states: its year, and
// its region or the meeting it names (在第一届全国人民代表大会第一次会议上的政府工作报告).
func (e *evidence) addTitle(t string, src Source, line int) {
	y, rest := splitTitle(t)
	if y != 0 {
		e.years = append(e.years, clue{source: src, year: y, line: line})
	}
	c := meetingClue(strings.TrimPrefix(rest, "在"), line)
	c.source = src
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
	if r.in.Title != "" {
		ev.addTitle(r.in.Title, FromTitle, r.in.TitleLine)
	}
	if err := r.opening(ev); err != nil {
		return nil, err
	}
	if h := r.in.Hints; h != (Hints{}) {
		if h.Title != "" {
			ev.addTitle(h.Title, FromRow, 0)
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
	ev.nearby.WriteString(filepath.Base(r.in.Source))
	return ev, nil
}

// opening reads the lines after the title: the dateline, the meeting and the
// speaker on short lines of their own, and the opening address.
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
		// opening are not matched against them.
		if seen <= metaLines && len(t) <= maxMetaLine {
			ev.nearby.WriteString(Compact(t))
			ev.nearby.WriteByte('\n')
			if r.m.MeetingDate == "" {
				if d, ok := ParseDateline(t); ok {
					if d.meetingBroken {
						// A meeting broken across lines: …在广东省第十四届 / 人民代表大会第五次会议上.
						if j, next := nextText(lines, i); j > 0 && utf8.RuneCountInString(next) < 40 && strings.HasSuffix(strings.TrimSuffix(Compact(next), "上"), "会议") {
							d.Meeting += strings.TrimSuffix(Compact(next), "上")
							i = j
						}
					}
					if err := r.dated(ev, d, no); err != nil {
						return err
					}
					continue
				}
			}
			if r.m.Meeting == "" {
				if m := meetingRe.FindStringSubmatch(Compact(t)); m != nil {
					r.m.Meeting = m[1]
					ev.regions = append(ev.regions, meetingClue(r.m.Meeting, no))
					continue
				}
			}
			if place, role, name, ok := speakerLine(t); ok && r.m.Speaker == "" {
				r.m.SpeakerRole, r.m.Speaker = role, name
				switch {
				case strings.Contains(role, "国务院") || strings.Contains(role, "政务院"):
					ev.regions = append(ev.regions, clue{source: FromSpeaker, name: "国务院", line: no})
				case place != "":
					ev.regions = append(ev.regions, clue{source: FromSpeaker, name: place, line: no})
				}
				continue
			}
		}
		if spoken || !(strings.Contains(t, "我代表") || strings.Contains(t, "委托")) {
			continue
		}
		if m := onBehalf.FindStringSubmatch(t); m != nil {
			// 我代表省人民政府 names no region but its kind, checked against weaker sources.
			if name := strings.TrimSuffix(strings.TrimSuffix(m[1], "政府"), "人民"); name != "" {
				ev.regions = append(ev.regions, clue{source: FromText, name: name, line: no, kind: levelWords[name]})
				spoken = true
			}
		}
	}
	return nil
}

// dated keeps a dateline: its date, its meeting, and the year it gives.
func (r *resolver) dated(ev *evidence, d Dateline, no int) error {
	if err := r.setDate(d, no); err != nil {
		return err
	}
	year := d.Year
	if d.Month == 12 {
		// A congress held in December hears the report of the year to come.
		if y, _ := yearFromHeadings(r.in.Lines); y == year+1 {
			year = y
			r.note(slog.LevelInfo, no, fmt.Sprintf("line %d: dateline of December %d; the headings speak of %d, the report's year", no, d.Year, y))
		}
	}
	ev.years = append(ev.years, clue{source: FromDateline, year: year, line: no})
	if r.m.Meeting != "" {
		ev.regions = append(ev.regions, meetingClue(r.m.Meeting, no))
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
