package meta

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/region"
)

// metaCase is one report's opening, written for the test in the style of
// other years and levels, and what its metadata must be.
type metaCase struct {
	name, file, text string
	hints            Hints
	flags            Flags
	year             int
	yearSource       Source
	code, level      string
	regionSource     Source
	date, meeting    string
	role, speaker    string
	warnings         []string // substrings, one per expected warning
}

func (tt metaCase) check(t *testing.T) {
	t.Helper()
	m, err := Resolve(input(tt.file, tt.text, tt.hints, tt.flags))
	require.NoError(t, err)
	assert.Equal(t, tt.year, m.Year, "year")
	assert.Equal(t, tt.yearSource, m.YearSource, "year source")
	assert.Equal(t, tt.code, m.Region.Code, "region code")
	if tt.level != "" {
		assert.Equal(t, tt.level, m.Region.Level, "level")
	}
	assert.Equal(t, tt.regionSource, m.RegionSource, "region source")
	if tt.date != "" {
		assert.Equal(t, tt.date, m.MeetingDate)
	}
	if tt.meeting != "" {
		assert.Equal(t, tt.meeting, m.Meeting)
	}
	if tt.speaker != "" {
		assert.Equal(t, tt.role, m.SpeakerRole)
		assert.Equal(t, tt.speaker, m.Speaker)
	}
	require.Len(t, m.Warnings, len(tt.warnings), "warnings: %+v", m.Warnings)
	for i, w := range tt.warnings {
		assert.Contains(t, m.Warnings[i].Text, w)
	}
}

// input is a report as a reader hands it over: the first line is the title
// when it is one, the file is report.txt unless named.
func input(file, text string, hints Hints, flags Flags) Input {
	if file == "" {
		file = "report.txt"
	}
	in := Input{Source: file, TitleLine: 1, Hints: hints, Flags: flags}
	for i, l := range strings.Split(text, "\n") {
		if title, ok := TitleOf(l, i == 0); ok {
			in.Title = title
			continue
		}
		in.Lines = append(in.Lines, Line{Text: l, No: i + 1})
	}
	return in
}

func TestMetadataFromTitle(t *testing.T) {
	for _, tt := range []metaCase{
		{name: "year and municipality", text: "2025年重庆市政府工作报告\n各位代表：\n一、2024年工作回顾\n",
			year: 2025, yearSource: FromTitle, code: "500000", level: "provincial", regionSource: FromTitle},
		{name: "year without 年, national evidence elsewhere", text: "2009政府工作报告\n各位代表：\n现在，我代表国务院，向大会作政府工作报告。\n",
			year: 2009, yearSource: FromTitle, code: "000000", level: "national", regionSource: FromText},
		{name: "spaced title, county", text: "政 府 工 作 报 告\n——2016年1月8日在海拉尔区第十五届人民代表大会第一次会议上\n",
			year: 2016, yearSource: FromDateline, code: "150702", level: "county", regionSource: FromMeeting},
		{name: "prefecture-level city in book-title marks", text: "《深圳市2023年政府工作报告》\n各位代表：\n二、2023年工作安排\n",
			year: 2023, yearSource: FromTitle, code: "440300", level: "prefecture", regionSource: FromTitle},
		{name: "district with its city", text: "南京市鼓楼区人民政府工作报告\n——2021年1月6日\n",
			year: 2021, yearSource: FromDateline, code: "320106", level: "county", regionSource: FromTitle},
		{name: "year after the region", text: "呼伦贝尔市海拉尔区2019年政府工作报告\n各位代表：\n",
			year: 2019, yearSource: FromTitle, code: "150702", regionSource: FromTitle},
		{name: "title naming its meeting", text: "在第一届全国人民代表大会第一次会议上的政府工作报告\n（一九五四年九月二十三日）\n",
			year: 1954, yearSource: FromDateline, code: "000000", regionSource: FromTitle, date: "1954-09-23"},
		{name: "State Council title", text: "2019年国务院政府工作报告\n各位代表：\n",
			year: 2019, yearSource: FromTitle, code: "000000", regionSource: FromTitle},
		{name: "numbered", text: "7.吉林市政府工作报告\n——2022年1月10日在吉林市第十七届人民代表大会第一次会议上\n",
			year: 2022, yearSource: FromDateline, code: "220200", level: "prefecture", regionSource: FromTitle},
		{name: "title year against dateline", text: "2020年江西省政府工作报告\n——2021年1月25日在江西省第十三届人民代表大会第五次会议上\n",
			year: 2021, yearSource: FromDateline, code: "360000", regionSource: FromTitle, warnings: []string{"the title says the year is 2020, the dateline says 2021"}},
	} {
		t.Run(tt.name, tt.check)
	}
}

