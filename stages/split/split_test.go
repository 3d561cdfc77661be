package split

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/testdata"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "增长5.2%。城镇新增就业1244万人！还要努力？", []string{"增长5.2%。", "城镇新增就业1244万人！", "还要努力？"}},
		{"quote kept whole", "他指出：“要稳中求进。以进促稳。”我们坚决落实。", []string{"他指出：“要稳中求进。以进促稳。”我们坚决落实。"}},
		{"closing quote after terminator", "实施“三大工程。”随后推进。", []string{"实施“三大工程。”随后推进。"}},
		{"book title", "出台《关于加快发展的意见。试行》。", []string{"出台《关于加快发展的意见。试行》。"}},
		{"brackets", "建成项目（含续建项目。）10个。", []string{"建成项目（含续建项目。）10个。"}},
		{"ellipsis", "我们要团结……奋斗……", []string{"我们要团结……", "奋斗……"}},
		{"ellipsis then stop", "等等……。接着。", []string{"等等……。", "接着。"}},
		{"ascii marks", "Done! Really? Yes", []string{"Done!", "Really?", "Yes"}},
		{"unbalanced quote falls back", "他说：“要努力。我们落实。", []string{"他说：“要努力。", "我们落实。"}},
		{"no terminator", "一、2023年工作回顾", []string{"一、2023年工作回顾"}},
		{"repeated marks", "真好！！是吗？！", []string{"真好！！", "是吗？！"}},
		{"a stray stop between a value and its qualifier", "失业率控制在4.5%。以内。增长8%。左右为难。", []string{"失业率控制在4.5%。以内。", "增长8%。左右为难。"}},
		{"a full stop before words that may open a sentence", "增长8%。以上目标要落实。", []string{"增长8%。", "以上目标要落实。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Sentences(tt.in))
		})
	}
}

func report(lines ...string) *read.Report {
	r := &read.Report{Title: "北京市政府工作报告", Speaker: "殷勇", SpeakerRole: "市长", Year: 2024}
	for i, l := range lines {
		r.Lines = append(r.Lines, read.Line{Text: l, No: i + 2})
	}
	return r
}

func TestSplitSectionsAndHeadings(t *testing.T) {
	r := report(
		"——2024年1月21日在北京市第十六届人民代表大会第二次会议上",
		"市长 殷勇",
		"各位代表：",
		"",
		"一、2023年工作回顾",
		"（一）经济回升向好。全市地区生产总值增长5.2%。",
		"二、2024年重点任务",
		"今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
		"提出上述目标，主要考虑了以下因素。",
		"（一）加快建设国际科技创新中心。",
		"1.强化基础研究。实施一批项目。",
		"发展新质生产力",
		"推进项目建设。",
		"各位代表！新形势对政府自身建设提出了新的更高要求。",
		"我们要依法行政。",
		"各位代表！奋楫扬帆启新航。",
	)
	ss := Split(r)
	type row struct {
		line          int
		section       Section
		heading, text string
		isHeading     bool
	}
	var got []row
	for _, s := range ss {
		got = append(got, row{s.Line, s.Section, s.Heading, s.Text, s.IsHeading})
	}
	assert.Equal(t, []row{
		{2, Preamble, "", "——2024年1月21日在北京市第十六届人民代表大会第二次会议上", false},
		{3, Preamble, "", "市长 殷勇", false},
		{4, Preamble, "", "各位代表：", false},
		{6, Review, "一、2023年工作回顾", "一、2023年工作回顾", true},
		{7, Review, "（一）经济回升向好", "（一）经济回升向好。", true},
		{7, Review, "（一）经济回升向好", "全市地区生产总值增长5.2%。", false},
		{8, Plan, "二、2024年重点任务", "二、2024年重点任务", true},
		{9, Targets, "二、2024年重点任务", "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。", false},
		{10, Plan, "二、2024年重点任务", "提出上述目标，主要考虑了以下因素。", false},
		{11, Plan, "（一）加快建设国际科技创新中心", "（一）加快建设国际科技创新中心。", true},
		{12, Plan, "1.强化基础研究", "1.强化基础研究。", true},
		{12, Plan, "1.强化基础研究", "实施一批项目。", false},
		{13, Plan, "发展新质生产力", "发展新质生产力", true},
		{14, Plan, "发展新质生产力", "推进项目建设。", false},
		{15, Governance, "发展新质生产力", "各位代表！", false},
		{15, Governance, "发展新质生产力", "新形势对政府自身建设提出了新的更高要求。", false},
		{16, Governance, "发展新质生产力", "我们要依法行政。", false},
		{17, Closing, "发展新质生产力", "各位代表！", false},
		{17, Closing, "发展新质生产力", "奋楫扬帆启新航。", false},
	}, got)
	for i, s := range ss {
		assert.Equal(t, i, s.ID)
	}
	assert.Equal(t, 0, ss[0].Paragraph)
	assert.Equal(t, 3, ss[3].Paragraph, "blank lines are not paragraphs")
}

