package meta

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixtures below are reports of the city and county tier written for
// these tests in the manner of the genre: invented sentences, real divisions
// of many provinces and years.

// cityBody is an opening address for the given government, a dated review
// heading, and a line of level words.
func cityBody(gov string, reviewYear int, level string) string {
	return "各位代表：\n现在，我代表" + gov + "向大会报告工作，请予审议。\n一、" + itoa(reviewYear) + "年工作回顾\n" +
		level + "经济运行平稳，" + level + "就业稳定，" + level + "物价平稳。\n"
}

func itoa(y int) string {
	const digits = "0123456789"
	return string([]byte{digits[y/1000], digits[y/100%10], digits[y/10%10], digits[y%10]})
}

func TestMetadataOfCitiesAndCountiesOfOneName(t *testing.T) {
	for _, tt := range []metaCase{
		{name: "a city whose name a district bears", file: "docs/东营.docx", text: cityBody("市人民政府", 2019, "全市"),
			year: 2020, yearSource: FromHeading, code: "370500", level: "prefecture", regionSource: FromFileName,
			warnings: []string{"region 东营市 (370500) taken from the file name"}},
		{name: "the district of that name", file: "docs/东营.docx", text: cityBody("区人民政府", 2019, "全区"),
			year: 2020, yearSource: FromHeading, code: "370502", level: "county", regionSource: FromFileName,
			warnings: []string{"region 东营区 (370502) taken from the file name"}},
		{name: "a district of another city's name", file: "黄山.docx", text: cityBody("区人民政府", 2015, "全区"),
			year: 2016, yearSource: FromHeading, code: "341003", regionSource: FromFileName, warnings: []string{"黄山区 (341003)"}},
		{name: "level words alone tell the city", file: "荆州.docx", text: "各位代表：\n一、2017年工作回顾\n全市经济平稳。全市就业稳定。我市物价平稳。\n",
			year: 2018, yearSource: FromHeading, code: "421000", regionSource: FromFileName, warnings: []string{"荆州市 (421000)"}},
		{name: "the city, not its province", file: "吉林.docx", text: cityBody("市人民政府", 2023, "全市"),
			year: 2024, yearSource: FromHeading, code: "220200", level: "prefecture", regionSource: FromFileName, warnings: []string{"吉林市 (220200)"}},
		{name: "the province of that name", file: "吉林.docx", text: cityBody("省人民政府", 2023, "全省"),
			year: 2024, yearSource: FromHeading, code: "220000", level: "provincial", regionSource: FromFileName, warnings: []string{"吉林省 (220000)"}},
		{name: "a prefecture whose name a county bears", file: "朝阳.docx", text: cityBody("市人民政府", 2012, "全市"),
			year: 2013, yearSource: FromHeading, code: "211300", regionSource: FromFileName, warnings: []string{"朝阳市 (211300)"}},
		{name: "that county, from its head's office", file: "朝阳.docx", text: "政府工作报告\n县长 某甲\n各位代表：\n一、2012年工作回顾\n",
			year: 2013, yearSource: FromHeading, code: "211321", regionSource: FromFileName, role: "县长", speaker: "某甲", warnings: []string{"朝阳县 (211321)"}},
		{name: "a league and its commissioner's office", file: "锡林郭勒.docx", text: cityBody("盟行政公署", 2021, "全盟"),
			year: 2022, yearSource: FromHeading, code: "152500", regionSource: FromFileName, warnings: []string{"锡林郭勒盟 (152500)"}},
		{name: "an autonomous prefecture by its short name", file: "阿坝.docx", text: cityBody("州人民政府", 2020, "全州"),
			year: 2021, yearSource: FromHeading, code: "513200", regionSource: FromFileName, warnings: []string{"阿坝藏族羌族自治州 (513200)"}},
		{name: "the county of that prefecture's name", file: "阿坝.docx", text: cityBody("县人民政府", 2020, "全县"),
			year: 2021, yearSource: FromHeading, code: "513231", regionSource: FromFileName, warnings: []string{"阿坝县 (513231)"}},
		{name: "an autonomous prefecture by its level words", file: "海西.docx", text: "各位代表：\n一、2010年工作回顾\n全州经济平稳。全州就业稳定。全州物价平稳。\n",
			year: 2011, yearSource: FromHeading, code: "632800", regionSource: FromFileName, warnings: []string{"632800"}},
		{name: "a prefecture (地区) under its commissioner's office", file: "大兴安岭.docx", text: cityBody("地区行政公署", 2005, "全区"),
			year: 2006, yearSource: FromHeading, code: "232700", regionSource: FromFileName, warnings: []string{"232700"}},
		{name: "a prefecture (地区) by its level words alone", file: "喀什.docx", text: "一、2023年工作回顾\n全地区经济平稳。全地区就业稳定。全地区物价平稳。\n",
			year: 2024, yearSource: FromHeading, code: "653100", level: "prefecture", regionSource: FromFileName, warnings: []string{"喀什地区 (653100)"}},
	} {
		t.Run(tt.name, tt.check)
	}
	// Nothing tells the kind: the name a prefecture (地区) and its city bear is refused, not read as the city.
	_, err := Resolve(input("喀什.docx", "一、2023年工作回顾\n经济平稳。\n", Hints{}, Flags{}))
	assert.ErrorContains(t, err, "喀什 is ambiguous")
}

