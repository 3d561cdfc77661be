package relative

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/lexicon"
)

func TestWayOf(t *testing.T) {
	for note, want := range map[string]Way{
		"高于全省1个百分点左右": Above,
		"比全省平均高2个百分点": Above,
		"不低于全国平均水平":   Above,
		"跑赢全省":        Above,
		"低于全省0.5个百分点": Below,
		"不高于全省平均水平":   Below,
		"好于全省":        Better,
		"与全省同步":       Same,
		"与全市持平":       Same,
		"":            "",
		"全省平均水平":      "",
	} {
		assert.Equal(t, want, WayOf(note), note)
	}
	_, err := lexicon.Classes("ways.tsv", "sideways\t横\n", nil, string(Above))
	assert.ErrorContains(t, err, "ways.tsv")
}

func num(v float64) *float64 { return &v }

func str(s string) *string { return &s }

// goal is a target of the reference region, or a relative one when note is set.
func goal(ind, cmp string, value *float64, note string) schemas.Goal {
	g := schemas.Goal{Indicator: ind, Comparator: cmp, Value: value, BaseUnit: str("percent"), Period: "2009"}
	if note != "" {
		g.Note, g.BaseUnit = str(note), str("pp")
	}
	return g
}

func TestResolve(t *testing.T) {
	province := []schemas.Goal{
		goal("gdp_growth", "about", num(9), ""),
		{Indicator: "gdp_growth", Comparator: "at_least", Value: num(10), BaseUnit: str("percent"), Period: "2009", Stretch: true},
		goal("cpi", "at_most", num(4), ""),
		goal("unemployment_rate", "range", num(4.5), ""),
		goal("income_growth", "in_sync", nil, ""),
		{Indicator: "fixed_asset_investment_level", Comparator: "about", Value: num(5000), BaseUnit: str("CNY"), Period: "2009"},
	}
	for _, tc := range []struct {
		name string
		g    schemas.Goal
		want *float64
	}{
		{"the margin above", goal("gdp_growth", "relative", num(1.5), "高于全省1.5个百分点"), num(10.5)},
		{"no margin", goal("gdp_growth", "relative", nil, "高于全省平均水平"), num(9)},
		{"below a ceiling", goal("cpi", "relative", num(0.5), "低于全省0.5个百分点"), num(3.5)},
		{"better where down is good", goal("cpi", "relative", num(1), "好于全省1个百分点"), num(3)},
		{"a range by its lower bound", goal("unemployment_rate", "relative", nil, "低于全省"), num(4.5)},
		{"in step", goal("gdp_growth", "relative", nil, "与全省同步"), num(9)},
		{"the reference sets it in words", goal("income_growth", "relative", num(1), "高于全省1个百分点"), nil},
		{"the reference sets an amount", goal("fixed_asset_investment_level", "relative", nil, "高于全省"), nil},
		{"the reference sets none", goal("retail_sales_growth", "relative", num(1), "高于全省1个百分点"), nil},
		{"another year", func() schemas.Goal {
			g := goal("gdp_growth", "relative", num(1), "高于全省1个百分点")
			g.Period = "2010"
			return g
		}(), nil},
		{"no way", goal("gdp_growth", "relative", num(1), "全省平均"), nil},
		{"not relative", goal("gdp_growth", "about", num(8), ""), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Resolve(tc.g, province))
		})
	}
	t.Run("a reference that is relative itself", func(t *testing.T) {
		city := goal("gdp_growth", "relative", num(1), "高于全省1个百分点")
		city.ResolvedValue = num(10)
		county := goal("gdp_growth", "relative", num(2), "高于全市2个百分点")
		assert.Equal(t, num(12), Resolve(county, []schemas.Goal{city}))
		city.ResolvedValue = nil
		assert.Nil(t, Resolve(county, []schemas.Goal{city}))
	})
}

func TestComparator(t *testing.T) {
	for _, tc := range []struct {
		g    schemas.Goal
		want schemas.Comparator
	}{
		{goal("gdp_growth", "relative", num(1), "高于全省1个百分点"), schemas.AtLeast},
		{goal("cpi", "relative", nil, "低于全国"), schemas.AtMost},
		{goal("cpi", "relative", nil, "好于全国"), schemas.AtMost},
		{goal("gdp_growth", "relative", nil, "好于全国"), schemas.AtLeast},
		{goal("gdp_growth", "relative", nil, "与全省同步"), schemas.About},
		{goal("gdp_growth", "relative", nil, "全省平均"), ""},
		{goal("gdp_growth", "about", num(8), ""), ""},
	} {
		require.Equal(t, tc.want, Comparator(tc.g), "%v", tc.g.Note)
	}
}
