package goals_test

import (
	"context"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/internal/shareddir"
	"github.com/govreports/govreports/pipeline"
	"github.com/govreports/govreports/stages/goals"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/split"
	"github.com/govreports/govreports/testdata"
)

// gdpSubject is what the subject of a gdp_growth goal may be: GDP itself
// (全市生产总值, 国内生产总值, GDP, 经济增长, 经济总量), never a share, a ratio or
// another indicator that holds its words.
var gdpSubject = regexp.MustCompile(`^(?:全[省市区县州盟旗]|全国|本[省市区县])?(?:地区|国内|国民)?(?:生产总值|GDP|经济)(?:增长|增速|增长速度|速度|总量)?$`)

// gdpGoal is a gdp_growth goal as the check needs it.
type gdpGoal struct {
	where, subject, unit string
	value                *float64
}

// checkGDP fails on a gdp_growth goal whose subject is not GDP or whose
// value is no growth rate of GDP (−10…30 %, or a margin in pp).
func checkGDP(t *testing.T, g gdpGoal) {
	t.Helper()
	assert.Regexp(t, gdpSubject, g.subject, "%s: a gdp_growth goal whose subject is not GDP", g.where)
	if g.value == nil {
		return
	}
	assert.Contains(t, []string{"%", "pp"}, g.unit, "%s: %s", g.where, g.subject)
	assert.True(t, -10 <= *g.value && *g.value <= 30, "%s: %s growth %g", g.where, g.subject, *g.value)
}

func fromGoal(where string, g goals.Goal) gdpGoal {
	return gdpGoal{where: where, subject: g.Subject, unit: g.Unit, value: g.Value}
}

// TestGDPGrowthIsGDP reads every gdp_growth goal of every fixture (the
// clauses of TestExtract, the reports of testdata/styles and testdata/qa, the
// embedded corpus) and of the shared development reports when they are
// present.
func TestGDPGrowthIsGDP(t *testing.T) {
	checked := 0
	check := func(g gdpGoal) {
		checked++
		checkGDP(t, g)
	}
	for _, tt := range extractTests {
		for _, g := range goals.Extract(targetsPassage(tt.texts...), 2024) {
			if g.Indicator.Code == "gdp_growth" {
				check(fromGoal(tt.name, g))
			}
		}
	}
	files, err := filepath.Glob(filepath.Join("testdata", "styles", "*.txt"))
	require.NoError(t, err)
	qa, err := filepath.Glob(filepath.Join(qaDir, "files", "*.txt"))
	require.NoError(t, err)
	for _, path := range append(files, qa...) {
		year, sents := styleReport(t, path)
		for _, g := range goals.Extract(sents, year) {
			if g.Indicator.Code == "gdp_growth" {
				check(fromGoal(path, g))
			}
		}
	}
	_, err = read.Read(context.Background(), read.BytesSource(testdata.CorpusName, testdata.Corpus), read.Options{},
		func(r *read.Report) error {
			for _, g := range goals.Extract(split.Split(r), r.Year) {
				if g.Indicator.Code == "gdp_growth" {
					check(fromGoal(r.Region.Short, g))
				}
			}
			return nil
		})
	require.NoError(t, err)
	require.Positive(t, checked)

	dir := shareddir.Find()
	if dir == "" {
		t.Logf("the shared reports (../shared or $%s) are absent: %d fixture goals checked", shareddir.Env, checked)
		return
	}
	for _, set := range []string{"reports-dev", "reports-dev2"} {
		srcs, err := read.Sources([]string{filepath.Join(dir, set, "files")}, nil, nil)
		if err != nil {
			t.Logf("%s: %v", set, err)
			continue
		}
		for _, src := range srcs {
			tb, err := pipeline.Collect(context.Background(), []read.Source{src}, read.Options{}, 1)
			if err != nil {
				continue // a report whose metadata cannot be read: not this test's subject
			}
			for _, g := range tb.Goals {
				if g.Indicator == "gdp_growth" {
					unit := ""
					if g.Unit != nil {
						unit = *g.Unit
					}
					check(gdpGoal{where: src.Name + " " + g.ReportID, subject: g.Subject, unit: unit, value: g.Value})
				}
			}
		}
	}
}

// TestGDPSubject keeps the check able to fail: shares, intensities and
// other indicators with GDP's words are no subject of gdp_growth.
func TestGDPSubject(t *testing.T) {
	for _, s := range []string{"全市生产总值", "国内生产总值", "地区生产总值", "GDP", "经济增长", "经济增长速度", "全县生产总值", "经济总量"} {
		assert.Regexp(t, gdpSubject, s)
	}
	for _, s := range []string{"全社会研究与开发经费支出相当于市生产总值的比例", "万元生产总值综合能耗", "人均地区生产总值", "生产总值增速高于全省", "单位生产总值二氧化碳减排"} {
		assert.NotRegexp(t, gdpSubject, s)
	}
}
