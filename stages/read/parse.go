package read

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/govreports/govreports/stages/region"
)

// Options are the user's overrides for what the text does not say.
type Options struct {
	Region string       // region of reports whose title names none (code, short, full or English name)
	Year   int          // year of reports whose text does not tell it
	Logger *slog.Logger // receives warnings about repaired metadata; nil discards them
}

//go:embed roles.txt
var rolesTXT string

var roles = func() []string {
	var rs []string
	for _, l := range strings.Split(rolesTXT, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			rs = append(rs, l)
		}
	}
	return rs
}()

var (
	// A numbered title line of a file holding many reports: 2.北京市政府工作报告
	numberedTitle = regexp.MustCompile(`^\s*\d{1,3}\s*[.．、]\s*(\S{0,30}政府工作报告)$`)
	// The title of a file holding one report, on its first non-empty line.
	bareTitle = regexp.MustCompile(`^\s*(\S{0,30}政府工作报告)$`)
	// Dateline: ——2024年1月21日在北京市第十六届人民代表大会第二次会议上 (one dash in some reports).
	dateline = regexp.MustCompile(`^\s*[—-]+\s*(\d{4,})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在?\s*(.*?会议)?\s*上?\s*$`)
	// Review and plan headings that tell the year when there is no dateline.
	reviewHeading = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+、)?(\d{4})年.{0,8}(?:工作回顾|工作总结)`)
	planHeading   = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+、)?(?:关于)?(\d{4})年.{0,12}(?:工作|任务|目标)`)
)

// metaLines is how many non-empty lines after the title may hold the dateline and speaker.
const metaLines = 6

// Input describes one input as it was read, for the run's manifest.
type Input struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"` // of the bytes as stored (compressed inputs hash compressed)
	Bytes  int64  `json:"bytes"`
}

// Read reads every report of one input and calls emit with each, in order.
// It returns the input's size and hash once the whole input was read.
func Read(ctx context.Context, src Source, opts Options, emit func(*Report) error) (Input, error) {
	rc, err := src.Open()
	if err != nil {
		return Input{}, fmt.Errorf("input %s: %w", src.Name, err)
	}
	defer rc.Close()
	h := &hashingReader{r: rc, h: sha256.New()}
	if err := readReports(ctx, src, h, opts, emit); err != nil {
		return Input{}, err
	}
	// Drain what the parser did not need (trailing bytes) so the hash covers the whole input.
	if _, err := io.Copy(io.Discard, h); err != nil {
		return Input{}, fmt.Errorf("input %s: %w", src.Name, err)
	}
	return Input{Name: src.Name, SHA256: hex.EncodeToString(h.h.Sum(nil)), Bytes: h.n}, nil
}

type hashingReader struct {
	r io.Reader
	h hash.Hash
	n int64
}

func (hr *hashingReader) Read(p []byte) (int, error) {
	n, err := hr.r.Read(p)
	hr.h.Write(p[:n])
	hr.n += int64(n)
	return n, err
}

func readReports(ctx context.Context, src Source, in io.Reader, opts Options, emit func(*Report) error) error {
	r, err := decompress(src.Name, in)
	if err != nil {
		return err
	}
	next, err := lineSource(src.Name, r)
	if err != nil {
		return err
	}
	var cur *Report
	flush := func() error {
		if cur == nil || !hasText(cur.Lines) {
			return nil
		}
		if err := cur.resolve(opts); err != nil {
			return err
		}
		return emit(cur)
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		text, no, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if title, ok := titleOf(text, cur == nil || (cur.Title == "" && !hasText(cur.Lines))); ok {
			if err := flush(); err != nil {
				return err
			}
			cur = &Report{Source: src.Name, SourceLine: no, Title: title}
			continue
		}
		if cur == nil {
			cur = &Report{Source: src.Name, SourceLine: no}
		}
		cur.Lines = append(cur.Lines, Line{Text: text, No: no})
	}
	if err := flush(); err != nil {
		return err
	}
	return nil
}

// lineSource picks the reader by content type: HTML pages by name, text otherwise.
func lineSource(name string, r io.Reader) (func() (string, int, error), error) {
	if IsHTMLName(name) {
		return htmlLines(name, r)
	}
	lr, err := newLineReader(name, r)
	if err != nil {
		return nil, err
	}
	return lr.Next, nil
}

func titleOf(line string, first bool) (string, bool) {
	if !strings.HasSuffix(line, "政府工作报告") { // cheap test before the regular expressions
		return "", false
	}
	if m := numberedTitle.FindStringSubmatch(line); m != nil {
		return m[1], true
	}
	if first {
		if m := bareTitle.FindStringSubmatch(line); m != nil {
			return m[1], true
		}
	}
	return "", false
}

func hasText(lines []Line) bool {
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			return true
		}
	}
	return false
}