func TestMetadataFromDateline(t *testing.T) {
	for _, tt := range []metaCase{
		{name: "full-width digits", text: "政府工作报告\n——２００９年３月５日在第十一届全国人民代表大会第二次会议上\n",
			year: 2009, yearSource: FromDateline, code: "000000", regionSource: FromMeeting, date: "2009-03-05", meeting: "第十一届全国人民代表大会第二次会议"},
		{name: "spaced digits", text: "政府工作报告\n—— 1 9 9 8 年 3 月 5 日在第九届全国人民代表大会第一次会议上\n",
			year: 1998, yearSource: FromDateline, code: "000000", regionSource: FromMeeting, date: "1998-03-05"},
		{name: "Chinese numerals", text: "政府工作报告\n——二〇二六年一月二十日在浙江省第十四届人民代表大会第五次会议上\n",
			year: 2026, yearSource: FromDateline, code: "330000", regionSource: FromMeeting, date: "2026-01-20", meeting: "浙江省第十四届人民代表大会第五次会议"},
		{name: "Chinese numerals, day thirty-one", text: "政府工作报告\n一九九五年一月三十一日在广西壮族自治区第八届人民代表大会第三次会议上\n",
			year: 1995, yearSource: FromDateline, code: "450000", regionSource: FromMeeting, date: "1995-01-31"},
		{name: "no dash, county with its city", text: "政府工作报告\n2019年1月28日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上\n",
			year: 2019, yearSource: FromDateline, code: "150702", level: "county", regionSource: FromMeeting},
		{name: "1950s, Chinese numerals in brackets", text: "政府工作报告\n（一九五四年九月二十三日在第一届全国人民代表大会第一次会议上）\n政务院总理 某某\n",
			year: 1954, yearSource: FromDateline, code: "000000", regionSource: FromMeeting, date: "1954-09-23", role: "政务院总理", speaker: "某某"},
		{name: "December congress", text: "某县政府工作报告\n——2020年12月28日在丰宁满族自治县第十六届人民代表大会第六次会议上\n一、2020年工作回顾\n",
			year: 2021, yearSource: FromDateline, code: "130826", level: "county", regionSource: FromMeeting,
			warnings: []string{"line 2: dateline of December 2020; the headings speak of 2021"}},
		{name: "brackets", text: "政府工作报告\n（2023年2月15日在深圳市第七届人民代表大会第三次会议上）\n",
			year: 2023, yearSource: FromDateline, code: "440300", regionSource: FromMeeting},
		{name: "four ASCII dashes", text: "政 府 工 作 报 告\n----2011年3月2日在江苏省第十一届人民代表大会第四次会议上\n",
			year: 2011, yearSource: FromDateline, code: "320000", regionSource: FromMeeting},
		{name: "meeting broken across lines", text: "政府工作报告\n——2026年1月20日在海南省第七届\n人民代表大会第五次会议上\n",
			year: 2026, yearSource: FromDateline, code: "460000", regionSource: FromMeeting, meeting: "海南省第七届人民代表大会第五次会议"},
		{name: "month without a day", text: "政府工作报告\n——2017年1月在杭州市西湖区第十二届人民代表大会第一次会议上\n",
			year: 2017, yearSource: FromDateline, code: "330106", level: "county", regionSource: FromMeeting, meeting: "杭州市西湖区第十二届人民代表大会第一次会议"},
		{name: "meeting and date on lines of their own", text: "政府工作报告\n——在福建省第十四届人民代表大会第三次会议上\n2025年1月19日\n",
			year: 2025, yearSource: FromDateline, code: "350000", regionSource: FromMeeting, meeting: "福建省第十四届人民代表大会第三次会议", date: "2025-01-19"},
	} {
		t.Run(tt.name, tt.check)
	}
}

