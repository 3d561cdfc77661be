// Package split turns a report's paragraphs into sentences and tells, for
// each, the section of the report it stands in (preamble, review, targets,
// plan, governance, closing) and the innermost heading in force.
//
// Sentences end at 。！？!? and ……, never inside “…”, 《…》 or （…）; closing
// quotes and brackets that follow a terminator stay with the sentence.
// Heading lines are numbered (一、 / （一） / 1.) or short unnumbered lines;
// the patterns that name sections are data (sections.tsv).
package split
