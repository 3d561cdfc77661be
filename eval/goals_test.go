package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/govreports/govreports/schemas"
)

func TestScoreGoalsMatching(t *testing.T) {
	five, six, one, pct := 5.0, 6.0, 1.0, "%"
	goldNumeric := GoldGoal{Region: "北京", Indicator: "gdp_growth", Value: &five, Multiplier: &one, Unit: &pct, Comparator: "about", Period: "2024"}
	goldQual := GoldGoal{Region: "北京", Indicator: "income_growth", Comparator: "in_sync", Period: "2024"}
	row := func(ind string, v *float64, cmp string, stretch bool) schemas.Goal {
		g := schemas.Goal{Keys: schemas.Keys{Region: "北京"}, Indicator: ind, Value: v, Comparator: cmp, Stretch: stretch, Period: "2024"}
		if v != nil {
			g.Unit, g.Multiplier = &pct, &one
		}
		return g
	}
	withMultiplier := func(g schemas.Goal, m float64) schemas.Goal {
		g.Multiplier = &m
		return g
	}
	withPeriod := func(g schemas.Goal, p string) schemas.Goal {
		g.Period = p
		return g
	}
	tests := []struct {
		name        string
		rows        []schemas.Goal
		numeric     PRF
		qualitative PRF
	}{
		{"all match", []schemas.Goal{row("gdp_growth", &five, "about", false), row("income_growth", nil, "in_sync", false)},
			PRF{TP: 1}, PRF{TP: 1}},
		{"wrong value and stretch", []schemas.Goal{row("gdp_growth", &six, "about", false), row("gdp_growth", &five, "about", true)},
			PRF{FP: 2, FN: 1}, PRF{FN: 1}},
		{"wrong multiplier", []schemas.Goal{withMultiplier(row("gdp_growth", &five, "about", false), 1e4), row("income_growth", nil, "in_sync", false)},
			PRF{FP: 1, FN: 1}, PRF{TP: 1}},
		{"wrong period", []schemas.Goal{row("gdp_growth", &five, "about", false), withPeriod(row("income_growth", nil, "in_sync", false), "2021-2025")},
			PRF{TP: 1}, PRF{FP: 1, FN: 1}},
		{"wrong comparator", []schemas.Goal{row("income_growth", nil, "above_gdp", false)}, PRF{FN: 1}, PRF{FP: 1, FN: 1}},
		{"uncovered region ignored", []schemas.Goal{{Keys: schemas.Keys{Region: "上海"}, Indicator: "cpi", Comparator: "about"}},
			PRF{FN: 1}, PRF{FN: 1}},
		{"duplicate row is an extra", []schemas.Goal{row("gdp_growth", &five, "about", false), row("gdp_growth", &five, "about", false),
			row("income_growth", nil, "in_sync", false)}, PRF{TP: 1, FP: 1}, PRF{TP: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScoreGoals([]GoldGoal{goldNumeric, goldQual}, tt.rows)
			assert.Equal(t, tt.numeric, s.Numeric)
			assert.Equal(t, tt.qualitative, s.Qualitative)
			assert.Equal(t, tt.numeric.TP+tt.qualitative.TP, s.Overall.TP)
			assert.Len(t, s.Misses, s.Overall.FN)
			assert.Len(t, s.Extras, s.Overall.FP)
		})
	}
}

func TestLoadGoalsErrors(t *testing.T) {
	_, err := LoadGoals("no/such/goals.json")
	assert.Error(t, err)
	_, err = LoadGoals("../testdata/gold/GUIDE_goals.md")
	assert.Error(t, err)
}