func TestMetadataFromSpeakerAndText(t *testing.T) {
	for _, tt := range []metaCase{
		{name: "district government's head", text: "政府工作报告\n——2014年1月9日\n海拉尔区人民政府区长　　王某\n",
			year: 2014, yearSource: FromDateline, code: "150702", regionSource: FromSpeaker, role: "区长", speaker: "王某"},
		{name: "premier", text: "政府工作报告\n——2008年3月5日\n国务院总理 某某某\n",
			year: 2008, yearSource: FromDateline, code: "000000", regionSource: FromSpeaker, role: "国务院总理", speaker: "某某某"},
		{name: "province and governor", text: "政府工作报告\n——2026年1月26日\n广东省省长 某某\n",
			year: 2026, yearSource: FromDateline, code: "440000", regionSource: FromSpeaker, role: "省长", speaker: "某某"},
		{name: "county head", text: "政府工作报告\n——2017年2月20日\n福州市鼓楼区人民政府代区长 某甲\n",
			year: 2017, yearSource: FromDateline, code: "350102", regionSource: FromSpeaker, role: "代区长", speaker: "某甲"},
		{name: "colon after the office", text: "政府工作报告\n——2024年1月9日\n县长：某乙\n各位代表：\n受县人民政府委托，向大会报告工作。\n", file: "2024_单县.txt",
			year: 2024, yearSource: FromDateline, code: "371722", regionSource: FromFileName, role: "县长", speaker: "某乙",
			warnings: []string{"region 单县 (371722) taken from the file name"}},
		{name: "opening address, no title", text: "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2018年工作回顾\n",
			year: 2019, yearSource: FromHeading, code: "000000", regionSource: FromText},
		{name: "plan heading with 对 and 要求", text: "各位代表：\n现在，我代表国务院，向大会报告工作。\n一、过去五年工作回顾\n二、2013年经济社会发展总体要求和政策取向\n",
			year: 2013, yearSource: FromHeading, code: "000000", regionSource: FromText},
		{name: "opening address names the city", text: "各位代表：\n现在，我代表呼伦贝尔市人民政府向大会报告工作。\n二、2024年主要工作任务\n",
			year: 2024, yearSource: FromHeading, code: "150700", regionSource: FromText},
	} {
		t.Run(tt.name, tt.check)
	}
}

