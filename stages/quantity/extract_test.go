package quantity

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
)

// want is the expected reading of one mention; empty fields are not checked.
type want struct {
	text       string
	base       float64
	baseUnit   string
	unit       string
	kind       string
	direction  string
	comparator schemas.Comparator
	approx     bool
	subject    string
}

func TestExtract(t *testing.T) {
	tests := []struct {
		sentence string
		want     []want
	}{
		{"国内生产总值超过126万亿元，增长5.2%。", []want{
			{text: "126万亿元", base: 1.26e14, baseUnit: "CNY", unit: "元", kind: KindLevel, comparator: schemas.AtLeast, subject: "国内生产总值"},
			{text: "5.2%", base: 5.2, baseUnit: "percent", kind: KindGrowth, direction: Up, comparator: schemas.Exact, subject: "国内生产总值"},
		}},
		{"紧急转移安置受灾群众近9.2万人。", []want{
			{text: "近9.2万人", base: 92000, baseUnit: "person", kind: KindLevel, comparator: schemas.About, approx: true},
		}},
		{"城镇调查失业率下降0.4个百分点。", []want{
			{text: "0.4个百分点", base: 0.4, baseUnit: "pp", unit: "个百分点", kind: KindPPChange, direction: Down},
		}},
		{"光伏制造业实现营收超2900亿元、升至全国第3位，锂离子电池制造业营收突破1000亿元、增长15%左右。", []want{
			{text: "超2900亿元", base: 2.9e11, baseUnit: "CNY", comparator: schemas.AtLeast},
			{text: "第3位", base: 3, baseUnit: "rank", unit: "位", kind: KindRank},
			{text: "1000亿元", base: 1e11, comparator: schemas.AtLeast},
			{text: "15%", kind: KindGrowth, comparator: schemas.About, approx: true},
		}},
		{"惠及2万多家企业，支持6.6万返乡人员创业，6600多万纳税人受益。", []want{
			{text: "2万多家", base: 20000, baseUnit: "count", unit: "家", comparator: schemas.AtLeast, approx: true},
			{text: "6.6万", base: 66000, baseUnit: "person", unit: ""},
			{text: "6600多万", base: 6.6e7, baseUnit: "person", comparator: schemas.AtLeast, approx: true},
		}},
		{"城镇新增就业25.79万人，新增学位7万个，海绵城市建设达标面积增加106平方公里。", []want{
			{text: "25.79万人", kind: KindCountChange, direction: Up, subject: "城镇新增就业"},
			{text: "7万个", base: 70000, baseUnit: "count", kind: KindCountChange},
			{text: "106平方公里", base: 106, baseUnit: "km2", kind: KindCountChange},
		}},
		{"棉花产量七千二百万担左右，发电量3100亿千瓦小时。", []want{
			{text: "七千二百万担", base: 3.6e6, baseUnit: "tonne", unit: "担", comparator: schemas.About, approx: true, subject: "棉花产量"},
			{text: "3100亿千瓦小时", base: 3.1e11, baseUnit: "kWh", unit: "千瓦小时", subject: "发电量"},
		}},
		{"生产总值增长 9 ％ 左右，零售物价总指数要力争控制在105以内。", []want{
			{text: "9 ％", base: 9, baseUnit: "percent", comparator: schemas.About, approx: true},
			{text: "105", base: 105, baseUnit: "other", comparator: schemas.AtMost, subject: "零售物价总指数"},
		}},
		{"建成18兆瓦海上风电，新型储能35GWh，算力规模达1.2万P，存储200TB。", []want{
			{text: "18兆瓦", base: 18000, baseUnit: "kW", unit: "兆瓦"},
			{text: "35GWh", base: 3.5e7, baseUnit: "kWh", unit: "GWh"},
			{text: "1.2万P", base: 12000, baseUnit: "other", unit: "P"},
			{text: "200TB", base: 200, baseUnit: "other", unit: "TB"},
		}},
		{"城镇登记失业率低于4.6%，人口自然增长率控制在7.8％。以内，经济总量跨越千亿台阶、迈上五百亿台阶，上千万元。", []want{
			{text: "4.6%", comparator: schemas.AtMost},
			{text: "7.8％", comparator: schemas.AtMost},
			{text: "千亿", base: 1e11, comparator: schemas.AtLeast},
			{text: "五百亿", base: 5e10, comparator: schemas.AtLeast},
		}},
		{"增长1O％，收入增长lO.5％，投资增长lO％左右，CO2排放下降3%，O2O企业5家，IPO公司2家。", []want{
			{text: "1O％", base: 10, baseUnit: "percent"},
			{text: "lO.5％", base: 10.5, baseUnit: "percent"},
			{text: "lO％", base: 10, comparator: schemas.About, approx: true},
			{text: "3%", base: 3},
			{text: "5家", base: 5},
			{text: "2家", base: 2},
		}},
		{"第一、二、三产业增加值分别增长6%、8%、5%左右。", []want{
			{text: "6%", kind: KindGrowth, comparator: schemas.About, approx: true},
			{text: "8%", kind: KindGrowth, comparator: schemas.About, approx: true},
			{text: "5%", kind: KindGrowth, comparator: schemas.About, approx: true},
		}},
		{"商品房销售面积、销售额分别居全国第四位、第六位。", []want{
			{text: "第四位", base: 4, kind: KindRank, subject: "商品房销售面积"},
			{text: "第六位", base: 6, kind: KindRank, subject: "销售额"},
		}},
		{"地区生产总值增长5%—5.5%，粮食产量1.39万亿斤，收入翻一番，占比过半达到一半，4成以上。", []want{
			{text: "5%—5.5%", base: 5, kind: KindGrowth},
			{text: "1.39万亿斤", base: 1.39e12 * 0.0005, baseUnit: "tonne"},
			{text: "翻一番", base: 2, baseUnit: "times", kind: KindMultiple},
			{text: "一半", base: 50, baseUnit: "percent", kind: KindShare},
			{text: "4成", base: 40, baseUnit: "percent", comparator: schemas.AtLeast},
		}},
		{"非化石能源消费占能源消费总量比重为43%左右，全员劳动生产率16万元/人，排放浓度32微克/立方米。", []want{
			{text: "43%", kind: KindShare, comparator: schemas.About, approx: true},
			{text: "16万元/人", unit: "元/人", base: 160000, baseUnit: "other"},
			{text: "32微克/立方米", unit: "微克/立方米"},
		}},
		{"控制在3%以内，新建5至6个，连续三年保持，累计1,200家，投资２０亿元。", []want{
			{text: "3%", comparator: schemas.AtMost},
			{text: "5至6个", base: 5, unit: "个"},
			{text: "三年", base: 3, baseUnit: "year", kind: KindLevel},
			{text: "1,200家", base: 1200},
			{text: "２０亿元", base: 2e9, baseUnit: "CNY"},
		}},
		{"装机容量达到500万千瓦，发电量30亿千瓦时，营业收入过千亿，营收增长1.6倍。", []want{
			{text: "500万千瓦", base: 5e6, baseUnit: "kW", unit: "千瓦"},
			{text: "30亿千瓦时", base: 3e9, baseUnit: "kWh"},
			{text: "千亿", base: 1e11, baseUnit: "CNY", comparator: schemas.AtLeast},
			{text: "1.6倍", base: 1.6, baseUnit: "times", kind: KindMultiple},
		}},
		{"经营主体占全国1/7，研发投入占全国超1/3，分别突破2000亿元、6000亿元，投资超万亿元。", []want{
			{text: "1/7", base: 100.0 / 7, baseUnit: "percent", kind: KindShare},
			{text: "超1/3", base: 100.0 / 3, baseUnit: "percent", kind: KindShare, comparator: schemas.AtLeast},
			{text: "2000亿元", comparator: schemas.AtLeast},
			{text: "6000亿元", comparator: schemas.AtLeast},
			{text: "超万亿元", base: 1e12, baseUnit: "CNY", comparator: schemas.AtLeast},
		}},
		{"接续推出四批政策清单，总书记两次亲临，贵阳、贵安、遵义三个综保区，近千人参加，企业超千家，汇聚百余位科学家。", []want{
			{text: "四批", base: 4, baseUnit: "count", unit: "批"},
			{text: "两次", base: 2, baseUnit: "count", unit: "次"},
			{text: "三个", base: 3, baseUnit: "count", unit: "个"},
			{text: "近千人", base: 1000, baseUnit: "person", comparator: schemas.About, approx: true},
			{text: "超千家", base: 1000, baseUnit: "count", comparator: schemas.AtLeast},
			{text: "百余位", base: 100, baseUnit: "person", comparator: schemas.AtLeast, approx: true},
		}},
		{"量子密钥分发突破千公里，武汉总量迈上2万亿台阶，煤炭再增产5743万吨。", []want{
			{text: "千公里", base: 1000, baseUnit: "km", comparator: schemas.AtLeast},
			{text: "2万亿", base: 2e12, baseUnit: "CNY", unit: ""},
			{text: "5743万吨", base: 5.743e7, baseUnit: "tonne", kind: KindCountChange, direction: Up},
		}},
		{"全县生产总值增长7.8%、约95亿元，降低企业用电成本1.2亿元。", []want{
			{text: "7.8%", kind: KindGrowth, direction: Up},
			{text: "95亿元", kind: KindLevel, comparator: schemas.About, approx: true},
			{text: "1.2亿元", kind: KindCountChange, direction: Down, subject: "企业用电成本"},
		}},
		{"全市生产总值达到2.1万亿元，是全省首个突破2万亿元的城市。", []want{
			{text: "2.1万亿元", kind: KindLevel, subject: "全市生产总值"},
			{text: "2万亿元", kind: KindLevel, comparator: schemas.AtLeast, subject: "全市生产总值"},
		}},
		{"三次降低贷款利率、两次下调准备金率，分别新增学位1万个、4万个。", []want{
			{text: "三次", base: 3, kind: KindLevel},
			{text: "两次", base: 2, kind: KindLevel},
			{text: "1万个", kind: KindCountChange, direction: Up},
			{text: "4万个", kind: KindCountChange, direction: Up},
		}},
		{"审批时限压缩到5个多月，历时两个多月，失业率回落1个多百分点。", []want{
			{text: "5个多月", base: 5, baseUnit: "other", unit: "个月", comparator: schemas.AtLeast, approx: true, subject: "审批时限"},
			{text: "两个多月", base: 2, unit: "个月", comparator: schemas.AtLeast, approx: true},
			{text: "1个多百分点", base: 1, baseUnit: "pp", unit: "个百分点", kind: KindPPChange, direction: Down, comparator: schemas.AtLeast, approx: true},
		}},
		{"区域创新能力指数达到78.6，营商环境评价得分保持在90以上。", []want{
			{text: "78.6", base: 78.6, baseUnit: "other", unit: "", kind: KindLevel, subject: "区域创新能力指数"},
			{text: "90", base: 90, baseUnit: "other", kind: KindLevel, comparator: schemas.AtLeast, subject: "营商环境评价得分"},
		}},
		{"优良天数累计增加109天，重污染天数减少41天，连续6年优秀。", []want{
			{text: "109天", base: 109, baseUnit: "day", kind: KindCountChange, direction: Up},
			{text: "41天", base: 41, baseUnit: "day", kind: KindCountChange, direction: Down},
			{text: "6年", base: 6, baseUnit: "year", kind: KindLevel},
		}},
		{"吞吐量超13.2亿吨、3530万标箱，接待游客2.3亿人次。", []want{
			{text: "超13.2亿吨", base: 1.32e9, comparator: schemas.AtLeast},
			{text: "3530万标箱", base: 3.53e7, comparator: schemas.AtLeast},
			{text: "2.3亿人次", base: 2.3e8, baseUnit: "person"},
		}},
		{"区域创新能力排名上升6位，增速居全国第4位、第7位、第6位，院士新增5位。", []want{
			{text: "6位", base: 6, baseUnit: "rank", kind: KindRank, direction: Up},
			{text: "第4位", base: 4, kind: KindRank},
			{text: "第7位", base: 7, kind: KindRank},
			{text: "第6位", base: 6, kind: KindRank},
			{text: "5位", base: 5, baseUnit: "person", kind: KindCountChange},
		}},
		{"开展活动9731场次，潜江、赤壁等4地获批，最低工资标准上调9.9%。", []want{
			{text: "9731场次", base: 9731, baseUnit: "count", unit: "场次"},
			{text: "4地", base: 4, baseUnit: "count", unit: "地"},
			{text: "9.9%", kind: KindGrowth, direction: Up},
		}},
		{"十万人参加，两千亿元投资，百万吨乙烯项目，信心百倍。", []want{
			{text: "十万人", base: 1e5, baseUnit: "person"},
			{text: "两千亿元", base: 2e11, baseUnit: "CNY"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			got := Extract(tt.sentence)
			require.Len(t, got, len(tt.want), "mentions: %v", texts(got))
			for k, w := range tt.want {
				checkMention(t, w, got[k])
			}
		})
	}
}

func checkMention(t *testing.T, w want, m Mention) {
	t.Helper()
	assert.Equal(t, w.text, m.Text)
	if w.baseUnit != "" {
		assert.Equal(t, w.baseUnit, m.BaseUnit, w.text)
	}
	if w.base != 0 {
		assert.InDelta(t, w.base, m.BaseValue, 1e-6*w.base, w.text)
	}
	if w.unit != "" || w.text == "6.6万" {
		assert.Equal(t, w.unit, m.Unit, w.text)
	}
	if w.kind != "" {
		assert.Equal(t, w.kind, m.Kind, w.text)
	}
	if w.direction != "" {
		assert.Equal(t, w.direction, m.Direction, w.text)
	}
	if w.comparator != "" {
		assert.Equal(t, w.comparator, m.Comparator, w.text)
	}
	assert.Equal(t, w.approx, m.Approx, w.text)
	if w.subject != "" {
		assert.Equal(t, w.subject, m.Subject, w.text)
	}
}

func texts(ms []Mention) []string {
	out := make([]string, len(ms))
	for k, m := range ms {
		out[k] = m.Text
	}
	return out
}

// TestExtractNotQuantities: years, dates, names, labels, ordinals and vague
// amounts give no mention.
func TestExtractNotQuantities(t *testing.T) {
	for _, s := range []string{
		"2023年，我们召开了二十大，2024年底前完成。",
		"1月21日，“十四五”规划中期评估。",
		"5G基站、C919大飞机、G318国道、PM2.5浓度。",
		"共建“一带一路”，促进两岸融合，推进长三角一体化。",
		"做好“一老一小”服务，三北工程，落实“13710”工作机制。",
		"第一批试点，一是坚持稳中求进，推出一批项目，若干措施，上千万群众。",
		"新中国成立75周年，世界500强，轨道交通18号线，5A级景区，60岁以上老年人。",
		"实施三年行动，坚持两个确立，千方百计稳就业，出台“10条”措施［10］。",
		"推进2021—2025年规划，1—11月累计，2023、2024年连续。",
		"严格落实中央八项规定，统筹发展和安全两件大事，召开十三届三次全会，实现两位数增长。",
		"竹园污水厂四期建成，主要抓了以下八个方面，一方有难、八方支援，金九银十，突破一批难题，三地互认。",
		"破除城乡二元结构，中药二次开发，守好发展和生态两条底线，提高残疾人两项补贴，扎实做好以下九项工作。",
	} {
		t.Run(s, func(t *testing.T) {
			assert.Empty(t, texts(Extract(s)))
		})
	}
}

// TestExtractWrittenForms: numbers as older texts and PDF extractions write
// them (full width, blanks between digits and before the unit, ranges with
// every mark) keep their text as written and get the normal value.
func TestExtractWrittenForms(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		sentence string
		text     string
		value    float64
		valueMax *float64
		base     float64
		unit     string
		kind     string
	}{
		{"农民人均纯收入达到２３００多元。", "２３００多元", 2300, nil, 2300, "元", KindLevel},
		{"居民消费价格上涨３％左右。", "３％", 3, nil, 3, "％", KindGrowth},
		{"物价涨幅控制在３．５％以内。", "３．５％", 3.5, nil, 3.5, "％", KindGrowth},
		{"全县财政收入达到8 6 5 3 万元。", "8 6 5 3 万元", 8653, nil, 8.653e7, "元", KindLevel},
		{"全市生产总值增长7 ．5 ％。", "7 ．5 ％", 7.5, nil, 7.5, "％", KindGrowth},
		{"税收收入增长1 2 . 6 %。", "1 2 . 6 %", 12.6, nil, 12.6, "%", KindGrowth},
		{"粮食播种面积稳定在3 2 万亩。", "3 2 万亩", 32, nil, 3.2e5, "亩", KindLevel},
		{"城镇登记失业率控制在4 ％以内。", "4 ％", 4, nil, 4, "％", KindShare},
		{"出口总额达到１２ 亿美元。", "１２ 亿美元", 12, nil, 1.2e9, "美元", KindLevel},
		{"地区生产总值增长6.5-7%。", "6.5-7%", 6.5, f(7), 6.5, "%", KindGrowth},
		{"地区生产总值增长7%－7.5%。", "7%－7.5%", 7, f(7.5), 7, "%", KindGrowth},
		{"一般公共预算收入增长4%~5%。", "4%~5%", 4, f(5), 4, "%", KindGrowth},
		{"一般公共预算收入增长４％～５％。", "４％～５％", 4, f(5), 4, "％", KindGrowth},
		{"社会消费品零售总额增长8%至9%。", "8%至9%", 8, f(9), 8, "%", KindGrowth},
		{"进出口总额增长3%—4%。", "3%—4%", 3, f(4), 3, "%", KindGrowth},
		{"进出口总额增长3 ％ － 4 ％。", "3 ％ － 4 ％", 3, f(4), 3, "％", KindGrowth},
		{"新建农田水利工程1 2 0 处。", "1 2 0 处", 120, nil, 120, "处", KindLevel},
		{"国民收入比上年增长百分之七点八。", "百分之七点八", 7.8, nil, 7.8, "%", KindGrowth},
		{"物价上涨幅度控制在百分之十以内。", "百分之十", 10, nil, 10, "%", KindGrowth},
		{"人口出生率为千分之十八。", "千分之十八", 18, nil, 1.8, "‰", KindShare},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			got := Extract(tt.sentence)
			require.Len(t, got, 1, "mentions: %v", texts(got))
			m := got[0]
			assert.Equal(t, tt.text, m.Text)
			assert.Equal(t, tt.text, string([]rune(tt.sentence)[m.Start:m.End]))
			assert.InDelta(t, tt.value, m.Value, 1e-9)
			assert.Equal(t, tt.valueMax, m.ValueMax)
			assert.InDelta(t, tt.base, m.BaseValue, 1e-6*tt.base)
			assert.Equal(t, tt.unit, m.Unit)
			assert.Equal(t, tt.kind, m.Kind)
		})
	}
}

