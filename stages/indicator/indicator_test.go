package indicator

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		subject string
		code    string
		ok      bool
	}{
		{"国内生产总值", "gdp_growth", true},
		{"全省地区生产总值", "gdp_growth", true},
		{"经济增长", "gdp_growth", true},
		{"规上工业增加值", "industrial_output_growth", true},
		{"规模工业增加值", "industrial_output_growth", true},
		{"一产增加值", "primary_industry_growth", true},
		{"第三产业增加值", "tertiary_industry_growth", true},
		{"进出口总值", "trade_growth", true},
		{"外贸进出口总额", "trade_growth", true},
		{"出口", "export_growth", true},
		{"外商直接投资", "foreign_investment", true},
		{"地方一般公共预算收入", "budget_revenue_growth", true},
		{"居民人均可支配收入", "income_growth", true},
		{"城乡居民收入", "income_growth", true},
		{"城镇居民人均可支配收入", "urban_income_growth", true},
		{"城镇常住居民人均可支配收入", "urban_income_growth", true},
		{"农村居民收入", "rural_income_growth", true},
		{"新增城镇就业", "urban_new_jobs", true},
		{"城镇新增就业人数", "urban_new_jobs", true},
		{"居民消费价格指数（CPI）涨幅", "cpi", true},
		{"通货膨胀率", "cpi", true},
		{"粮食总产量", "grain_output", true},
		{"粮食综合生产能力", "grain_capacity", true},
		{"单位国内生产总值能耗", "energy_intensity_reduction", true},
		{"单位GDP能耗", "energy_intensity_reduction", true},
		{"单位ＧＤＰ能耗", "energy_intensity_reduction", true},
		{"单位生产总值二氧化碳排放量", "carbon_intensity_reduction", true},
		{"全社会研发经费支出相当于全市生产总值的比例", "rd_intensity", true},
		{"研究与试验发展经费投入强度", "rd_intensity", true},
		{"全员劳动生产率", "labor_productivity", true},
		{"常住人口城镇化率", "urbanization_rate", true},
		{"空气质量优良天数比率", "air_quality", true},
		{"长江、黄河干流、澜沧江出省境断面水质", "water_quality", true},
		{"节能减排减污降碳", "emissions", true},
		{"生态环境质量", "environment", true},
		{"国际收支", "balance_of_payments", true},
		{"经济增长速度", "gdp_growth", true},
		{"城镇登记失业率", "registered_unemployment_rate", true},
		{"商品零售价格涨幅", "cpi", true},
		{"公共财政预算收入", "budget_revenue_growth", true},
		{"地方财政总收入", "budget_revenue_growth", true},
		{"城乡居民可支配收入", "income_growth", true},
		{"城镇居民可支配收入", "urban_income_growth", true},
		{"农民人均纯收入", "rural_income_growth", true},
		{"农村牧区常住居民人均可支配收入", "rural_income_growth", true},
		{"研发经费投入占地区生产总值比重", "rd_intensity", true},
		{"产业投资占比", Other, false},
		{"数字经济核心产业增加值占地区生产总值比重", Other, false},
		{"服务业增加值占GDP比重", Other, false},
		{"全社会研究与开发经费支出相当于市生产总值的比例", "rd_intensity", true},
		{"环保投入相当于全县生产总值的比例", Other, false},
		{"万元生产总值综合能耗", "energy_intensity_reduction", true},
		{"万元GDP综合能耗", "energy_intensity_reduction", true},
		{"人均地区生产总值", Other, false},
		{"单位生产总值用水量", Other, false},
		{"万元工业增加值能耗", Other, false},
		{"民营经济增长", Other, false},
		{"工业经济增长", Other, false},
		{"海洋经济生产总值", Other, false},
		{"临港经济生产总值", Other, false},
		{"县域经济增长", Other, false},
		{"全市经济增长", "gdp_growth", true},
		{"国民经济增长速度", "gdp_growth", true},
		{"全市地区生产总值", "gdp_growth", true},
		{"经济增长的质量和效益", Other, false},
		{"消费对经济增长的贡献率", Other, false},
		{"城乡居民收入倍差", Other, false},
		{"城市居民人均可支配收入", "urban_income_growth", true},
		{"农村居民家庭人均纯收入", "rural_income_growth", true},
		{"城乡居民人均收入", "income_growth", true},
		{"实到外资", "foreign_investment", true},
		{"经济总量", "gdp_growth", true},
		{"商品零售价格总指数", "cpi", true},
		{"人才资源总量", Other, false},
		{"外贸外资", Other, false},
		{"", Other, false},
	}
	for _, tt := range tests {
		t.Run(tt.subject, func(t *testing.T) {
			ind, ok := Match(tt.subject)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.code, ind.Code)
		})
	}
}

