package commitments

import (
	"strings"
	"unicode/utf8"
)

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

// findDeadline returns the first time limit in text: 年内, 年底前, 2025年前, 到2027年, 6月底前, “十五五”末 ….
// A bare year (2024年) is not a limit; a count of years (三年内) is. A five-year plan is named by its number, 十X五 (十一五 … 十五五), or
// “十五” in quotes (a bare 十五 is fifteen). It reads text as the regular expression
//
//	[一二三四五六七八九十两]+年内
//	|(?:今年|本年|年)(?:内|底前|末前|底)
//	|(?:上|下)半年
//	|到(?:(?:19|20)\d\d|PLAN)(?:年)?(?:底|末)?
//	|(?:19|20)\d\d年(?:底|末|\d{1,2}月底?)?(?:前|以前|之前)
//	|\d{1,2}月(?:底|份)?(?:前|以前)
//	|PLAN(?:末|期间|时期)
//	|本届政府任期内
//
// with PLAN = (?:“十五”|“?十[一二三四五六七八九]五”?) would (leftmost match, the earlier alternative first),
// without its cost on every sentence, and only in a text that names a year, a month, a five-year plan or
// the term of office: 到2030 alone is no limit.
func findDeadline(text string) string {
	for i, r := range text {
		if !mayOpenDeadline(r) {
			continue
		}
		if n := deadlineAt(text[i:]); n > 0 {
			if !strings.ContainsAny(text, "年月") && !namesPlan(text) && !strings.Contains(text, "任期") {
				return ""
			}
			return text[i : i+n]
		}
	}
	return ""
}

// mayOpenDeadline reports the characters that a time limit starts with.
func mayOpenDeadline(r rune) bool {
	switch r {
	case '今', '本', '年', '上', '下', '到', '“', '两':
		return true
	}
	if isChineseNumeral(r) {
		return true
	}
	return '0' <= r && r <= '9'
}

// namesPlan reports a five-year plan named anywhere in text (PLAN of findDeadline).
func namesPlan(text string) bool {
	for i := strings.Index(text, "十"); i >= 0; {
		start := i
		if strings.HasSuffix(text[:i], "“") {
			start -= len("“")
		}
		if planName(text[start:]) > 0 {
			return true
		}
		next := strings.Index(text[i+len("十"):], "十")
		if next < 0 {
			break
		}
		i += len("十") + next
	}
	return false
}

// planName matches PLAN, (?:“十五”|“?十[一二三四五六七八九]五”?), at the start of s.
func planName(s string) int {
	if strings.HasPrefix(s, "“十五”") {
		return len("“十五”")
	}
	rest := strings.TrimPrefix(s, "“")
	rest, ok := strings.CutPrefix(rest, "十")
	if !ok {
		return 0
	}
	r, n := utf8.DecodeRuneInString(rest)
	if !isChineseNumeral(r) || r == '十' || !strings.HasPrefix(rest[n:], "五") {
		return 0
	}
	rest = strings.TrimPrefix(rest[n+len("五"):], "”")
	return len(s) - len(rest)
}

// deadlineAt returns the length in bytes of the time limit that opens s, or 0.
func deadlineAt(s string) int {
	if s == "" {
		return 0
	}
	if isDigit(s[0]) {
		if n := yearLimit(s); n > 0 {
			return n
		}
		return monthLimit(s)
	}
	r, size := utf8.DecodeRuneInString(s)
	if n := yearsWithin(s); n > 0 {
		return n
	}
	switch r {
	case '今', '本':
		if rest, ok := strings.CutPrefix(s[size:], "年"); ok {
			if n := yearEnd(rest); n > 0 {
				return len(s) - len(rest) + n
			}
		}
		if r == '本' && strings.HasPrefix(s, "本届政府任期内") {
			return len("本届政府任期内")
		}
	case '年':
		if n := yearEnd(s[size:]); n > 0 {
			return size + n
		}
	case '上', '下':
		if strings.HasPrefix(s[size:], "半年") {
			return size + len("半年")
		}
	case '到':
		return untilLimit(s)
	case '“', '十':
		return planLimit(s)
	}
	return 0
}