func TestMetadataFromFolders(t *testing.T) {
	for _, tt := range []metaCase{
		{name: "a city's folder in pinyin", file: "jingzhou-report/data/2016_二O一六年政府工作报告.txt", text: cityBody("市人民政府", 2015, "全市"),
			year: 2016, yearSource: FromHeading, code: "421000", regionSource: FromFolder,
			warnings: []string{"region 荆州市 (421000) taken from the folder jingzhou-report"}},
		{name: "a pinyin folder the province shares", file: "reports/jilin/2013.txt", text: cityBody("市人民政府", 2012, "全市"),
			year: 2013, yearSource: FromHeading, code: "220200", regionSource: FromFolder, warnings: []string{"吉林市 (220200) taken from the folder jilin"}},
		{name: "a county's folder in pinyin, read with the kind", file: "xuchang/2005.txt", text: cityBody("县人民政府", 2004, "全县"),
			year: 2005, yearSource: FromHeading, code: "411023", level: "county", regionSource: FromFolder, warnings: []string{"许昌县 (411023) taken from the folder xuchang"}},
		{name: "a pinyin folder two cities bear, settled by the counties the text names", file: "suzhou-report/data/2010.txt",
			text: cityBody("市人民政府", 2009, "全市") + "埇桥区工业加快发展，砀山县酥梨产业壮大，灵璧县粮食增产。\n",
			year: 2010, yearSource: FromHeading, code: "341300", regionSource: FromBody, warnings: []string{"宿州市 (341300) taken from the divisions the text names: 宿州市 0 times, 3 of its divisions"}},
		{name: "a province's folder in Chinese", file: "政府工作报告/黑龙江省/2012.txt", text: cityBody("省人民政府", 2011, "全省"),
			year: 2012, yearSource: FromHeading, code: "230000", regionSource: FromFolder, warnings: []string{"taken from the folder 黑龙江省"}},
		{name: "a year's folder", file: "collection/2008/通化.docx", text: "各位代表：\n现在，我代表市人民政府向大会报告工作。\n全市经济平稳。\n",
			year: 2008, yearSource: FromFolder, code: "220500", regionSource: FromFileName,
			warnings: []string{"通化市 (220500) taken from the file name", "year 2008 taken from the folder 2008"}},
		{name: "the text names a city in the province's folder", file: "政府工作报告/江苏省/2019.txt", text: cityBody("南京市人民政府", 2018, "全市"),
			year: 2019, yearSource: FromHeading, code: "320100", regionSource: FromText},
		{name: "a folder named china is no report's region", file: "china/2019.txt", text: cityBody("省人民政府", 2018, "全省") + "\n",
			year: 2019, yearSource: FromHeading, code: "", regionSource: ""},
	} {
		if tt.code == "" {
			t.Run(tt.name, func(t *testing.T) {
				_, err := Resolve(input(tt.file, tt.text, Hints{}, Flags{}))
				assert.ErrorContains(t, err, "cannot tell its region")
			})
			continue
		}
		t.Run(tt.name, tt.check)
	}
	// A pinyin folder two cities bear, and a text that names neither's counties.
	_, err := Resolve(input("suzhou-report/data/2010.txt", cityBody("市人民政府", 2009, "全市"), Hints{}, Flags{}))
	assert.ErrorContains(t, err, "suzhou is ambiguous: 320500 江苏省苏州市, 341300 安徽省宿州市")
}

