package attainment

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/split"
)

// The fixtures are of our own writing, in the manner of provincial reports.

func keys(year int16, code, region string) schemas.Keys {
	return schemas.Keys{ReportID: fmt.Sprintf("%d-%s", year, code), Year: year, RegionCode: code, Region: region}
}

// review is a report's review section: its sentences, and their figures as
// the quantity stage reads them (the pipeline's figures stage, in short).
func review(k schemas.Keys, texts ...string) Review {
	var ss []schemas.Sentence
	var fs []schemas.Figure
	for i, t := range texts {
		ref := schemas.SentenceRef{SentenceID: int32(i + 5), Line: int32(2*i + 9)}
		ss = append(ss, schemas.Sentence{Keys: k, SentenceRef: ref, Section: string(split.Review), Text: t})
		for _, m := range quantity.Extract(t) {
			fs = append(fs, schemas.Figure{
				Keys: k, SentenceRef: ref, Section: string(split.Review), Period: fmt.Sprint(k.Year - 1),
				Mention: m.Text, Value: m.Value, ValueMax: m.ValueMax, Multiplier: m.Multiplier,
				Unit: opt(m.Unit), BaseValue: m.BaseValue, BaseUnit: m.BaseUnit, Kind: m.Kind,
				Direction: opt(m.Direction), Comparator: string(m.Comparator), Subject: opt(m.Subject),
				Indicator: opt(m.Indicator), SpanStart: int32(m.Start), SpanEnd: int32(m.End),
			})
		}
	}
	// A plan sentence: never a review's outcome.
	plan := schemas.Sentence{Keys: k, SentenceRef: schemas.SentenceRef{SentenceID: 99, Line: 99}, Section: string(split.Plan),
		Text: "地区生产总值增长9%。"}
	return ReviewOf(k, append(ss, plan), fs)
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// goal is a target as the goals stage writes it.
func goal(k schemas.Keys, ind, subject, span, comparator string, value *float64) schemas.Goal {
	g := schemas.Goal{Keys: k, SentenceRef: schemas.SentenceRef{SentenceID: 40, Line: 70},
		Indicator: ind, Subject: subject, Value: value, Comparator: comparator, Span: span, Period: fmt.Sprint(k.Year)}
	for _, m := range quantity.Extract(span) {
		if value != nil && m.Value == *value {
			g.ValueMax, g.Multiplier, g.Unit = m.ValueMax, &m.Multiplier, opt(m.Unit)
			break
		}
	}
	return g
}

func num(v float64) *float64 { return &v }

func TestBuildOutcomes(t *testing.T) {
	y24, y25 := keys(2024, "990000", "东川"), keys(2025, "990000", "东川")
	for _, tc := range []struct {
		name               string
		ind, subject, span string
		comparator         string
		value              *float64
		review             []string
		value0, gap        *float64 // want actual_value and gap
		span0, actualCmp   string   // want actual_span ("" for null) and actual_comparator
		met                *bool
	}{
		{
			name: "growth about, within half a point", ind: "gdp_growth", subject: "地区生产总值",
			span: "地区生产总值增长6.5%左右", comparator: "about", value: num(6.5),
			review: []string{"过去一年，全省经济回升向好。", "初步核算，全年全省地区生产总值达到5.8万亿元、增长6.1%，高于全国平均水平。"},
			value0: num(6.1), gap: num(-0.4), span0: "全年全省地区生产总值达到5.8万亿元、增长6.1%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "growth about, short", ind: "gdp_growth", subject: "地区生产总值",
			span: "地区生产总值增长6.5%左右", comparator: "about", value: num(6.5),
			review: []string{"东川地区生产总值增长5.4%。"},
			value0: num(5.4), gap: num(-1.1), span0: "东川地区生产总值增长5.4%", actualCmp: "exact", met: ptr(false),
		},
		{
			name: "a fall against a growth goal counts negative", ind: "industrial_output_growth", subject: "规模以上工业增加值",
			span: "规模以上工业增加值增长6%", comparator: "exact", value: num(6),
			review: []string{"受市场需求收缩影响，规模以上工业增加值下降1.5%。"},
			value0: num(-1.5), gap: num(-7.5), span0: "规模以上工业增加值下降1.5%", actualCmp: "exact", met: ptr(false),
		},
		{
			name: "a sub-sector first, the whole after", ind: "industrial_output_growth", subject: "规模以上工业增加值",
			span: "规模以上工业增加值增长6%", comparator: "exact", value: num(6),
			review: []string{"高技术制造业增加值增长12%，规模以上工业增加值增长7.2%。"},
			value0: num(7.2), gap: num(1.2), span0: "规模以上工业增加值增长7.2%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "each of several parts is not the whole", ind: "industrial_output_growth", subject: "规模以上工业增加值",
			span: "规模以上工业增加值增长6%", comparator: "exact", value: num(6),
			review: []string{"东西两市地区生产总值均增长10%以上、规上工业增加值均增长20%以上，全省规上工业增加值增长7.2%。"},
			value0: num(7.2), gap: num(1.2), span0: "全省规上工业增加值增长7.2%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "the subject in the clause before", ind: "gdp_growth", subject: "地区生产总值",
			span: "地区生产总值增长6.5%左右", comparator: "about", value: num(6.5),
			review: []string{"全年地区生产总值突破5万亿元，增长5.6%。"},
			value0: num(5.6), gap: num(-0.9), span0: "全年地区生产总值突破5万亿元，增长5.6%", actualCmp: "exact", met: ptr(false),
		},
		{
			name: "a stretch aim without its subject", ind: "gdp_growth", subject: "地区生产总值",
			span: "力争达到7%", comparator: "at_least", value: num(7),
			review: []string{"地区生产总值增长7.3%、居全国第3、创2010年以来最好位次；规上工业增加值增长7.4%。"},
			value0: num(7.3), gap: num(0.3), span0: "地区生产总值增长7.3%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "a remark after another figure does not reach the next part", ind: "industrial_output_growth", subject: "规上工业增加值",
			span: "规上工业增加值增长7%", comparator: "exact", value: num(7),
			review: []string{"地区生产总值增长7.3%、居全国第3、创2010年以来最好位次；规上工业增加值增长7.4%。"},
			value0: num(7.4), gap: num(0.4), span0: "规上工业增加值增长7.4%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "per head is not the whole", ind: "gdp_level", subject: "地区生产总值",
			span: "地区生产总值达到1.2万亿元", comparator: "at_least", value: num(1.2),
			review: []string{"人均地区生产总值达到9.6万元。"},
		},
		{
			name: "a level goal takes the level of the growth code", ind: "gdp_level", subject: "地区生产总值",
			span: "地区生产总值达到1.2万亿元", comparator: "at_least", value: num(1.2),
			review: []string{"全市地区生产总值达到12350亿元、增长5.9%。"},
			value0: num(12350), gap: num(0.035), span0: "全市地区生产总值达到12350亿元", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "part of the year only", ind: "gdp_growth", subject: "地区生产总值",
			span: "地区生产总值增长6.5%左右", comparator: "about", value: num(6.5),
			review: []string{"前三季度，地区生产总值增长5.9%，1—11月规模以上工业增加值增长6.6%。"},
		},
		{
			name: "the whole year after a part of it", ind: "gdp_growth", subject: "地区生产总值",
			span: "地区生产总值增长6.5%左右", comparator: "about", value: num(6.5),
			review: []string{"前三季度地区生产总值增长6.8%，全年地区生产总值增长6.2%。"},
			value0: num(6.2), gap: num(-0.3), span0: "全年地区生产总值增长6.2%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "only a cumulative figure", ind: "energy_intensity_reduction", subject: "单位地区生产总值能耗",
			span: "单位地区生产总值能耗降低2.5%", comparator: "exact", value: num(2.5),
			review: []string{"预计单位地区生产总值能耗较2020年下降12.4%，五年来地区生产总值年均增长6.3%。"},
		},
		{
			name: "an average over years", ind: "gdp_growth", subject: "地区生产总值",
			span: "地区生产总值增长6.5%左右", comparator: "about", value: num(6.5),
			review: []string{"地区生产总值年均增长6.3%。"},
		},
		{
			name: "the review states no outcome", ind: "budget_revenue_growth", subject: "一般公共预算收入",
			span: "一般公共预算收入增长5%", comparator: "exact", value: num(5),
			review: []string{"财政运行总体平稳，民生支出占比保持在七成以上。", "新增减税降费超过120亿元。"},
		},
		{
			name: "a reduction beyond the goal", ind: "energy_intensity_reduction", subject: "单位地区生产总值能耗",
			span: "单位地区生产总值能耗降低2.5%", comparator: "exact", value: num(2.5),
			review: []string{"单位地区生产总值能耗下降3.1%。"},
			value0: num(3.1), gap: num(0.6), span0: "单位地区生产总值能耗下降3.1%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "a price ceiling kept", ind: "cpi", subject: "居民消费价格涨幅",
			span: "居民消费价格涨幅3%左右", comparator: "about", value: num(3),
			review: []string{"居民消费价格上涨0.4%。"},
			value0: num(0.4), gap: num(-2.6), span0: "居民消费价格上涨0.4%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "a price ceiling broken", ind: "cpi", subject: "居民消费价格涨幅",
			span: "居民消费价格涨幅3%左右", comparator: "about", value: num(3),
			review: []string{"居民消费价格上涨3.8%。"},
			value0: num(3.8), gap: num(0.8), span0: "居民消费价格上涨3.8%", actualCmp: "exact", met: ptr(false),
		},
		{
			name: "an unemployment ceiling", ind: "unemployment_rate", subject: "城镇调查失业率",
			span: "城镇调查失业率控制在5.5%以内", comparator: "at_most", value: num(5.5),
			review: []string{"城镇新增就业61万人，城镇调查失业率为5.3%。"},
			value0: num(5.3), gap: num(-0.2), span0: "城镇调查失业率为5.3%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "a level at the year's end", ind: "registered_unemployment_rate", subject: "城镇登记失业率",
			span: "城镇登记失业率控制在4.5%以内", comparator: "at_most", value: num(4.5),
			review: []string{"城镇新增就业8.2万人，年末城镇登记失业率3.85%。"},
			value0: num(3.85), gap: num(-0.65), span0: "年末城镇登记失业率3.85%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "an amount in another unit", ind: "grain_output", subject: "粮食产量",
			span: "粮食产量1300万吨以上", comparator: "at_least", value: num(1300),
			review: []string{"粮食产量达到263亿斤。"},
			value0: num(263), gap: num(15), span0: "粮食产量达到263亿斤", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "a range met", ind: "gdp_growth", subject: "地区生产总值",
			span: "地区生产总值增长5%—5.5%", comparator: "range", value: num(5),
			review: []string{"地区生产总值增长5.3%。"},
			value0: num(5.3), gap: num(0.3), span0: "地区生产总值增长5.3%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "in step with the economy", ind: "income_growth", subject: "居民收入",
			span: "居民收入增长和经济增长同步", comparator: "in_sync",
			review: []string{"地区生产总值增长5.2%。", "全体居民人均可支配收入增长5.6%。"},
			value0: num(5.6), span0: "全体居民人均可支配收入增长5.6%", actualCmp: "exact", met: ptr(true),
		},
		{
			name: "town and country apart are not the whole", ind: "income_growth", subject: "居民收入",
			span: "居民收入增长和经济增长同步", comparator: "in_sync",
			review: []string{"城乡居民人均可支配收入分别增长4.4%、6.3%，居民收入增长和经济增长基本同步。"},
			span0:  "居民收入增长和经济增长基本同步", actualCmp: "qualitative",
		},
		{
			name: "positive growth missed", ind: "trade_growth", subject: "进出口总额",
			span: "进出口总额保持正增长", comparator: "positive",
			review: []string{"货物进出口总额下降2.1%。"},
			value0: num(-2.1), span0: "货物进出口总额下降2.1%", actualCmp: "exact", met: ptr(false),
		},
		{
			name: "stated in words", ind: "balance_of_payments", subject: "国际收支",
			span: "国际收支保持基本平衡", comparator: "qualitative",
			review: []string{"外贸结构继续优化，国际收支保持基本平衡。"},
			span0:  "国际收支保持基本平衡", actualCmp: "qualitative",
		},
		{
			name: "words of an action are no outcome", ind: "environment", subject: "生态环境质量",
			span: "生态环境质量持续改善", comparator: "qualitative",
			review: []string{"深入推进污染防治，加强生态环境保护。"},
		},
		{
			name: "a new year's target in the review", ind: "gdp_growth", subject: "地区生产总值",
			span: "地区生产总值增长6.5%左右", comparator: "about", value: num(6.5),
			review: []string{"今年地区生产总值预期增长6%左右。"},
		},
		{
			name: "a goal of no known indicator", ind: "other", subject: "营商环境",
			span: "营商环境评价进入全国前10位", comparator: "at_least", value: num(10),
			review: []string{"营商环境评价位居全国第8位。"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := goal(y24, tc.ind, tc.subject, tc.span, tc.comparator, tc.value)
			rv := review(y25, tc.review...)
			rows := Build([]schemas.Goal{g}, &rv)
			require.Len(t, rows, 1)
			r := rows[0]
			assert.Equal(t, "2025-990000", r.ReviewReportID)
			assert.Equal(t, g.Keys, r.Keys)
			assert.Equal(t, tc.span, r.GoalSpan)
			assert.Equal(t, tc.value0, r.ActualValue, "actual_value")
			assert.Equal(t, tc.gap, r.Gap, "gap")
			assert.Equal(t, tc.met, r.Met, "met")
			if tc.span0 == "" {
				assert.Nil(t, r.ActualSpan)
				assert.Nil(t, r.ActualComparator)
				assert.Nil(t, r.ActualSentenceID)
				return
			}
			require.NotNil(t, r.ActualSpan)
			assert.Equal(t, tc.span0, *r.ActualSpan)
			assert.Equal(t, tc.actualCmp, *r.ActualComparator)
			require.NotNil(t, r.ActualLine)
			assert.Positive(t, *r.ActualLine)
		})
	}
}

func TestBuildYears(t *testing.T) {
	k := func(year int16) schemas.Keys { return keys(year, "990100", "南河市") }
	gdp := goal(k(2022), "gdp_growth", "地区生产总值", "地区生产总值增长6%左右", "about", num(6))
	bop := goal(k(2022), "balance_of_payments", "国际收支", "国际收支保持基本平衡", "qualitative", nil)

	t.Run("the review of Y+1", func(t *testing.T) {
		rv := review(k(2023), "地区生产总值增长6.2%，国际收支基本平衡。")
		rows := Build([]schemas.Goal{gdp, bop}, &rv)
		require.Len(t, rows, 2, "a row per goal, in the goals' order")
		for _, r := range rows {
			assert.Equal(t, "2023-990100", r.ReviewReportID)
			require.NotNil(t, r.ActualSpan)
		}
		assert.Equal(t, num(6.2), rows[0].ActualValue)
	})
	t.Run("a review of another year", func(t *testing.T) {
		// A report of Y+2 reviews Y+1: it states no outcome of Y, and no row says it does.
		rv := review(k(2024), "地区生产总值增长5.8%，国际收支基本平衡。")
		assert.Empty(t, Build([]schemas.Goal{gdp, bop}, &rv))
		rv = review(k(2022), "地区生产总值增长7%。")
		assert.Empty(t, Build([]schemas.Goal{gdp}, &rv))
	})
	t.Run("no review", func(t *testing.T) {
		assert.Empty(t, Build([]schemas.Goal{gdp}, nil))
		assert.Empty(t, Build(nil, nil))
	})
	t.Run("a target for several years", func(t *testing.T) {
		g := gdp
		g.Period = "2021-2025"
		rv := review(k(2023), "地区生产总值增长6.2%。")
		rows := Build([]schemas.Goal{g}, &rv)
		require.Len(t, rows, 1)
		assert.Nil(t, rows[0].ActualValue)
	})
	t.Run("a region renamed between the years", func(t *testing.T) {
		// The review calls the region by its new name (北岭区, once 北岭县): either name keeps a figure whole.
		g := goal(keys(2022, "990121", "北岭县"), "gdp_growth", "地区生产总值", "地区生产总值增长6%左右", "about", num(6))
		rv := review(keys(2023, "990104", "北岭区"), "北岭区地区生产总值增长6.4%。")
		rows := Build([]schemas.Goal{g}, &rv)
		require.Len(t, rows, 1)
		assert.Equal(t, num(6.4), rows[0].ActualValue)
		rv = review(keys(2023, "990104", "北岭区"), "北岭县地区生产总值增长6.4%。")
		assert.Equal(t, num(6.4), Build([]schemas.Goal{g}, &rv)[0].ActualValue)
	})
}

// TestRelativeGoals: a target set against the reference region's is judged
// against the number it amounts to (goals.resolved_value), by its way.
func TestRelativeGoals(t *testing.T) {
	y24, y25 := keys(2024, "990100", "南河市"), keys(2025, "990100", "南河市")
	relative := func(span, note string, margin, resolved *float64) schemas.Goal {
		g := goal(y24, "gdp_growth", "地区生产总值", span, "relative", margin)
		g.Note, g.ResolvedValue = &note, resolved
		return g
	}
	for _, tc := range []struct {
		name   string
		g      schemas.Goal
		review string
		met    *bool
		gap    *float64
	}{
		{"above the province, met", relative("地区生产总值增长高于全省1个百分点", "高于全省1个百分点", num(1), num(6.5)),
			"全市地区生产总值增长6.8%。", ptr(true), num(0.3)},
		{"above the province, missed", relative("地区生产总值增长高于全省1个百分点", "高于全省1个百分点", num(1), num(6.5)),
			"全市地区生产总值增长6.1%。", ptr(false), num(-0.4)},
		{"a level for a rate", relative("城镇调查失业率低于全省", "低于全省", nil, num(5.5)),
			"城镇调查失业率5.2%。", ptr(true), num(-0.3)},
		{"not resolved", relative("地区生产总值增长高于全省1个百分点", "高于全省1个百分点", num(1), nil),
			"全市地区生产总值增长6.8%。", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "a level for a rate" {
				tc.g.Indicator = "unemployment_rate"
			}
			rv := review(y25, tc.review)
			rows := Build([]schemas.Goal{tc.g}, &rv)
			require.Len(t, rows, 1)
			assert.Equal(t, tc.g.ResolvedValue, rows[0].GoalResolvedValue)
			assert.Equal(t, tc.met, rows[0].Met, "met")
			assert.Equal(t, tc.gap, rows[0].Gap, "gap")
		})
	}
}

