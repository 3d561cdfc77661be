package links

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
)

// place is a report of the invented province 99 (990000), its prefecture
// 南河市 (990100) and its county 北岭县 (990121), renumbered 990104 北岭区
// from 2013; link is the code that holds it today.
func place(year int16, code, link string) Place {
	p := Place{ID: fmt.Sprintf("%d-%s", year, code), Year: year, Code: code, Link: link}
	switch {
	case code == nationCode:
	case code[2:] == "0000":
	case code[4:] == "00":
		p.Province = code[:2] + "0000"
	default:
		p.Province, p.Prefecture = code[:2]+"0000", code[:4]+"00"
	}
	return p
}

func testGraph() *Graph {
	return NewGraph([]Place{
		place(2012, "000000", "000000"), place(2013, "000000", "000000"),
		place(2012, "990000", "990000"), place(2013, "990000", "990000"),
		place(2012, "990100", "990100"),
		place(2012, "990121", "990104"), place(2013, "990104", "990104"),
		place(2012, "980000", "980000"),
	})
}

func TestGraph(t *testing.T) {
	g := testGraph()
	assert.Equal(t, "2013-990104", g.Next("2012-990121"), "linked across the change of code")
	assert.Equal(t, "", g.Next("2013-990104"))
	assert.Equal(t, "", g.Next("2012-990100"), "no report of 2013")
	assert.Equal(t, "", g.Next("2011-990000"), "not in the graph")
	assert.Equal(t, []string{"2012-990121"}, g.Prev(place(2013, "990104", "990104")))
	assert.Equal(t, "2012-990100", g.Reference("2012-990121", Prefecture))
	assert.Equal(t, "2012-990000", g.Reference("2012-990121", Province))
	assert.Equal(t, "2012-000000", g.Reference("2012-990121", Nation))
	assert.Equal(t, "", g.Reference("2013-990104", Prefecture), "no report of the prefecture that year")
	assert.Equal(t, "", g.Reference("2012-990000", Province), "a province is not its own reference")
	assert.Equal(t, "", g.Reference("2012-990121", "全县平均"), "words that name no division")
	assert.Equal(t, []string{"2012-000000", "2012-990000", "2012-990100"}, g.Above([]string{"2012-990121"}))
	assert.Equal(t, []string{"2012-000000", "2012-980000", "2012-990000", "2012-990100", "2012-990121"},
		g.FromTheTop([]string{"2012-990121", "2012-990100", "2012-990000", "2012-000000", "2012-980000"}))
}

func TestWhatACommitChanges(t *testing.T) {
	g := testGraph()
	for _, tc := range []struct {
		name       string
		changed    []Place
		resolvable map[int16][]string
		assessable map[int16][]string
	}{
		{
			name:       "a county of the later year",
			changed:    []Place{place(2013, "990104", "990104")},
			resolvable: map[int16][]string{2013: {"2013-990104"}},
			assessable: map[int16][]string{2012: {"2012-990121"}, 2013: {"2013-990104"}},
		},
		{
			name:       "a province: the regions below it",
			changed:    []Place{place(2012, "990000", "990000")},
			resolvable: map[int16][]string{2012: {"2012-990000", "2012-990100", "2012-990121"}},
			assessable: map[int16][]string{2012: {"2012-990000"}},
		},
		{
			name:       "the nation: every report of its year",
			changed:    []Place{place(2013, "000000", "000000")},
			resolvable: map[int16][]string{2013: {"2013-000000", "2013-990000", "2013-990104"}},
			assessable: map[int16][]string{2012: {"2012-000000"}, 2013: {"2013-000000"}},
		},
		{
			name:       "a report removed: what was linked to it",
			changed:    []Place{place(2013, "990000", "990000")}, // gone from the graph
			resolvable: map[int16][]string{2013: {"2013-990104"}},
			assessable: map[int16][]string{2012: {"2012-990000"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			graph := g
			if tc.name == "a report removed: what was linked to it" {
				var kept []Place
				for _, p := range g.places {
					if p.ID != "2013-990000" {
						kept = append(kept, p)
					}
				}
				graph = NewGraph(kept)
			}
			assert.Equal(t, tc.resolvable, graph.Resolvable(tc.changed))
			assert.Equal(t, tc.assessable, graph.Assessable(tc.changed, nil))
		})
	}
	assert.Equal(t, map[int16][]string{2012: {"2012-990100"}, 2013: {"2013-990104"}},
		g.Assessable(nil, []string{"2012-990100", "2013-990104"}), "the reports whose resolved values changed")
}

func TestPlaces(t *testing.T) {
	current, province, prefecture := "340124", "340000", "341400"
	p := PlaceOf(schemas.Report{Keys: schemas.Keys{ReportID: "2010-341421", Year: 2010, RegionCode: "341421"},
		RegionCodeCurrent: &current, ProvinceCode: &province, PrefectureCode: &prefecture})
	assert.Equal(t, Place{ID: "2010-341421", Year: 2010, Code: "341421", Link: "340124", Province: "340000", Prefecture: "341400"}, p)
	q, err := PlaceOfID("2010-341421")
	require.NoError(t, err)
	assert.Equal(t, Place{ID: "2010-341421", Year: 2010, Code: "341421", Link: "340124"}, q, "the link from the register")
	for _, bad := range []string{"2010", "x-341421", "2010-34"} {
		_, err := PlaceOfID(bad)
		assert.Error(t, err, bad)
	}
}

func TestResolve(t *testing.T) {
	g := testGraph()
	pct, pp := "percent", "pp"
	target := func(id string, year int16, v float64) schemas.Goal {
		return schemas.Goal{Keys: schemas.Keys{ReportID: id, Year: year}, Indicator: "gdp_growth", Comparator: "about",
			Value: &v, BaseUnit: &pct, Period: "2012"}
	}
	relative := func(id string, ref, note string, margin float64) schemas.Goal {
		return schemas.Goal{Keys: schemas.Keys{ReportID: id, Year: 2012}, Indicator: "gdp_growth", Comparator: "relative",
			Value: &margin, BaseUnit: &pp, Reference: &ref, Note: &note, Period: "2012"}
	}
	goals := map[string][]schemas.Goal{
		"2012-990000": {target("2012-990000", 2012, 9)},
		"2012-990100": {relative("2012-990100", Province, "高于全省1个百分点", 1)},
		"2012-990121": {target("2012-990121", 2012, 12), relative("2012-990121", Prefecture, "高于全市2个百分点", 2)},
	}
	before := goals["2012-990121"]
	changed := Resolve(g, goals, []string{"2012-990121", "2012-990100"})
	assert.Equal(t, []string{"2012-990100", "2012-990121"}, changed)
	require.NotNil(t, goals["2012-990100"][0].ResolvedValue)
	assert.Equal(t, 10.0, *goals["2012-990100"][0].ResolvedValue)
	require.NotNil(t, goals["2012-990121"][1].ResolvedValue)
	assert.Equal(t, 12.0, *goals["2012-990121"][1].ResolvedValue, "the prefecture's own resolved value, from the top down")
	assert.Nil(t, before[1].ResolvedValue, "the slices handed in are not changed")

	assert.Empty(t, Resolve(g, goals, []string{"2012-990121", "2012-990100"}), "nothing new the second time")
	delete(goals, "2012-990000")
	assert.Equal(t, []string{"2012-990100", "2012-990121"}, Resolve(g, goals, []string{"2012-990100", "2012-990121"}),
		"the province gone: both fall back to null")
	assert.Nil(t, goals["2012-990121"][1].ResolvedValue)
}