func TestMetadataFromRowFileNameAndFlags(t *testing.T) {
	body := "各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"
	for _, tt := range []metaCase{
		{name: "row columns", file: "export.csv#row=2", text: body, hints: Hints{Title: "2026年广东省政府工作报告", Year: 2026, Region: "广东省"},
			year: 2026, yearSource: FromRow, code: "440000", regionSource: FromRow},
		{name: "row region code only", file: "export.jsonl#row=1", text: "各位代表：\n现在，我代表市人民政府，向大会报告工作。\n", hints: Hints{Year: 2024, Region: "440300"},
			year: 2024, yearSource: FromRow, code: "440300", regionSource: FromRow},
		{name: "text outranks the row", file: "export.csv#row=1", text: "政府工作报告\n——2025年1月19日在福建省第十四届人民代表大会第三次会议上\n",
			hints: Hints{Year: 2024, Region: "江苏省"}, year: 2025, yearSource: FromDateline, code: "350000", regionSource: FromMeeting,
			warnings: []string{"the table row says the region is 江苏省 (320000)", "the table row says the year is 2024, the dateline says 2025"}},
		{name: "Chinese file name", file: "in/2026_广东省_政府工作报告.txt", text: body,
			year: 2026, yearSource: FromFileName, code: "440000", regionSource: FromFileName,
			warnings: []string{"region 广东省 (440000) taken from the file name", "year 2026 taken from the file name"}},
		{name: "pinyin file name", file: "2026-guangdong-province.txt", text: body + "一、2025年工作回顾\n",
			year: 2026, yearSource: FromHeading, code: "440000", regionSource: FromFileName, warnings: []string{"taken from the file name"}},
		{name: "two-word pinyin", file: "inner-mongolia_2020.txt", text: "各位代表：\n现在，我代表自治区人民政府，向大会报告工作。\n一、2019年工作回顾\n",
			year: 2020, yearSource: FromHeading, code: "150000", regionSource: FromFileName, warnings: []string{"taken from the file name"}},
		{name: "code file name", file: "reports/150702.txt", text: "各位代表：\n一、2012年工作回顾\n",
			year: 2013, yearSource: FromHeading, code: "150702", regionSource: FromFileName, warnings: []string{"taken from the file name"}},
		{name: "the opening address speaks for another kind of government", file: "2023_海拉尔区.txt", text: body,
			year: 2023, yearSource: FromFileName, code: "150702", regionSource: FromFileName,
			warnings: []string{"taken from the file name", "line 2 speaks for a 省 government, but the file name names 海拉尔区 (150702)", "year 2023 taken from the file name"}},
		{name: "file name settles an ambiguous title", file: "nanjing-2020.txt", text: "鼓楼区政府工作报告\n各位代表：\n",
			year: 2020, yearSource: FromFileName, code: "320106", regionSource: FromFileName,
			warnings: []string{"region 鼓楼区 (320106) taken from the file name", "year 2020 taken from the file name"}},
		{name: "flags are the fallback", text: "各位代表：\n正文。\n", flags: Flags{Region: "深圳", Year: 2023},
			year: 2023, yearSource: FromFlag, code: "440300", regionSource: FromFlag},
		{name: "file name before flags", file: "2022-hainan.txt", text: "各位代表：\n正文。\n", flags: Flags{Region: "海南", Year: 2021},
			year: 2022, yearSource: FromFileName, code: "460000", regionSource: FromFileName,
			warnings: []string{"taken from the file name", "the --year flag says the year is 2021, the file name says 2022", "year 2022 taken from the file name"}},
		{name: "text against flags", text: "北京市政府工作报告\n——2024年1月21日在北京市第十六届人民代表大会第二次会议上\n", flags: Flags{Region: "上海", Year: 2023},
			year: 2024, yearSource: FromDateline, code: "110000", regionSource: FromTitle,
			warnings: []string{"the --region flag says the region is 上海市 (310000), the title says 北京市 (110000)", "the --year flag says the year is 2023, the dateline says 2024"}},
		{name: "flag naming the province of a city's report", text: "深圳市政府工作报告\n——2024年1月20日\n", flags: Flags{Region: "广东"},
			year: 2024, yearSource: FromDateline, code: "440300", level: "prefecture", regionSource: FromTitle},
	} {
		t.Run(tt.name, tt.check)
	}
}

func TestMetadataRefused(t *testing.T) {
	tests := []struct {
		name, file, text string
		flags            Flags
		line             int // 0: an error of the flags, not of the report
		want             []string
	}{
		{"a bare title is not the nation", "notes.txt", "政府工作报告\n各位代表：\n一、2017年工作回顾\n", Flags{}, 1,
			[]string{`report "政府工作报告": cannot tell its region`, `title "政府工作报告"`, `file name "notes"`, "--region"}},
		{"ambiguous district", "gl.txt", "鼓楼区政府工作报告\n——2020年1月8日在鼓楼区第十七届人民代表大会第五次会议上\n", Flags{}, 1,
			[]string{`report "鼓楼区政府工作报告": region 鼓楼区 is ambiguous: 320106 江苏省南京市鼓楼区, 320302 江苏省徐州市鼓楼区, 350102 福建省福州市鼓楼区, 410204 河南省开封市鼓楼区`}},
		{"a province does not settle which of its districts", "gl.txt", "鼓楼区政府工作报告\n——2020年1月8日\n", Flags{Region: "江苏"}, 1,
			[]string{"region 鼓楼区 is ambiguous"}},
		{"no year anywhere", "sz.txt", "深圳市政府工作报告\n各位代表：\n", Flags{}, 1,
			[]string{`report "深圳市政府工作报告": cannot tell its year`, "--year"}},
		{"untitled, nothing names a region", "rows.csv#row=2", "各位代表：\n一、2019年工作回顾\n", Flags{}, 1,
			[]string{`report "(untitled)": cannot tell its region`}},
		{"bad date", "d.txt", "2.北京市政府工作报告\n\n——2024年2月30日在北京市第十六届人民代表大会第二次会议上\n", Flags{}, 3,
			[]string{"dateline date 2024年2月30日 is not a calendar date"}},
		{"bad --region though the title names one", "bj.txt", "北京市政府工作报告\n——2024年1月21日\n", Flags{Region: "Atlantis"}, 0,
			[]string{`--region "Atlantis": "Atlantis" names no division`}},
		{"ambiguous --region", "bj.txt", "北京市政府工作报告\n——2024年1月21日\n", Flags{Region: "朝阳区"}, 0,
			[]string{`--region "朝阳区": 朝阳区 is ambiguous: 110105 北京市朝阳区, 220104 吉林省长春市朝阳区`}},
		{"--year out of range", "bj.txt", "北京市政府工作报告\n——2024年1月21日\n", Flags{Year: 24}, 0,
			[]string{"--year 24: not a year"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(input(tt.file, tt.text, Hints{}, tt.flags))
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			var e *Error
			if assert.Equal(t, tt.line > 0, errors.As(err, &e), "an *Error exactly when the report is at fault") && tt.line > 0 {
				assert.Equal(t, tt.line, e.Line)
			}
		})
	}
}