// resolve reads the metadata of a finished report.
func (r *Report) resolve(opts Options) error {
	where := fmt.Sprintf("%s:%d", r.Source, r.SourceLine)
	if err := r.resolveRegion(opts, where); err != nil {
		return err
	}
	seen := 0
	for _, l := range r.Lines {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		if seen++; seen > metaLines {
			break
		}
		if m := dateline.FindStringSubmatch(t); m != nil && r.MeetingDate == "" {
			if err := r.setDate(m, l.No, opts.Logger); err != nil {
				return err
			}
			continue
		}
		if role, name, ok := speakerLine(t); ok && r.Speaker == "" {
			r.SpeakerRole, r.Speaker = role, name
		}
	}
	if r.Year != 0 {
		r.YearSource = "dateline"
	}
	if r.Year == 0 {
		if r.Year = yearFromHeadings(r.Lines); r.Year != 0 {
			r.YearSource = "heading"
		}
	}
	if r.Year == 0 {
		if r.Year = opts.Year; r.Year != 0 {
			r.YearSource = "flag"
		}
	}
	if r.Year == 0 {
		return fmt.Errorf("%s: report %q: cannot tell its year (no dateline, no dated review or plan heading); name it with --year", where, r.displayTitle())
	}
	return nil
}

func (r *Report) displayTitle() string {
	if r.Title == "" {
		return "(untitled)"
	}
	return r.Title
}

func (r *Report) resolveRegion(opts Options, where string) error {
	if r.Title != "" {
		if reg, ok := region.InTitle(r.Title); ok {
			r.Region, r.RegionSource = reg, "title"
			return nil
		}
	}
	if opts.Region != "" {
		reg, ok := region.Lookup(opts.Region)
		if !ok {
			return fmt.Errorf("--region %q: unknown region (use a GB/T 2260 code or a name such as 北京, 北京市 or Beijing)", opts.Region)
		}
		r.Region, r.RegionSource = reg, "flag"
		return nil
	}
	if r.Title == "" {
		if reg, ok := regionInFileName(r.Source); ok {
			r.Region, r.RegionSource = reg, "file_name"
			return nil
		}
		return fmt.Errorf("%s: report has no title line (…政府工作报告) and the file name names no region; name it with --region", where)
	}
	return fmt.Errorf("%s: title %q names no known region; name it with --region", where, r.Title)
}

// regionInFileName accepts file names such as 北京.txt, 110000.txt or beijing-2024.txt.
func regionInFileName(path string) (region.Region, bool) {
	base := strings.ToLower(filepath.Base(path))
	for _, ext := range []string{".gz", ".txt", ".html", ".htm"} {
		base = strings.TrimSuffix(base, ext)
	}
	for _, part := range strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' }) {
		if reg, ok := region.Lookup(part); ok {
			return reg, true
		}
		if reg, ok := region.InTitle(part); ok && reg.Level != "national" {
			return reg, true
		}
	}
	return region.Region{}, false
}

func (r *Report) setDate(m []string, line int, log *slog.Logger) error {
	yearText := m[1]
	year, _ := strconv.Atoi(yearText)
	if len(yearText) > 4 {
		// A doubled digit (22024) is a typing slip: the last four digits are the year.
		year, _ = strconv.Atoi(yearText[len(yearText)-4:])
		if log != nil {
			log.Info("dateline year has more than four digits; using the last four",
				"source", r.Source, "line", line, "written", yearText, "year", year)
		}
		r.Warnings = append(r.Warnings, fmt.Sprintf("line %d: dateline year %s repaired to %d", line, yearText, year))
	}
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Month() != time.Month(month) || d.Day() != day || month < 1 {
		return fmt.Errorf("%s:%d: dateline date %s年%s月%s日 is not a calendar date", r.Source, line, m[1], m[2], m[3])
	}
	r.Year = year
	r.MeetingDate = d.Format(time.DateOnly)
	r.Meeting = strings.TrimSpace(m[4])
	return nil
}

func speakerLine(t string) (role, name string, ok bool) {
	for _, ro := range roles {
		rest, found := strings.CutPrefix(t, ro)
		if !found || rest == "" || (rest[0] != ' ' && !strings.HasPrefix(rest, "\u3000")) {
			continue
		}
		name = strings.TrimSpace(strings.Trim(rest, " \u3000"))
		if name != "" && len([]rune(name)) <= 12 {
			return ro, name, true
		}
	}
	return "", "", false
}

func yearFromHeadings(lines []Line) int {
	for _, l := range lines {
		if m := reviewHeading.FindStringSubmatch(l.Text); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y + 1
		}
		if m := planHeading.FindStringSubmatch(l.Text); m != nil && len([]rune(l.Text)) < 40 {
			y, _ := strconv.Atoi(m[1])
			return y
		}
	}
	return 0
}
