package split

// Sections of a report, in the order they usually appear.
const (
	Preamble   = "preamble"
	Review     = "review"
	Targets    = "targets"
	Plan       = "plan"
	Governance = "governance"
	Closing    = "closing"
)

// Sentence is one sentence of a report.
type Sentence struct {
	ID        int    // 0-based order within the report
	Line      int    // 1-based source line
	Paragraph int    // 0-based paragraph (non-empty line) within the report
	Section   string // one of the section constants
	Heading   string // innermost heading in force, "" before the first
	IsHeading bool   // the sentence is itself a heading line
	Text      string
}
