package goals_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/goals"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/split"
	"github.com/govreports/govreports/testdata"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// targetsPassage marks every sentence as part of the targets passage.
func targetsPassage(texts ...string) []split.Sentence {
	sents := make([]split.Sentence, len(texts))
	for i, t := range texts {
		sents[i] = split.Sentence{ID: i, Section: split.Targets, Text: t}
	}
	return sents
}

// brief is a goal in one line: indicator subject value comparator [stretch] [period].
func brief(g goals.Goal) string {
	v := "-"
	if g.Value != nil {
		v = fmt.Sprintf("%g", *g.Value)
		if g.ValueMax != nil {
			v += fmt.Sprintf("~%g", *g.ValueMax)
		}
		v += fmt.Sprintf("×%g%s", *g.Multiplier, g.Unit)
	}
	s := strings.Join([]string{g.Indicator.Code, g.Subject, v, string(g.Comparator)}, " ")
	if g.Stretch {
		s += " stretch"
	}
	if g.Period != "2024" {
		s += " " + g.Period
	}
	if g.Note != "" {
		s += " (" + g.Note + ")"
	}
	if g.Reference != "" {
		s += " @" + g.Reference
	}
	return s
}

// extractTests are target clauses of our own writing, in the styles of
// many years and levels, with the goals each states.
var extractTests = []struct {
	name  string
	texts []string
	want  []string
}{
	{"introduction and plain targets", []string{"今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，粮食产量1.3万亿斤以上。"}, []string{
		"gdp_growth 国内生产总值 5×1% about",
		"urban_new_jobs 城镇新增就业 1200×10000人 at_least",
		"grain_output 粮食产量 1.3×1e+12斤 at_least",
	}},
	{"items set out line by line with their markers", []string{
		"今年经济社会发展的主要预期目标是：",
		"——地区生产总值增长6%左右；",
		"（二）一般公共预算收入增长4%；",
		"3.城镇新增就业8万人以上；",
		"②居民消费价格涨幅2%左右；",
		"五是粮食总产量稳定在50亿斤以上；",
		"一、二、三产增加值分别增长3%、5%、6%。",
	}, []string{
		"gdp_growth 地区生产总值 6×1% about",
		"budget_revenue_growth 一般公共预算收入 4×1% exact",
		"urban_new_jobs 城镇新增就业 8×10000人 at_least",
		"cpi 居民消费价格涨幅 2×1% about",
		"grain_output 粮食总产量 50×1e+08斤 at_least",
		"primary_industry_growth 一产增加值 3×1% exact",
		"secondary_industry_growth 二产增加值 5×1% exact",
		"tertiary_industry_growth 三产增加值 6×1% exact",
	}},
	{"indicator words that end in a predicate word", []string{"经济增长5.5%，研发经费投入强度2.1%。"}, []string{
		"gdp_growth 经济增长 5.5×1% exact",
		"rd_intensity 研发经费投入强度 2.1×1% exact",
	}},
	{"comparators", []string{"城镇调查失业率控制在5%以内，居民消费价格指数（CPI）涨幅在3%以内，城镇化率提高到60%，居民消费价格涨幅控制在3%左右。"}, []string{
		"unemployment_rate 城镇调查失业率 5×1% at_most",
		"cpi 居民消费价格指数（CPI）涨幅 3×1% at_most",
		"urbanization_rate 城镇化率 60×1% exact",
		"cpi 居民消费价格涨幅 3×1% about",
	}},
	{"distributive list with a trailing qualifier", []string{"一产、二产、三产增加值分别增长6%、8%、5%左右。"}, []string{
		"primary_industry_growth 一产增加值 6×1% about",
		"secondary_industry_growth 二产增加值 8×1% about",
		"tertiary_industry_growth 三产增加值 5×1% about",
	}},
	{"distributive list joined by 和", []string{"居民消费价格涨幅、城镇调查失业率分别控制在3%和5%以内。"}, []string{
		"cpi 居民消费价格涨幅 3×1% at_most",
		"unemployment_rate 城镇调查失业率 5×1% at_most",
	}},
	{"bare modifiers share the head", []string{"其中一、二、三产增加值分别增长3.5%左右、6%左右、5.5%左右；城镇和农村常住居民人均可支配收入分别增长6%左右和8%左右。"}, []string{
		"primary_industry_growth 一产增加值 3.5×1% about",
		"secondary_industry_growth 二产增加值 6×1% about",
		"tertiary_industry_growth 三产增加值 5.5×1% about",
		"urban_income_growth 城镇常住居民人均可支配收入 6×1% about",
		"rural_income_growth 农村常住居民人均可支配收入 8×1% about",
	}},
	{"modifiers of several characters share the head", []string{"城镇居民、农村居民人均可支配收入分别增长4.3%、6.9%。"}, []string{
		"urban_income_growth 城镇居民人均可支配收入 4.3×1% exact",
		"rural_income_growth 农村居民人均可支配收入 6.9×1% exact",
	}},
	{"an item that names its indicator alone is no modifier", []string{"出口、实际使用外资保持稳定。"}, []string{
		"export_growth 出口 - qualitative",
		"foreign_investment 实际使用外资 - qualitative",
	}},
	{"a bare comparison qualifies the goal before it", []string{"居民人均可支配收入增长5%左右，与经济增长基本同步。"}, []string{
		"income_growth 居民人均可支配收入 5×1% about",
		"income_growth 居民人均可支配收入 - in_sync",
	}},
	{"a planning-era list in words", []string{"一九六〇年国民经济计划的主要指标是：工业总产值一千八百亿元，比一九五九年增长百分之二十五左右；钢产量二千万吨；棉花产量四千八百万担左右。"}, []string{
		"other 工业总产值 1800×1e+08元 exact",
		"other 工业总产值 25×1% about",
		"other 钢产量 2000×10000吨 exact",
		"other 棉花产量 4800×10000担 about",
	}},
	{"a stretch aim after an adverbial", []string{"工农业总产值比上年增长5%，在执行中争取达到6%。"}, []string{
		"other 工农业总产值 5×1% exact",
		"other 工农业总产值 6×1% exact stretch",
	}},
	{"subjects set before a colon, a target a line", []string{"主要预期目标：", "地区生产总值：增长7%左右；", "城镇登记失业率：控制在4%以内。"}, []string{
		"gdp_growth 地区生产总值 7×1% about",
		"registered_unemployment_rate 城镇登记失业率 4×1% at_most",
	}},
	{"the amount of the subject before it", []string{"地区生产总值增长9%、总量突破3000亿元。"}, []string{
		"gdp_growth 地区生产总值 9×1% exact",
		"gdp_level 地区生产总值 3000×1e+08元 at_least",
	}},
	{"ordinals of the three industries", []string{"第一、二、三产业增加值分别增长4%、7%、8%。"}, []string{
		"primary_industry_growth 第一产业增加值 4×1% exact",
		"secondary_industry_growth 第二产业增加值 7×1% exact",
		"tertiary_industry_growth 第三产业增加值 8×1% exact",
	}},
	{"the fields of a list name no target", []string{"经济增长方面，地区生产总值增长6%左右；风险防控方面，政府债务风险有效防控。"}, []string{
		"gdp_growth 地区生产总值 6×1% about",
		"other 政府债务风险 - qualitative",
	}},
	{"a spaced value and its qualifier", []string{"生产总值增长 9 ％ 左右。"}, []string{
		"gdp_growth 生产总值 9×1% about",
	}},
	{"comparisons joined by an enumeration comma", []string{"居民收入增长与经济增长同步、农村居民收入增速快于城镇居民。"}, []string{
		"income_growth 居民收入 - in_sync",
		"rural_income_growth 农村居民收入 - above_gdp (快于城镇居民)",
	}},
	{"town and country with two values", []string{"城乡居民人均可支配收入分别增长5.5%、6.5%，城乡居民人均可支配收入增速高于经济增长速度。"}, []string{
		"urban_income_growth 城镇居民人均可支配收入 5.5×1% exact",
		"rural_income_growth 农村居民人均可支配收入 6.5×1% exact",
		"income_growth 城乡居民人均可支配收入 - above_gdp (高于经济增长速度)",
	}},
	{"shared predicates", []string{"一般公共预算收入、城乡居民收入与经济增长同步，农村居民收入增长快于城镇居民。"}, []string{
		"budget_revenue_growth 一般公共预算收入 - in_sync",
		"income_growth 城乡居民收入 - in_sync",
		"rural_income_growth 农村居民收入 - above_gdp (快于城镇居民)",
	}},
	{"two whole targets joined by an enumeration comma", []string{"城镇新增就业46万人、城镇调查失业率控制在5.5%以内。"}, []string{
		"urban_new_jobs 城镇新增就业 46×10000人 exact",
		"unemployment_rate 城镇调查失业率 5.5×1% at_most",
	}},
	{"stretch aims take the subject before them", []string{
		"今年主要预期目标是：地区生产总值增长6%左右，力争达到6%以上。",
		"单位生产总值能耗降低2.5%以上，力争“十四五”以来累计降低10%左右。",
	}, []string{
		"gdp_growth 地区生产总值 6×1% about",
		"gdp_growth 地区生产总值 6×1% at_least stretch",
		"energy_intensity_reduction 单位生产总值能耗 2.5×1% at_least",
		"energy_intensity_reduction 单位生产总值能耗 10×1% about stretch 2021-2025",
	}},
	{"baseline left out", []string{"研发经费投入强度由2.1%提高到2.3%。"}, []string{"rd_intensity 研发经费投入强度 2.3×1% exact"}},
	{"range", []string{"地区生产总值增长5%—5.5%。"}, []string{"gdp_growth 地区生产总值 5~5.5×1% range"}},
	{"qualitative targets", []string{"固定资产投资实现正增长，进出口平稳增长，实际使用外资稳中提质，粮食产量只增不减，国际收支保持基本平衡，外贸外资促稳提质，在实际工作中争取更好结果。"}, []string{
		"fixed_asset_investment_growth 固定资产投资 - positive",
		"trade_growth 进出口 - positive",
		"foreign_investment 实际使用外资 - qualitative",
		"grain_output 粮食产量 - qualitative",
		"balance_of_payments 国际收支 - qualitative",
		"other 外贸外资 - qualitative",
	}},
	{"lists of indicators meeting the national task", []string{"生态环境质量、能源、水资源等指标达到国家要求，节能减排和碳排放强度下降完成国家下达任务，空气质量优良天数比率和地表水水质优良率均完成国家下达任务。"}, []string{
		"environment 生态环境质量 - qualitative",
		"other 能源 - qualitative",
		"other 水资源 - qualitative",
		"emissions 节能减排 - qualitative",
		"carbon_intensity_reduction 碳排放强度 - qualitative",
		"air_quality 空气质量优良天数比率 - qualitative",
		"water_quality 地表水水质优良率 - qualitative",
	}},
	{"verb-first targets", []string{"按序时进度完成国家下达的单位地区生产总值能耗下降目标，全面完成节能减排降碳和环境质量改善约束性指标。"}, []string{
		"energy_intensity_reduction 单位地区生产总值能耗 - qualitative",
		"emissions 节能减排降碳 - qualitative",
		"environment 环境质量 - qualitative",
	}},
	{"one noun phrase with modifiers in a list", []string{"长江、黄河干流、澜沧江出省境断面水质稳定保持在Ⅱ类及以上，能耗强度在“十四五”规划期内统筹完成国家规定目标。"}, []string{
		"water_quality 长江、黄河干流、澜沧江出省境断面水质 - qualitative",
		"energy_intensity_reduction 能耗强度 - qualitative 2021-2025",
	}},
	{"unknown subject kept", []string{"人才资源总量1380万人，农牧区劳动力转移就业106万人次以上。"}, []string{
		"other 人才资源总量 1380×10000人 exact",
		"other 农牧区劳动力转移就业 106×10000人次 at_least",
	}},
	{"bound words left out of the subject", []string{"城镇新增就业不少于40万人，城镇调查失业率不超过5.5%。"}, []string{
		"urban_new_jobs 城镇新增就业 40×10000人 at_least",
		"unemployment_rate 城镇调查失业率 5.5×1% at_most",
	}},
	{"level beside growth", []string{"全县生产总值增长9%，达到150亿元；城镇居民人均可支配收入达到3.2万元，增长8%。"}, []string{
		"gdp_growth 全县生产总值 9×1% exact",
		"gdp_level 全县生产总值 150×1e+08元 exact",
		"urban_income_level 城镇居民人均可支配收入 3.2×10000元 exact",
		"urban_income_growth 城镇居民人均可支配收入 8×1% exact",
	}},
	{"steady growth is positive", []string{"城乡居民收入稳步增长，财政收入稳定增长，进出口回稳向好。"}, []string{
		"income_growth 城乡居民收入 - positive",
		"budget_revenue_growth 财政收入 - positive",
		"trade_growth 进出口 - qualitative",
	}},
	{"comparisons with another region are relative, with anything but growth qualitative", []string{"农村居民收入增速高于经济增长、高于全国平均水平，工业投资增速高于全部投资增速。"}, []string{
		"rural_income_growth 农村居民收入 - above_gdp (高于经济增长)",
		"rural_income_growth 农村居民收入 - relative (高于全国平均水平) @全国",
		"industrial_investment_growth 工业投资 - qualitative (高于全部投资增速)",
	}},
	{"relative targets with a margin", []string{"全州生产总值增速高于全省1.5个百分点左右，财政收入比全省平均高1个百分点，城镇调查失业率低于全省0.5个百分点。"}, []string{
		"gdp_growth 全州生产总值 1.5×1pp relative (高于全省1.5个百分点左右) @全省",
		"budget_revenue_growth 财政收入 1×1pp relative (比全省平均高1个百分点) @全省",
		"unemployment_rate 城镇调查失业率 0.5×1pp relative (低于全省0.5个百分点) @全省",
	}},
	{"relative targets without a margin", []string{"规上工业增加值、社会消费品零售总额增速快于全国，居民消费价格涨幅不高于全区平均水平，城乡居民收入与全市同步增长。"}, []string{
		"industrial_output_growth 规上工业增加值 - relative (快于全国) @全国",
		"retail_sales_growth 社会消费品零售总额 - relative (快于全国) @全国",
		"cpi 居民消费价格涨幅 - relative (不高于全区平均水平) @全区",
		"income_growth 城乡居民收入 - relative (与全市同步增长) @全市",
	}},
	{"a region's name joining two subjects is no reference", []string{"全县生产总值和全市下达的财政收入任务分别增长8%、9%。"}, []string{
		"gdp_growth 全县生产总值 8×1% exact",
		"budget_revenue_growth 全市下达的财政收入任务 9×1% exact",
	}},
	{"the justification restates a target", []string{
		"主要预期目标是：国内生产总值增长7.5%左右，城镇登记失业率控制在4.6%以内。",
		"居民消费价格涨幅3%左右。",
		"经济增长预期7.5%左右，考虑了需要和可能，也留有余地。",
	}, []string{
		"gdp_growth 国内生产总值 7.5×1% about",
		"registered_unemployment_rate 城镇登记失业率 4.6×1% at_most",
		"cpi 居民消费价格涨幅 3×1% about",
	}},
	{"growth over last year", []string{"国内生产总值比上年增长8%左右，全市生产总值达到850亿元，比上年增长12%。"}, []string{
		"gdp_growth 国内生产总值 8×1% about",
		"gdp_level 全市生产总值 850×1e+08元 exact",
		"gdp_growth 全市生产总值 12×1% exact",
	}},
	{"a bare relative comparison qualifies the goal before it", []string{"地区生产总值增长7.5%，高于全市平均水平，一般公共预算收入增长6%，努力跑赢全省。"}, []string{
		"gdp_growth 地区生产总值 7.5×1% exact",
		"gdp_growth 地区生产总值 - relative (高于全市平均水平) @全市",
		"budget_revenue_growth 一般公共预算收入 6×1% exact",
		"budget_revenue_growth 一般公共预算收入 - relative (跑赢全省) @全省",
	}},
	{"ranking aims are other", []string{"地区生产总值增速保持全省前列，主要经济指标增速争先进位，继续保持全市第一方阵。"}, []string{
		"other 地区生产总值 - qualitative",
		"other 主要经济指标 - qualitative",
		"other 继续保持全市第一方阵 - qualitative",
	}},
	{"places in a ranking are other", []string{"地区生产总值总量保持全省第5位，县域经济综合实力进入全国前100位。"}, []string{
		"other 地区生产总值总量 5×1位 exact",
		"other 县域经济综合实力进入全国 100×1位 exact",
	}},
	{"slogans of a main target and a stretch", []string{"全市生产总值增长保七争八，县域经济增速“保10争12”。"}, []string{
		"gdp_growth 全市生产总值 7×1% exact",
		"gdp_growth 全市生产总值 8×1% exact stretch",
		"other 县域经济 10×1% exact",
		"other 县域经济 12×1% exact stretch",
	}},
	{"确保 a main target, 力争 a stretch", []string{"地区生产总值确保增长8.5%、力争9%，确保一般公共预算收入增长6%、力争7%以上。"}, []string{
		"gdp_growth 地区生产总值 8.5×1% exact",
		"gdp_growth 地区生产总值 9×1% exact stretch",
		"budget_revenue_growth 一般公共预算收入 6×1% exact",
		"budget_revenue_growth 一般公共预算收入 7×1% at_least stretch",
	}},
	{"a list opened by 力争 states main targets", []string{"力争全区生产总值增长9%，地方财政收入增长10%。"}, []string{
		"gdp_growth 全区生产总值 9×1% exact",
		"budget_revenue_growth 地方财政收入 10×1% exact",
	}},
	{"thresholds of the economy's size", []string{"经济总量迈上五百亿台阶，地区生产总值跨越千亿台阶。"}, []string{
		"gdp_level 经济总量 500×1e+08元 at_least",
		"gdp_level 地区生产总值 1000×1e+08元 at_least",
	}},
	{"a price index as a level", []string{"居民消费价格指数103左右，商品零售价格总指数控制在102.5以内。"}, []string{
		"cpi 居民消费价格指数 3×1% about",
		"cpi 商品零售价格总指数 2.5×1% at_most",
	}},
	{"shares of GDP and older intensities are not GDP", []string{"科技研发投入相当于地区生产总值的比重达到2%，环保投入相当于全县生产总值的比例达到3%，万元GDP综合能耗下降3.5%，人均生产总值达到5万元，万元工业增加值用水量下降6%。"}, []string{
		"rd_intensity 科技研发投入相当于地区生产总值的比重 2×1% exact",
		"other 环保投入相当于全县生产总值的比例 3×1% exact",
		"energy_intensity_reduction 万元GDP综合能耗 3.5×1% exact",
		"other 人均生产总值 5×10000元 exact",
		"other 万元工业增加值用水量 6×1% exact",
	}},
	{"ceilings", []string{"城镇登记失业率低于4.6%，居民消费价格涨幅不高于3%，人口自然增长率控制在7‰以下。"}, []string{
		"registered_unemployment_rate 城镇登记失业率 4.6×1% at_most",
		"cpi 居民消费价格涨幅 3×1% at_most",
		"other 人口自然增长率 7×1‰ at_most",
	}},
	{"a condition is no target", []string{"在优化结构、提高效益、降低消耗的基础上，全省生产总值增长9%左右。"}, []string{
		"gdp_growth 全省生产总值 9×1% about",
	}},
	{"income in step with growth, worded otherwise", []string{"城乡居民人均收入实际增长与经济增长同步，努力实现农民收入增长和经济发展同步，居民人均可支配收入与GDP增长同步并略高。"}, []string{
		"income_growth 城乡居民人均收入 - in_sync",
		"rural_income_growth 农民收入 - in_sync",
		"income_growth 居民人均可支配收入 - above_gdp (同步并略高)",
	}},
	{"tasks of the level above", []string{"完成省下达的节能减排、碳排放和环境保护目标任务，约束性指标完成市下达的目标任务。"}, []string{
		"emissions 节能减排 - qualitative",
		"emissions 碳排放 - qualitative",
		"environment 环境保护 - qualitative",
		"other 约束性指标 - qualitative",
	}},
	{"GDP words inside another indicator's task", []string{"完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务。"}, []string{
		"grain_output 粮食生产 - qualitative",
		"carbon_intensity_reduction 单位生产总值二氧化碳减排 - qualitative",
	}},
	{"a distributive list with a shared unit", []string{"合同利用外资、实到外资分别为3.5亿、2亿美元，三次产业增加值分别增长4%、9%、8%。"}, []string{
		"other 合同利用外资 3.5×1e+08美元 exact",
		"foreign_investment_level 实到外资 2×1e+08美元 exact",
		"primary_industry_growth 第一产业增加值 4×1% exact",
		"secondary_industry_growth 第二产业增加值 9×1% exact",
		"tertiary_industry_growth 第三产业增加值 8×1% exact",
	}},
	{"a stray full stop before the qualifier", []string{"人口自然增长率控制在6.5‰。以内，城镇登记失业率4%。左右。"}, []string{
		"other 人口自然增长率 6.5×1‰ at_most",
		"registered_unemployment_rate 城镇登记失业率 4×1% about",
	}},
	{"OCR letters inside numbers", []string{"全县生产总值增长1O％，财政收入增长l2.5％，CO2排放下降5%。"}, []string{
		"gdp_growth 全县生产总值 10×1% exact",
		"budget_revenue_growth 财政收入 12.5×1% exact",
		"carbon_intensity_reduction CO2排放 5×1% exact",
	}},
	{"分别 with one value", []string{"城乡居民人均可支配收入分别增长7%。"}, []string{
		"urban_income_growth 城镇居民人均可支配收入 7×1% exact",
		"rural_income_growth 农村居民人均可支配收入 7×1% exact",
	}},
	{"planned growth", []string{"全市生产总值按增长6%安排。"}, []string{"gdp_growth 全市生产总值 6×1% exact"}},
	{"targets without an indicator of the lexicon", []string{"重大风险有效防控，结构调整取得积极进展，有效投资保持合理增长。"}, []string{
		"other 重大风险 - qualitative",
		"other 结构调整 - qualitative",
		"other 有效投资 - qualitative",
	}},
	{"a share is other", []string{"产业投资占比保持在45%以上。"}, []string{"other 产业投资占比 45×1% at_least"}},
	{"policy sentences are no targets", []string{"新增可再生能源消费不纳入能源消费总量控制，单位地区生产总值能耗降低2%。"}, []string{
		"energy_intensity_reduction 单位地区生产总值能耗 2×1% exact",
	}},
	{"the justification ends the list", []string{"主要预期目标是：生产总值增长6%；提出上述目标，主要考虑了稳就业、防风险的需要。"}, []string{
		"gdp_growth 生产总值 6×1% exact",
	}},
	{"conditions and policies in the list", []string{"在提高质量和效益的前提下，全区生产总值增长7%左右，着力控制煤炭消费，环境质量稳定改善。"}, []string{
		"gdp_growth 全区生产总值 7×1% about",
		"environment 环境质量 - qualitative",
	}},
	{"amounts completed", []string{"全社会固定资产投资完成650亿元，城镇居民人均可支配收入达到31000元。"}, []string{
		"fixed_asset_investment_level 全社会固定资产投资 650×1e+08元 exact",
		"urban_income_level 城镇居民人均可支配收入 31000×1元 exact",
	}},
	{"periods of older plans", []string{"单位生产总值能耗在“十二五”期间累计下降16%，主要污染物排放总量在“十一五”期间减少10%。"}, []string{
		"energy_intensity_reduction 单位生产总值能耗 16×1% exact 2011-2015",
		"emissions 主要污染物排放总量 10×1% exact 2006-2010",
	}},
	{"whole qualitative targets joined by an enumeration comma", []string{"现行标准下的贫困人口全部脱贫、贫困村全部出列，经济增长、居民收入保持稳定。"}, []string{
		"other 现行标准下的贫困人口 - qualitative",
		"other 贫困村 - qualitative",
		"gdp_growth 经济增长 - qualitative",
		"income_growth 居民收入 - qualitative",
	}},
	{"a target restated in the justification", []string{"主要预期目标是：生产总值增长6.5%左右，把增长目标定在6.5%左右，兼顾了需要与可能。"}, []string{
		"gdp_growth 生产总值 6.5×1% about",
	}},
	{"no targets", []string{"在实际工作中尽可能争取更好结果。", "力争在实际工作中取得更好结果。", ""}, nil},
}

