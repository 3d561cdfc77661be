// Package region is the lexicon of China's provincial-level regions and the
// nation: GB/T 2260 codes, short, full and English names, and the macro
// region. The data lives in regions.tsv, embedded at build time.
package region

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

// Region is one entry of the lexicon.
type Region struct {
	Code        string // GB/T 2260 six digits; 000000 for the nation
	Short       string // 北京, 内蒙古, 全国
	Full        string // 北京市, 内蒙古自治区, 全国
	English     string
	Level       string // national | provincial | prefecture | county
	MacroRegion string // east | central | west | northeast | national
	// ProvinceCode and PrefectureCode are the divisions above the region;
	// empty where there is none.
	ProvinceCode, PrefectureCode string
	aliases                      []string
}

//go:embed regions.tsv
var regionsTSV string

var all = mustParse(regionsTSV)

func mustParse(data string) []Region {
	rs, err := parse(data)
	if err != nil {
		panic(fmt.Sprintf("region: embedded regions.tsv: %v", err)) // build-time data: a defect, not input
	}
	return rs
}

func parse(data string) ([]Region, error) {
	var rs []Region
	for i, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 6 {
			return nil, fmt.Errorf("line %d: want at least 6 tab-separated fields, got %d", i+1, len(f))
		}
		r := Region{Code: f[0], Short: f[1], Full: f[2], English: f[3], Level: f[4], MacroRegion: f[5]}
		if len(f) > 6 && f[6] != "" {
			r.aliases = strings.Split(f[6], ",")
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// All returns every region, ordered by code.
func All() []Region {
	out := append([]Region(nil), all...)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Lookup finds a region by code, short name, full name, English name or alias.
func Lookup(name string) (Region, bool) {
	name = strings.TrimSpace(name)
	for _, r := range all {
		if name == r.Code || name == r.Short || name == r.Full || strings.EqualFold(name, r.English) {
			return r, true
		}
		for _, a := range r.aliases {
			if name == a {
				return r, true
			}
		}
	}
	return Region{}, false
}

// InTitle finds the region a report title names: the longest full or short
// name the title starts with (内蒙古自治区 before 内蒙古). A title that names no
// region but is a 政府工作报告 is the national report.
func InTitle(title string) (Region, bool) {
	best, bestLen := Region{}, 0
	for _, r := range all {
		for _, n := range []string{r.Full, r.Short} {
			if r.Level != "national" && strings.HasPrefix(title, n) && len(n) > bestLen {
				best, bestLen = r, len(n)
			}
		}
	}
	if bestLen > 0 {
		return best, true
	}
	if strings.HasPrefix(title, "政府工作报告") || strings.HasPrefix(title, "国务院政府工作报告") {
		return Lookup("000000")
	}
	return Region{}, false
}