func TestFlagsValidate(t *testing.T) {
	assert.NoError(t, Flags{}.Validate())
	assert.NoError(t, Flags{Region: "南京市鼓楼区", Year: 1954}.Validate())
	assert.NoError(t, Flags{Region: "hainan"}.Validate())
	assert.ErrorContains(t, Flags{Region: "鼓楼区"}.Validate(), "ambiguous")
	assert.ErrorContains(t, Flags{Region: "某某省"}.Validate(), "names no division")
	assert.ErrorContains(t, Flags{Year: 3024}.Validate(), "--year 3024")
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		line           string
		ok             bool
		year, month, d int
		yearText       string
		meeting        string
	}{
		{"——2024年1月21日在北京市第十六届人民代表大会第二次会议上", true, 2024, 1, 21, "2024", "北京市第十六届人民代表大会第二次会议"},
		{"—22024年1月22日在四川省第十四届人民代表大会第二次会议上", true, 2024, 1, 22, "22024", "四川省第十四届人民代表大会第二次会议"},
		{"－－二〇〇八年十二月十日", true, 2008, 12, 10, "二〇〇八", ""},
		{"——２０１０年３月５日在第十一届全国人民代表大会第三次会议上", true, 2010, 3, 5, "2010", "第十一届全国人民代表大会第三次会议"},
		{"2024年1月21日", true, 2024, 1, 21, "2024", ""},
		{"政府工作报告——1993年3月15日在第八届全国人民代表大会第一次会议上", true, 1993, 3, 15, "1993", "第八届全国人民代表大会第一次会议"},
		{"（2024年1月21日北京市第十六届人民代表大会第二次会议）", true, 2024, 1, 21, "2024", "北京市第十六届人民代表大会第二次会议"},
		{"——2022年1月在某区第十七届人民代表大会第一次会议上", true, 2022, 1, 0, "2022", "某区第十七届人民代表大会第一次会议"},
		{"2022年1月", false, 0, 0, 0, "", ""},
		{"——2022年1月在某区第十七届", false, 0, 0, 0, "", ""},
		{"2024年1月，全市召开大会。", false, 0, 0, 0, "", ""},
		{"2024年1月21日，全市召开大会。", false, 0, 0, 0, "", ""},
		{"——1800年1月1日", false, 0, 0, 0, "", ""},
		{"一、2023年工作回顾", false, 0, 0, 0, "", ""},
		{"（2015年2月6日某市第十七届人民代表大会第五次会议通过）", true, 2015, 2, 6, "2015", "某市第十七届人民代表大会第五次会议"},
		{"——二O一一年一月十日在某市第五届人民代表大会第四次会议上", true, 2011, 1, 10, "二O一一", "某市第五届人民代表大会第四次会议"},
		{"——二00五年二月二十日", true, 2005, 2, 20, "二00五", ""},
		{"——2020年5月10日在某市第四届人民代表大会第六次会议上某市人民政府市长某某", true, 2020, 5, 10, "2020", "某市第四届人民代表大会第六次会议"},
		{"2024年1月21日全市召开工作会议部署全年任务", false, 0, 0, 0, "", ""},
		{"——2024年1月21日在某市第一届人民代表大会第一次会议上的讲话", false, 0, 0, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			d, ok := ParseDateline(tt.line)
			require.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, []int{tt.year, tt.month, tt.d}, []int{d.Year, d.Month, d.Day})
			assert.Equal(t, tt.yearText, d.YearText)
			assert.Equal(t, tt.meeting, d.Meeting)
		})
	}
}

