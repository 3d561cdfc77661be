package meta

import (
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
	"github.com/govreports/govreports/stages/region"
)

//go:embed roles.txt
var rolesTXT string

// roles are the speakers' offices, longest first so that 自治区人民政府主席 wins over 主席.
var roles = func() []string {
	rs := lexicon.Words(rolesTXT)
	slices.SortStableFunc(rs, func(a, b string) int { return len(b) - len(a) })
	return rs
}()

// levelWords are the generic government names of 我代表省人民政府 and
// 市人民政府市长: they tell a level, not which region.
var levelWords = map[string]bool{"": true, "省": true, "地区": true, "市": true, "区": true, "县": true, "州": true, "旗": true, "盟": true,
	"自治区": true, "自治州": true, "自治县": true, "自治旗": true, "特别行政区": true}

// speakerLine reads 国务院总理 李强, 省长 王浩, 广东省省长 孟凡利 or
// 海拉尔区人民政府区长 杜联合: an optional place and government, an office,
// spaces, a name; or with no space when a place stands before the office and
// a name of two to four characters is all that follows (某市市长张某). place
// is the region text before the office, if any.
func speakerLine(t string) (place, role, name string, ok bool) {
	return readSpeaker(t, false)
}

// speakerRunOn reads a speaker line run on after a dateline, with no space
// before the name (某市人民政府市长张某, 市长张某): the name is then all that
// follows, two to four characters.
func speakerRunOn(t string) (place, role, name string, ok bool) {
	return readSpeaker(t, true)
}

func readSpeaker(t string, runOn bool) (place, role, name string, ok bool) {
	for _, ro := range roles {
		i := strings.Index(t, ro)
		if i < 0 || i > 90 { // bytes: 内蒙古自治区呼伦贝尔市海拉尔区人民政府 is 60
			continue
		}
		rest := t[i+len(ro):]
		spaced := rest != "" && (rest[0] == ' ' || rest[0] == ':' || strings.HasPrefix(rest, "\u3000") || strings.HasPrefix(rest, "："))
		name = strings.TrimSpace(strings.Trim(rest, " \u3000:："))
		if name == "" || utf8.RuneCountInString(name) > 12 || strings.ContainsAny(name, "，。：；、") {
			continue
		}
		before := strings.TrimSuffix(strings.TrimSuffix(Compact(t[:i]), "政府"), "人民")
		level := levelWords[before]
		if !level && !isPlace(before) {
			continue
		}
		// Unspaced, the name must be all that follows: after a dateline, or
		// after a place named on a line of its own.
		if !spaced && (!isPersonName(name) || !runOn && level) {
			continue
		}
		if level {
			return "", ro, name, true
		}
		return before, ro, name, true
	}
	return "", "", "", false
}

// isPersonName tells a name run on after an office: two to four Chinese
// characters, maybe with the middle dot of a transcribed name.
func isPersonName(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '·' && r != '•' {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4 || strings.ContainsAny(s, "·•") && n <= 12
}

// isPlace tells whether the text before an office names a division: one
// the register knows today, or a run of Chinese ending in the kind of a
// division (莱芜市, 毕节地区) that the report's year may know, checked when
// the region is chosen.
func isPlace(s string) bool {
	if _, n, _ := region.Prefix(s, ""); n == len(s) && n > 0 {
		return true
	}
	rs := []rune(s)
	if len(rs) < 2 || len(rs) > 24 {
		return false
	}
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return strings.ContainsRune(divisionKinds, rs[len(rs)-1])
}

// divisionKinds are the last characters of divisions' names.
const divisionKinds = "省市区县州盟旗"