func TestSplitUnnumberedAndSloganHeadings(t *testing.T) {
	// 四川 and 西藏 number no heading; 福建's level-1 headings are slogans.
	sc := Split(report("2023年工作回顾", "增长6%。", "2024年工作安排建议", "推进项目。", "加强政府自身建设", "依法行政。"))
	assert.Equal(t, []Section{Review, Review, Plan, Plan, Governance, Governance}, sections(sc))
	fj := Split(report("一、坚持以习近平新时代中国特色社会主义思想为指导，新福建建设取得新进展新成效", "增长4.5%。",
		"二、坚持以推动高质量发展为主题，全力推进中国式现代化福建实践", "推进项目。",
		"三、坚持和加强党的全面领导，努力打造人民满意的服务型政府", "依法行政。"))
	assert.Equal(t, []Section{Review, Review, Plan, Plan, Governance, Governance}, sections(fj))
}

func TestSplitJoinsBrokenLines(t *testing.T) {
	type row struct {
		line, para int
		section    Section
		isHeading  bool
		text       string
	}
	rows := func(ss []Sentence) []row {
		var out []row
		for _, s := range ss {
			out = append(out, row{s.Line, s.Paragraph, s.Section, s.IsHeading, s.Text})
		}
		return out
	}
	tests := []struct {
		name  string
		lines []string
		want  []row
	}{
		{"sentence broken across three lines keeps its first line",
			[]string{"二、明年工作安排", "明年是关键一年，做好工作意义重大。明年全区发展的", "主要预期目标", "是：生产总值增长6%左右；", "财政收入增长4%。"},
			[]row{
				{2, 0, Review, true, "二、明年工作安排"}, // a report's first heading opens the review
				{3, 1, Review, false, "明年是关键一年，做好工作意义重大。"},
				{3, 1, Targets, false, "明年全区发展的主要预期目标是：生产总值增长6%左右；"},
				{6, 2, Targets, false, "财政收入增长4%。"},
			}},
		{"a sentence that starts on a continuation line gets that line",
			[]string{"一、回顾", "全县粮食产量稳定，", "达到30万吨。工业增加值增长8%，", "高于全市。"},
			[]row{
				{2, 0, Review, true, "一、回顾"},
				{3, 1, Review, false, "全县粮食产量稳定，达到30万吨。"},
				{4, 1, Review, false, "工业增加值增长8%，高于全市。"},
			}},
		{"blank line ends the paragraph; headings, datelines and speaker lines are not joined",
			[]string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "县长 张某", "各位代表：", "一、过去一年工作回顾", "（一）经济稳中有进", "全年增长，", "", "续写新篇。", "（二）民生持续改善"},
			[]row{
				{2, 0, Preamble, false, "——2025年1月8日在某县第三届人民代表大会第四次会议上"},
				{3, 1, Preamble, true, "县长 张某"},
				{4, 2, Preamble, false, "各位代表："},
				{5, 3, Review, true, "一、过去一年工作回顾"},
				{6, 4, Review, true, "（一）经济稳中有进"},
				{7, 5, Review, false, "全年增长，"},
				{9, 6, Review, false, "续写新篇。"},
				{10, 7, Review, true, "（二）民生持续改善"},
			}},
		{"glossary after the report is left out, with its annex label",
			[]string{"一、工作回顾", "增长5%。", "各位代表！让我们团结奋斗。", "附件", "名词解释", "1.“两新”：", "指设备更新和以旧换新。"},
			[]row{
				{2, 0, Review, true, "一、工作回顾"},
				{3, 1, Review, false, "增长5%。"},
				{4, 2, Review, false, "各位代表！"},
				{4, 2, Review, false, "让我们团结奋斗。"},
			}},
		{"dateline cut before the meeting's name ends",
			[]string{"——2025年1月8日在某县第三届", "人民代表大会第四次会议上", "县长 张某"},
			[]row{
				{2, 0, Preamble, false, "——2025年1月8日在某县第三届人民代表大会第四次会议上"},
				{4, 1, Preamble, true, "县长 张某"},
			}},
		{"notes heading with a colon",
			[]string{"一、工作回顾", "增长5%。", "注释：", "①指规模以上企业。"},
			[]row{{2, 0, Review, true, "一、工作回顾"}, {3, 1, Review, false, "增长5%。"}}},
		{"an annex that is not a glossary stays",
			[]string{"一、工作回顾", "增长5%。", "附件1", "十件民生实事", "新建学校10所。"},
			[]row{
				{2, 0, Review, true, "一、工作回顾"},
				{3, 1, Review, false, "增长5%。"},
				{4, 2, Review, true, "附件1"},
				{5, 3, Review, true, "十件民生实事"},
				{6, 4, Review, false, "新建学校10所。"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report(tt.lines...)
			assert.Equal(t, tt.want, rows(Split(r)))
		})
	}
}