// The speaker line run on after a dateline: the place, the office, the name.
func TestParseDatelineSpeakerRunOn(t *testing.T) {
	d, ok := ParseDateline("2016年2月10日某市第三届人民代表大会第六次会议通过某市人民政府代市长某丁")
	require.True(t, ok)
	assert.Equal(t, []string{"某市第三届人民代表大会第六次会议", "某市", "代市长", "某丁"}, []string{d.Meeting, d.SpeakerPlace, d.SpeakerRole, d.Speaker})
	d, ok = ParseDateline("——2021年1月6日在区第六届人民代表大会第一次会议上区长某戊")
	require.True(t, ok)
	assert.Equal(t, []string{"", "区长", "某戊"}, []string{d.SpeakerPlace, d.SpeakerRole, d.Speaker})
}

func TestTitleOf(t *testing.T) {
	tests := []struct {
		line  string
		first bool
		want  string
		ok    bool
	}{
		{"政 府 工 作 报 告", true, "政府工作报告", true},
		{"2025年重庆市政府工作报告", true, "2025年重庆市政府工作报告", true},
		{"12．河南省政府工作报告", false, "河南省政府工作报告", true},
		{"北京市政府工作报告", false, "", false},
		{"现在我代表市人民政府向大会作政府工作报告", true, "", false},
		{"我向大会作政府工作报告", true, "", false},
		{"《政府工作报告》", true, "政府工作报告", true},
		{"2012年江西省政府工作报告（摘要）", true, "2012年江西省政府工作报告", true},
	}
	for _, tt := range tests {
		got, ok := TitleOf(tt.line, tt.first)
		assert.Equal(t, tt.ok, ok, tt.line)
		assert.Equal(t, tt.want, got, tt.line)
	}
}

// FuzzParseDateline: any line parses or not without panicking, and a parsed
// dateline has a plausible year and a month and day that are numbers.
func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{"——2024年1月21日在北京市第十六届人民代表大会第二次会议上", "－二〇二六年一月二十日", "（２００９年３月５日）",
		"—— 1 9 9 8 年 3 月 5 日", "——22024年1月22日", "——二〇二六年十三月三十二日", "年月日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		d, ok := ParseDateline(line)
		if ok && (d.Year < MinYear || d.Year > MaxYear) {
			t.Fatalf("implausible year %d from %q", d.Year, line)
		}
	})
}

// FuzzTitle: a title, when one is found, yields a year that is plausible or
// none, and resolving its region never panics.
func FuzzTitle(f *testing.F) {
	for _, s := range []string{"2025年重庆市政府工作报告", "政 府 工 作 报 告", "3.呼伦贝尔市海拉尔区政府工作报告", "《二〇二六年政府工作报告》", "鼓楼区政府工作报告"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		title, ok := TitleOf(line, true)
		if !ok {
			return
		}
		y, rest := splitTitle(title)
		if y != 0 && (y < MinYear || y > MaxYear) {
			t.Fatalf("implausible year %d from %q", y, line)
		}
		r := &resolver{year: region.Year(y)}
		_, _ = r.lookup(clue{source: FromTitle, name: rest}, line, kind{})
		fy, fr := fileNameClues(line + ".txt")
		for _, c := range append(fy, fr...) {
			_, _ = r.lookup(c, "", kind{name: "市"})
		}
	})
}
