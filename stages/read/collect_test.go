package read

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// provincial is a short report of a province, written for these tests: a
// bare title (no running number), then dateline or opening as given.
func provincial(title, opening string) string {
	return title + "\n" + opening + "\n一、过去一年工作回顾\n全省生产总值增长6%。\n二、今年主要任务\n主要预期目标是：全省生产总值增长5.5%左右。\n"
}

func TestReadSplitsAtBareTitles(t *testing.T) {
	jilin := provincial("2021年吉林省政府工作报告", "——2021年1月24日在吉林省第十三届人民代表大会第四次会议上\n省长 某甲\n各位代表：")
	tests := []struct {
		name, text string
		titles     []string
		lines      []int // SourceLine of each report
	}{
		{"a second title and its dateline", jilin + "\n" + provincial("2021年黑龙江省政府工作报告", "——2021年1月26日在黑龙江省第十三届人民代表大会第四次会议上"),
			[]string{"2021年吉林省政府工作报告", "2021年黑龙江省政府工作报告"}, []int{1, 10}},
		{"a second title and its opening, chrome between", jilin + provincial("黑龙江省政府工作报告", "下载 打印\n黑龙江省省长 某乙\n各位代表：\n一、2020年工作回顾"),
			[]string{"2021年吉林省政府工作报告", "黑龙江省政府工作报告"}, []int{1, 9}},
		{"a bare title in the text is text", jilin + "2021年吉林省政府工作报告\n全省生产总值增长6%。\n全省生产总值增长6%。\n全省生产总值增长6%。\n全省生产总值增长6%。\n全省生产总值增长6%。\n全省生产总值增长6%。\n各位代表：\n",
			[]string{"2021年吉林省政府工作报告"}, []int{1}},
		{"a page's label and header before the title", "标题：2021年吉林省政府工作报告\n年份：2021\n======\n" + jilin,
			[]string{"2021年吉林省政府工作报告"}, []int{1}}, // the label is no part of the title
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := readAll(t, "two.txt", []byte(tt.text), Options{})
			require.NoError(t, err)
			var titles []string
			var lines []int
			for _, r := range rs {
				titles, lines = append(titles, r.Title), append(lines, r.SourceLine)
				assert.Empty(t, r.Warnings, r.Title)
			}
			assert.Equal(t, tt.titles, titles)
			assert.Equal(t, tt.lines, lines)
			if len(rs) == 2 {
				assert.Equal(t, "黑龙江", rs[1].Region.Short)
				assert.Equal(t, 2021, rs[1].Year)
				text := strings.TrimSpace(strings.Join(lineTexts(rs[0]), "\n"))
				assert.True(t, strings.HasSuffix(text, "主要预期目标是：全省生产总值增长5.5%左右。"), "the first report ends before the second title")
			}
		})
	}
}

func TestReadKeepsTwoReportsItCannotTellApartAndWarns(t *testing.T) {
	var body strings.Builder
	for i := range 25 {
		fmt.Fprintf(&body, "第%d项工作取得进展。\n", i+1)
	}
	text := provincial("2021年吉林省政府工作报告", "——2021年1月24日在吉林省第十三届人民代表大会第四次会议上") + body.String() +
		"——2022年1月20日在吉林省第十三届人民代表大会第六次会议上\n各位代表：\n一、2021年工作回顾\n"
	var logs bytes.Buffer
	rs, err := readAll(t, "jl.txt", []byte(text), Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	require.NoError(t, err)
	require.Len(t, rs, 1, "no title line tells where the second starts")
	require.Len(t, rs[0].Warnings, 1)
	assert.Equal(t, "lines 2 and 32 are two datelines: two reports in one? No title line tells where the second starts; kept whole", rs[0].Warnings[0])
	assert.Contains(t, logs.String(), "line=32")
}

// A saved page carries the report twice: the page's copy, then a reprint
// after the site's chrome. The copy is left out with a warning; a different
// report of the same year and region stays for the run to refuse.
func TestReadLeavesOutASecondCopy(t *testing.T) {
	report := provincial("2021年吉林省政府工作报告", "——2021年1月24日在吉林省第十三届人民代表大会第四次会议上\n各位代表：")
	for chrome, line := range map[string]int{"": 8, "相关报道\n吉林召开大会\n": 10} {
		var logs bytes.Buffer
		rs, err := readAll(t, "page.txt", []byte(report+chrome+strings.ReplaceAll(report, "。", "。 ")),
			Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
		require.NoError(t, err)
		require.Len(t, rs, 1)
		assert.Contains(t, logs.String(), fmt.Sprintf(`msg="a second copy of a report in one input left out" source=page.txt line=%d`, line))
		assert.Contains(t, logs.String(), "copy_of=page.txt:1")
	}

	other := strings.Replace(report, "增长6%", "增长7%", 1)
	rs, err := readAll(t, "page.txt", []byte(report+other), Options{})
	require.NoError(t, err)
	assert.Len(t, rs, 2, "another text is no copy")
}

func TestReadRefusesAReportLongerThanAnyReport(t *testing.T) {
	text := "2021年吉林省政府工作报告\n" + strings.Repeat("全省生产总值增长6%。\n", 1<<20/25)
	_, err := readAll(t, "big.txt", []byte(text), Options{MaxReportBytes: 1 << 19})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "big.txt", e.Input)
	assert.Equal(t, 1, e.Line)
	assert.Contains(t, err.Error(), `report "2021年吉林省政府工作报告": more than 0 MB of text`)

	_, err = readAll(t, "big.txt", []byte(text), Options{})
	require.NoError(t, err, "the default bound is far above a report")
}