// TestSplitJoinsPrintedLines: a printed report's lines (a PDF's) are joined
// where the layout runs them on (↩ here: Line.Wraps), whatever they end
// with, and nowhere else.
func TestSplitJoinsPrintedLines(t *testing.T) {
	r := &read.Report{Title: "某县政府工作报告", Wrapped: true, Year: 2025}
	for i, l := range []string{
		"——2025年1月8日在某县第三届人民代表大会第四次会 ↩", "议上",
		"一、过去一年工作回顾",
		"（一）经济稳中有进。全年地区生产总值增长6%， ↩", "高于全省。",
		"二、2025年工作安排",
		"今年全县经济社会发展的主要预期目标是： ↩", "地区生产总值增长6%左右；一般公共预算收入增长5%； ↩", "城镇调查失业率控制在5.5%以内。",
		"围绕上述目标，重点抓好以下工作：",
		"坚持项目为王，增强发展后劲",
		"全年实施重点项目150个。",
	} {
		text, wraps := strings.CutSuffix(l, " ↩")
		r.Lines = append(r.Lines, read.Line{Text: text, No: i + 2, Wraps: wraps})
	}
	var got []string
	for _, s := range Split(r) {
		got = append(got, fmt.Sprintf("%d %s", s.Line, s.Text))
	}
	assert.Equal(t, []string{
		"2 ——2025年1月8日在某县第三届人民代表大会第四次会议上",
		"4 一、过去一年工作回顾",
		"5 （一）经济稳中有进。",
		"5 全年地区生产总值增长6%，高于全省。",
		"7 二、2025年工作安排",
		"8 今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%；城镇调查失业率控制在5.5%以内。",
		"11 围绕上述目标，重点抓好以下工作：",
		"12 坚持项目为王，增强发展后劲", // a line the layout ends, though its text would run on
		"13 全年实施重点项目150个。",
	}, got)
}

func sections(ss []Sentence) []Section {
	var out []Section
	for _, s := range ss {
		out = append(out, s.Section)
	}
	return out
}

// TestSectionCountsGolden pins the sentences per section of every report of
// the corpus; run with -update after a deliberate change and review the diff.
func TestSectionCountsGolden(t *testing.T) {
	var b strings.Builder
	_, err := read.Read(context.Background(), read.BytesSource("corpus", testdata.Corpus), read.Options{}, func(r *read.Report) error {
		ss := Split(r)
		n := map[Section]int{}
		for _, s := range ss {
			n[s.Section]++
		}
		fmt.Fprintf(&b, "%s\t%d", r.Region.Short, len(ss))
		for _, sec := range everySection {
			fmt.Fprintf(&b, "\t%s=%d", sec, n[sec])
		}
		b.WriteByte('\n')
		for _, must := range []Section{Review, Targets, Plan} {
			assert.NotZero(t, n[must], "%s has no %s sentences", r.Region.Short, must)
		}
		return nil
	})
	require.NoError(t, err)
	const golden = "testdata/sections.golden"
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update once to create %s", golden)
	assert.Equal(t, string(want), b.String())
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"增长5.2%。城镇新增就业！", "“要。”好（含。）", "……。", "他说：“要努力。", "!?。！？"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, para string) {
		if !utf8.ValidString(para) {
			return
		}
		pieces := Sentences(para)
		joined := strings.Join(pieces, "")
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(joined) != strip(para) {
			t.Fatalf("sentences lose or add text: %q → %q", para, pieces)
		}
		for _, p := range pieces {
			if p == "" || strings.TrimSpace(p) != p {
				t.Fatalf("empty or untrimmed sentence %q in %q", p, pieces)
			}
		}
	})
}

func FuzzSplit(f *testing.F) {
	f.Add("一、2023年工作回顾\n增长5.2%。\n二、2024年重点任务\n主要预期目标是：增长5%左右。\n各位代表！")
	f.Add("（一）\n1.\n各位代表")
	f.Add("今年全区发展的\n主要预期目标\n是：增长6%左右。\n附件2\n名词解释\n指某事。")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		r := report(strings.Split(text, "\n")...)
		prevLine := 0
		for i, s := range Split(r) {
			if s.ID != i || s.Line < prevLine || s.Line < 2 || s.Line > len(r.Lines)+1 {
				t.Fatalf("bad sentence %d: %+v", i, s)
			}
			prevLine = s.Line
			// A sentence starts on its line and may go on over the next lines of its paragraph.
			first, _ := utf8.DecodeRuneInString(s.Text)
			var rest strings.Builder
			for _, l := range r.Lines[s.Line-2:] {
				rest.WriteString(strings.TrimSpace(l.Text))
			}
			if !strings.ContainsRune(r.Lines[s.Line-2].Text, first) || !strings.Contains(rest.String(), s.Text) {
				t.Fatalf("sentence %q does not start on its line %q", s.Text, r.Lines[s.Line-2].Text)
			}
		}
	})
}

func BenchmarkSplitCorpus(b *testing.B) {
	var reports []*read.Report
	_, err := read.Read(context.Background(), read.BytesSource("corpus", testdata.Corpus), read.Options{}, func(r *read.Report) error {
		reports = append(reports, r)
		return nil
	})
	require.NoError(b, err)
	b.SetBytes(int64(len(testdata.Corpus)))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range reports {
			Split(r)
		}
	}
}
