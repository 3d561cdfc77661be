package meta

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Years a report can have; anything else is a misreading, not a year.
const MinYear, MaxYear = 1949, 2100

// Compact is a line as metadata is matched: spaces of every width removed
// (政 府 工 作 报 告, 1 9 9 8 年) and full-width digits made ASCII (２００９).
func Compact(s string) string {
	clean := true
	for _, r := range s {
		if unicode.IsSpace(r) || (r >= '０' && r <= '９') || r == '\u200b' || r == '\ufeff' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// yearDigits is a regular expression for the four digits of a year as
// reports write them: ASCII, Chinese (二〇二六), or mixed with a digit or a
// Latin letter for the zero (二00三, 二O一一).
const yearDigits = `[0-9〇○零ＯOo一二三四五六七八九]{4}`

// parseYear reads four digits, ASCII or Chinese (二〇二六, 二O一一), as a plausible year.
func parseYear(s string) (int, bool) {
	y := 0
	for _, r := range s {
		d := chineseDigit(r)
		if d < 0 {
			return 0, false
		}
		y = y*10 + d
	}
	return y, y >= MinYear && y <= MaxYear
}

func chineseDigit(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r >= '０' && r <= '９' {
		return int(r - '０')
	}
	if i := strings.IndexRune("〇一二三四五六七八九", r); i >= 0 {
		return utf8.RuneCountInString("〇一二三四五六七八九"[:i])
	}
	if r == '○' || r == '零' || r == 'Ｏ' || r == 'O' || r == 'o' {
		return 0
	}
	return -1
}

// parseSmall reads a month or day: 3, 12, 三, 十二, 二十一.
func parseSmall(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return chineseDigit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + chineseDigit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return 10 * chineseDigit(rs[0])
	case len(rs) == 3 && rs[1] == '十':
		return 10*chineseDigit(rs[0]) + chineseDigit(rs[2])
	}
	return -1
}
