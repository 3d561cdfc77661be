package read

import "github.com/govreports/govreports/stages/region"

// Line is one line of a report's text with its place in the source.
type Line struct {
	Text string // the line, hygiene applied (no BOM, no CR, no trailing spaces)
	No   int    // 1-based line number in the source file
}

// Report is one government work report as read from its source.
type Report struct {
	Source      string        // path or URI of the input
	SourceLine  int           // line of the source where the title stands (1 when there is no title)
	Title       string        // title line without its running number, e.g. 北京市政府工作报告
	Year        int           // year of the report (from the dateline or the review heading)
	Region      region.Region // the region the report belongs to
	Meeting     string        // …人民代表大会第…次会议, empty when not stated
	MeetingDate string        // YYYY-MM-DD, empty when not stated
	SpeakerRole string        // 市长, 省长, 国务院总理 …
	Speaker     string
	Lines       []Line // the body: every line after the title, blank ones included

	// Hints are metadata an input states beside the text (the columns of a
	// table row); the text itself outranks them, the file name ranks below.
	Hints Hints
	// YearSource and RegionSource say where Year and Region were read
	// (dateline, title, meeting, heading, row, file_name, flag …).
	YearSource, RegionSource string
	// Warnings are what the reader repaired or inferred, for the reports table.
	Warnings []string
}

// Hints are the metadata a table input gives in the columns of a report's row.
type Hints struct {
	Title  string // the row's title column
	Year   int    // the row's year column; 0 when absent
	Region string // the row's region/province column (a name or code)
}
