package region_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/region"
)

func ExampleInTitle() {
	for _, title := range []string{"内蒙古自治区政府工作报告", "重庆市人民政府工作报告", "政府工作报告"} {
		r, ok := region.InTitle(title)
		fmt.Println(r.Code, r.Short, r.English, r.MacroRegion, ok)
	}
	// Output:
	// 150000 内蒙古 Inner Mongolia west true
	// 500000 重庆 Chongqing west true
	// 000000 全国 China national true
}

func ExampleLookup() {
	r, ok := region.Lookup("Guangxi")
	fmt.Println(r.Full, r.Code, ok)
	// Output: 广西壮族自治区 450000 true
}
