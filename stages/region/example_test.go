package region_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/region"
)

func ExampleFind() {
	for _, name := range []string{"Guangxi", "440300", "呼伦贝尔市海拉尔区", "深圳", "鼓楼区"} {
		r, err := region.Find(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %s %s %s province=%q prefecture=%q\n", r.Code, r.Full, r.English, r.Level, r.ProvinceCode, r.PrefectureCode)
	}
	// Output:
	// 450000 广西壮族自治区 Guangxi provincial province="" prefecture=""
	// 440300 深圳市 Shenzhen prefecture province="440000" prefecture=""
	// 150702 海拉尔区 Haila'er District county province="150000" prefecture="150700"
	// 440300 深圳市 Shenzhen prefecture province="440000" prefecture=""
	// 鼓楼区 is ambiguous: 320106 江苏省南京市鼓楼区, 320302 江苏省徐州市鼓楼区, 350102 福建省福州市鼓楼区, 410204 河南省开封市鼓楼区 (name the city or province before it, e.g. 江苏省南京市鼓楼区)
}

func ExamplePrefix() {
	for _, s := range []string{"内蒙古自治区政府工作报告", "南京市鼓楼区人民政府工作报告", "鼓楼区政府工作报告", "政府工作报告"} {
		r, n, err := region.Prefix(s, "福州市")
		fmt.Printf("%s %q %v\n", r.Code, s[:n], err)
	}
	// Output:
	// 150000 "内蒙古自治区" <nil>
	// 320106 "南京市鼓楼区" <nil>
	// 350102 "鼓楼区" <nil>
	//  "" <nil>
}