func TestByCode(t *testing.T) {
	for _, code := range Codes() {
		ind, ok := ByCode(code)
		require.True(t, ok, code)
		assert.Equal(t, code, ind.Code)
		assert.NotEmpty(t, ind.ZH, code)
		assert.NotEmpty(t, ind.EN, code)
	}
	_, ok := ByCode("no_such_code")
	assert.False(t, ok)
}

// Every code of the client's indicator list (../shared/spec/INDICATORS.md) must be in the lexicon.
func TestCodesCoverSpec(t *testing.T) {
	spec := []string{"gdp_growth", "primary_industry_growth", "secondary_industry_growth", "tertiary_industry_growth",
		"industrial_output_growth", "fixed_asset_investment_growth", "industrial_investment_growth", "retail_sales_growth",
		"trade_growth", "export_growth", "foreign_investment", "budget_revenue_growth", "income_growth",
		"urban_income_growth", "rural_income_growth", "urban_new_jobs", "unemployment_rate", "cpi", "grain_output",
		"grain_capacity", "energy_intensity_reduction", "carbon_intensity_reduction", "rd_intensity",
		"labor_productivity", "urbanization_rate", "air_quality", "water_quality", "emissions", "environment",
		"balance_of_payments", "registered_unemployment_rate",
		"gdp_level", "budget_revenue_level", "fixed_asset_investment_level", "retail_sales_level", "urban_income_level",
		"rural_income_level", "income_level", "trade_level", "industrial_output_level", "foreign_investment_level", Other}
	assert.ElementsMatch(t, spec, Codes())
}

func TestGoodAndLevel(t *testing.T) {
	tests := []struct{ code, good, level string }{
		{"gdp_growth", GoodUp, "gdp_level"},
		{"unemployment_rate", GoodDown, ""},
		{"registered_unemployment_rate", GoodDown, ""},
		{"cpi", GoodDown, ""},
		{"energy_intensity_reduction", GoodUp, ""},
		{"balance_of_payments", GoodNone, ""},
		{"gdp_level", GoodUp, ""},
	}
	for _, tt := range tests {
		ind, ok := ByCode(tt.code)
		require.True(t, ok, tt.code)
		assert.Equal(t, tt.good, ind.Good, tt.code)
		l, ok := LevelOf(tt.code)
		assert.Equal(t, tt.level != "", ok, tt.code)
		assert.Equal(t, tt.level, l.Code, tt.code)
	}
	// Level codes are never what a subject matches to: the growth code decides.
	ind, ok := Match("地区生产总值")
	require.True(t, ok)
	assert.Equal(t, "gdp_growth", ind.Code)
	ind, _ = Match("城镇登记失业率")
	assert.Equal(t, "registered_unemployment_rate", ind.Code)
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, data string }{
		{"too few fields", "gdp_growth\t地区生产总值增长\n"},
		{"duplicate", "a\tA\tA\tup\t\tx\na\tA\tA\tup\t\ty\nother\t其他\tother\tnone\t\t\n"},
		{"no other", "a\tA\tA\tup\t\tx\n"},
		{"bad direction", "a\tA\tA\tsideways\t\tx\nother\t其他\tother\tnone\t\t\n"},
		{"unknown level", "a\tA\tA\tup\tb_level\tx\nother\t其他\tother\tnone\t\t\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved, savedV, savedC := byCode, variants, codes
			defer func() { byCode, variants, codes = saved, savedV, savedC }()
			byCode, variants, codes = map[string]Indicator{}, nil, nil
			assert.Error(t, load(tt.data))
		})
	}
}

func TestLoadQualifiersErrors(t *testing.T) {
	saved, savedP, savedA := shareVerbs, parts, afters
	defer func() { shareVerbs, parts, afters = saved, savedP, savedA }()
	assert.Error(t, loadQualifiers("nonsense\t占\n"))
	assert.Error(t, loadQualifiers("share\n"))
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"全省地区生产总值", "居民消费价格指数（CPI）涨幅", "（（）", "单位ＧＤＰ能耗", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ind, v, ok := MatchVariant(s)
		if !ok {
			require.Equal(t, Other, ind.Code)
			return
		}
		require.NotEqual(t, Other, ind.Code)
		require.True(t, strings.Contains(normalize(s), v))
		require.True(t, utf8.ValidString(v))
	})
}

func BenchmarkMatch(b *testing.B) {
	s := "全社会研发经费支出相当于全市生产总值的比例"
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Match(s)
	}
}
