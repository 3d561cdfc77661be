package targets_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/stages/split"
	"github.com/govreports/govreports/stages/targets"
	"github.com/govreports/govreports/testdata"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestPassage(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string
		first     int
		end       int
		ok        bool
	}{
		{"one sentence", []string{
			"今年工作的总体要求是：稳中求进。",
			"今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。",
			"提出上述预期目标，综合考虑了国内外形势和各方面因素。",
		}, 1, 2, true},
		{"list goes on after a full stop", []string{
			"今年发展主要预期目标是：生产总值增长5.5%左右，粮食产量1260万吨以上。",
			"单位生产总值能耗降低2.5%以上，力争“十四五”以来累计降低10%左右。",
			"当前，外部经济环境仍存在不确定性。",
		}, 0, 2, true},
		{"better result remark inside the list", []string{
			"今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，在实际工作中争取更好结果。",
			"固定资产投资增长6%左右，规模以上工业增加值增长7%。",
			"居民消费价格涨幅3%左右。",
			"主要污染物排放完成国家下达目标。",
			"做好今年政府工作，我们将牢牢把握高质量发展这个新时代的硬道理。",
		}, 0, 4, true},
		{"verb-first target", []string{
			"今年发展主要预期目标是：地区生产总值增长5%左右。",
			"不折不扣完成国家下达的约束性指标任务。",
			"省委全会对今年工作作了全面部署。",
		}, 0, 2, true},
		{"stretch aim after a full stop", []string{
			"今年主要预期目标是：地区生产总值增长6%左右，力争达到6%以上。",
			"一产、二产、三产增加值分别增长6%、8%、5%左右。",
			"今年重点工作是：",
		}, 0, 2, true},
		{"justification naming an indicator", []string{
			"主要预期目标是：经济增长5.5%，研发经费投入强度2.1%。",
			"今年经济增长目标确定为5.5%，充分考虑了保障改善民生的需要。",
		}, 0, 1, true},
		{"justification opening with a target", []string{
			"主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右。",
			"经济增长5%左右的预期目标，与“十四五”规划相衔接。",
		}, 0, 1, true},
		{"justification restating a target", []string{
			"主要预期目标是：国内生产总值增长7%左右；城镇登记失业率4.5%以内。",
			"把经济增长目标定在7%左右，主要考虑了扩大就业的需要。",
		}, 0, 1, true},
		{"a verb-first target after a full stop", []string{
			"主要预期目标是：地区生产总值增长7%左右。",
			"全面完成国家下达的节能减排目标。",
			"实现上述目标，必须坚持稳中求进。",
		}, 0, 2, true},
		{"semicolon-split list", []string{
			"主要预期目标为：生产总值增长5.5%左右；",
			"居民消费价格涨幅3%左右；",
			"城镇调查失业率控制在5%以内。",
			"重点抓好10方面工作：",
		}, 0, 3, true},
		{"a plan period's targets before the year's, both cut by line breaks", []string{
			"“十五五”时期全省经济社会发展的",
			"主要目标",
			"是：地区生产总值年均增长5%左右，创新能力显著增强。",
			"今年经济社会发展的",
			"主要预期目标",
			"是：地区生产总值增长5%左右；城镇新增就业60万人。",
			"这样的目标，是综合考虑各方面因素提出来的。",
		}, 4, 6, true},
		{"macro-control targets of the 1990s", []string{
			"一九九八年宏观调控的主要目标是：经济增长速度8%，商品零售价格涨幅控制在3%以内。",
			"实现这些目标，必须坚持稳中求进。",
		}, 0, 1, true},
		{"adjusted targets", []string{
			"受疫情影响，我们对今年主要预期目标作了适当调整。",
			"城镇新增就业40万人以上，城镇调查失业率6%左右；居民消费价格涨幅3.5%左右。",
			"需要说明的是，我们没有提出全年经济增速具体目标。",
		}, 0, 2, true},
		{"a past year's targets in the review", []string{
			"去年主要预期目标是：地区生产总值增长6%，实际增长6.2%。",
			"今年主要预期目标为：地区生产总值增长5.5%左右。",
		}, 1, 2, true},
		{"a heading right before the year's introduction", []string{
			"“十五五”时期主要任务和2026年工作安排",
			"今年主要预期目标是：地区生产总值增长5%左右。",
			"重点抓好以下工作。",
		}, 1, 2, true},
		{"a heading introduces the list", []string{
			"（二）主要预期目标",
			"全县生产总值增长8%左右，一般公共预算收入增长6%。",
			"城镇登记失业率控制在4%以内。",
			"（三）重点工作",
		}, 0, 3, true},
		{"a planning-era list goes on with subjects no indicator covers", []string{
			"1984年国民经济计划的主要指标是：",
			"工农业总产值比上年增长5%；",
			"原煤产量6.9亿吨；",
			"人口自然增长率控制在12‰以内。",
			"这个计划是积极稳妥的。",
		}, 0, 4, true},
		{"a list whose values are written in words", []string{
			"一九五七年国民经济计划的主要指标是：钢产量四百一十万吨左右，粮食产量三千八百亿斤左右。",
			"这些指标是经过综合平衡的。",
		}, 0, 1, true},
		{"a five-year plan's targets in words are no list", []string{
			"按照计划，到一九六二年，工业总产值增长一倍左右，钢产量达到一千万吨以上，粮食产量达到五千亿斤左右。",
			"现在我们的工作还有许多缺点。",
		}, 0, 0, false},
		{"the planning era's plan without a target word", []string{
			"今年的国民经济计划，工农业总产值安排增长7%，粮食产量按8200亿斤安排。",
			"实现今年的计划，关键是控制投资规模。",
		}, 0, 1, true},
		{"a first target introduced by 预期为", []string{
			"今年经济增长速度预期为7%左右，通货膨胀率低于3%。",
			"实现这个目标，需要付出艰苦的努力。",
		}, 0, 1, true},
		{"the fields of a list", []string{
			"今年主要预期目标是：",
			"经济运行方面，地区生产总值增长7%左右；",
			"风险防控方面，宏观杠杆率保持基本稳定。",
			"围绕上述目标，重点抓好以下工作。",
		}, 0, 3, true},
		{"a list laid out as a table of subjects and values", []string{
			"今年主要预期目标：",
			"地区生产总值：增长8%；",
			"财政收入：增长6%。",
			"三、重点工作",
		}, 0, 3, true},
		{"a list with no introduction", []string{
			"去年，地区生产总值增长6.1%，城镇新增就业12万人，居民消费价格上涨1.8%。",
			"今年，全市生产总值增长6%左右，固定资产投资增长8%，城镇新增就业10万人以上，城镇调查失业率5.5%以内。",
			"居民收入增长和经济增长同步。",
			"重点做好以下工作。",
		}, 1, 3, true},
		{"a first target that introduces itself", []string{
			"去年经济增长预期目标为7%，实际增长7.6%。",
			"综合考虑各方面因素，今年全省生产总值增长预期目标为8%左右，城镇新增就业50万人。",
			"城镇登记失业率控制在4.2%以内。",
			"这样安排，兼顾了需要和可能。",
		}, 1, 3, true},
		{"an introduction with a comma", []string{
			"今年国民经济和社会发展的主要调控目标，定为：经济增长速度9%左右，商品零售价格涨幅控制在5%以内。",
			"实现上述目标，关键在于深化改革。",
		}, 0, 1, true},
		{"a list after a sentence of priorities", []string{
			"今年全县经济社会发展的主要预期目标是：保持经济平稳较快发展，加快结构调整，着力改善民生，促进社会和谐。",
			"全县生产总值增长11%，财政收入增长12%，城镇居民人均可支配收入增长9%。",
			"确定这样的目标，是综合考虑了各方面因素的结果。",
		}, 0, 2, true},
		{"a list over several sentences with conditions and labels", []string{
			"今年全市经济社会发展的主要目标是：",
			"经济发展目标：全市生产总值增长12%，财政总收入增长14%。",
			"在提高质量和效益的基础上，固定资产投资增长18%。",
			"二、社会发展目标",
			"城镇登记失业率控制在4%以内，努力实现居民收入增长和经济发展同步。",
			"为实现上述目标，必须坚持项目带动。",
		}, 0, 5, true},
		{"a list opened by an aim, with no introduction", []string{
			"2019年，全区生产总值增长7.2%，一般公共预算收入增长6.1%，固定资产投资增长9.3%。",
			"今年，力争全区生产总值增长7%，一般公共预算收入增长6%，固定资产投资增长9%。",
			"重点抓好以下工作。",
		}, 1, 2, true},
		{"review mention only", []string{
			"过去一年，圆满实现经济社会发展主要预期目标。",
			"二、2024年工作总体要求和主要目标",
		}, 0, 0, false},
		{"no sentences", nil, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, end, ok := targets.Passage(tt.sentences)
			require.Equal(t, tt.ok, ok)
			if ok {
				assert.Equal(t, tt.first, first)
				assert.Equal(t, tt.end, end)
			}
		})
	}
}

