package pipeline

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
)

// A lake of reports of our own writing, years first to last: the nation, a
// province, a city of it, a county of the city and a county of another
// province, each year; the province sets its growth target against the
// nation's, the city against the province's and the county against the
// city's, itself relative.
type lakeRegion struct {
	file, title, congress, speaker, opening, whole string
	target                                         func(year int) string
}

var lakeRegions = []lakeRegion{
	{"nation", "政府工作报告", "第十一届全国人民代表大会", "国务院总理 林某", "我代表国务院", "国内",
		func(y int) string {
			return fmt.Sprintf("国内生产总值增长%d%%左右，城镇登记失业率控制在4.6%%以内，居民消费价格涨幅控制在4%%左右", 10-y%2010)
		}},
	{"gansu", "甘肃省政府工作报告", "甘肃省第十一届人民代表大会", "甘肃省省长 赵某", "我代表省人民政府", "全省",
		func(y int) string {
			return "全省生产总值增长12%以上，增速高于全国4个百分点；城镇登记失业率控制在4%以内"
		}},
	{"lanzhou", "兰州市政府工作报告", "兰州市第十四届人民代表大会", "兰州市市长 钱某", "我代表市人民政府", "全市",
		func(y int) string {
			return "全市生产总值增速高于全省1个百分点；城镇登记失业率控制在4%以内"
		}},
	{"yuzhong", "榆中县政府工作报告", "榆中县第十六届人民代表大会", "榆中县县长 孙某", "我代表县人民政府", "全县",
		func(y int) string {
			return "全县生产总值增长15%，增速高于全市2个百分点以上；城镇新增就业3000人以上"
		}},
	{"lujiang", "庐江县政府工作报告", "庐江县第十五届人民代表大会", "庐江县县长 李某", "我代表县人民政府", "全县",
		func(y int) string {
			return fmt.Sprintf("全县生产总值增长%d%%左右，城镇新增就业5000人以上", 13-y%2010)
		}},
}

// lakeReport is a region's report of year: its review states the outcomes
// of the year before, a level at the year's end among them.
func lakeReport(r lakeRegion, year int) read.Source {
	session := year - 2007
	review := fmt.Sprintf("过去一年，%s生产总值增长%.1f%%，城镇新增就业%d人，年末城镇登记失业率%.2f%%。",
		r.whole, 9+float64(year%7)/2, 2000+100*(year%10), 3+float64(year%5)/10)
	text := strings.Join([]string{
		r.title,
		fmt.Sprintf("——%d年1月%d日在%s第%d次会议上", year, 10+year%9, r.congress, session),
		r.speaker,
		"各位代表：",
		fmt.Sprintf("现在，%s，向大会报告工作，请予审议。", r.opening),
		fmt.Sprintf("一、%d年工作回顾", year-1),
		review,
		fmt.Sprintf("二、%d年工作安排", year),
		fmt.Sprintf("今年经济社会发展的主要预期目标是：%s。", r.target(year)),
		"实现上述目标，要着力抓好以下工作。",
		"（一）扩大有效投资。全年安排重点项目120个，新建农村公路300公里。",
		"",
	}, "\n")
	return read.BytesSource(fmt.Sprintf("%s-%d.txt", r.file, year), []byte(text))
}

// lakeInputs are every region's reports of the years first to last, by year.
func lakeInputs(first, last int) []read.Source {
	var in []read.Source
	for y := first; y <= last; y++ {
		for _, r := range lakeRegions {
			in = append(in, lakeReport(r, y))
		}
	}
	return in
}

// lakeYears are the years of the lake of the tests.
var lakeYears = []int{2011, 2012, 2013}

// permutations are every order of xs.
func permutations(xs []int) [][]int {
	if len(xs) <= 1 {
		return [][]int{slices.Clone(xs)}
	}
	var out [][]int
	for i := range xs {
		rest := append(slices.Clone(xs[:i]), xs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]int{xs[i]}, p...))
		}
	}
	return out
}

// byYear are the lake's inputs of the given years.
func byYear(years ...int) []read.Source {
	var in []read.Source
	for _, y := range years {
		in = append(in, lakeInputs(y, y)...)
	}
	return in
}