// A district's report in its municipality's folder: the text (a district
// government, its own name) beats the folder's 上海市.
func TestMetadataTextBeatsTheFolder(t *testing.T) {
	text := "各位代表：\n现在，我代表区人民政府向大会报告工作。\n一、2014年工作回顾\n" +
		"嘉定区全年经济平稳。全区就业稳定，嘉定区新城建设加快，嘉定区工业园区扩容。全区物价平稳。\n"
	metaCase{file: "gov/上海市/2015.txt", text: text,
		year: 2015, yearSource: FromHeading, code: "310114", regionSource: FromBody,
		warnings: []string{"region 嘉定区 (310114) taken from the divisions the text names: 嘉定区 3 times"}}.check(t)
}

func TestMetadataFromTheDivisionsTheBodyNames(t *testing.T) {
	nanyang := "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2010年工作回顾\n" +
		"南阳市经济平稳。西峡县香菇产业壮大，镇平县玉雕兴旺，内乡县旅游升温，淅川县移民安置有序。南阳市就业稳定。\n"
	metaCase{name: "the city and its counties", file: "report.txt", text: nanyang,
		year: 2011, yearSource: FromHeading, code: "411300", regionSource: FromBody,
		warnings: []string{"region 南阳市 (411300) taken from the divisions the text names: 南阳市 2 times, 4 of its divisions"}}.check(t)

	metaCase{name: "a file name the body contradicts", file: "洛阳.docx", text: nanyang,
		year: 2011, yearSource: FromHeading, code: "410300", regionSource: FromFileName,
		warnings: []string{"洛阳市 (410300) taken from the file name", "the text names 南阳市 (411300) most (南阳市 2 times, 4 of its divisions), the file name says 洛阳市 (410300); using 洛阳市"}}.check(t)

	// Two cities named alike: no one stands out, and nothing else names the region.
	two := "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2010年工作回顾\n南阳市经济平稳，洛阳市经济平稳。南阳市、洛阳市就业稳定。\n"
	_, err := Resolve(input("report.txt", two, Hints{}, Flags{}))
	assert.ErrorContains(t, err, "cannot tell its region (tried: opening address \"市\", file name \"report\", the divisions the text names (none of its kind stands out)")
}

func TestMetadataOfScrapedPages(t *testing.T) {
	page := "标题：二OO八年政府工作报告\n年份：2009\n==========\n" +
		"各位代表：现在，我代表市人民政府，向大会作工作报告，请予审议。\n一、2007年工作回顾过去的一年，全市经济平稳。\n"
	for _, tt := range []metaCase{
		{name: "the page's year filed wrong", file: "xinyang-report/data/2009_二OO八年政府工作报告.txt", text: page,
			year: 2008, yearSource: FromHeading, code: "411500", regionSource: FromFolder,
			warnings: []string{"region 信阳市 (411500) taken from the folder xinyang-report", "the header 年份： says the year is 2009, the heading says 2008"}},
		{name: "the header's year alone", file: "luoyang/page.txt", text: "标题：政府工作报告\n年份：2011\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n全市经济平稳。\n",
			year: 2011, yearSource: FromHeader, code: "410300", regionSource: FromFolder,
			warnings: []string{"洛阳市 (410300) taken from the folder luoyang", "year 2011 taken from the header 年份："}},
		{name: "issuer and issue date", file: "page.txt", text: "发文单位：平顶山市人民政府\n发文时间：2010-02-20\n报告人：平顶山市市长 某乙\n各位代表：\n",
			year: 2010, yearSource: FromHeader, code: "410400", regionSource: FromHeader, role: "市长", speaker: "某乙",
			warnings: []string{"region 平顶山市 (410400) taken from the header 发文单位：", "year 2010 taken from the header 发文时间："}},
	} {
		t.Run(tt.name, tt.check)
	}
	m, err := Resolve(input("p.txt", "标题：二O一一年平顶山市政府工作报告\n各位代表：\n", Hints{}, Flags{}))
	require.NoError(t, err)
	assert.Equal(t, "二O一一年平顶山市政府工作报告", m.Title, "the title without the scraper's label")
	assert.Equal(t, []any{2011, FromHeader, "410400"}, []any{m.Year, m.YearSource, m.Region.Code})
}