func TestListStart(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string
		sentence  int
		rest      string // what follows the introduction in that sentence
	}{
		{"colon", []string{"今年发展主要预期目标是：国内生产总值增长5%左右"}, 0, "国内生产总值增长5%左右"},
		{"proposed", []string{"经济社会发展的主要预期目标建议为：地区生产总值增长5%左右"}, 0, "地区生产总值增长5%左右"},
		{"proposed with a colon", []string{"今年全市经济社会发展的主要预期目标建议：全市生产总值增长5%左右"}, 0, "全市生产总值增长5%左右"},
		{"为", []string{"主要预期目标为：生产总值增长5.5%左右"}, 0, "生产总值增长5.5%左右"},
		{"no colon", []string{"主要预期目标是地区生产总值增长5%左右"}, 0, "地区生产总值增长5%左右"},
		{"main targets of macro-control", []string{"今年宏观调控的主要目标是：经济增长速度8%，商品零售价格涨幅3%以内"}, 0, "经济增长速度8%，商品零售价格涨幅3%以内"},
		{"expected targets", []string{"全县经济社会发展的预期目标为：地区生产总值增长9%"}, 0, "地区生产总值增长9%"},
		{"targets adjusted", []string{"我们对今年主要预期目标作了适当调整：城镇新增就业50万人以上"}, 0, "城镇新增就业50万人以上"},
		{"list in the next sentence", []string{"今年发展的主要目标是：", "地区生产总值增长6%左右；"}, 0, ""},
		{"introduction cut by line breaks", []string{"今年经济社会发展的", "主要预期目标", "是：地区生产总值增长5%左右"}, 2, "地区生产总值增长5%左右"},
		{"a target, not an introduction", []string{"经济增长预期目标为5%左右"}, 0, "-"},
		{"the review", []string{"圆满实现经济社会发展主要预期目标。"}, 0, "-"},
		{"a plan period's targets", []string{"“十五五”时期经济社会发展的", "主要目标", "是：地区生产总值年均增长5%左右"}, 0, "-"},
		{"a heading, then a sentence with its own introduction", []string{"二、2011年主要目标", "今年全市经济社会发展的主要预期目标是：全市生产总值增长9%"}, 1, "全市生产总值增长9%"},
		{"no sentences", nil, 0, "-"},
		{"prose after the colon", []string{"今年工作的主要目标是：坚持稳中求进，推动高质量发展。"}, 0, "-"},
		{"a first target that introduces itself", []string{"综合考虑，今年全市生产总值增长预期目标为9%，财政收入增长10%"}, 0, "今年全市生产总值增长预期目标为9%，财政收入增长10%"},
		{"past a sentence of priorities", []string{"主要预期目标是：稳增长，调结构，惠民生，防风险。", "全市生产总值增长8%，财政收入增长7%。"}, 1, "全市生产总值增长8%，财政收入增长7%。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, at := targets.ListStart(tt.sentences)
			if tt.rest == "-" {
				assert.Equal(t, [2]int{0, 0}, [2]int{k, at})
				return
			}
			require.Equal(t, tt.sentence, k)
			assert.Equal(t, tt.rest, tt.sentences[k][at:])
		})
	}
}

