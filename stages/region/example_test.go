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

// A report is coded with the division of its year; CurrentCode names the
// division that holds it today. Year(0) is today's register.
func ExampleYear() {
	for _, q := range []struct {
		name string
		year int
	}{{"巢湖市", 2008}, {"巢湖市", 2015}, {"临安市", 2016}, {"临安市", 2024}, {"毕节地区", 2010}, {"萧山市", 2000}, {"莱芜市", 0}} {
		r, err := region.Year(q.year).Find(q.name)
		if err != nil {
			fmt.Println(q.year, err)
			continue
		}
		fmt.Printf("%d %s: %s %s %s, listed %s…%s, held today by %s\n", q.year, q.name, r.Code, r.Full, r.Level, r.ValidFrom, r.ValidTo, r.CurrentCode)
	}
	// Output:
	// 2008 巢湖市: 341400 巢湖市 prefecture, listed 2002-12…2010-10, held today by 340181
	// 2015 巢湖市: 340181 巢湖市 county, listed 2011-10…current, held today by 340181
	// 2016 临安市: 330185 临安市 county, listed 2002-12…2016-07, held today by 330112
	// 2024 临安市: 330112 临安区 county, listed 2023-06…current, held today by 330112
	// 2010 毕节地区: 522400 毕节地区 prefecture, listed 2002-12…2010-10, held today by 520500
	// 2000 萧山市: 330109 萧山区 county, listed 2002-12…current, held today by 330109
	// 0 "莱芜市" names no division
}

// The metadata of a report reads its title in the report's year, with the
// surrounding text for a name that several divisions bear.
func ExampleYear_Prefix() {
	for _, y := range []region.Year{2009, 2014} {
		r, n, err := y.Prefix("巢湖市人民政府工作报告", "各位代表")
		fmt.Println(y, r.Code, r.Level, n, err)
	}
	// Output:
	// 2009 341400 prefecture 9 <nil>
	// 2014 340181 county 9 <nil>
}

// Named is the exact-name test for names found in running text: no stems,
// no codes, no error.
func ExampleYear_Named() {
	for _, name := range []string{"遂平县", "巢湖市", "鼓楼区", "长沙"} {
		var codes []string
		for _, r := range region.Year(2009).Named(name) {
			codes = append(codes, r.Code)
		}
		fmt.Println(name, codes)
	}
	// Output:
	// 遂平县 [411728]
	// 巢湖市 [341400]
	// 鼓楼区 [320106 320302 350102 410204]
	// 长沙 []
}