func TestYearFromTheBody(t *testing.T) {
	address := "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。"
	for _, tt := range []struct {
		name, text string
		year       int
		source     Source
	}{
		{"a dated review heading run into one paragraph", address + "一、2016年工作回顾2016年，全市经济平稳。二、2017年工作安排全市生产总值增长7%。", 2017, FromHeading},
		{"a review heading after a sentence's end", address + "2012年政府工作回顾过去的一年，全市经济平稳。", 2013, FromHeading},
		{"the review's work done", address + "\n一、2014年政府工作完成情况\n全市经济平稳。", 2015, FromHeading},
		{"Chinese numerals with Latin zeros", address + "\n一、二OO九年工作回顾\n全市经济平稳。", 2010, FromHeading},
		{"Chinese numerals with digit zeros", address + "\n一、二00三年工作回顾\n全市经济平稳。", 2004, FromHeading},
		{"full-width digits, a brief review", address + "\n　　一、２００４年政府工作的简要回顾\n全市经济平稳。", 2005, FromHeading},
		{"a main-work heading at the start is the review", address + "\n一、2012年主要工作\n" + strings.Repeat("全市经济平稳。\n", 20) + "二、今年的任务\n" + strings.Repeat("全市就业稳定。\n", 30), 2013, FromHeading},
		{"a main-work heading after the review is the plan", address + "\n一、过去五年工作回顾\n" + strings.Repeat("全市经济平稳。\n", 40) + "三、2013年主要工作\n" + strings.Repeat("全市就业稳定。\n", 20), 2013, FromHeading},
		{"a span is no year of a review", address + "\n一、2018年以来工作回顾\n全市经济平稳。\n二、2023年主要目标任务\n全市生产总值增长6%。", 2023, FromHeading},
		{"how the review and the plan open, one paragraph", address + "2018年是改革开放四十周年，全市经济平稳。各位代表，成绩来之不易。2019年是新中国成立七十周年，做好今年工作意义重大。全市生产总值增长6.5%。", 2019, FromOpenings},
		{"the review opens under an undated heading", address + "\n一、过去一年工作回顾\n2012年，在省委、省政府的坚强领导下，全市经济平稳。\n", 2013, FromOpenings},
		{"the past year named", address + "\n过去的2015年，全市经济平稳。\n", 2016, FromOpenings},
		{"a plan heading run into one paragraph", address + "一、过去一年工作回顾过去的一年，全市经济平稳。2019年总体目标和重点任务2019年是改革的关键一年。政府工作的总体要求是：稳中求进。", 2019, FromHeading},
		{"the plan opens after its undated heading", address + "一、过去一年工作回顾过去的一年，全市经济平稳。二、今年工作安排2019年是改革的关键一年。政府工作的总体要求是：稳中求进。", 2019, FromOpenings},
		{"the plan opens with today", address + "\n过去一年，全市经济平稳。\n2020年，全市抗击疫情。\n2021年是十四五开局之年，做好今年工作意义重大。\n", 2021, FromOpenings},
		{"the plan opens with the year's work", address + "\n一、过去一年工作回顾\n过去的一年，全市经济平稳。\n二、今年工作安排\n做好2024年工作，要坚持稳中求进。\n", 2024, FromOpenings},
		{"the plan opens with the year's targets", address + "\n一、过去一年工作回顾\n过去的一年，全市经济平稳。\n二、今年工作安排\n2024年全市经济社会发展的主要预期目标是：生产总值增长6%左右。\n", 2024, FromOpenings},
		{"the review opens under a numbered heading of no year", address + "\n一、过去一年的主要工作\n2014年，全市经济平稳。\n", 2015, FromOpenings},
		{"a numbered heading that ends with its year", address + "\n一、砥砺奋进的2023年\n过去一年，全市经济平稳。\n" + strings.Repeat("全市就业稳定。\n", 20), 2024, FromHeading},
		{"a numbered part of the review with its verb is no plan heading", address + "\n一、砥砺奋进的一年\n过去一年，全市经济平稳。\n（一）2023年重点工作扎实推进。全市项目加快。\n二、今年工作安排\n2024年全市主要预期目标：生产总值增长6%。\n", 2024, FromOpenings},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Resolve(input("丽江.docx", tt.text, Hints{}, Flags{}))
			require.NoError(t, err)
			assert.Equal(t, tt.year, m.Year)
			assert.Equal(t, tt.source, m.YearSource)
			assert.Equal(t, "530700", m.Region.Code)
		})
	}
}