func TestEnds(t *testing.T) {
	assert.True(t, targets.Ends("提出上述预期目标"))
	assert.True(t, targets.Ends("主要考虑了稳就业的需要"))
	assert.False(t, targets.Ends("居民收入增长与经济增长同步"))
}

// TestCorpusPassages writes every report's passage to a golden file (checked
// by eye when it changes) and requires one passage in each report.
func TestCorpusPassages(t *testing.T) {
	var b strings.Builder
	reports := 0
	_, err := read.Read(context.Background(), read.BytesSource(testdata.CorpusName, testdata.Corpus), read.Options{},
		func(r *read.Report) error {
			reports++
			sents := split.Split(r)
			texts := make([]string, len(sents))
			for i, s := range sents {
				texts[i] = s.Text
			}
			first, end, ok := targets.Passage(texts)
			if !assert.True(t, ok, r.Region.Short) {
				return nil
			}
			fmt.Fprintf(&b, "## %s %d-%d\n", r.Region.Short, first, end)
			for _, s := range texts[first:end] {
				fmt.Fprintln(&b, s)
			}
			return nil
		})
	require.NoError(t, err)
	require.Equal(t, 32, reports)
	golden := filepath.Join("testdata", "passages.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), b.String())
}

func FuzzPassage(f *testing.F) {
	f.Add("主要预期目标是：地区生产总值增长5%左右。\n粮食产量只增不减。\n确定这样的目标。")
	f.Add("主要预期目标：\n\n力争")
	f.Add("主要指标是：\n地区生产总值：增长8%：\n钢产量一千万吨；\n经济运行方面，风险保持稳定。\n今年的国民经济计划，：")
	f.Fuzz(func(t *testing.T, text string) {
		sents := strings.Split(text, "\n")
		first, end, ok := targets.Passage(sents)
		if !ok {
			return
		}
		require.True(t, 0 <= first && first < end && end <= len(sents))
		k, at := targets.ListStart(sents[first:end])
		require.True(t, 0 <= k && first+k < end && at <= len(sents[first+k]))
	})
}

func BenchmarkPassage(b *testing.B) {
	sents := strings.Split(string(testdata.Corpus), "。")
	b.SetBytes(int64(len(testdata.Corpus)))
	b.ReportAllocs()
	for b.Loop() {
		targets.Passage(sents)
	}
}
