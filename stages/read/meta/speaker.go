package meta

import (
	_ "embed"
	"slices"
	"strings"
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
var levelWords = map[string]bool{"": true, "省": true, "市": true, "区": true, "县": true, "州": true, "旗": true, "盟": true,
	"自治区": true, "自治州": true, "自治县": true, "自治旗": true, "特别行政区": true}

// speakerLine reads 国务院总理 李强, 省长 王浩, 广东省省长 孟凡利 or
// 海拉尔区人民政府区长 杜联合: an optional place and government, an office,
// spaces, a name. place is the region text before the office, if any.
func speakerLine(t string) (place, role, name string, ok bool) {
	for _, ro := range roles {
		i := strings.Index(t, ro)
		if i < 0 || i > 90 { // bytes: 内蒙古自治区呼伦贝尔市海拉尔区人民政府 is 60
			continue
		}
		rest := t[i+len(ro):]
		if rest == "" || (rest[0] != ' ' && rest[0] != ':' && !strings.HasPrefix(rest, "\u3000") && !strings.HasPrefix(rest, "：")) {
			continue
		}
		name = strings.TrimSpace(strings.Trim(rest, " \u3000:："))
		if name == "" || utf8.RuneCountInString(name) > 12 || strings.ContainsAny(name, "，。：；、") {
			continue
		}
		before := strings.TrimSuffix(strings.TrimSuffix(Compact(t[:i]), "政府"), "人民")
		if levelWords[before] {
			return "", ro, name, true
		}
		if _, n, _ := region.Prefix(before, ""); n == len(before) {
			return before, ro, name, true
		}
	}
	return "", "", "", false
}