// A year named in passing in the review is no year of the report: a short
// line of the review (2023年重点工作推进情况), a sentence (2023年，…以下工作：), a
// comparison (比2019年同期) or a year named at a sentence's start that does
// not open the plan.
func TestYearNotFromAYearNamedInPassing(t *testing.T) {
	review := "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、过去一年工作回顾\n过去一年，全市经济平稳，旅游人数超过2019年同期。\n" +
		"2023年重点工作推进情况\n2023年，全市主要抓了以下工作：\n2023年是极不平凡的一年。\n二、今年工作安排\n全市生产总值增长6%。\n"
	m, err := Resolve(input("2024-qujing.txt", review, Hints{}, Flags{}))
	require.NoError(t, err)
	assert.Equal(t, 2024, m.Year)
	assert.Equal(t, FromFileName, m.YearSource)
	assert.Equal(t, "530300", m.Region.Code)

	_, err = Resolve(input("qujing.txt", review, Hints{}, Flags{}))
	assert.ErrorContains(t, err, "cannot tell its year")

	// The review says its year's targets were met: no sentence of the plan.
	met := "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、过去一年工作回顾\n过去一年，全市经济平稳。\n2023年主要预期目标全面实现，做好2023年工作的经验弥足珍贵。\n"
	_, err = Resolve(input("qujing.txt", met, Hints{}, Flags{}))
	assert.ErrorContains(t, err, "cannot tell its year")

	// A numbered heading of the review's year inside the review is no plan.
	dated := "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、过去一年工作回顾\n2023年，全市经济平稳。\n（二）2023年重点工作\n全市项目建设加快。\n"
	m, err = Resolve(input("qujing.txt", dated, Hints{}, Flags{}))
	require.NoError(t, err)
	assert.Equal(t, []any{2024, FromOpenings}, []any{m.Year, m.YearSource})
}

func TestMetadataOfDivisionsOfTheirYear(t *testing.T) {
	for _, tt := range []metaCase{
		{name: "a prefecture abolished in 2011", file: "巢湖.docx", text: cityBody("市人民政府", 2008, "全市"),
			year: 2009, yearSource: FromHeading, code: "341400", level: "prefecture", regionSource: FromFileName, warnings: []string{"341400"}},
		{name: "the county-level city of that name later", file: "巢湖.docx", text: cityBody("市人民政府", 2013, "全市"),
			year: 2014, yearSource: FromHeading, code: "340181", level: "county", regionSource: FromFileName, warnings: []string{"340181"}},
		{name: "a city merged into its neighbour in 2019", text: "政府工作报告\n（2015年2月6日莱芜市第十七届人民代表大会第五次会议通过）\n莱芜市人民政府市长 某丙\n",
			year: 2015, yearSource: FromDateline, code: "371200", regionSource: FromMeeting, date: "2015-02-06",
			meeting: "莱芜市第十七届人民代表大会第五次会议", role: "市长", speaker: "某丙"},
		{name: "adopted, the speaker run on", text: "政府工作报告\n2016年2月10日莱芜市第十七届人民代表大会第六次会议通过莱芜市人民政府市长某丁\n各位代表：\n",
			year: 2016, yearSource: FromDateline, code: "371200", regionSource: FromMeeting, date: "2016-02-10", role: "市长", speaker: "某丁"},
		{name: "a prefecture (地区) before it became a city", file: "毕节.docx", text: cityBody("地区行政公署", 2009, "全区"),
			year: 2010, yearSource: FromHeading, code: "522400", regionSource: FromFileName, warnings: []string{"毕节地区 (522400)"}},
		{name: "a county-level city before it became a district", file: "临安.docx", text: cityBody("市人民政府", 2015, "全市"),
			year: 2016, yearSource: FromHeading, code: "330185", regionSource: FromFileName, warnings: []string{"临安市 (330185)"}},
		{name: "the district it became", file: "临安.docx", text: cityBody("区人民政府", 2018, "全区"),
			year: 2019, yearSource: FromHeading, code: "330112", regionSource: FromFileName, warnings: []string{"临安区 (330112)"}},
		{name: "a speaker line with no space", text: "政府工作报告\n——2013年1月15日\n洛阳市人民政府市长某戊\n",
			year: 2013, yearSource: FromDateline, code: "410300", regionSource: FromSpeaker, role: "市长", speaker: "某戊"},
	} {
		t.Run(tt.name, tt.check)
	}
	assert.NoError(t, Flags{Region: "莱芜市", Year: 2015}.Validate(), "a --region of the report's year")
	assert.ErrorContains(t, Flags{Region: "莱芜市"}.Validate(), "names no division")
}

