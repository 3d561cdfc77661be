package read_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/read"
)

func ExampleParseDateline() {
	for _, line := range []string{
		"——２００９年３月５日在第十一届全国人民代表大会第二次会议上",
		"——二〇二六年一月二十日在浙江省第十四届人民代表大会第五次会议上",
		"----2013年2月28日在海拉尔区第十四届人民代表大会第二次会议上",
	} {
		d, ok := read.ParseDateline(line)
		fmt.Println(d.Year, d.Month, d.Day, d.Meeting, ok)
	}
	// Output:
	// 2009 3 5 第十一届全国人民代表大会第二次会议 true
	// 2026 1 20 浙江省第十四届人民代表大会第五次会议 true
	// 2013 2 28 海拉尔区第十四届人民代表大会第二次会议 true
}

func ExampleOptions_Validate() {
	for _, o := range []read.Options{{Region: "南京市鼓楼区"}, {Region: "鼓楼区"}, {Region: "Atlantis"}} {
		fmt.Println(o.Validate())
	}
	// Output:
	// <nil>
	// --region "鼓楼区": 鼓楼区 is ambiguous: 320106 江苏省南京市鼓楼区, 320302 江苏省徐州市鼓楼区, 350102 福建省福州市鼓楼区, 410204 河南省开封市鼓楼区 (name the city or province before it, e.g. 江苏省南京市鼓楼区)
	// --region "Atlantis": "Atlantis" names no division (use a GB/T 2260 code or a name such as 北京, 深圳市, 南京市鼓楼区 or Guangdong)
}
