package meta_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/read/meta"
)

func ExampleResolve() {
	m, err := meta.Resolve(meta.Input{
		Source: "reports/hlr.txt", Title: "政府工作报告", TitleLine: 1,
		Lines: []meta.Line{
			{Text: "——2016年1月8日在海拉尔区第十五届人民代表大会第一次会议上", No: 2},
			{Text: "海拉尔区人民政府区长 某某", No: 3},
			{Text: "各位代表：", No: 4},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Year, m.YearSource, m.Region.Code, m.Region.Full, m.RegionSource)
	fmt.Println(m.MeetingDate, m.Meeting, m.SpeakerRole, m.Speaker)
	// Output:
	// 2016 dateline 150702 海拉尔区 meeting
	// 2016-01-08 海拉尔区第十五届人民代表大会第一次会议 区长 某某
}

// A city's report named only by the city, whose name a district bears: the
// opening address and the level words say it is the city's; the year is read
// from the review heading run into the paragraph.
func ExampleResolve_cityTier() {
	m, err := meta.Resolve(meta.Input{
		Source: "docxV/东营.docx", TitleLine: 1,
		Lines: []meta.Line{
			{Text: "各位代表：现在，我代表市人民政府向大会报告工作。一、2019年工作回顾2019年，全市经济平稳，全市就业稳定。", No: 1},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Year, m.YearSource, m.Region.Code, m.Region.Full, m.RegionSource)
	for _, w := range m.Warnings {
		fmt.Println(w.Text)
	}
	// Output:
	// 2020 heading 370500 东营市 file_name
	// region 东营市 (370500) taken from the file name
}

func ExampleParseDateline() {
	for _, line := range []string{
		"——２００９年３月５日在第十一届全国人民代表大会第二次会议上",
		"——二〇二六年一月二十日在浙江省第十四届人民代表大会第五次会议上",
		"----2013年2月28日在海拉尔区第十四届人民代表大会第二次会议上",
	} {
		d, ok := meta.ParseDateline(line)
		fmt.Println(d.Year, d.Month, d.Day, d.Meeting, ok)
	}
	// Output:
	// 2009 3 5 第十一届全国人民代表大会第二次会议 true
	// 2026 1 20 浙江省第十四届人民代表大会第五次会议 true
	// 2013 2 28 海拉尔区第十四届人民代表大会第二次会议 true
}

func ExampleFlags_Validate() {
	for _, f := range []meta.Flags{{Region: "南京市鼓楼区"}, {Region: "鼓楼区"}, {Region: "Atlantis"}} {
		fmt.Println(f.Validate())
	}
	// Output:
	// <nil>
	// --region "鼓楼区": 鼓楼区 is ambiguous: 320106 江苏省南京市鼓楼区, 320302 江苏省徐州市鼓楼区, 350102 福建省福州市鼓楼区, 410204 河南省开封市鼓楼区 (name the city or province before it, e.g. 江苏省南京市鼓楼区)
	// --region "Atlantis": "Atlantis" names no division (use a GB/T 2260 code or a name such as 北京, 深圳市, 南京市鼓楼区 or Guangdong)
}
