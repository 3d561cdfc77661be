// Package meta reads a report's metadata — its year, its region, the
// meeting it was given at, its date and its speaker — from what the report
// states, strongest first: the dateline (——２００９年３月５日…,
// 二〇二六年一月二十日…, …会议通过), the title (2025年重庆市政府工作报告, 政 府 工 作 报 告),
// the meeting (在海拉尔区第十四届人民代表大会…, 全国人民代表大会 → the nation), the
// speaker line (海拉尔区人民政府区长 …, 国务院总理 …), the opening address
// (我代表国务院), the review and plan headings wherever they stand (2024年工作回顾
// → 2025), how the review and the plan open (2023年，在…领导下 → 2024), a
// scraper's header lines (标题：…, 年份：…), a table row's columns, the file name
// (2026_广东省_….csv, 2026-guangdong-province.txt), the folders (zhumadian-report/),
// the user's --region/--year, and last the divisions the body names.
//
// It does no I/O: Resolve takes the report's title, lines, row columns,
// source name and the user's flags, and returns a Meta with where each value
// came from (Source) and the warnings a reader should log and keep. A bare
// 政府工作报告 is no evidence of the national report; a report whose year or
// region nothing states is refused with what was tried. The year is read
// first, and the region among the divisions in force in that year; a name
// beside the text is read as a division of the kind of government the text
// speaks for (我代表市人民政府, 全市: 长沙.docx is 长沙市, not 长沙县).
//
// The files follow the concerns: numerals.go (digits and Chinese numerals),
// title.go, dateline.go, speaker.go, header.go, filename.go (the statements
// and names), scan.go (the one pass over the body for the year), kind.go (the
// kind of government), body.go (the divisions the body names), clues.go
// (gathering them as evidence), source.go (the sources and their strength),
// region.go and year.go (choosing), flags.go (the user's fallbacks); the
// words of headings and header lines are in cues.tsv.
package meta

import (
	"fmt"
	"log/slog"
	"slices"

	"github.com/govreports/govreports/stages/region"
)

// Line is one line of a report's text with its place in the source.
type Line struct {
	Text string // the line, hygiene applied (no BOM, no CR, no trailing spaces)
	No   int    // 1-based line number in the source file
	// Wraps tells that the line's paragraph runs on into the next line: a
	// printed line that the page width ended (a PDF's), not the author.
	Wraps bool
}

// Hints are the metadata a table input gives in the columns of a report's row.
type Hints struct {
	Title  string // the row's title column
	Year   int    // the row's year column; 0 when absent
	Region string // the row's region/province column (a name or code)
}

// Input is what metadata is read from.
type Input struct {
	Source    string // the input's name or path (file.csv#row=3 for a table row): its file name is evidence
	Title     string // the report's title line without its running number; "" when it has none
	TitleLine int    // the line of the title (of the report's start when it has none)
	Lines     []Line // the text after the title: the opening holds the dateline, meeting and speaker, the headings the year
	Hints     Hints  // a table row's columns
	Flags     Flags  // the user's fallbacks
}

// Meta is a report's metadata.
type Meta struct {
	// Title is the report's title when the reader's needs mending: the page
	// title of a scraper's 标题： header, without its label; "" otherwise.
	Title        string
	Year         int
	YearSource   Source
	Region       region.Region
	RegionSource Source
	Meeting      string // …人民代表大会第…次会议, empty when not stated
	MeetingDate  string // YYYY-MM-DD, empty when not stated
	SpeakerRole  string // 市长, 省长, 国务院总理 …
	Speaker      string
	// Warnings are what was repaired, inferred or found in disagreement, in
	// the order they were found: a reader logs them at their level and keeps
	// their text for the reports table.
	Warnings []Warning
}

// Warning is a note about a report's metadata.
type Warning struct {
	Level slog.Level
	Line  int // the line it is about; 0 for the report as a whole
	Text  string
}

// Error is a report whose metadata cannot be read, at the line at fault: the
// dateline's for a date that is no calendar date, the title's otherwise.
type Error struct {
	Line int
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Resolve reads the metadata of one report. An invalid flag is an error of
// its own (not an *Error): it is the user's, not the report's.
func Resolve(in Input) (Meta, error) {
	if err := in.Flags.Validate(); err != nil {
		return Meta{}, err
	}
	r := &resolver{in: in}
	ev, err := r.gather()
	if err != nil {
		return Meta{}, err
	}
	ev.addFlags(in.Flags)
	// The year first: a region is read among the divisions of its year. Its
	// warnings follow the region's, as they are listed in the reports table.
	n := len(r.m.Warnings)
	if err := r.pickYear(ev); err != nil {
		return Meta{}, err
	}
	yearNotes := slices.Clone(r.m.Warnings[n:])
	r.m.Warnings = r.m.Warnings[:n]
	r.year = region.Year(r.m.Year)
	if err := r.pickRegion(ev); err != nil {
		return Meta{}, err
	}
	r.m.Warnings = append(r.m.Warnings, yearNotes...)
	return r.m, nil
}

// resolver is one report's metadata as it is read.
type resolver struct {
	in   Input
	m    Meta
	scan *bodyScan   // what one pass over the body found, once it was needed
	year region.Year // the register of the report's year, once it is known
}

// scanned is the body scan, made on first use.
func (r *resolver) scanned() *bodyScan {
	if r.scan == nil {
		r.scan = scanBody(r.in.Lines)
	}
	return r.scan
}

// note keeps a warning.
func (r *resolver) note(level slog.Level, line int, text string) {
	r.m.Warnings = append(r.m.Warnings, Warning{Level: level, Line: line, Text: text})
}

// refuse is the error of a report whose metadata cannot be read.
func (r *resolver) refuse(format string, args ...any) error {
	return &Error{Line: r.in.TitleLine, Err: fmt.Errorf("report %q: "+format, append([]any{r.displayTitle()}, args...)...)}
}

func (r *resolver) displayTitle() string {
	switch {
	case r.in.Title != "":
		return r.in.Title
	case r.in.Hints.Title != "":
		return Compact(r.in.Hints.Title)
	}
	return "(untitled)"
}
