// Package quantity finds the quantities a Chinese government work report
// states and types them: the number as written, its magnitude, its unit, its
// value in base units, its kind (level, growth, share …), its comparator
// (about, at_least, at_most) and the subject it measures.
//
// It reads Arabic digits (also full-width, decimals and thousands separators),
// Chinese numerals and mixed forms (3.5万, 1.39万亿, 6600多万, 两千亿), digits
// spaced as older texts write them (7 4 7 7 2 亿元, 4 ．5 ％), rates written in
// words (百分之九点七, 千分之十二) and ranges with
// any mark (4.5-5%, 6%－6.5%, 5%~5.5%, 4.5%至5%). A mention keeps its text as
// written; its value is normalised. Years,
// dates, names and labels (2023年, 十四五, 5G, 一带一路) are not quantities; the
// grammar and the embedded lexicons (units.tsv, comparators.tsv, cues.tsv,
// labels.tsv) decide which is which.
package quantity
