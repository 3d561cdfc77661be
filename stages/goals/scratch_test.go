package goals

import (
	"fmt"
	"testing"

	"github.com/govreports/govreports/stages/quantity"
)

func TestScratch(t *testing.T) {
	for _, s := range []string{
		"今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右。",
		"一产、二产、三产增加值分别增长6%、8%、5%左右，固定资产投资、社会消费品零售总额、进出口总额分别增长6%、5%、6%左右，居民消费价格涨幅、城镇调查失业率分别控制在3%和5%以内",
		"全员劳动生产率16万元/人以上，人才资源总量1380万人，农牧区劳动力转移就业106万人次以上，粮食总产量稳定在1939.5万吨以上，长江、黄河干流、澜沧江出省境断面水质稳定保持在Ⅱ类及以上",
		"单位生产总值能耗降低2.5%以上，力争“十四五”以来累计降低10%左右。地区生产总值增长5%—5.5%，居民消费价格指数（CPI）涨幅在3%以内，城镇新增就业46万人、城镇调查失业率控制在5.5%以内",
		"其中一、二、三产增加值分别增长3.5%左右、6%左右、5.5%左右；城镇和农村常住居民人均可支配收入分别增长6%左右和8%左右；增长5-6%，约5%，不低于3%，不超过3%",
	} {
		for _, m := range quantity.Extract(s) {
			vm := "-"
			if m.ValueMax != nil {
				vm = fmt.Sprint(*m.ValueMax)
			}
			fmt.Printf("%d-%d %q v=%v max=%s mult=%v unit=%q base=%v %s kind=%s dir=%s cmp=%s approx=%v subj=%q ind=%q\n", m.Start, m.End, m.Text, m.Value, vm, m.Multiplier, m.Unit, m.BaseValue, m.BaseUnit, m.Kind, m.Direction, m.Comparator, m.Approx, m.Subject, m.Indicator)
		}
		fmt.Println()
	}
}
