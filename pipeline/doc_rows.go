package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/region"
	"github.com/govreports/govreports/stages/split"
)

// newDoc builds the reports row of a report as read.
func newDoc(r *read.Report) *Doc {
	// The text is the lines joined by \n; it is hashed and counted line by
	// line rather than joined into one more copy of the report.
	h := sha256.New()
	paragraphs, chars := 0, 0
	for i, l := range r.Lines {
		if i > 0 {
			h.Write([]byte{'\n'})
			chars++
		}
		io.WriteString(h, l.Text)
		chars += utf8.RuneCountInString(l.Text)
		if strings.TrimSpace(l.Text) != "" {
			paragraphs++
		}
	}
	row := schemas.Report{
		Keys: schemas.Keys{
			ReportID:   fmt.Sprintf("%d-%s", r.Year, r.Region.Code),
			Year:       int16(r.Year),
			RegionCode: r.Region.Code,
			Region:     r.Region.Short,
		},
		RegionName:     r.Region.Full,
		RegionEN:       r.Region.English,
		Level:          r.Region.Level,
		ProvinceCode:   optional(r.Region.ProvinceCode),
		PrefectureCode: optional(r.Region.PrefectureCode),
		// The register's, not the reader's copy: its CurrentCode is the code's
		// holder today whichever version of the code the reader resolved.
		RegionCodeCurrent: optional(currentCode(r.Region.Code)),
		YearSource:        string(r.YearSource),
		RegionSource:      string(r.RegionSource),
		Warnings:          optional(strings.Join(r.Warnings, "\n")),
		Title:             r.Title,
		Meeting:           optional(r.Meeting),
		SpeakerRole:       optional(r.SpeakerRole),
		Speaker:           optional(r.Speaker),
		Source:            r.Source,
		SourceLine:        int32(r.SourceLine),
		SHA256:            hex.EncodeToString(h.Sum(nil)),
		Chars:             int32(chars),
		Paragraphs:        int32(paragraphs),
	}
	if t, err := time.Parse(time.DateOnly, r.MeetingDate); err == nil {
		row.MeetingDate = &schemas.Date{Time: t}
	}
	return &Doc{Report: r, Row: row}
}

// currentCode is the code of the division that holds the one of code today;
// "" where the register does not know.
func currentCode(code string) string {
	r, ok := region.ByCode(code)
	if !ok {
		return ""
	}
	return r.CurrentCode
}

// optional maps "" to null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// period is the year a sentence's figures refer to: the review looks back
// one year, everything else speaks of the report's year.
func period(section split.Section, year int16) string {
	if section == split.Review {
		return fmt.Sprint(year - 1)
	}
	return fmt.Sprint(year)
}