func TestReviewOf(t *testing.T) {
	k := keys(2025, "990000", "东川")
	r := review(k, "过去一年，我们砥砺前行。", "地区生产总值增长5.2%。", "国际收支基本平衡。")
	assert.Equal(t, k, r.Keys)
	var texts []string
	for _, s := range r.Sentences {
		texts = append(texts, s.Text)
	}
	assert.Equal(t, []string{"地区生产总值增长5.2%。", "国际收支基本平衡。"}, texts,
		"the sentences of the review with an indicator's figure or words; no plan sentence")
	require.Len(t, r.Figures, 1)
	assert.Equal(t, "5.2%", r.Figures[0].Mention)
}

func TestJudge(t *testing.T) {
	gdp := num(5.0)
	for _, tc := range []struct {
		name       string
		ind, cmp   string
		value, max *float64
		actual     float64
		gdp        *float64
		met        *bool
		gap        *float64
	}{
		{"about up, just under", "gdp_growth", "about", num(6), nil, 5.5, nil, ptr(true), num(-0.5)},
		{"about up, beyond", "gdp_growth", "about", num(6), nil, 5.4, nil, ptr(false), num(-0.6)},
		{"about down, under", "unemployment_rate", "about", num(5.5), nil, 4.2, nil, ptr(true), num(-1.3)},
		{"about down, over", "unemployment_rate", "about", num(5.5), nil, 6.1, nil, ptr(false), num(0.6)},
		{"exact up", "budget_revenue_growth", "exact", num(6), nil, 5.9, nil, ptr(false), num(-0.1)},
		{"exact down", "cpi", "exact", num(3), nil, 2, nil, ptr(true), num(-1)},
		{"at least", "urban_new_jobs", "at_least", num(60), nil, 60, nil, ptr(true), num(0)},
		{"at most", "registered_unemployment_rate", "at_most", num(4.5), nil, 4.6, nil, ptr(false), num(0.1)},
		{"range up, above", "gdp_growth", "range", num(5), num(5.5), 6, nil, ptr(true), num(1)},
		{"range up, below", "gdp_growth", "range", num(5), num(5.5), 4.9, nil, ptr(false), num(-0.1)},
		{"in step", "income_growth", "in_sync", nil, nil, 4.6, gdp, ptr(true), nil},
		{"behind the economy", "income_growth", "in_sync", nil, nil, 4.4, gdp, ptr(false), nil},
		{"in step without a GDP outcome", "income_growth", "in_sync", nil, nil, 4.4, nil, nil, nil},
		{"above the economy", "rural_income_growth", "above_gdp", nil, nil, 6.5, gdp, ptr(true), nil},
		{"positive", "trade_growth", "positive", nil, nil, 0.3, nil, ptr(true), nil},
		{"qualitative", "environment", "qualitative", nil, nil, 1, nil, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := schemas.Goal{Indicator: tc.ind, Comparator: tc.cmp, Value: tc.value, ValueMax: tc.max}
			tg := targetOf(g)
			if tg.baseUnit == "" {
				tg.baseUnit, tg.scale = "percent", 1
			}
			met, gap := tg.judge(outcome{value: &tc.actual, base: tc.actual, baseUnit: tg.baseUnit}, tc.gdp)
			assert.Equal(t, tc.met, met, "met")
			assert.Equal(t, tc.gap, gap, "gap")
		})
	}
	t.Run("no value", func(t *testing.T) {
		met, gap := targetOf(schemas.Goal{Comparator: "about", Value: num(6)}).judge(outcome{}, nil)
		assert.Nil(t, met)
		assert.Nil(t, gap)
	})
}

