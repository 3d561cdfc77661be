// Package split turns a report's paragraphs into sentences and tells, for
// each, the section of the report it stands in (preamble, review, targets,
// plan, governance, closing) and the innermost heading in force.
//
// Sentences end at 。！？!? and ……, never inside “…”, 《…》 or （…）; closing
// quotes and brackets that follow a terminator stay with the sentence.
// Heading lines are numbered (一、 / （一） / 1.) or short unnumbered lines;
// the patterns that name sections are data (sections.tsv).
//
// Layout is undone before splitting: a line of running text that does not
// end its sentence is joined with the next line of its paragraph (a sentence
// keeps the line it starts on), and a glossary or notes appended after the
// report (名词解释, 注释, with an annex label such as 附件2: appendix.txt) are
// left out of the sentences, hence of every extraction.
package split
