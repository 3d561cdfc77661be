package meta

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/region"
)

// The divisions a report's body names, with their kind (驻马店市, 遂平县), are
// the last evidence of its region: a report names itself now and then (in
// its thanks, a company's name) and its own counties often, its neighbours
// seldom. It is read only when no stronger source names the region, or one
// beside the text does, to confirm it; and it counts only when one division
// of the report's kind stands out.

// Names shorter than minBodyName characters (城区, 郊区, 单县) are common words
// or too short to tell apart in running text; maxBodyName is the longest
// looked for (呼伦贝尔市, 锡林郭勒盟, 阿坝州: autonomous divisions are named by
// their short form in running text).
const minBodyName, maxBodyName = 3, 7

// Body evidence counts when the division's score (its mentions and how many
// of its counties are named) is at least minBodyScore and over twice any
// other's of the kind.
const minBodyScore = 3

// mention is a division the body names and how often.
type mention struct {
	reg region.Region
	n   int
}

// bodyClue reads the division of the kind that the body names most, with
// its own counties, when one stands out: a clue of source FromBody.
func (r *resolver) bodyClue(k kind) (clue, bool) {
	if k.name == "" {
		return clue{}, false
	}
	named := r.bodyMentions()
	children := map[string]int{} // code → how many of its divisions are named
	for _, m := range named {
		for _, above := range []string{m.reg.PrefectureCode, m.reg.ProvinceCode} {
			if above != "" {
				children[above]++
			}
		}
	}
	type scored struct {
		mention
		score int
	}
	var fit []scored
	for _, m := range named {
		if k.fits(m.reg) && m.reg.Level != "national" {
			fit = append(fit, scored{m, m.n + children[m.reg.Code]})
		}
	}
	if len(fit) == 0 {
		return clue{}, false
	}
	slices.SortStableFunc(fit, func(a, b scored) int { return b.score - a.score })
	best := fit[0]
	if best.score < minBodyScore {
		return clue{}, false
	}
	// Another division of the kind near the best — a neighbour, or a
	// county-level city inside it named as often as the city and its
	// counties together — leaves it unclear whose report this is.
	if len(fit) > 1 && 2*fit[1].score > best.score {
		return clue{}, false
	}
	reg := best.reg
	return clue{source: FromBody, name: reg.Full, reg: &reg,
		where: fmt.Sprintf("%s %d times, %d of its divisions", reg.Full, best.n, children[reg.Code])}, true
}

// bodyMentions finds the divisions of the report's year named in its body:
// at each character that ends a division's name (市, 县, 区 …) the longest
// name that ends there. A name that several divisions bear is left out.
func (r *resolver) bodyMentions() []mention {
	byCode := map[string]int{}
	var named []mention
	for _, l := range r.in.Lines {
		t := l.Text
		var prev rune
		for i, c := range t {
			if isKindRune(c) && !levelBefore(prev) {
				if reg, ok := r.nameEndingAt(t, i+utf8.RuneLen(c)); ok {
					if k, seen := byCode[reg.Code]; seen {
						named[k].n++
					} else {
						byCode[reg.Code] = len(named)
						named = append(named, mention{reg: reg, n: 1})
					}
				}
			}
			prev = c
		}
	}
	return named
}

// isKindRune tells the characters that end a division's name.
func isKindRune(c rune) bool {
	switch c {
	case '省', '市', '区', '县', '州', '盟', '旗':
		return true
	}
	return false
}

// levelBefore tells the characters before a kind that make a level word or
// a common word of it (全市, 我县, 县市, 各区, 社区), not the end of a name.
// Not 城, 州 or 地, which end place names (晋城市, 荆州市, 毕节地区).
func levelBefore(c rune) bool {
	switch c {
	case '全', '我', '本', '各', '省', '市', '区', '县', '郊', '社', '辖', '园', '景', '街':
		return true
	}
	return false
}

// nameEndingAt reads the longest division name of the year ending at t[:end].
func (r *resolver) nameEndingAt(t string, end int) (region.Region, bool) {
	start, runes := end, 0
	var found region.Region
	ok := false
	for runes < maxBodyName && start > 0 {
		_, w := utf8.DecodeLastRuneInString(t[:start])
		start -= w
		runes++
		if runes < minBodyName {
			continue
		}
		switch regs := r.year.Named(t[start:end]); len(regs) {
		case 0:
		case 1:
			found, ok = regs[0], true
		default:
			found, ok = region.Region{}, false // the longer name is ambiguous: no shorter one stands for it
		}
	}
	return found, ok
}