func TestCues(t *testing.T) {
	for _, tc := range []struct {
		prefix string
		whole  bool
	}{
		{"", true},
		{"全年", true},
		{"2024年，全省", true},
		{"预计全年", true},
		{"东川", true},
		{"东川省全年", true},
		{"人均", false},
		{"高技术制造业", false},
		{"20245年", false},
	} {
		assert.Equal(t, tc.whole, wholePrefix(tc.prefix, []string{"东川省", "东川"}), tc.prefix)
	}
	assert.True(t, otherYear("较2020年下降", 2024))
	assert.False(t, otherYear("2024年比2023年增长", 2024))
	assert.False(t, otherYear("增长12345年", 2024))
	assert.True(t, partOfYear("1—11月增长"))
	assert.True(t, partOfYear("前10个月增长"))
	assert.True(t, partOfYear("前三季度，地区生产总值增长"))
	assert.False(t, partOfYear("前三季度增长5.3%，全年增长"))
	assert.False(t, partOfYear("上月增长5%"))

	_, err := loadCues("whole\n")
	assert.ErrorContains(t, err, "line 1")
	_, err = loadCues("often\t常常\n")
	assert.ErrorContains(t, err, "unknown class")
	m, err := loadCues("# comment\nwhole\t全\nwhole\t全年\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"全年", "全"}, m[cueWhole], "longest first")
}

// FuzzBuild holds Build to its contract on any review text: no panic, and an
// outcome's span stands in its sentence.
func FuzzBuild(f *testing.F) {
	f.Add("地区生产总值增长6%左右", "全年地区生产总值达到5.8万亿元、增长6.1%。")
	f.Add("国际收支保持基本平衡", "国际收支基本平衡，外贸稳中有进。")
	f.Add("居民收入增长和经济增长同步", "前三季度，城乡居民人均可支配收入分别增长4.4%、6.3%，全年2020年累计")
	f.Add("单位地区生产总值能耗降低2.5%", "（单位地区生产总值能耗）下降，，3.1%")
	f.Fuzz(func(t *testing.T, span, text string) {
		if !utf8.ValidString(text) {
			t.Skip("the reader hands on UTF-8 text only")
		}
		y24, y25 := keys(2024, "990000", "东川"), keys(2025, "990000", "东川")
		var value *float64
		comparator := "qualitative"
		for _, m := range quantity.Extract(span) {
			value, comparator = &m.Value, "about"
			break
		}
		g := goal(y24, "gdp_growth", "地区生产总值", span, comparator, value)
		for _, ind := range []string{"gdp_growth", "income_growth", "balance_of_payments", "energy_intensity_reduction"} {
			g.Indicator = ind
			rv := review(y25, text)
			rows := Build([]schemas.Goal{g}, &rv)
			require.Len(t, rows, 1)
			if r := rows[0]; r.ActualSpan != nil {
				assert.Contains(t, text, *r.ActualSpan)
			}
		}
	})
}