// A table row's year column outranks its file name, and a file name with
// two years says neither (issue 19).
func TestYearColumnAgainstAFileNameOfTwoYears(t *testing.T) {
	body := "各位代表：\n现在，我代表省人民政府向大会报告工作。\n"
	for _, tt := range []metaCase{
		{name: "a name of two years", file: "exports/reports_2014_2015.csv#row=3", text: body, hints: Hints{Year: 2015, Region: "湖南省"},
			year: 2015, yearSource: FromRow, code: "430000", regionSource: FromRow},
		{name: "a name of one year against the column", file: "exports/reports_2014.csv#row=3", text: body, hints: Hints{Year: 2015, Region: "湖南省"},
			year: 2015, yearSource: FromRow, code: "430000", regionSource: FromRow, warnings: []string{"the file name says the year is 2014, the table row says 2015"}},
	} {
		t.Run(tt.name, tt.check)
	}
	for _, name := range []string{"2014_二O一三年政府工作报告", "reports_2014_2015", "2014-2015"} {
		_, ok := oneYear(name)
		assert.False(t, ok, name)
	}
	for name, want := range map[string]int{"2005_二00五年政府工作报告": 2005, "reportData/2013": 2013, "二〇一二年": 2012} {
		y, ok := oneYear(name)
		assert.True(t, ok, name)
		assert.Equal(t, want, y, name)
	}
}

// BenchmarkResolveCityReport reads the metadata of a city report of some
// 40,000 characters named only by its file, with no dated heading: the
// costliest path (the body scan, the level words and the divisions named).
func BenchmarkResolveCityReport(b *testing.B) {
	var text strings.Builder
	text.WriteString("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、过去一年工作回顾\n2021年，在省委的坚强领导下，全市经济平稳。\n")
	for range 400 {
		text.WriteString("全市规模以上工业增加值增长8%，西峡县、镇平县新建项目20个，比2019年同期增长10%，南阳市城区改造加快推进。\n")
	}
	text.WriteString("二、今年工作安排\n2022年是实施规划的关键一年，做好今年工作意义重大。\n")
	in := input("南阳.docx", text.String(), Hints{}, Flags{})
	b.SetBytes(int64(text.Len()))
	b.ReportAllocs()
	for b.Loop() {
		m, err := Resolve(in)
		if err != nil || m.Year != 2022 || m.Region.Code != "411300" {
			b.Fatal(m.Year, m.Region.Code, err)
		}
	}
}

// FuzzResolve: any text, under any file name, resolves or is refused
// without panicking; a resolved report has a plausible year and a region.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		cityBody("市人民政府", 2019, "全市"),
		"标题：二OO八年政府工作报告\n年份：2009\n各位代表：现在，我代表市人民政府。一、2007年工作回顾过去的一年。",
		"各位代表：我代表县人民政府。2018年是…之年。2019年是…，做好今年工作。",
		"（2015年2月6日莱芜市第十七届人民代表大会第五次会议通过莱芜市人民政府市长某丙）",
		"发文单位：平顶山市人民政府\n发文时间：2010-02-20\n",
		"一、砥砺奋进的2023年\n（一）2023年重点工作扎实推进。\n二、今年工作安排\n做好2024年工作，要稳中求进。2024年全地区主要预期目标：",
	} {
		f.Add("jingzhou-report/data/2016_东营.txt", s)
	}
	f.Fuzz(func(t *testing.T, file, text string) {
		m, err := Resolve(input(file, text, Hints{}, Flags{}))
		if err == nil && (m.Year < MinYear || m.Year > MaxYear || m.Region.Code == "") {
			t.Fatalf("implausible metadata %+v from %q", m, text)
		}
	})
}