// TestExtractBlanksAreNotNumbers: blanks join lone digits only; dates, years,
// labels and numbers set apart by blanks stay what they are.
func TestExtractBlanksAreNotNumbers(t *testing.T) {
	for _, s := range []string{
		"2024年 5 月，召开全会。",
		"2 0 2 3 年 1 2 月，“十四五”规划。",
		"建成 5 G基站，第 3 批试点。",
		"1. 2023年以来，2024 年，2023 5 月。",
	} {
		t.Run(s, func(t *testing.T) {
			assert.Empty(t, texts(Extract(s)))
		})
	}
}

// TestExtractIndicators: the indicator of a figure follows its kind (an
// amount of a growth indicator is its level), a share is never its
// denominator's indicator, and a growth verb may name the indicator.
func TestExtractIndicators(t *testing.T) {
	tests := []struct {
		sentence   string
		indicators []string
	}{
		{"全县生产总值达到85.6亿元，增长9.5%。", []string{"gdp_level", "gdp_growth"}},
		{"全州经济增长8%，外贸进出口总额3.2亿美元。", []string{"gdp_growth", "trade_level"}},
		{"旅游业增加值占地区生产总值比重达到12%，研发经费占地区生产总值比重2.1%，工业投资占比60%。", []string{"", "rd_intensity", ""}},
		{"城镇登记失业率控制在4.5%以内，农村居民人均可支配收入18600元。", []string{"registered_unemployment_rate", "rural_income_level"}},
		{"进出口企业新增35家，人均地区生产总值6.8万元，数字经济增长12%。", []string{"", "", ""}},
		{"财政收入增长6.5%、达到12.3亿元。", []string{"budget_revenue_growth", "budget_revenue_level"}},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			got := Extract(tt.sentence)
			require.Len(t, got, len(tt.indicators), "mentions: %v", texts(got))
			for k, m := range got {
				assert.Equal(t, tt.indicators[k], m.Indicator, m.Text)
			}
		})
	}
}

func TestExtractSpans(t *testing.T) {
	s := "“六水共治”完成投资203亿元，农村生活污水治理率高出全国21.3个百分点。"
	rs := []rune(s)
	for _, m := range Extract(s) {
		assert.Equal(t, m.Text, string(rs[m.Start:m.End]))
	}
}