func TestExtract(t *testing.T) {
	for _, tt := range extractTests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, g := range goals.Extract(targetsPassage(tt.texts...), 2024) {
				got = append(got, brief(g))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestExtractNoTargetsSection(t *testing.T) {
	assert.Empty(t, goals.Extract(nil, 2024))
	sents := targetsPassage("地区生产总值增长5%左右。")
	sents[0].Section = split.Plan
	assert.Empty(t, goals.Extract(sents, 2024))
}

func TestExtractOnlyTargetsSection(t *testing.T) {
	sents := targetsPassage("地区生产总值增长5%左右。", "居民消费价格涨幅3%左右。")
	sents[0].Section = split.Review
	got := goals.Extract(sents, 2024)
	require.Len(t, got, 1)
	assert.Equal(t, 1, got[0].SentenceIndex)
	assert.Equal(t, "cpi", got[0].Indicator.Code)
}

func TestExtractSpans(t *testing.T) {
	text := "主要预期目标是：地区生产总值增长5%左右，城镇、农村居民人均可支配收入分别增长5%、7%左右。"
	got := goals.Extract(targetsPassage(text), 2024)
	require.Len(t, got, 3)
	rs := []rune(text)
	wants := []string{"地区生产总值增长5%左右", "城镇、农村居民人均可支配收入分别增长5%、7%左右", "城镇、农村居民人均可支配收入分别增长5%、7%左右"}
	for i, g := range got {
		assert.Equal(t, wants[i], g.Span)
		assert.Equal(t, g.Span, string(rs[g.SpanStart:g.SpanEnd]))
	}
}

// TestCorpusGoals writes the goals of every report of the corpus to a golden
// file, read by eye when it changes.
func TestCorpusGoals(t *testing.T) {
	var b strings.Builder
	reports := map[string]int{}
	_, err := read.Read(context.Background(), read.BytesSource(testdata.CorpusName, testdata.Corpus), read.Options{},
		func(r *read.Report) error {
			sents := split.Split(r)
			for _, g := range goals.Extract(sents, r.Year) {
				reports[r.Region.Short]++
				fmt.Fprintf(&b, "%s\t%d\t%s\t%s\n", r.Region.Short, sents[g.SentenceIndex].Line, brief(g), g.Span)
			}
			return nil
		})
	require.NoError(t, err)
	assert.Len(t, reports, 32, "every report has goals")
	golden := filepath.Join("testdata", "corpus.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), b.String())
}

// TestStyleGoals reads the goals of short reports written for this test in
// the style of other years and levels (testdata/styles: a 1990s national
// report, a 2010s one, a county, a year with adjusted targets, a 2026
// province with a plan period's targets before the year's) through the
// splitter and the targets passage, and compares them with
// testdata/styles.golden, the goals each report states.
func TestStyleGoals(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "styles", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var b strings.Builder
	for _, path := range files {
		name := filepath.Base(path)
		year, sents := styleReport(t, path)
		fmt.Fprintf(&b, "## %s\n", name)
		for _, g := range goals.Extract(sents, year) {
			if g.Period == strconv.Itoa(year) {
				g.Period = "2024" // brief names only periods other than the year
			}
			fmt.Fprintf(&b, "%d\t%s\t%s\n", sents[g.SentenceIndex].Line, brief(g), g.Span)
		}
	}
	golden := filepath.Join("testdata", "styles.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), b.String())
}

// styleReport reads a report of testdata/styles, whose file name starts
// with its year, into sentences.
func styleReport(t *testing.T, path string) (int, []split.Sentence) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	year, err := strconv.Atoi(filepath.Base(path)[:4])
	require.NoError(t, err, path)
	r := &read.Report{Year: year}
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		r.Lines = append(r.Lines, read.Line{Text: line, No: i + 1})
	}
	return year, split.Split(r)
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"主要预期目标是：城镇、农村居民人均可支配收入分别增长5%、7%左右，力争达到6%以上。",
		"力争“十四五”以来累计降低10%左右、",
		"、、和及分别5%（，",
		"地区生产总值增速“保8争9”，高于全省1个百分点左右，人口自然增长率控制在7‰。以内，比全市平均高",
		"努力实现、完成省下达的目标任务，保持全省前列，居民消费价格指数103左右，分别为8亿、6亿美元",
		"地区生产总值：增长 8 ％ 左右：：经济运行方面，在执行中争取达到百分之五，比一九五九年增长，总量突破千亿元",
		"第一、二、三产业增加值分别增长4%、、钢产量二千万担：",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rs := []rune(text)
		for _, g := range goals.Extract(targetsPassage(text), 2024) {
			require.True(t, 0 <= g.SpanStart && g.SpanStart <= g.SpanEnd && g.SpanEnd <= len(rs))
			require.Equal(t, g.Span, string(rs[g.SpanStart:g.SpanEnd]))
			require.NotEmpty(t, g.Comparator)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	sents := targetsPassage("今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右，生态环境质量持续改善。")
	b.SetBytes(int64(len(sents[0].Text)))
	b.ReportAllocs()
	for b.Loop() {
		goals.Extract(sents, 2024)
	}
}

func TestScopeReference(t *testing.T) {
	county := goals.Scope{{Name: "驻马店市", Level: "prefecture"}, {Name: "河南省", Level: "province"}}
	shanghaiDistrict := goals.Scope{{Name: "上海市", Level: "province"}}
	guangxiCity := goals.Scope{{Name: "广西壮族自治区", Level: "province"}}
	tests := []struct {
		scope goals.Scope
		words string
		want  string
	}{
		{county, "全国", "nation"},
		{county, "全省", "province"},
		{county, "全市", "prefecture"},
		{shanghaiDistrict, "全市", "province"},
		{guangxiCity, "全区", "province"},
		{county, "全区", "全区"}, // no division above ends as 全区 says: the words
		{nil, "全省", "全省"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.scope.Reference(tt.words), "%v %s", tt.scope, tt.words)
	}
}

func TestRowOfRelativeTarget(t *testing.T) {
	sents := targetsPassage("主要预期目标是：生产总值增速高于全省1个百分点左右，城镇新增就业2万人。")
	got := goals.Extract(sents, 2020)
	require.Len(t, got, 2)
	scope := goals.Scope{{Name: "驻马店市", Level: "prefecture"}, {Name: "河南省", Level: "province"}}
	row := got[0].Row(schemas.Keys{ReportID: "2020-411700"}, sents, scope)
	assert.Equal(t, "relative", row.Comparator)
	require.NotNil(t, row.Reference)
	assert.Equal(t, "province", *row.Reference)
	require.NotNil(t, row.Value)
	assert.InDelta(t, 1, *row.Value, 1e-9)
	assert.Equal(t, "pp", *row.Unit)
	assert.Nil(t, row.ResolvedValue, "computed over the whole dataset, not here")
	other := got[1].Row(schemas.Keys{ReportID: "2020-411700"}, sents, scope)
	assert.Nil(t, other.Reference)
}
