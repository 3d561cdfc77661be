package indicator_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/indicator"
)

func ExampleMatch() {
	ind, ok := indicator.Match("城镇常住居民人均可支配收入")
	fmt.Println(ind.Code, ok)
	ind, ok = indicator.Match("人才资源总量")
	fmt.Println(ind.Code, ok)
	// Output:
	// urban_income_growth true
	// other false
}

func ExampleByCode() {
	ind, _ := indicator.ByCode("cpi")
	fmt.Println(ind.ZH, "/", ind.EN)
	// Output: 居民消费价格涨幅 / consumer price inflation (CPI)
}