// TestLakeInEveryOrder: loading the lake a year at a time in every order of
// the years, in batches of regions, with reruns, or sharded, gives every
// file of one run over all the reports, byte for byte: every table
// (attainment, the resolved values of relative targets and the terms
// included) and the manifest.
func TestLakeInEveryOrder(t *testing.T) {
	ctx := context.Background()
	single := filepath.Join(t.TempDir(), "single")
	sum, err := Run(ctx, Config{Inputs: byYear(lakeYears...), Out: single, ToolVersion: "test"})
	require.NoError(t, err)
	require.Equal(t, 15, sum.Reports)
	want := files(t, single)
	checkLakeLinks(t, single)

	load := func(t *testing.T, out string, batches ...[]read.Source) {
		t.Helper()
		for _, b := range batches {
			_, err := Run(ctx, Config{Inputs: b, Out: out, ToolVersion: "test"})
			require.NoError(t, err)
		}
	}
	for _, order := range permutations(lakeYears) {
		t.Run(fmt.Sprintf("years %v", order), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "lake")
			var batches [][]read.Source
			for _, y := range order {
				batches = append(batches, byYear(y))
			}
			load(t, out, batches...)
			assert.Equal(t, want, files(t, out))
		})
	}
	all := byYear(lakeYears...)
	regions := func(names ...string) []read.Source {
		return slices.DeleteFunc(slices.Clone(all), func(s read.Source) bool {
			return !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(s.Name, n+"-") })
		})
	}
	for name, batches := range map[string][][]read.Source{
		"counties, then cities, then the rest": {regions("yuzhong", "lujiang"), regions("lanzhou"), regions("nation", "gansu")},
		"the nation last":                      {regions("gansu", "lanzhou", "yuzhong", "lujiang"), regions("nation")},
		"reruns":                               {all, byYear(2012), regions("gansu"), byYear(2011, 2013)},
		"two years, then the middle one again": {byYear(2011, 2013), byYear(2012), byYear(2012)},
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "lake")
			load(t, out, batches...)
			assert.Equal(t, want, files(t, out))
		})
	}
	t.Run("the last year sharded", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "lake")
		load(t, out, byYear(2011, 2012))
		for i := range 2 {
			_, err := Run(ctx, Config{Inputs: byYear(2013), Out: out, ToolVersion: "test", ShardIndex: i, ShardCount: 2})
			require.NoError(t, err)
		}
		_, err := Commit(ctx, CommitConfig{Out: out, ToolVersion: "test"})
		require.NoError(t, err)
		assert.Equal(t, want, files(t, out))
	})
	t.Run("append", func(t *testing.T) {
		// An appending run rewrites no partition: it links its own reports
		// (2011's goals against 2012's review, read from the lake), not the
		// reports already there.
		out := filepath.Join(t.TempDir(), "lake")
		load(t, out, byYear(2012))
		_, err := Run(ctx, Config{Inputs: byYear(2011), Out: out, ToolVersion: "test", Mode: output.Append})
		require.NoError(t, err)
		got, err := output.ReadTable[schemas.AttainmentRow](ctx, out, schemas.Attainment)
		require.NoError(t, err)
		wanted, err := output.ReadTable[schemas.AttainmentRow](ctx, single, schemas.Attainment)
		require.NoError(t, err)
		wanted = slices.DeleteFunc(wanted, func(r schemas.AttainmentRow) bool { return r.Year != 2011 })
		assert.Equal(t, wanted, got)
	})
	t.Run("reports removed", func(t *testing.T) {
		// overwrite-partitions of 2012 with the nation's report alone removes
		// the other reports of 2012: the lake is then one run over what is left.
		rest := slices.DeleteFunc(slices.Clone(all), func(s read.Source) bool {
			return strings.HasSuffix(s.Name, "-2012.txt") && !strings.HasPrefix(s.Name, "nation-")
		})
		wantRest := filepath.Join(t.TempDir(), "rest")
		load(t, wantRest, rest)
		out := filepath.Join(t.TempDir(), "lake")
		load(t, out, all)
		s, err := Run(ctx, Config{Inputs: regions("nation")[1:2], Out: out, ToolVersion: "test", Mode: output.OverwritePartitions})
		require.NoError(t, err)
		assert.Len(t, s.Removed, 4)
		got, wanted := files(t, out), files(t, wantRest)
		delete(got, "_manifest.json") // the manifest says the last run's mode and what it removed
		delete(wanted, "_manifest.json")
		assert.Equal(t, wanted, got)
	})
}

// checkLakeLinks checks the links of the lake of lakeInputs at out: the
// relative targets resolved down the chain nation → province → city →
// county, and the attainment of each year's goals against the next year's
// review, a level at the year's end and the relative targets included.
func checkLakeLinks(t *testing.T, out string) {
	t.Helper()
	ctx := context.Background()
	goals, err := output.ReadTable[schemas.Goal](ctx, out, schemas.Goals)
	require.NoError(t, err)
	resolved := map[string]any{}
	for _, g := range goals {
		if g.Comparator == string(schemas.Relative) && g.Year == 2012 {
			resolved[g.Region] = deref(g.ResolvedValue)
		}
	}
	// The nation 8 in 2012; 甘肃 its own 12 (at least), and 8 + 4 for its relative target; 兰州 12 + 1; 榆中 13 + 2.
	assert.Equal(t, map[string]any{"甘肃": 12.0, "兰州市": 13.0, "榆中县": 15.0}, resolved)

	rows, err := output.ReadTable[schemas.AttainmentRow](ctx, out, schemas.Attainment)
	require.NoError(t, err)
	var years []int16
	byGoal := map[string]schemas.AttainmentRow{}
	for _, r := range rows {
		years = append(years, r.Year)
		byGoal[fmt.Sprintf("%d %s %s", r.Year, r.Region, r.GoalSpan)] = r
	}
	assert.NotContains(t, years, int16(2013), "no report of 2014 reviews 2013")
	r, ok := byGoal["2012 兰州市 全市生产总值增速高于全省1个百分点"]
	require.True(t, ok, "the city's relative target of 2012 has its row: %v", slices.Sorted(maps.Keys(byGoal)))
	assert.Equal(t, 13.0, deref(r.GoalResolvedValue))
	assert.Equal(t, 11.0, deref(r.ActualValue))
	assert.Equal(t, false, deref(r.Met))
	r, ok = byGoal["2011 甘肃 城镇登记失业率控制在4%以内"]
	require.True(t, ok, "%v", slices.Sorted(maps.Keys(byGoal)))
	require.NotNil(t, r.ActualSpan)
	assert.Equal(t, "年末城镇登记失业率3.20%", *r.ActualSpan)
}
