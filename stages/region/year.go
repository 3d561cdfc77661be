package region

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
)

// Year is the register as of a report's year: the divisions in force then.
// Year(0) is today's register, the one Find and Prefix read.
//
// The data holds revisions of GB/T 2260 (2002-12 … 2016-07, then today's).
// A report of year Y, given early in Y, speaks of the divisions of the last
// revision dated before Y: a division is surely in force in Y when that
// revision lists it. The changes between two revisions are not dated, so a
// division may be in force from the year after the revision before its first
// listing to the year of the first revision that omits it (临安市, listed last
// in 2016-07 and gone from today's 2023-06, may be in force until 2023; 临安区,
// new in today's, from 2017). A name is resolved among the divisions that may
// be in force, those surely in force first; a year before the first revision
// reads the first. A name that names nothing in its year is tried with the
// suffix of an upgrade (suffixes.tsv: 萧山市 → 萧山区, 毕节地区 → 毕节市) when
// that names one division.
type Year int

// Find resolves a name as Find does, among the divisions of the year.
func (y Year) Find(name string) (Region, error) {
	l := y.lookup()
	name = strings.TrimSpace(name)
	if name == "" {
		return Region{}, fmt.Errorf("%q %w", name, ErrUnknown)
	}
	if r, ok := l.byCode(name); ok {
		return r, nil
	}
	if isLatin(name) {
		return l.pick(name, l.inForce(l.g.byLatin[latinKey(name)]), "")
	}
	if r, n, err := l.prefix(name, ""); n == len(name) {
		return r, err
	}
	return l.pick(name, l.inForce(l.g.byStem[name]), "")
}

// Prefix reads the division named at the start of s as Prefix does, among
// the divisions of the year.
func (y Year) Prefix(s, nearby string) (r Region, n int, err error) {
	return y.lookup().prefix(s, nearby)
}

// Named returns the divisions that bear exactly the name in the year — a
// full or short name, an alias, the short form of an autonomous division —
// those surely in force first: no codes, stems or Latin names, and no error
// for a name that names none. It is the cheap test for a name found in
// running text (遂平县, 驻马店市), where most strings tried name nothing.
func (y Year) Named(name string) []Region {
	l := y.lookup()
	cands := l.g.byName[name]
	if len(cands) == 0 {
		return nil
	}
	cands = l.surest(l.inForce(cands))
	out := make([]Region, len(cands))
	for i, c := range cands {
		out[i] = l.g.all[c]
	}
	return out
}

// lookup is a register read in a year.
type lookup struct {
	g       *register
	year    int16 // unused in today's register, whose versions are all in force
	upgrade bool  // try an old name's upgrade (a year was given)
}

// lookup reads today's register for today and for the years after its
// revision, and every version otherwise.
func (y Year) lookup() lookup {
	g := today()
	if y == 0 || int(y) > int(g.revisions[len(g.revisions)-1].year) {
		return lookup{g: g, upgrade: y != 0}
	}
	return lookup{g: versionRegister(), year: int16(max(int(y), math.MinInt16)), upgrade: true}
}

// inForce gives the report years in which a version listed by the revisions
// first … last may be in force (from … to) and is surely in force (sure … to).
func inForce(revs []revision, first, last int) (from, sure, to int16) {
	from, sure, to = math.MinInt16, math.MinInt16, math.MaxInt16
	if first > 0 {
		from, sure = revs[first-1].year+1, revs[first].year+1
	}
	if last < len(revs)-1 {
		to = revs[last+1].year
	}
	return from, sure, to
}

// inForce keeps the candidates that may be in force in the year.
func (l lookup) inForce(cands []int) []int {
	if !l.g.history {
		return cands
	}
	var in []int
	for _, i := range cands {
		if r := &l.g.all[i]; r.from <= l.year && l.year <= r.to {
			in = append(in, i)
		}
	}
	return in
}

// surest keeps the candidates surely in force in the year, if any are.
func (l lookup) surest(cands []int) []int {
	if !l.g.history || len(cands) < 2 {
		return cands
	}
	var sure []int
	for _, i := range cands {
		if l.g.all[i].sure <= l.year {
			sure = append(sure, i)
		}
	}
	if len(sure) == 0 {
		return cands
	}
	return sure
}

