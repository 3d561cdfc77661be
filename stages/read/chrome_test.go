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