// yearsWithin matches [一二三四五六七八九十两]+年内.
func yearsWithin(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isChineseNumeral(r) && r != '两' {
			break
		}
		i += n
	}
	if i > 0 && strings.HasPrefix(s[i:], "年内") {
		return i + len("年内")
	}
	return 0
}

// yearEnd matches 内|底前|末前|底 (after 年).
func yearEnd(s string) int {
	for _, w := range [...]string{"内", "底前", "末前", "底"} {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// untilLimit matches 到(?:(?:19|20)\d\d|PLAN)(?:年)?(?:底|末)?.
func untilLimit(s string) int {
	rest := s[len("到"):]
	if isYear(rest) {
		rest = rest[4:]
	} else if n := planName(rest); n > 0 {
		rest = rest[n:]
	} else {
		return 0
	}
	rest = strings.TrimPrefix(rest, "年")
	if strings.HasPrefix(rest, "底") || strings.HasPrefix(rest, "末") {
		rest = rest[len("底"):]
	}
	return len(s) - len(rest)
}

// yearLimit matches (?:19|20)\d\d年(?:底|末|\d{1,2}月底?)?(?:前|以前|之前), trying the optional part's readings in
// the order a backtracking matcher would.
func yearLimit(s string) int {
	if !isYear(s) || !strings.HasPrefix(s[4:], "年") {
		return 0
	}
	head := 4 + len("年")
	rest := s[head:]
	var options [3]int // lengths of the readings of the optional part, the empty one last
	n := 0
	if strings.HasPrefix(rest, "底") || strings.HasPrefix(rest, "末") {
		options[n] = len("底")
		n++
	}
	if m := monthLen(rest); m > 0 {
		if strings.HasPrefix(rest[m:], "底") {
			options[n] = m + len("底")
			n++
		}
		options[n] = m
		n++
	}
	for _, o := range append(options[:n], 0) {
		for _, w := range [...]string{"前", "以前", "之前"} {
			if strings.HasPrefix(rest[o:], w) {
				return head + o + len(w)
			}
		}
	}
	return 0
}

// monthLimit matches \d{1,2}月(?:底|份)?(?:前|以前).
func monthLimit(s string) int {
	m := monthLen(s)
	if m == 0 {
		return 0
	}
	for _, o := range [...]int{len("底"), 0} {
		if o > 0 && !strings.HasPrefix(s[m:], "底") && !strings.HasPrefix(s[m:], "份") {
			continue
		}
		for _, w := range [...]string{"前", "以前"} {
			if strings.HasPrefix(s[m+o:], w) {
				return m + o + len(w)
			}
		}
	}
	return 0
}

// planLimit matches PLAN(?:末|期间|时期).
func planLimit(s string) int {
	n := planName(s)
	if n == 0 {
		return 0
	}
	rest := s[n:]
	for _, w := range [...]string{"末", "期间", "时期"} {
		if strings.HasPrefix(rest, w) {
			return len(s) - len(rest) + len(w)
		}
	}
	return 0
}

// monthLen matches \d{1,2}月 (the longer number first, as a greedy matcher would), or returns 0.
func monthLen(s string) int {
	for _, d := range [...]int{2, 1} {
		if len(s) > d && isDigit(s[0]) && (d == 1 || isDigit(s[1])) && strings.HasPrefix(s[d:], "月") {
			return d + len("月")
		}
	}
	return 0
}

// isYear matches (?:19|20)\d\d.
func isYear(s string) bool {
	return len(s) >= 4 && (s[0] == '2' && s[1] == '0' || s[0] == '1' && s[1] == '9') && isDigit(s[2]) && isDigit(s[3])
}

// isDigit is \d of a regular expression: an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }
