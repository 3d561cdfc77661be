package read

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChrome(t *testing.T) {
	text := "当前位置：首页 > 政务公开\n下载 打印 全屏\n【字号：加大 还原 减小】\n来源：某县日报\n某县政府工作报告\n——2025年1月8日在某县第三届人民代表大会第四次会议上\n" +
		"县长 张某\n各位代表：\n本报记者 李某 摄\n全县增长6%。打印机产量增长。\n分享到：微信 微博\n相关报道\n某县召开大会\n"
	rs, err := readAll(t, "export.txt", []byte(text), Options{Region: "110000"})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "某县政府工作报告", rs[0].Title)
	assert.Equal(t, []string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "县长 张某", "各位代表：", "全县增长6%。打印机产量增长。"}, lineTexts(rs[0]))
}

func TestBreadcrumbIsNoTitle(t *testing.T) {
	text := "首页 > 政务公开 > 政府工作报告\n2025年某县政府工作报告\n——2025年1月8日在某县第三届人民代表大会第四次会议上\n各位代表：\n全县增长6%。\n"
	rs, err := readAll(t, "page.txt", []byte(text), Options{Region: "110000"})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "2025年某县政府工作报告", rs[0].Title)
	assert.Equal(t, []string{"——2025年1月8日在某县第三届人民代表大会第四次会议上", "各位代表：", "全县增长6%。"}, lineTexts(rs[0]))
}

func TestChromeOf(t *testing.T) {
	for line, want := range map[string]chromeKind{
		"首页 > 政务公开 > 政府工作报告":       chromeLine,
		"首页>>要闻>>某县政府工作报告":         chromeLine,
		"网站首页 » 信息公开":              chromeLine,
		"扫一扫在手机打开当前页":              chromeLine,
		"下载 打印 全屏":                 chromeLine,
		"某县政府工作报告":                 notChrome,
		"首页产品销量增长>10%":             notChrome,
		"政务公开 > 政府工作报告":            notChrome,
		"——2025年1月8日在某县第三届人民代表大会上": notChrome,
	} {
		assert.Equal(t, want, chromeOf(line), line)
	}
}

func TestUnstamp(t *testing.T) {
	for _, tt := range []struct {
		line, rest string
		ok         bool
	}{
		{"2019-02-01 10:30 来源： 湖北日报", "", true},
		{"2019/2/1 10:30:05", "", true},
		{"2019.02.01", "", true},
		{"2019年02月01日 10:30 作者：某某 来源：某网", "", true},
		{"2019年2月1日 来源：湖北日报", "", true},
		{"2019-02-01 10:30 来源： 湖北省人民政府门户网站2019年湖北省政府工作报告", "2019年湖北省政府工作报告", true},
		{"2019-02-01 10:30 《湖北省政府工作报告》", "《湖北省政府工作报告》", true},
		{"2019年1月15日", "2019年1月15日", false},
		{"2019年1月15日在湖北省第十三届人民代表大会第二次会议上", "2019年1月15日在湖北省第十三届人民代表大会第二次会议上", false},
		{"2019-2021年全省投资年均增长8%。", "2019-2021年全省投资年均增长8%。", false},
		{"2019.12.31前完成改造。", "2019.12.31前完成改造。", false},
		{"全省生产总值增长6%。", "全省生产总值增长6%。", false},
	} {
		rest, ok := unstamp(tt.line)
		assert.Equal(t, tt.ok, ok, tt.line)
		assert.Equal(t, tt.rest, rest, tt.line)
	}
}

// A page's publication stamp is chrome, and a title joined to it stays the
// title: the page's own <title> is only the site's label.
func TestReadPageStamp(t *testing.T) {
	opening := "<p>——2019年1月15日在湖北省第十三届人民代表大会第二次会议上</p><p>各位代表：</p><p>全省生产总值增长7.8%。</p>"
	for name, page := range map[string]string{
		"a line of its own": "<html><head><title>政府工作报告</title></head><body><div class=info>2019-02-01 10:30 来源： 湖北日报</div>" +
			"<h1>2019年湖北省政府工作报告</h1>" + opening + "</body></html>",
		"joined to the title": "<html><head><title>政府工作报告</title></head><body><div class=info><span>2019-02-01 10:30</span> <span>来源： 湖北省人民政府门户网站</span>" +
			"<span>2019年湖北省政府工作报告</span></div>" + opening + "</body></html>",
		"after the title": "<html><body><h1>2019年湖北省政府工作报告</h1><div class=info>2019-02-01 10:30 来源： 湖北日报</div>" + opening + "</body></html>",
	} {
		t.Run(name, func(t *testing.T) {
			rs, err := readAll(t, "page.html", []byte(page), Options{})
			require.NoError(t, err)
			require.Len(t, rs, 1)
			assert.Equal(t, "2019年湖北省政府工作报告", rs[0].Title)
			assert.Equal(t, "——2019年1月15日在湖北省第十三届人民代表大会第二次会议上", rs[0].Lines[0].Text)
			assert.Equal(t, "湖北", rs[0].Region.Short)
		})
	}
}
