package commitments

import (
	"regexp"
	"strings"
)

// deadlinePattern matches the time limits of the plans: 年内, 年底前, 2025年前, 到2027年, 6月底前 ….
// A bare year (2024年) is not a limit.
var deadlinePattern = regexp.MustCompile(
	`(?:今年|本年|年)(?:内|底前|末前|底)` +
		`|(?:上|下)半年` +
		`|到(?:20\d\d|“十四五”|十四五)(?:年)?(?:底|末)?` +
		`|20\d\d年(?:底|末|\d{1,2}月底?)?(?:前|以前|之前)` +
		`|\d{1,2}月(?:底|份)?(?:前|以前)` +
		`|“?十四五”?(?:末|期间)` +
		`|本届政府任期内`)

// deadline returns the first time limit written in the clause, else the sentence's (sentenceDeadline, its
// first limit: 年内 before a list of clauses governs them all).
func deadline(clause, sentenceDeadline string) string {
	if sentenceDeadline == "" {
		return ""
	}
	if d := findDeadline(clause); d != "" {
		return d
	}
	return sentenceDeadline
}

// findDeadline returns the first time limit in text. Every limit names a year,
// a month, the five-year plan or the term of office: text without one of
// those skips the (unanchored, so slow) regular expression.
func findDeadline(text string) string {
	if !strings.ContainsAny(text, "年月") && !strings.Contains(text, "十四五") && !strings.Contains(text, "任期") {
		return ""
	}
	return deadlinePattern.FindString(text)
}
