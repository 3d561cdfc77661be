package meta

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/region"
)

// A report speaks for one kind of government, which it says without naming
// it: 我代表市人民政府, 市长 某某, 在区第六届人民代表大会…, and the level words of its
// body (全市, 我县, 全州, 全盟). The kind tells a city from a county or district
// of the same name (长沙市, 长沙县; 东营市, 东营区) and a city from its province
// (吉林市, 吉林省) when a name stands beside the text alone (长沙.docx, a
// folder named zhumadian): names from beside the text are read as divisions
// of that kind.

// kind is the kind of government a report speaks for ("" when nothing says
// it) and what said it, for messages.
type kind struct {
	name string // 市, 县, 区, 州, 盟, 旗, 省, 自治区, 地区 …
	why  string
}

// kindOf reads the kind: the opening address, else the speaker's office,
// else the meeting's level, else the level word that stands out in the body.
func (r *resolver) kindOf(ev *evidence) kind {
	for _, c := range ev.regions {
		if c.kind && c.source == FromText && c.name != "" {
			return kind{c.name, fmt.Sprintf("line %d speaks for a %s government", c.line, c.name)}
		}
	}
	if k := roleKind(r.m.SpeakerRole); k != "" {
		return kind{k, fmt.Sprintf("the speaker is the %s", r.m.SpeakerRole)}
	}
	if level, _, ok := strings.Cut(r.m.Meeting, "第"); ok && level != "" && levelWords[level] {
		return kind{level, fmt.Sprintf("the meeting is the %s's", level)}
	}
	if k, n := levelOf(levelWordsOf(r.in.Lines)); k != "" {
		return kind{k, fmt.Sprintf("the text says 全%s or 我%s %d times", k, k, n)}
	}
	return kind{}
}

// roleKind is the kind of government an office heads: 市长, 代县长 → 市, 县;
// 自治区主席 → 自治区; "" for the premier and offices of no one kind.
func roleKind(role string) string {
	if strings.HasPrefix(role, "自治区") {
		return "自治区"
	}
	if !strings.HasSuffix(role, "长") || strings.Contains(role, "国务院") {
		return ""
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(role, "长"))
	if !strings.ContainsRune(divisionKinds, r) {
		return ""
	}
	return string(r)
}

// fits tells whether a division is of the kind: its name ends with it (a
// 区 is a district, a 地区 or an autonomous region, all of which say 全区).
func (k kind) fits(reg region.Region) bool {
	return k.name == "" || strings.HasSuffix(reg.Full, k.name)
}

// completions are the names a bare place name (长沙, 锡林郭勒, 毕节) has as a
// division of the kind: 长沙市; 锡林郭勒盟; 毕节区, 毕节地区.
func (k kind) completions(name string) []string {
	if k.name == "" || isASCII(name) {
		return nil
	}
	last, _ := utf8.DecodeLastRuneInString(k.name)
	suffixes := []string{string(last)}
	if last == '区' {
		suffixes = append(suffixes, "地区")
	}
	var out []string
	for _, s := range suffixes {
		if !strings.HasSuffix(name, s) {
			out = append(out, name+s)
		}
	}
	return out
}
