package targets_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/targets"
)

func ExamplePassage() {
	first, end, ok := targets.Passage([]string{
		"今年发展主要预期目标是：生产总值增长5.5%左右，粮食产量1260万吨以上。",
		"单位生产总值能耗降低2.5%以上，力争“十四五”以来累计降低10%左右。",
		"当前，外部经济环境仍存在不确定性。",
	})
	fmt.Println(first, end, ok)
	// Output: 0 2 true
}
