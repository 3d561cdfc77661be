// Package links joins the reports of a dataset to each other: a report of
// year Y to its region's report of Y+1, whose review states the outcomes of
// Y (the attainment table), and a report to the reports of the regions above
// it of the same year, whose targets its relative targets are set against
// (goals.resolved_value). It holds no rows, only where each report stands
// (Place), and says which reports' links a commit that brings or removes
// reports can change, so that a commit recomputes those and no others.
package links

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/region"
)

// nationCode is the region code of the national report.
const nationCode = "000000"

// References of relative targets (goals.reference) that name a report.
const (
	Nation     = "nation"
	Province   = "province"
	Prefecture = "prefecture"
)

// Place is where a report stands: what links it to other reports.
type Place struct {
	ID   string
	Year int16
	Code string // region_code: the division of the report's year
	// Link is the division that holds the region today
	// (reports.region_code_current), or Code where the register does not
	// know: the reports of one place across its changes of code share it.
	Link string
	// The codes of the divisions above the region in the report's year; ""
	// where there is none.
	Province, Prefecture string
}

// PlaceOf is the place of the report of a reports row.
func PlaceOf(r schemas.Report) Place {
	p := Place{ID: r.ReportID, Year: r.Year, Code: r.RegionCode, Link: r.RegionCode}
	if r.RegionCodeCurrent != nil {
		p.Link = *r.RegionCodeCurrent
	}
	if r.ProvinceCode != nil {
		p.Province = *r.ProvinceCode
	}
	if r.PrefectureCode != nil {
		p.Prefecture = *r.PrefectureCode
	}
	return p
}

// PlaceOfID is the place of a report known by its id alone ({year}-{code},
// a report a commit removes): its year, code and link. That is all a
// removed report needs: which reports were linked to it.
func PlaceOfID(id string) (Place, error) {
	y, code, ok := strings.Cut(id, "-")
	year, err := strconv.ParseInt(y, 10, 16)
	if !ok || err != nil || len(code) != 6 {
		return Place{}, fmt.Errorf("links: %q is not a report id ({year}-{region_code})", id)
	}
	p := Place{ID: id, Year: int16(year), Code: code, Link: code}
	if r, ok := region.ByCode(code); ok && r.CurrentCode != "" {
		p.Link = r.CurrentCode
	}
	return p, nil
}

// depth orders places from the nation down: a report's references stand
// before it.
func (p Place) depth() int {
	switch {
	case p.Code == nationCode:
		return 0
	case p.Province == "":
		return 1
	case p.Prefecture == "":
		return 2
	}
	return 3
}

// under tells whether q's region lies below p's in the same year.
func (p Place) under(q Place) bool {
	return q.Year == p.Year && q.ID != p.ID &&
		(p.Code == nationCode || q.Province == p.Code || q.Prefecture == p.Code)
}

type yearKey struct {
	year int16
	code string
}

// Graph is the places of the reports of a dataset, or of the years around
// those a commit changes.
type Graph struct {
	places map[string]Place
	byLink map[yearKey][]string // ids, sorted
	byCode map[yearKey][]string
	byYear map[int16][]string
}

// NewGraph indexes places.
func NewGraph(places []Place) *Graph {
	g := &Graph{places: map[string]Place{}, byLink: map[yearKey][]string{}, byCode: map[yearKey][]string{}, byYear: map[int16][]string{}}
	for _, p := range places {
		g.places[p.ID] = p
	}
	for _, id := range sortedIDs(g.places) {
		p := g.places[id]
		g.byLink[yearKey{p.Year, p.Link}] = append(g.byLink[yearKey{p.Year, p.Link}], id)
		g.byCode[yearKey{p.Year, p.Code}] = append(g.byCode[yearKey{p.Year, p.Code}], id)
		g.byYear[p.Year] = append(g.byYear[p.Year], id)
	}
	return g
}