// byCode finds the version of a code in force in the year, or its latest;
// a code that today's register lacks is looked up among the past ones.
func (l lookup) byCode(code string) (Region, bool) {
	i, ok := l.g.byCode[code]
	if !ok {
		if len(code) != 6 || strings.Trim(code, "0123456789") != "" || l.g.history {
			return Region{}, false
		}
		vs := Versions(code) // only for a code: a name must not load the past
		if len(vs) == 0 {
			return Region{}, false
		}
		return vs[len(vs)-1], true
	}
	j := i
	for j+1 < len(l.g.all) && l.g.all[j+1].Code == code {
		j++
	}
	if j == i {
		return l.g.all[i], true
	}
	vs := make([]int, 0, j-i+1)
	for k := i; k <= j; k++ {
		vs = append(vs, k)
	}
	if in := l.surest(l.inForce(vs)); len(in) > 0 {
		return l.g.all[in[0]], true
	}
	return l.g.all[j], true
}

// pick returns the only candidate (the only one surely in force), the only
// one whose parent is named in nearby, or an error.
func (l lookup) pick(name string, cands []int, nearby string) (Region, error) {
	cands = l.surest(cands)
	switch len(cands) {
	case 0:
		return Region{}, fmt.Errorf("%q %w", name, ErrUnknown)
	case 1:
		return l.g.all[cands[0]], nil
	}
	// The nearest parent decides first: 徐州市 tells the 鼓楼区 of 江苏省 apart.
	for _, above := range []func(Region) string{
		func(r Region) string { return r.PrefectureCode },
		func(r Region) string { return r.ProvinceCode },
	} {
		var named []int
		for _, i := range cands {
			if nearby != "" && namedIn(above(l.g.all[i]), nearby) {
				named = append(named, i)
			}
		}
		if len(named) == 1 {
			return l.g.all[named[0]], nil
		}
	}
	e := &AmbiguousError{Name: name}
	for _, i := range cands {
		e.Candidates = append(e.Candidates, l.g.all[i])
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

func (l lookup) prefix(s, nearby string) (r Region, n int, err error) {
	var chain []int // candidates of the last name read
	for n < len(s) {
		cands, m := l.nextName(s[n:], chain)
		if m == 0 {
			break
		}
		chain, n = cands, n+m
	}
	if n == 0 {
		return Region{}, 0, nil
	}
	r, err = l.pick(s[:n], chain, nearby)
	return r, n, err
}

// nextName finds the longest name at the start of s with a candidate inside
// one of the previous name's candidates (any candidate when there is none):
// a name in force in the year, else an old name whose upgrade names one.
func (l lookup) nextName(s string, prev []int) ([]int, int) {
	for n := min(len(s), l.g.maxName); n > 0; n-- {
		if n < len(s) && !utf8.RuneStart(s[n]) {
			continue
		}
		if in := l.within(l.inForce(l.g.byName[s[:n]]), prev); len(in) > 0 {
			return in, n
		}
		if l.upgrade {
			if in := l.within(l.upgraded(s[:n]), prev); len(in) == 1 {
				return in, n
			}
		}
	}
	return nil, 0
}

// within keeps the candidates inside one of prev's (all when prev is empty).
func (l lookup) within(cands, prev []int) []int {
	if len(prev) == 0 || len(cands) == 0 {
		return cands
	}
	var in []int
	for _, c := range cands {
		for _, p := range prev {
			if l.g.all[p].Contains(l.g.all[c]) {
				in = append(in, c)
				break
			}
		}
	}
	return in
}

// upgrade is a suffix of an old name and the suffixes it may have become.
type upgrade struct {
	old string
	new []string
}

// upgrades are read from suffixes.tsv, longest old suffix first (地区 before 区).
var upgrades = sync.OnceValue(func() []upgrade {
	var us []upgrade
	for _, row := range lexicon.MustParse("suffixes.tsv", suffixesTSV, 2) {
		us = append(us, upgrade{old: row.Fields[0], new: strings.Split(row.Fields[1], ",")})
	}
	sort.SliceStable(us, func(i, j int) bool { return len(us[i].old) > len(us[j].old) })
	return us
})

// upgraded finds the divisions in force that bear the name with the suffix of
// an upgrade (萧山市 → 萧山区); the place name must be two characters or more.
func (l lookup) upgraded(name string) []int {
	for _, u := range upgrades() {
		stem, ok := strings.CutSuffix(name, u.old)
		if !ok {
			continue
		}
		if utf8.RuneCountInString(stem) < 2 {
			return nil
		}
		var cands []int
		for _, s := range u.new {
			cands = append(cands, l.inForce(l.g.byName[stem+s])...)
		}
		return cands
	}
	return nil
}
