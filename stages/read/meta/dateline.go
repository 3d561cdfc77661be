package meta

import (
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"
)

var (
	// Dateline, spaces removed: ——2024年1月21日在北京市第十六届人民代表大会第二次会议上,
	// with one dash, several, none, or brackets; digits or Chinese numerals; after
	// the title on the same line in some old reports.
	datelineRe = regexp.MustCompile(`^(?:\S{0,30}政府工作报告)?[（(]?[—–\-－─―]*[（(]?(\d{4,}|` + yearDigits + `)年(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})日)?(在?)(.*?)[)）]?$`)
	// The meeting on a line of its own: ——在海拉尔区第十四届人民代表大会第二次会议上.
	meetingRe = regexp.MustCompile(`^[（(]?[—–\-－─―]*在(.+?(?:会议|大会))上?[)）]?$`)
)

// Dateline is what a dateline says.
type Dateline struct {
	YearText         string // the year as written (22024 keeps its slip)
	Year, Month, Day int    // Year is the last four digits of a longer YearText; Day is 0 when not written
	Repaired         bool   // YearText had more than four digits
	Meeting          string // …人民代表大会第…次会议, empty when the line names none
	// The speaker line run on after the meeting (…会议通过X市人民政府市长某某):
	// the place before the office ("" for 市人民政府市长), the office, the name.
	SpeakerPlace, SpeakerRole, Speaker string
	meetingBroken                      bool // the meeting goes on on the next line
}

// ParseDateline reads a dateline: ——2024年1月21日在北京市第十六届人民代表大会第二次会议上,
// ——２００９年３月５日…, 1 9 9 8 年 3 月 5 日, 二〇二六年一月二十日, 二O一一年…, with one
// dash, two, none or brackets, or the date a congress adopted the report
// (2015年4月20日某市第三届人民代表大会第六次会议通过), the speaker line maybe run
// on after it. ok is false for any other line; the date may still be no
// calendar date.
func ParseDateline(line string) (d Dateline, ok bool) {
	m := datelineRe.FindStringSubmatch(Compact(line))
	if m == nil {
		return d, false
	}
	d.YearText = m[1]
	digits := m[1]
	if len(digits) > 4 && digits[0] >= '0' && digits[0] <= '9' {
		digits, d.Repaired = digits[len(digits)-4:], true
	}
	y, yok := parseYear(digits)
	if !yok {
		return d, false
	}
	// After the date: nothing, 在…会议上, or a meeting named without 在 (2024年1月21日北京市…会议,
	// …会议通过); then maybe the speaker line. Anything else (2024年1月21日，全市…) is a
	// sentence, not a dateline.
	meeting, tail, named := strings.Cut(m[5], "会议")
	if named {
		meeting += "会议"
		for _, p := range []string{"审议通过", "通过", "批准", "上"} {
			if t, ok := strings.CutPrefix(tail, p); ok {
				tail = t
				break
			}
		}
		tail = strings.TrimLeft(tail, ")）") // （…会议通过）某市人民政府市长某某
	} else {
		meeting = strings.TrimSuffix(meeting, "上")
	}
	if m[4] == "" && meeting != "" && !named {
		return Dateline{}, false
	}
	// A month without a day dates a meeting named in full (2022年1月在…会议上); alone,
	// or before other words, it is no dateline.
	if m[3] == "" && !named {
		return Dateline{}, false
	}
	if tail != "" {
		place, role, name, ok := speakerRunOn(tail)
		if !ok && (m[4] == "" || strings.HasPrefix(tail, "的")) {
			return Dateline{}, false // 在…会议上的讲话 is a speech's title; words after a meeting named without 在, a sentence
		}
		d.SpeakerPlace, d.SpeakerRole, d.Speaker = place, role, name
	}
	d.Year, d.Month = y, parseSmall(m[2])
	if m[3] != "" {
		d.Day = parseSmall(m[3])
	}
	d.Meeting = meeting
	d.meetingBroken = meeting != "" && !named && m[4] != ""
	return d, true
}

// setDate keeps a dateline's date and meeting; a year of more than four
// digits (22024) is a slip whose last four digits are the year.
func (r *resolver) setDate(d Dateline, line int) error {
	if d.Repaired {
		// Info, not a warning: the slip is certain and its repair is kept in Warnings (the demo corpus has one).
		r.note(slog.LevelInfo, line, fmt.Sprintf("line %d: dateline year %s repaired to %d", line, d.YearText, d.Year))
	}
	if d.Meeting != "" {
		r.m.Meeting = d.Meeting
	}
	if d.Day == 0 && d.Month >= 1 && d.Month <= 12 {
		return nil // a month without a day: no date to keep
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	if d.Month < 1 || d.Day < 1 || t.Month() != time.Month(d.Month) || t.Day() != d.Day {
		return &Error{Line: line, Err: fmt.Errorf("dateline date %s年%d月%d日 is not a calendar date", d.YearText, d.Month, d.Day)}
	}
	r.m.MeetingDate = t.Format(time.DateOnly)
	return nil
}

// meetingClue names the region of a meeting: the 全国人民代表大会 is the nation's.
func meetingClue(meeting string, line int) clue {
	if strings.Contains(meeting, "全国人民代表大会") || strings.Contains(meeting, "全国人大") {
		return clue{source: FromMeeting, name: "国务院", line: line}
	}
	return clue{source: FromMeeting, name: meeting, line: line}
}
