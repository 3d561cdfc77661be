package read

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
	"github.com/govreports/govreports/stages/region"
)

// Where a report's year and region were read, strongest first: what the text
// says outranks a table row's columns, which outrank the file name; the
// user's flags are the fallback for what nothing else says.
const (
	FromDateline = "dateline"
	FromTitle    = "title"
	FromMeeting  = "meeting"
	FromSpeaker  = "speaker"
	FromText     = "text"
	FromHeading  = "heading"
	FromRow      = "row"
	FromFileName = "file_name"
	FromFlag     = "flag"
)

// Years a report can have; anything else is a misreading, not a year.
const minYear, maxYear = 1949, 2100

// metaLines is how many non-empty lines after the title may hold the
// dateline, meeting and speaker (page chrome may come first), and
// maxMetaLine how long such a line may be; openingLines is how many may hold
// the 我代表…政府 of the opening address.
const (
	metaLines    = 16
	maxMetaLine  = 300 // bytes
	openingLines = 20
)

//go:embed roles.txt
var rolesTXT string

// roles are the speakers' offices, longest first so that 自治区人民政府主席 wins over 主席.
var roles = func() []string {
	rs := lexicon.Words(rolesTXT)
	slices.SortStableFunc(rs, func(a, b string) int { return len(b) - len(a) })
	return rs
}()

var (
	// A numbered title line of a file holding many reports: 2.北京市政府工作报告 (spaces removed).
	numberedTitle = regexp.MustCompile(`^\d{1,3}[.．、](\S{0,30}政府工作报告)$`)
	// The title of a file holding one report, on its first non-empty line.
	bareTitle = regexp.MustCompile(`^《?(\S{0,30}政府工作报告)》?(?:[（(](?:摘要|全文|节选|摘登)[）)])?$`)
	// A year written at the start of a title or file name: 2025年, 2009, 二〇二六年.
	leadingYear = regexp.MustCompile(`^(\d{4}|[〇○零Ｏ一二三四五六七八九]{4})(?:年度|年)?`)
	// A year after the region: 海拉尔区2019年政府工作报告.
	innerYear = regexp.MustCompile(`(\d{4}|[〇○零Ｏ一二三四五六七八九]{4})年`)
	// Dateline, spaces removed: ——2024年1月21日在北京市第十六届人民代表大会第二次会议上,
	// with one dash, several, none, or brackets; digits or Chinese numerals; after
	// the title on the same line in some old reports.
	datelineRe = regexp.MustCompile(`^(?:\S{0,30}政府工作报告)?[（(]?[—–\-－─―]*[（(]?(\d{4,}|[〇○零Ｏ一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})日)?(在?)(.*?)[)）]?$`)
	// The meeting on a line of its own: ——在海拉尔区第十四届人民代表大会第二次会议上.
	meetingRe = regexp.MustCompile(`^[（(]?[—–\-－─―]*在(.+?(?:会议|大会))上?[)）]?$`)
	// The opening address: 我代表国务院, 我代表省人民政府, 我代表呼伦贝尔市人民政府, 受区人民政府委托.
	onBehalf = regexp.MustCompile(`(?:我代表|受)(国务院|\p{Han}{0,20}?政府)`)
	// Review and plan headings that tell the year when there is no dateline.
	reviewHeading = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+、)?(\d{4})年.{0,12}(?:工作回顾|工作总结)`)
	planHeading   = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+、)?(?:关于|对)?(\d{4})年.{0,12}(?:工作|任务|目标|要求|安排|建议)`)
	// A year in a file name, between non-digits: 2026_广东省…, 2026-guangdong, reportData/2013.
	fileYear = regexp.MustCompile(`(?:^|\D)(\d{4})(?:\D|$)`)
)

// levelWords are the generic government names of 我代表省人民政府 and
// 市人民政府市长: they tell a level, not which region.
var levelWords = map[string]bool{"": true, "省": true, "市": true, "区": true, "县": true, "州": true, "旗": true, "盟": true,
	"自治区": true, "自治州": true, "自治县": true, "自治旗": true, "特别行政区": true}