// Place is the place of report id.
func (g *Graph) Place(id string) (Place, bool) {
	p, ok := g.places[id]
	return p, ok
}

// Next is the report of year Y+1 of report id's place, whose review speaks
// of Y; "" when the graph has none. Of two (two codes of that year that one
// division holds today) the one of the same code wins, else the first id.
func (g *Graph) Next(id string) string {
	p, ok := g.places[id]
	if !ok {
		return ""
	}
	return pick(g.byLink[yearKey{p.Year + 1, p.Link}], g.byCode[yearKey{p.Year + 1, p.Code}])
}

// Prev are the reports of year Y−1 of place p (a report of the graph or
// one removed from it), whose goals p's review may state the outcomes of.
func (g *Graph) Prev(p Place) []string { return g.byLink[yearKey{p.Year - 1, p.Link}] }

// Reference is the report that a relative target of report id set against
// ref (nation, province, prefecture) refers to: the report of that year of
// the division above id's region; "" when there is none in the graph, or
// ref names no division (the words of another reference).
func (g *Graph) Reference(id, ref string) string {
	p, ok := g.places[id]
	if !ok {
		return ""
	}
	code := ""
	switch ref {
	case Nation:
		code = nationCode
	case Province:
		code = p.Province
	case Prefecture:
		code = p.Prefecture
	}
	if code == "" || code == p.Code {
		return ""
	}
	return pick(g.byCode[yearKey{p.Year, code}], nil)
}

// pick is the id of same among ids, else the first of ids.
func pick(ids, same []string) string {
	for _, id := range ids {
		if slices.Contains(same, id) {
			return id
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// Resolvable are, by year, the reports of the graph whose resolved values a
// commit that changes (brings or removes) the reports changed may change:
// each changed report of the graph, and every report of its year below its
// region (a county's target set against its prefecture's, itself set
// against the province's, changes with the province's).
func (g *Graph) Resolvable(changed []Place) map[int16][]string {
	set := map[string]bool{}
	for _, c := range changed {
		if _, ok := g.places[c.ID]; ok {
			set[c.ID] = true
		}
		for _, id := range g.byYear[c.Year] {
			if c.under(g.places[id]) {
				set[id] = true
			}
		}
	}
	return g.byYearOf(set)
}

// Assessable are, by year, the reports of the graph whose attainment rows a
// commit that changes the reports changed may change, once the resolved
// values of the reports resolved changed: the changed reports and those
// resolved (their goals are new), and the reports of the year before each
// changed one (its review is new, or gone).
func (g *Graph) Assessable(changed []Place, resolved []string) map[int16][]string {
	set := map[string]bool{}
	for _, id := range resolved {
		set[id] = true
	}
	for _, c := range changed {
		if _, ok := g.places[c.ID]; ok {
			set[c.ID] = true
		}
		for _, id := range g.Prev(c) {
			set[id] = true
		}
	}
	return g.byYearOf(set)
}

// Above are the reports that the relative targets of the reports ids may
// refer to: the reports of their year of the divisions above them.
func (g *Graph) Above(ids []string) []string {
	set := map[string]bool{}
	for _, id := range ids {
		for _, ref := range []string{Nation, Province, Prefecture} {
			if r := g.Reference(id, ref); r != "" {
				set[r] = true
			}
		}
	}
	return sortedIDs(set)
}

func (g *Graph) byYearOf(set map[string]bool) map[int16][]string {
	out := map[int16][]string{}
	for _, id := range sortedIDs(set) {
		y := g.places[id].Year
		out[y] = append(out[y], id)
	}
	return out
}

// FromTheTop orders ids (of one year) so that every report comes after the
// reports its relative targets refer to: the nation, the provinces, the
// prefectures, the counties, each by id.
func (g *Graph) FromTheTop(ids []string) []string {
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b string) int {
		if d := g.places[a].depth() - g.places[b].depth(); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return out
}

func sortedIDs[V any](m map[string]V) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
