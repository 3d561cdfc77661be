package split

import "slices"

// Section is a part of a report: the values of the section columns of the
// sentences, figures and commitments tables (which stay strings).
type Section string

// Sections of a report, in the order they usually appear.
const (
	Preamble   Section = "preamble"
	Review     Section = "review"
	Targets    Section = "targets"
	Plan       Section = "plan"
	Governance Section = "governance"
	Closing    Section = "closing"
)

// everySection lists the sections, for known.
var everySection = []Section{Preamble, Review, Targets, Plan, Governance, Closing}

// known reports whether s is one of the sections: sections.tsv may name no
// other.
func (s Section) known() bool { return slices.Contains(everySection, s) }

// Sentence is one sentence of a report.
type Sentence struct {
	ID        int // 0-based order within the report
	Line      int // 1-based source line
	Paragraph int // 0-based paragraph (non-empty line) within the report
	Section   Section
	Heading   string // innermost heading in force, "" before the first
	IsHeading bool   // the sentence is itself a heading line
	Text      string
}
