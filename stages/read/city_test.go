package read

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/read/meta"
)

// Reports of the city and county tier as collections hold them, written for
// these tests: a Word file named only by its city, one city's scraped pages
// in a folder named in pinyin, a table whose name has two years.

// A city's Word export named by the city alone, whose name a district
// bears, with the whole report in one paragraph and no dated heading.
func TestReadCityWordFileNamedByItsCity(t *testing.T) {
	body := para("<w:t>各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。2023年是全面推进规划的关键一年，全市经济平稳。" +
		"各位代表，成绩来之不易。2024年是深化改革的攻坚之年，做好今年工作意义重大。全市地区生产总值增长6%左右。</w:t>")
	rs, err := readAll(t, "collection/docxV/荆州.docx", docx(t, body), Options{})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	r := rs[0]
	assert.Equal(t, []any{2024, meta.FromOpenings, "421000", meta.FromFileName}, []any{r.Year, r.YearSource, r.Region.Code, r.RegionSource})
	assert.Equal(t, []string{"region 荆州市 (421000) taken from the file name"}, r.Warnings)
}

// One city's pages as a scraper saved them: header lines, a page filed
// under the wrong year, the dateline that says the report was adopted with
// the speaker run on, every numeral style.
func TestReadScrapedPagesOfOneCity(t *testing.T) {
	tests := []struct {
		file, text   string
		year         int
		yearSource   meta.Source
		title        string
		regionSource meta.Source
		warnings     []string
	}{
		{"nanyang-report/data/2006_二○○六年政府工作报告.txt",
			"标题：二○○六年政府工作报告\n年份：2006\n==========\n\n（2006年2月12日南阳市第三届人民代表大会第四次会议通过）南阳市人民政府市长某甲\n\n各位代表：现在，我代表市人民政府向大会报告工作。\n\n一、2005年工作回顾\n全市经济平稳。\n",
			2006, meta.FromDateline, "二○○六年政府工作报告", meta.FromMeeting, nil},
		{"nanyang-report/data/2012_二O一一年政府工作报告.txt",
			"标题：二O一一年政府工作报告\n年份：2012\n==========\n\n各位代表：现在，我代表市人民政府向大会报告工作。一、2010年工作回顾过去的一年，全市经济平稳。二、2011年工作安排全市生产总值增长10%。\n",
			2011, meta.FromHeading, "二O一一年政府工作报告", meta.FromFolder,
			[]string{"region 南阳市 (411300) taken from the folder nanyang-report", "the header 年份： says the year is 2012, the heading says 2011; using 2011"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rs, err := readAll(t, tt.file, []byte(tt.text), Options{})
			require.NoError(t, err)
			require.Len(t, rs, 1)
			r := rs[0]
			assert.Equal(t, []any{tt.year, tt.yearSource, "411300", tt.regionSource}, []any{r.Year, r.YearSource, r.Region.Code, r.RegionSource})
			assert.Equal(t, tt.title, r.Title, "the title without the scraper's label")
			assert.Equal(t, tt.warnings, r.Warnings)
		})
	}
}

// Issue 19: a table row's year column of 2015 in reports_2014_2015.csv is
// no disagreement with the file name, which says neither year.
func TestReadYearColumnOfAFileNamedForTwoYears(t *testing.T) {
	csv := "year,province,text\n2014,湖南省,各位代表：现在，我代表省人民政府向大会报告工作。\n2015,湖南省,各位代表：现在，我代表省人民政府向大会报告工作。\n"
	rs, err := readAll(t, "exports/reports_2014_2015.csv", []byte(csv), Options{})
	require.NoError(t, err)
	require.Len(t, rs, 2)
	for i, r := range rs {
		assert.Equal(t, 2014+i, r.Year)
		assert.Equal(t, meta.FromRow, r.YearSource)
		assert.Empty(t, r.Warnings, strings.Join(r.Warnings, "; "))
	}
}