// compact is a line as metadata is matched: spaces of every width removed
// (政 府 工 作 报 告, 1 9 9 8 年) and full-width digits made ASCII (２００９).
func compact(s string) string {
	clean := true
	for _, r := range s {
		if unicode.IsSpace(r) || (r >= '０' && r <= '９') || r == '\u200b' || r == '\ufeff' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// titleOf tells whether a line is a report's title and returns it without
// its running number and spaces. A bare title (no number) counts only as the
// first line of a report.
func titleOf(line string, first bool) (string, bool) {
	if !strings.HasSuffix(line, "告") && !strings.HasSuffix(line, "》") && !strings.HasSuffix(line, "）") && !strings.HasSuffix(line, ")") { // cheap test before the regular expressions
		return "", false
	}
	c := compact(line)
	if m := numberedTitle.FindStringSubmatch(c); m != nil {
		return m[1], true
	}
	if first {
		// A sentence of the opening (我代表…向大会作政府工作报告) is no title.
		if m := bareTitle.FindStringSubmatch(c); m != nil && !strings.Contains(m[1], "我代表") && !strings.Contains(m[1], "向大会") {
			return m[1], true
		}
	}
	return "", false
}

// splitTitle reads the year and the region text of a title or file name:
// 2025年重庆市政府工作报告 → 2025, 重庆市政府工作报告.
func splitTitle(t string) (year int, rest string) {
	t = strings.TrimPrefix(compact(t), "《")
	if m := leadingYear.FindStringSubmatch(t); m != nil {
		if y, ok := parseYear(m[1]); ok {
			return y, t[len(m[0]):]
		}
	}
	// A year after the region: 海拉尔区2019年政府工作报告.
	if m := innerYear.FindStringSubmatch(t); m != nil {
		if y, ok := parseYear(m[1]); ok {
			return y, t
		}
	}
	return 0, t
}

// parseYear reads four digits, ASCII or Chinese (二〇二六), as a plausible year.
func parseYear(s string) (int, bool) {
	y := 0
	for _, r := range s {
		d := chineseDigit(r)
		if d < 0 {
			return 0, false
		}
		y = y*10 + d
	}
	return y, y >= minYear && y <= maxYear
}

func chineseDigit(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if i := strings.IndexRune("〇一二三四五六七八九", r); i >= 0 {
		return utf8.RuneCountInString("〇一二三四五六七八九"[:i])
	}
	if r == '○' || r == '零' || r == 'Ｏ' {
		return 0
	}
	return -1
}

// parseSmall reads a month or day: 3, 12, 三, 十二, 二十一.
func parseSmall(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return chineseDigit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + chineseDigit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return 10 * chineseDigit(rs[0])
	case len(rs) == 3 && rs[1] == '十':
		return 10*chineseDigit(rs[0]) + chineseDigit(rs[2])
	}
	return -1
}

// Dateline is what a dateline says.
type Dateline struct {
	YearText         string // the year as written (22024 keeps its slip)
	Year, Month, Day int    // Year is the last four digits of a longer YearText; Day is 0 when not written
	Repaired         bool   // YearText had more than four digits
	Meeting          string // …人民代表大会第…次会议, empty when the line names none
	meetingBroken    bool   // the meeting goes on on the next line
}

// ParseDateline reads a dateline: ——2024年1月21日在北京市第十六届人民代表大会第二次会议上,
// ——２００９年３月５日…, 1 9 9 8 年 3 月 5 日, 二〇二六年一月二十日, with one dash, two, none or
// brackets. ok is false for any other line; the date may still be no calendar date.
func ParseDateline(line string) (d Dateline, ok bool) {
	m := datelineRe.FindStringSubmatch(compact(line))
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
	// After the date: nothing, 在…会议上, or a meeting named without 在 (2024年1月21日北京市…会议);
	// anything else (2024年1月21日，全市…) is a sentence, not a dateline.
	meeting := strings.TrimSuffix(m[5], "上")
	if m[4] == "" && meeting != "" && !strings.HasSuffix(meeting, "会议") {
		return Dateline{}, false
	}
	// A month without a day dates a meeting named in full (2022年1月在…会议上); alone,
	// or before other words, it is no dateline.
	if m[3] == "" && !strings.HasSuffix(meeting, "会议") {
		return Dateline{}, false
	}
	d.Year, d.Month = y, parseSmall(m[2])
	if m[3] != "" {
		d.Day = parseSmall(m[3])
	}
	d.Meeting = meeting
	d.meetingBroken = meeting != "" && meeting == m[5] && !strings.HasSuffix(meeting, "会议")
	return d, true
}

// clue is one statement of the year or the region and where it was read.
type clue struct {
	source string
	line   int    // 0 when not from a line of the text
	year   int    // year clues
	name   string // region clues: the text that names the region
	kind   bool   // name is only the kind of government (省, 市, 区)
}

// Validate checks the user's fallbacks before any input is read: a --region
// that names no division, or names several, is a usage error.
func (o Options) Validate() error {
	if o.Region != "" {
		_, err := region.Find(o.Region)
		if errors.Is(err, region.ErrUnknown) {
			return fmt.Errorf("--region %q: %w (use a GB/T 2260 code or a name such as 北京, 深圳市, 南京市鼓楼区 or Guangdong)", o.Region, err)
		}
		if err != nil {
			return fmt.Errorf("--region %q: %w", o.Region, err)
		}
	}
	if o.Year != 0 && (o.Year < minYear || o.Year > maxYear) {
		return fmt.Errorf("--year %d: not a year between %d and %d", o.Year, minYear, maxYear)
	}
	return nil
}

// resolve reads the metadata of a finished report: the dateline, meeting and
// speaker, and the year and region from the strongest source that states them.
func (r *Report) resolve(opts Options) error {
	if err := opts.Validate(); err != nil {
		return err
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	years, regions, nearby, err := r.clues(log)
	if err != nil {
		return err
	}
	where := fmt.Sprintf("%s:%d", r.Source, r.SourceLine)
	if opts.Region != "" {
		regions = append(regions, clue{source: FromFlag, name: opts.Region})
	}
	if opts.Year != 0 {
		years = append(years, clue{source: FromFlag, year: opts.Year})
	}
	if err := r.pickRegion(regions, nearby, where, log); err != nil {
		return err
	}
	if r.Title == "" {
		r.Title = compact(r.Hints.Title) // a table row's title stands for the title line the text lacks
	}
	if len(years) == 0 || (years[0].source != FromDateline && years[0].source != FromTitle) {
		// The headings are read only when the dateline and title are silent: they take a pass over the text.
		if y, line := yearFromHeadings(r.Lines); y != 0 {
			years = append([]clue{{source: FromHeading, year: y, line: line}}, years...)
		}
	}
	if len(years) == 0 {
		return fmt.Errorf("%s: report %q: cannot tell its year: no dateline, no year in the title, no dated review or plan heading, no year column, none in the file name; name it with --year",
			where, r.displayTitle())
	}
	r.Year, r.YearSource = years[0].year, years[0].source
	for _, c := range years[1:] {
		if c.year != r.Year && (c.source == FromFlag || c.source == FromRow || c.source == FromFileName || c.source == FromTitle) {
			r.warn(log, slog.LevelWarn, fmt.Sprintf("the %s says the year is %d, the %s says %d; using %d", describe(c), c.year, describe(years[0]), r.Year, r.Year))
		}
	}
	if r.YearSource == FromFileName {
		r.warn(log, slog.LevelInfo, fmt.Sprintf("year %d taken from the file name", r.Year))
	}
	return nil
}

func describe(c clue) string {
	switch c.source {
	case FromFlag:
		if c.year != 0 {
			return "--year flag"
		}
		return "--region flag"
	case FromFileName:
		return "file name"
	case FromRow:
		return "table row"
	case FromText:
		return "opening address"
	}
	return c.source
}

// warn logs a note about the report's metadata and keeps it for the reports table.
func (r *Report) warn(log *slog.Logger, level slog.Level, msg string) {
	log.Log(context.Background(), level, msg, "source", r.Source, "line", r.SourceLine, "title", r.displayTitle())
	r.Warnings = append(r.Warnings, msg)
}

func (r *Report) displayTitle() string {
	if r.Title == "" {
		return "(untitled)"
	}
	return r.Title
}

// clues reads every statement of the year and the region, strongest first,
// and fills the dateline, meeting and speaker. nearby is the text around the
// title, where a parent of an ambiguous name may stand.
func (r *Report) clues(log *slog.Logger) (years, regions []clue, nearby string, err error) {
	var near strings.Builder
	addTitle := func(t, src string, line int) {
		y, rest := splitTitle(t)
		if y != 0 {
			years = append(years, clue{source: src, year: y, line: line})
		}
		// 在第一届全国人民代表大会第一次会议上的政府工作报告: a title naming its meeting.
		c := meetingClue(strings.TrimPrefix(rest, "在"), line)
		c.source = src
		regions = append(regions, c)
		near.WriteString(t)
	}
	if r.Title != "" {
		addTitle(r.Title, FromTitle, r.SourceLine)
	}
	var dated, meeting, speaker, text []clue
	seen := 0
	for i := 0; i < len(r.Lines) && seen < openingLines; i++ {
		t := strings.TrimSpace(r.Lines[i].Text)
		if t == "" {
			continue
		}
		seen++
		no := r.Lines[i].No
		// Dateline, meeting and speaker are short lines; the paragraphs of the
		// opening are not matched against them.
		if seen <= metaLines && len(t) <= maxMetaLine {
			near.WriteString(compact(t))
			near.WriteByte('\n')
			if r.Title == "" {
				// A title below page chrome (下载 打印 全屏) that the reader took for text.
				if title, ok := titleOf(t, true); ok {
					r.Title, r.SourceLine = title, no
					addTitle(title, FromTitle, no)
					continue
				}
			}
			if r.MeetingDate == "" {
				if d, ok := ParseDateline(t); ok {
					if d.meetingBroken {
						// A meeting broken across lines: …在广东省第十四届 / 人民代表大会第五次会议上.
						if j, next := nextText(r.Lines, i); j > 0 && utf8.RuneCountInString(next) < 40 && strings.HasSuffix(strings.TrimSuffix(compact(next), "上"), "会议") {
							d.Meeting += strings.TrimSuffix(compact(next), "上")
							i = j
						}
					}
					if err := r.setDate(d, no, log); err != nil {
						return nil, nil, "", err
					}
					year := d.Year
					if d.Month == 12 {
						// A congress held in December hears the report of the year to come.
						if y, _ := yearFromHeadings(r.Lines); y == year+1 {
							year = y
							r.warn(log, slog.LevelInfo, fmt.Sprintf("line %d: dateline of December %d; the headings speak of %d, the report's year", no, d.Year, y))
						}
					}
					dated = append(dated, clue{source: FromDateline, year: year, line: no})
					if r.Meeting != "" {
						meeting = append(meeting, meetingClue(r.Meeting, no))
					}
					continue
				}
			}
			if r.Meeting == "" {
				if m := meetingRe.FindStringSubmatch(compact(t)); m != nil {
					r.Meeting = m[1]
					meeting = append(meeting, meetingClue(r.Meeting, no))
					continue
				}
			}
			if place, role, name, ok := speakerLine(t); ok && r.Speaker == "" {
				r.SpeakerRole, r.Speaker = role, name
				switch {
				case strings.Contains(role, "国务院") || strings.Contains(role, "政务院"):
					speaker = append(speaker, clue{source: FromSpeaker, name: "国务院", line: no})
				case place != "":
					speaker = append(speaker, clue{source: FromSpeaker, name: place, line: no})
				}
				continue
			}
		}
		if len(text) > 0 || !(strings.Contains(t, "我代表") || strings.Contains(t, "委托")) {
			continue
		}
		if m := onBehalf.FindStringSubmatch(t); m != nil {
			// 我代表省人民政府 names no region but its kind, checked against weaker sources.
			if name := strings.TrimSuffix(strings.TrimSuffix(m[1], "政府"), "人民"); name != "" {
				text = append(text, clue{source: FromText, name: name, line: no, kind: levelWords[name]})
			}
		}
	}
	years = append(dated, years...)
	regions = append(append(append(regions, meeting...), speaker...), text...)
	if h := r.Hints; h != (Hints{}) {
		if h.Title != "" {
			addTitle(h.Title, FromRow, 0)
		}
		if h.Year != 0 {
			years = append(years, clue{source: FromRow, year: h.Year})
		}
		if h.Region != "" {
			regions = append(regions, clue{source: FromRow, name: h.Region})
			near.WriteString(h.Region)
		}
	}
	fy, fr := fileNameClues(r.Source)
	years = append(years, fy...)
	regions = append(regions, fr...)
	near.WriteString(filepath.Base(r.Source))
	return years, regions, near.String(), nil
}

func nextText(lines []Line, i int) (int, string) {
	for j := i + 1; j < len(lines); j++ {
		if t := strings.TrimSpace(lines[j].Text); t != "" {
			return j, t
		}
	}
	return 0, ""
}

// meetingClue names the region of a meeting: the 全国人民代表大会 is the nation's.
func meetingClue(meeting string, line int) clue {
	if strings.Contains(meeting, "全国人民代表大会") || strings.Contains(meeting, "全国人大") {
		return clue{source: FromMeeting, name: "国务院", line: line}
	}
	return clue{source: FromMeeting, name: meeting, line: line}
}

// fileNameClues reads a file name: 2026_广东省_政府工作报告.csv, 2026-guangdong-province.txt,
// 2025年中华人民共和国国务院政府工作报告.txt, 110000.txt, reportData/2013.txt.
func fileNameClues(path string) (years, regions []clue) {
	base := filepath.Base(strings.TrimSuffix(path, ".gz"))
	if i := strings.Index(base, "#"); i >= 0 { // a table row: file.csv#row=3
		base = base[:i]
	}
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if m := fileYear.FindStringSubmatch(compact(base)); m != nil {
		if y, ok := parseYear(m[1]); ok {
			years = append(years, clue{source: FromFileName, year: y})
		}
	}
	parts := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' })
	for i, p := range parts {
		if _, rest := splitTitle(p); rest != "" && !isASCII(rest) {
			regions = append(regions, clue{source: FromFileName, name: rest})
			continue
		}
		if isASCII(p) && p != "" && (p[0] < '0' || p[0] > '9') {
			if i+1 < len(parts) && isASCII(parts[i+1]) {
				regions = append(regions, clue{source: FromFileName, name: p + " " + parts[i+1]}) // inner-mongolia
			}
			regions = append(regions, clue{source: FromFileName, name: p})
		} else if len(p) == 6 {
			regions = append(regions, clue{source: FromFileName, name: p}) // a code
		}
	}
	return years, regions
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// pickRegion takes the region of the strongest clue that names one. A name
// several divisions bear is settled by a later clue inside one of them, or
// refused with its candidates.
func (r *Report) pickRegion(clues []clue, nearby, where string, log *slog.Logger) error {
	var amb *region.AmbiguousError
	var picked region.Region
	chosen := -1
	for i := range clues {
		reg, err := lookupClue(clues[i], nearby)
		var a *region.AmbiguousError
		switch {
		case errors.As(err, &a):
			if amb == nil {
				amb = a
			}
			continue
		case err != nil:
			continue
		}
		if amb != nil {
			var ok bool
			if reg, ok = settle(reg, amb.Candidates); !ok {
				continue
			}
		}
		picked, chosen = reg, i
		break
	}
	if chosen < 0 {
		if amb != nil {
			return fmt.Errorf("%s: report %q: region %w", where, r.displayTitle(), amb)
		}
		var tried []string
		for _, c := range clues {
			tried = append(tried, fmt.Sprintf("%s %q", describe(c), c.name))
		}
		if len(tried) == 0 {
			tried = append(tried, "nothing names one")
		}
		return fmt.Errorf("%s: report %q: cannot tell its region (tried: %s; no 国务院 or 全国人民代表大会 either); name it with --region",
			where, r.displayTitle(), strings.Join(tried, ", "))
	}
	c := clues[chosen]
	r.Region, r.RegionSource = picked, c.source
	for _, o := range clues[chosen+1:] {
		if o.source != FromFlag && o.source != FromRow && o.source != FromFileName {
			continue
		}
		reg, err := lookupClue(o, nearby)
		if err == nil && !reg.Contains(r.Region) && !r.Region.Contains(reg) {
			r.warn(log, slog.LevelWarn, fmt.Sprintf("the %s says the region is %s (%s), the %s says %s (%s); using %s",
				describe(o), reg.Full, reg.Code, describe(c), r.Region.Full, r.Region.Code, r.Region.Full))
		}
	}
	if c.source == FromFileName {
		r.warn(log, slog.LevelInfo, fmt.Sprintf("region %s (%s) taken from the file name", r.Region.Full, r.Region.Code))
	}
	for _, k := range clues {
		if k.kind && !strings.HasSuffix(r.Region.Full, k.name) && (c.source == FromRow || c.source == FromFileName || c.source == FromFlag) {
			r.warn(log, slog.LevelWarn, fmt.Sprintf("line %d speaks for a %s government, but the %s names %s (%s)", k.line, k.name, describe(c), r.Region.Full, r.Region.Code))
		}
	}
	return nil
}

// settle picks the one candidate of an ambiguous name that a later clue
// names or contains (南京市 in the file name settles the title's 鼓楼区).
func settle(reg region.Region, cands []region.Region) (region.Region, bool) {
	var in []region.Region
	for _, c := range cands {
		if c.Contains(reg) {
			return reg, true // the clue names the candidate itself, or a division inside it
		}
		if reg.Contains(c) {
			in = append(in, c)
		}
	}
	if len(in) == 1 {
		return in[0], true
	}
	return region.Region{}, false
}

// lookupClue resolves the text of a region clue. Text from the report names
// its region at the start (重庆市政府工作报告, 海拉尔区第十四届…); row and flag
// values and file name parts are names or codes on their own.
func lookupClue(c clue, nearby string) (region.Region, error) {
	switch c.source {
	case FromRow, FromFlag, FromFileName:
		if reg, err := region.Find(c.name); err == nil || c.source == FromFlag {
			return reg, err
		}
	}
	reg, n, err := region.Prefix(c.name, nearby)
	if err != nil {
		return reg, err
	}
	if n == 0 {
		return reg, region.ErrUnknown
	}
	return reg, nil
}

// setDate keeps a dateline's date and meeting; a year of more than four
// digits (22024) is a slip whose last four digits are the year.
func (r *Report) setDate(d Dateline, line int, log *slog.Logger) error {
	if d.Repaired {
		msg := fmt.Sprintf("line %d: dateline year %s repaired to %d", line, d.YearText, d.Year)
		// Info, not a warning: the slip is certain and its repair is kept in Warnings (the demo corpus has one).
		log.Info("dateline year has more than four digits; using the last four",
			"source", r.Source, "line", line, "written", d.YearText, "year", d.Year)
		r.Warnings = append(r.Warnings, msg)
	}
	if d.Meeting != "" {
		r.Meeting = d.Meeting
	}
	if d.Day == 0 && d.Month >= 1 && d.Month <= 12 {
		return nil // a month without a day: no date to keep
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	if d.Month < 1 || d.Day < 1 || t.Month() != time.Month(d.Month) || t.Day() != d.Day {
		return fmt.Errorf("%s:%d: dateline date %s年%d月%d日 is not a calendar date", r.Source, line, d.YearText, d.Month, d.Day)
	}
	r.MeetingDate = t.Format(time.DateOnly)
	return nil
}

// speakerLine reads 国务院总理 李强, 省长 王浩, 广东省省长 孟凡利 or
// 海拉尔区人民政府区长 杜联合: an optional place and government, an office,
// spaces, a name. place is the region text before the office, if any.
func speakerLine(t string) (place, role, name string, ok bool) {
	for _, ro := range roles {
		i := strings.Index(t, ro)
		if i < 0 || i > 90 { // bytes: 内蒙古自治区呼伦贝尔市海拉尔区人民政府 is 60
			continue
		}
		rest := t[i+len(ro):]
		if rest == "" || (rest[0] != ' ' && rest[0] != ':' && !strings.HasPrefix(rest, "\u3000") && !strings.HasPrefix(rest, "：")) {
			continue
		}
		name = strings.TrimSpace(strings.Trim(rest, " \u3000:："))
		if name == "" || utf8.RuneCountInString(name) > 12 || strings.ContainsAny(name, "，。：；、") {
			continue
		}
		before := strings.TrimSuffix(strings.TrimSuffix(compact(t[:i]), "政府"), "人民")
		if levelWords[before] {
			return "", ro, name, true
		}
		if _, n, _ := region.Prefix(before, ""); n == len(before) {
			return before, ro, name, true
		}
	}
	return "", "", "", false
}

// yearFromHeadings reads the year of a report from its review heading
// (2024年工作回顾 → 2025) or plan heading (2025年重点任务), with the line.
func yearFromHeadings(lines []Line) (int, int) {
	for _, l := range lines {
		if !strings.Contains(l.Text, "年") {
			continue
		}
		t := compact(l.Text)
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
