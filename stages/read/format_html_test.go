package read

import (
	"os"
	"strings"
	"testing"

	"github.com/govreports/govreports/internal/shareddir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadHTMLLayouts(t *testing.T) {
	tests := []struct {
		name, file, page string
		want             []string
	}{
		{"br page", "page.html",
			"<html><body><div class=nav><a href=/>首页</a> | <a href=/x>政务公开</a></div><div id=content>某县政府工作报告<br>" +
				"——2025年1月8日在某县第三届人民代表大会第四次会议上<br/>县长 张某<br>各位代表：<br>&nbsp;&nbsp;一、2024年工作回顾<br>" +
				"全县生产总值<b>增长</b><span style=\"x\">6%</span>。</div><div>相关报道</div><div><a href=/r>某县召开会议</a></div></body></html>",
			[]string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "县长 张某", "各位代表：", "一、2024年工作回顾", "全县生产总值增长6%。"}},
		{"table cells", "page.htm",
			"<table><tr><td>某县政府工作报告</td></tr><tr><td>——2025年1月8日在某县第三届人民代表大会第四次会议上</td></tr>" +
				"<tr><td><font>县长 张某</font></td></tr><tr><td>一、2024年工作回顾</td></tr><tr><td>全县生产总值增长6%。</td></tr></table>" +
				"<script>document.write('增长');</script><style>td{}</style>",
			[]string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "县长 张某", "一、2024年工作回顾", "全县生产总值增长6%。"}},
		{"fragment saved as text", "fragment.txt",
			"[<div class=\"text\">\n<h4>各位代表：</h4>\n<p>一、2024年工作回顾</p>\n<p>全县生产总值\n增长6%。</p>\n</div>, <div>\n<p>下载 打印 全屏</p><p>新增就业1万人。</p></div>]",
			[]string{"各位代表：", "一、2024年工作回顾", "全县生产总值 增长6%。", "新增就业1万人。"}},
		{"a bare <title> before the report's own title", "page.html",
			"<html><head><title>政府工作报告</title></head><body><p>首页 &gt; 公开</p><h1>2025年某县政府工作报告</h1>" +
				"<p>各位代表：</p><p>全县生产总值增长6%。</p></body></html>",
			[]string{"各位代表：", "全县生产总值增长6%。"}},
		{"shtml with zero-width characters", "page.shtml",
			"<!DOCTYPE html><p>某县政府\u200b工作报告</p><p>全县生产\u200d总值增长6%。</p>",
			[]string{"全县生产总值增长6%。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := readAll(t, tt.file, []byte(tt.page), Options{Region: "110000", Year: 2025})
			require.NoError(t, err)
			require.Len(t, rs, 1)
			assert.Equal(t, tt.want, lineTexts(rs[0]))
		})
	}
}

func TestReadHTMLFragmentRealReport(t *testing.T) {
	data, err := os.ReadFile(shareddir.Path(t, "reports-dev", "files", "2018_gov_report.txt"))
	require.NoError(t, err)
	rs, err := readAll(t, "2018_gov_report.txt", data, Options{Region: "全国", Year: 2018})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "各位代表：", rs[0].Lines[0].Text)
	assert.Equal(t, 2, rs[0].Lines[0].No)
	assert.Greater(t, len(rs[0].Lines), 100)
	for _, l := range rs[0].Lines {
		assert.NotContains(t, l.Text, "<", "line %d keeps markup", l.No)
	}
}

func FuzzHTML(f *testing.F) {
	f.Add("<div>某县政府工作报告<br>各位代表：<td>增长<b>6%</b>。</td></div>")
	f.Add("[<div class=\"a\">\n<p>各位代表：</p>\n</div>, <div><a href=x>相关</a></div>]")
	f.Add("<script>x<p>不是正文</p></script><p>正文&nbsp;&amp;\u200b。</p>")
	f.Fuzz(func(t *testing.T, page string) {
		prev := 0
		lines, head := pageLines(page)
		if head >= len(lines) {
			t.Fatalf("head %d past the %d lines", head, len(lines))
		}
		for _, l := range lines {
			if l.No < prev || l.Text == "" || strings.TrimSpace(l.Text) != l.Text {
				t.Fatalf("bad line %+v after line %d", l, prev)
			}
			prev = l.No
		}
	})
}
