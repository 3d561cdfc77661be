package pdftext

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClean(t *testing.T) {
	const header = "12/5/26, 9:04 AM 2020年某县政府工作报告_某县人民政府门户网站"
	footer := func(p string) string { return "https://www.example.gov.cn/art/2020/1/9/art_1.html " + p + "/4" }
	tests := []struct {
		name  string
		pages [][]string
		want  []kept
	}{
		{
			name: "browser header and footer at the end of every page",
			pages: [][]string{
				{"政府工作报告", "各位代表：", "现在，我代表县人民政府，向大会报告", header, footer("1")},
				{"工作，请予审议。", "一、2019年工作回顾", header, footer("2")},
				{"过去一年，全县地区生产总值增长7%。", header, footer("3")},
				{"二、2020年工作安排", header, footer("4")},
			},
			want: []kept{
				{"政府工作报告", 1, 1}, {"各位代表：", 1, 2}, {"现在，我代表县人民政府，向大会报告", 1, 3},
				{"工作，请予审议。", 2, 6}, {"一、2019年工作回顾", 2, 7},
				{"过去一年，全县地区生产总值增长7%。", 3, 10},
				{"二、2020年工作安排", 4, 13},
			},
		},
		{
			name: "a page's own head and — N — at the top",
			pages: [][]string{
				{"某市人民政府公报", "— 1 —", "政府工作报告", "各位代表："},
				{"某市人民政府公报", "— 2 —", "一、过去一年工作回顾"},
				{"某市人民政府公报", "— 3 —", "二、今年工作安排"},
			},
			want: []kept{{"政府工作报告", 1, 3}, {"各位代表：", 1, 4}, {"一、过去一年工作回顾", 2, 7}, {"二、今年工作安排", 3, 10}},
		},
		{
			name: "page numbers of every form, alone on a page",
			pages: [][]string{
				{"正文一。", "3/10"}, {"正文二。", "- 3 -"}, {"正文三。", "第3页"}, {"正文四。", "第 3 页 共 10 页"},
				{"正文五。", "第三页"}, {"正文六。", "Page 3 of 10"}, {"正文七。", "–3–"}, {"正文八。", "共10页 第3页"},
			},
			want: []kept{
				{"正文一。", 1, 1}, {"正文二。", 2, 3}, {"正文三。", 3, 5}, {"正文四。", 4, 7},
				{"正文五。", 5, 9}, {"正文六。", 6, 11}, {"正文七。", 7, 13}, {"正文八。", 8, 15},
			},
		},
		{
			name:  "a bare number is a page number at the edge only",
			pages: [][]string{{"7", "一", "二", "三", "12", "四", "五", "六", "8"}},
			want:  []kept{{"一", 1, 2}, {"二", 1, 3}, {"三", 1, 4}, {"12", 1, 5}, {"四", 1, 6}, {"五", 1, 7}, {"六", 1, 8}},
		},
		{
			name: "a short paragraph tail repeated at page ends stays",
			pages: [][]string{
				{"新开工项目40", "个。"},
				{"新建幼儿园3", "个。"},
			},
			want: []kept{{"新开工项目40", 1, 1}, {"个。", 1, 2}, {"新建幼儿园3", 2, 3}, {"个。", 2, 4}},
		},
		{
			name: "a line on fewer than half the pages stays",
			pages: [][]string{
				{"各位代表：", "正文一。"}, {"正文二。"}, {"各位代表：", "正文三。"}, {"正文四。"}, {"正文五。"},
			},
			want: []kept{{"各位代表：", 1, 1}, {"正文一。", 1, 2}, {"正文二。", 2, 3}, {"各位代表：", 3, 4}, {"正文三。", 3, 5}, {"正文四。", 4, 6}, {"正文五。", 5, 7}},
		},
		{
			name: "headers of odd and even pages",
			pages: [][]string{
				{"某县人民代表大会文件", "正文一。"}, {"政府工作报告", "正文二。"},
				{"某县人民代表大会文件", "正文三。"}, {"政府工作报告", "正文四。"},
			},
			want: []kept{{"正文一。", 1, 2}, {"正文二。", 2, 4}, {"正文三。", 3, 6}, {"正文四。", 4, 8}},
		},
		{
			name: "a repeated line in the middle of pages is text",
			pages: [][]string{
				{"一", "二", "三", "各位代表：", "四", "五", "六"},
				{"一", "二", "三", "各位代表：", "四", "五", "六"},
			},
			want: []kept{
				{"一", 1, 1}, {"二", 1, 2}, {"三", 1, 3}, {"各位代表：", 1, 4}, {"四", 1, 5}, {"五", 1, 6}, {"六", 1, 7},
				{"一", 2, 8}, {"二", 2, 9}, {"三", 2, 10}, {"各位代表：", 2, 11}, {"四", 2, 12}, {"五", 2, 13}, {"六", 2, 14},
			},
		},
		{
			name:  "one page: nothing repeats, its header stays",
			pages: [][]string{{"某县人民政府", "政府工作报告", "1/1"}},
			want:  []kept{{"某县人民政府", 1, 1}, {"政府工作报告", 1, 2}},
		},
		{
			name:  "blank lines stay, spaces of the layout do not hide a repeat",
			pages: [][]string{{"某县  人民政府", "", "正文一。"}, {"某县 人民政府", "正文二。", ""}},
			want:  []kept{{"", 1, 2}, {"正文一。", 1, 3}, {"正文二。", 2, 5}, {"", 2, 6}},
		},
		{
			name: "a browser's footer whose address is shortened by the room its page number leaves",
			pages: [][]string{
				{"正文一。", "稳定在全国1/3", "正文二。", "file:///reports/%E6%B1%9F%E8%8B%8F%E7%9C%81… 1/3"},
				{"正文三。", "file:///reports/%E6%B1%9F%E8%8B%8F%E7… 2/3"},
				{"正文四。", "file:///reports/%E6%B1%9F%E8%8B%8F… 3/3"},
			},
			want: []kept{{"正文一。", 1, 1}, {"稳定在全国1/3", 1, 2}, {"正文二。", 1, 3}, {"正文三。", 2, 5}, {"正文四。", 3, 7}},
		},
		{name: "no pages", pages: nil, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, keptOf(Clean(textPages(tt.pages...))))
		})
	}
}

// kept is a line Clean kept, without its place in a paragraph.
type kept struct {
	text     string
	page, no int
}

func keptOf(lines []Line) []kept {
	var out []kept
	for _, l := range lines {
		out = append(out, kept{l.Text, l.Page, l.No})
	}
	return out
}

// textPages are pages of lines whose places are not known.
func textPages(pages ...[]string) []Page {
	var out []Page
	for _, lines := range pages {
		var p Page
		for _, l := range lines {
			p = append(p, PrintedLine{Text: l})
		}
		out = append(out, p)
	}
	return out
}

func TestLayoutKey(t *testing.T) {
	for in, want := range map[string]string{
		"  12/5/26, 9:04 AM  标题 ": "#/#/#, #:# AM 标题",
		"第 3 页\u3000共 10 页":       "第 # 页 共 # 页",
		"":                        "",
	} {
		assert.Equal(t, want, layoutKey(in), in)
	}
}
