package runreport

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/govreports/govreports/schemas"
)

func TestCountsForOneAndMany(t *testing.T) {
	for _, tc := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "report", "0 reports"},
		{1, "report", "1 report"},
		{1, "input", "1 input"},
		{2, "input", "2 inputs"},
		{3200, "report", "3,200 reports"},
		{1, "more report", "1 more report"},
		{1432300, "row", "1,432,300 rows"},
	} {
		assert.Equal(t, tc.want, count(tc.n, tc.noun))
	}
	assert.Equal(t, "row", nounFor(int64(1), "row"))
	assert.Equal(t, "rows", nounFor(int16(0), "row"))
	assert.Equal(t, "-1,234", thousands(-1234))
	assert.Equal(t, "999", thousands(999))
	assert.Equal(t, "12%", share(12, 100))
	assert.Empty(t, share(1, 0))
}

// TestGoalTextSigns: targets read with their comparator, unit and sign: a
// reduction as "down", a margin over another region in words.
func TestGoalTextSigns(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	s := schemas.Ptr[string]
	pct := func(ind string, c schemas.Comparator, value float64) schemas.Goal {
		return schemas.Goal{Indicator: ind, Comparator: string(c), Value: v(value), Multiplier: v(1), Unit: s("%"), BaseUnit: s("percent")}
	}
	rangeOf := pct("gdp_growth", schemas.Range, 4.5)
	rangeOf.ValueMax = v(5)
	rel := func(margin *float64, ref, note string, resolved *float64) schemas.Goal {
		g := schemas.Goal{Indicator: "gdp_growth", Comparator: string(schemas.Relative), Value: margin, Reference: s(ref), Note: s(note), ResolvedValue: resolved}
		if margin != nil {
			g.Unit = s("pp")
		}
		return g
	}
	for _, tc := range []struct {
		name string
		goal schemas.Goal
		want string
	}{
		{"about", pct("gdp_growth", schemas.About, 5), "≈ 5%"},
		{"exact", pct("gdp_growth", schemas.Exact, 5.5), "5.5%"},
		{"range", rangeOf, "4.5–5%"},
		{"ceiling", pct("cpi", schemas.AtMost, 3), "≤ 3%"},
		{"reduction", pct("energy_intensity_reduction", schemas.AtLeast, 3), "down ≥ 3%"},
		{"reduction about", pct("carbon_intensity_reduction", schemas.About, 2.5), "down ≈ 2.5%"},
		{"people in 万", schemas.Goal{Indicator: "urban_new_jobs", Comparator: "at_least", Value: v(1200), Multiplier: v(1e4), Unit: s("人")}, "≥ 1200万人"},
		{"points", schemas.Goal{Indicator: "other", Comparator: "about", Value: v(0.5), Multiplier: v(1), Unit: s("个百分点")}, "≈ 0.5 pp"},
		{"in step", schemas.Goal{Indicator: "income_growth", Comparator: "in_sync"}, "in step with GDP"},
		{"qualitative", schemas.Goal{Indicator: "cpi", Comparator: "qualitative"}, "in words"},
		{"relative", rel(v(1), "province", "高于全省1个百分点左右", nil), "about 1 pp above the province"},
		{"relative at least", rel(v(2), "nation", "高于全国2个百分点以上", nil), "at least 2 pp above the nation"},
		{"relative without margin", rel(nil, "prefecture", "高于全市平均水平", nil), "above the prefecture"},
		{"relative to words", rel(nil, "全区", "快于全区", nil), "above 全区"},
		{"relative resolved", rel(v(1), "province", "高于全省1个百分点", v(6.5)), "6.5% (1 pp above the province)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, goalText(tc.goal))
		})
	}
}

// TestLabelsCoverTheSchema: every code of the columns the page counts by
// has plain words in labels.tsv.
func TestLabelsCoverTheSchema(t *testing.T) {
	for _, c := range []struct {
		table *schemas.Table
		col   string
	}{{schemas.Figures, "kind"}, {schemas.Commitments, "topic"}, {schemas.Reports, "level"}} {
		codes := docList(c.table, c.col)
		assert.NotEmpty(t, codes)
		for _, code := range codes {
			assert.Contains(t, labels[c.table.Name+"."+c.col], code, "labels.tsv names %s %s", c.table.Name+"."+c.col, code)
		}
	}
	words := map[string]bool{}
	for _, l := range append(columnLabels(schemas.Figures, "kind"), columnLabels(schemas.Commitments, "topic")...) {
		assert.False(t, words[l.Words], "two columns of the glance tables called %q", l.Words)
		words[l.Words] = true
	}
}

func TestAxis(t *testing.T) {
	for _, tc := range []struct {
		max, width, end, step float64
	}{
		{8, 800, 9, 1},     // one column: a tick a point
		{8, 60, 9, 5},      // eight columns: two labels
		{3, 800, 3.5, 0.5}, // CPI targets
		{1.2e7, 800, 1.4e7, 2e6},
		{0, 800, 0, 0}, // no bars
	} {
		end, step := axis(tc.max, tc.width)
		assert.InDelta(t, tc.end, end, 1e-9, "end for %v over %v px", tc.max, tc.width)
		assert.InDelta(t, tc.step, step, 1e-9, "step for %v over %v px", tc.max, tc.width)
	}
}
