package read

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/govreports/govreports/stages/read/meta"
	"github.com/govreports/govreports/testdata"
)

const twoReports = " 1.政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理 李强\n\n各位代表：\n\n一、2023年工作回顾\n\n国内生产总值增长5.2%。\n" +
	"2.北京市政府工作报告\n\n——2024年1月21日在北京市第十六届人民代表大会第二次会议上 \n\n市长 殷勇\n\n一、2023年工作回顾\n\n全市地区生产总值增长5.2%。\n"

func readAll(t *testing.T, name string, data []byte, opts Options) ([]*Report, error) {
	t.Helper()
	var out []*Report
	_, err := Read(context.Background(), BytesSource(name, data), opts, func(r *Report) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

func TestReadMetadata(t *testing.T) {
	tests := []struct {
		name                               string
		text                               string
		opts                               Options
		region, title, meeting, date, role string
		speaker                            string
		year                               int
	}{
		{name: "national", text: twoReports, region: "全国", title: "政府工作报告", meeting: "第十四届全国人民代表大会第二次会议",
			date: "2024-03-05", role: "国务院总理", speaker: "李强", year: 2024},
		{name: "one dash dateline", text: "27.西藏自治区政府工作报告\n\n—2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上\n\n自治区主席 严金海\n\n正文。\n",
			region: "西藏", title: "西藏自治区政府工作报告", meeting: "西藏自治区第十二届人民代表大会第二次会议", date: "2024-01-07", role: "自治区主席", speaker: "严金海", year: 2024},
		{name: "typo year", text: "24.四川省政府工作报告\n——22024年1月22日在四川省第十四届人民代表大会第二次会议上\n省长 黄强\n正文。\n",
			region: "四川", title: "四川省政府工作报告", meeting: "四川省第十四届人民代表大会第二次会议", date: "2024-01-22", role: "省长", speaker: "黄强", year: 2024},
		{name: "人民政府 title, no 上", text: "23.重庆市人民政府工作报告\n—— 2024年1月21日在重庆市第六届人民代表大会第二次会议\n市长 胡衡华\n正文。\n",
			region: "重庆", title: "重庆市人民政府工作报告", meeting: "重庆市第六届人民代表大会第二次会议", date: "2024-01-21", role: "市长", speaker: "胡衡华", year: 2024},
		{name: "long role", text: "宁夏回族自治区政府工作报告\n自治区人民政府主席 张雨浦\n一、2023年工作回顾\n正文。\n",
			region: "宁夏", title: "宁夏回族自治区政府工作报告", role: "自治区人民政府主席", speaker: "张雨浦", year: 2024},
		{name: "year from plan heading", text: "河北省政府工作报告\n省长 王正谱\n二、2025年重点任务\n正文。\n",
			region: "河北", title: "河北省政府工作报告", role: "省长", speaker: "王正谱", year: 2025},
		{name: "untitled with --region and --year", text: "各位代表：\n正文。\n", opts: Options{Region: "Shanghai", Year: 2023},
			region: "上海", year: 2023},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := readAll(t, "in.txt", []byte(tt.text), tt.opts)
			require.NoError(t, err)
			require.NotEmpty(t, rs)
			r := rs[0]
			assert.Equal(t, tt.region, r.Region.Short)
			assert.Equal(t, tt.title, r.Title)
			assert.Equal(t, tt.meeting, r.Meeting)
			assert.Equal(t, tt.date, r.MeetingDate)
			assert.Equal(t, tt.role, r.SpeakerRole)
			assert.Equal(t, tt.speaker, r.Speaker)
			assert.Equal(t, tt.year, r.Year)
		})
	}
}

func TestReadSplitsReportsAndKeepsLines(t *testing.T) {
	rs, err := readAll(t, "two.txt", []byte(twoReports), Options{})
	require.NoError(t, err)
	require.Len(t, rs, 2)
	assert.Equal(t, 1, rs[0].SourceLine)
	assert.Equal(t, 12, rs[1].SourceLine)
	last := rs[1].Lines[len(rs[1].Lines)-1]
	assert.Equal(t, "全市地区生产总值增长5.2%。", last.Text)
	assert.Equal(t, 20, last.No)
	// The trailing space of the dateline is gone, the text is otherwise as written.
	assert.Equal(t, "——2024年1月21日在北京市第十六届人民代表大会第二次会议上", rs[1].Lines[1].Text)
}

func TestReadHygiene(t *testing.T) {
	text := "\ufeff2.北京市政府工作报告\r\n市长 殷勇  \r\n一、2023年工作回顾\r\n增长5.2%，全年，\u3000\r\n"
	rs, err := readAll(t, "crlf.txt", []byte(text), Options{})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "北京", rs[0].Region.Short)
	assert.Equal(t, "殷勇", rs[0].Speaker)
	assert.Equal(t, "增长5.2%，全年，", rs[0].Lines[2].Text, "full-width commas stay; trailing spaces and CR go")
}

func TestReadGBK(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(twoReports))
	require.NoError(t, err)
	rs, err := readAll(t, "gbk.txt", gbk, Options{})
	require.NoError(t, err)
	require.Len(t, rs, 2)
	assert.Equal(t, "北京", rs[1].Region.Short)
	assert.Equal(t, "全市地区生产总值增长5.2%。", rs[1].Lines[len(rs[1].Lines)-1].Text)
}

func TestReadUTF16(t *testing.T) {
	for name, enc := range map[string]unicode.Endianness{"le": unicode.LittleEndian, "be": unicode.BigEndian} {
		t.Run(name, func(t *testing.T) {
			data, err := unicode.UTF16(enc, unicode.UseBOM).NewEncoder().Bytes([]byte(strings.ReplaceAll(twoReports, "\n", "\r\n")))
			require.NoError(t, err)
			rs, err := readAll(t, "unicode.txt", data, Options{})
			require.NoError(t, err)
			require.Len(t, rs, 2)
			assert.Equal(t, "北京", rs[1].Region.Short)
			assert.Equal(t, "全市地区生产总值增长5.2%。", rs[1].Lines[len(rs[1].Lines)-1].Text)
		})
	}
}

func TestReadErrors(t *testing.T) {
	long := "2.北京市政府工作报告\n一、2023年工作回顾\n" + strings.Repeat("增长", MaxLineBytes/6+1)
	tests := []struct {
		name, file string
		data       []byte
		opts       Options
		line       int // the line of the *Error; -1 for an error of the options, which is none
		want       string
	}{
		{"binary", "bin.txt", []byte("1.政府工作报告\n\x00\x01\x02\x03"), Options{}, 2, "bin.txt: line 2 (byte offset 21): NUL byte"},
		{"invalid utf-8, not gbk", "bad.txt", []byte("2.北京市政府工作报告\n一、2023年工作回顾\n增长\xff\xfe\xfd"), Options{}, 3, "bad.txt: line 3 (byte offset 62): invalid UTF-8"},
		{"truncated utf-8 late in a file", "cut.txt", append([]byte(strings.Repeat("2.北京市政府工作报告\n一、2023年工作回顾\n增长。\n", 3000)), 0xe5, 0xa2), Options{}, 9001, "cut.txt: line 9001 (byte offset 198000): invalid UTF-8"},
		{"no title, no region", "notes.txt", []byte("各位代表：\n一、2023年工作回顾\n"), Options{}, 1, `notes.txt: line 1: report "(untitled)": cannot tell its region`},
		{"unknown region", "x.txt", []byte("1.某某省政府工作报告\n一、2023年工作回顾\n"), Options{}, 1, `x.txt: line 1: report "某某省政府工作报告": cannot tell its region (tried: title "某某省政府工作报告"`},
		{"bad --region", "x.txt", []byte("各位代表：\n一、2023年工作回顾\n"), Options{Region: "Atlantis"}, -1, `--region "Atlantis": "Atlantis" names no division`},
		{"no year", "y.txt", []byte("2.北京市政府工作报告\n正文。\n"), Options{}, 1, "y.txt: line 1: report \"北京市政府工作报告\": cannot tell its year"},
		{"bad date", "d.txt", []byte("2.北京市政府工作报告\n——2024年2月30日在北京市第十六届人民代表大会第二次会议上\n"), Options{}, 2, "d.txt: line 2: dateline date 2024年2月30日 is not a calendar date"},
		{"no newline, 1 MB", "long.txt", []byte(long), Options{}, 3, "long.txt: line 3: longer than"},
		{"a row's metadata", "rows.csv", []byte("year,text\n2024,\"1.某某省政府工作报告\n各位代表：\"\n"), Options{}, 1, `rows.csv#row=1: line 1: report "某某省政府工作报告": cannot tell its region`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, tt.file, tt.data, tt.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			var e *Error
			if assert.Equal(t, tt.line >= 0, errors.As(err, &e), "an *Error unless the options are at fault") && tt.line >= 0 {
				assert.Equal(t, tt.line, e.Line)
				assert.True(t, strings.HasPrefix(tt.want, e.Input), "input %s", e.Input)
			}
		})
	}
}

// An input in which no report is found is an error naming it: an empty file
// named on the command line, a page of chrome alone, a table of empty rows.
func TestReadInputWithoutReports(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"empty.txt", "", "empty.txt: no report in it (an empty file)"},
		{"blank.txt", "\n \n", "blank.txt: no report in it (no report text)"},
		{"chrome.txt", "下载 打印 全屏\n相关报道\n某县召开大会\n", "chrome.txt: no report in it (no report text)"},
		{"rows.csv", "year,text\n2024,\n", "rows.csv: no report in it (the text cell of every row is empty: 1)"},
	} {
		_, err := readAll(t, tt.name, []byte(tt.data), Options{})
		var e *Error
		require.ErrorAs(t, err, &e, tt.name)
		assert.Equal(t, tt.name, e.Input)
		assert.EqualError(t, err, tt.want)
	}
}

func TestReadRegionFromFileName(t *testing.T) {
	rs, err := readAll(t, "/data/reports/guangdong-2024.txt", []byte("各位代表：\n一、2023年工作回顾\n正文。\n"), Options{})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "广东", rs[0].Region.Short)
}

func TestReadWarnsAboutRepairedYear(t *testing.T) {
	var logs bytes.Buffer
	_, err := readAll(t, "sc.txt", []byte("24.四川省政府工作报告\n——22024年1月22日在四川省第十四届人民代表大会第二次会议上\n"),
		Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	require.NoError(t, err)
	assert.Contains(t, logs.String(), "level=INFO")
	assert.Contains(t, logs.String(), `msg="line 2: dateline year 22024 repaired to 2024" source=sc.txt line=2`)
}

func TestSourcesDirGzipAndStdin(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "b", "c"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte(twoReports), 0o644))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write([]byte("10.上海市政府工作报告\n一、2023年工作回顾\n正文。\n"))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b", "c", "sh.txt.gz"), gz.Bytes(), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b", "notes.md"), []byte("not an input"), 0o644))

	srcs, err := Sources([]string{dir, "-"}, strings.NewReader("11.江苏省政府工作报告\n一、2023年工作回顾\n正文。\n"), nil)
	require.NoError(t, err)
	var regions []string
	var inputs []Input
	for _, s := range srcs {
		in, err := Read(context.Background(), s, Options{}, func(r *Report) error {
			regions = append(regions, r.Region.Short)
			return nil
		})
		require.NoError(t, err)
		inputs = append(inputs, in)
	}
	assert.Equal(t, []string{"全国", "北京", "上海", "江苏"}, regions)
	require.Len(t, inputs, 3)
	assert.Equal(t, int64(len(twoReports)), inputs[0].Bytes)
	assert.Len(t, inputs[0].SHA256, 64)
	assert.Equal(t, int64(gz.Len()), inputs[1].Bytes, "a compressed input is hashed as stored")

	_, err = Sources([]string{filepath.Join(dir, "missing.txt")}, nil, nil)
	assert.ErrorContains(t, err, "missing.txt")
	_, err = Sources([]string{filepath.Join(dir, "b", "c", "..", "..", "b")}, nil, nil)
	require.NoError(t, err)
	empty := t.TempDir()
	_, err = Sources([]string{empty}, nil, nil)
	assert.ErrorContains(t, err, "holds no report files")
}

func TestReadUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	p := filepath.Join(t.TempDir(), "locked.txt")
	require.NoError(t, os.WriteFile(p, []byte(twoReports), 0o000))
	srcs, err := Sources([]string{p}, nil, nil)
	require.NoError(t, err)
	_, err = Read(context.Background(), srcs[0], Options{}, func(*Report) error { return nil })
	assert.ErrorContains(t, err, "locked.txt")
}

func TestReadHTML(t *testing.T) {
	srcs, err := Sources([]string{"testdata/report.html"}, nil, nil)
	require.NoError(t, err)
	var rs []*Report
	_, err = Read(context.Background(), srcs[0], Options{}, func(r *Report) error {
		rs = append(rs, r)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	r := rs[0]
	assert.Equal(t, "北京", r.Region.Short)
	assert.Equal(t, "北京市政府工作报告", r.Title)
	assert.Equal(t, "殷勇", r.Speaker)
	assert.Equal(t, "2024-01-21", r.MeetingDate)
	var texts []string
	for _, l := range r.Lines {
		texts = append(texts, l.Text)
	}
	assert.Equal(t, []string{
		"——2024年1月21日在北京市第十六届人民代表大会第二次会议上", "市长 殷勇", "各位代表：",
		"现在，我代表北京市人民政府，向大会报告工作，请予审议， 并请市政协委员和其他列席人员提出意见。",
		"一、2023年工作回顾", "全市地区生产总值增长5.2%左右。", "城镇新增就业28.3万人。",
		"二、2024年重点任务", "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
	}, texts, "the footer is boilerplate")
	assert.Equal(t, 13, r.Lines[0].No, "lines keep their place in the page")
}

func TestReadEmbeddedCorpus(t *testing.T) {
	rs, err := readAll(t, testdata.CorpusName, testdata.Corpus, Options{})
	require.NoError(t, err)
	require.Len(t, rs, 32)
	for _, r := range rs {
		assert.NotEmpty(t, r.Speaker, r.Title)
		assert.NotEmpty(t, r.MeetingDate, r.Title)
		assert.Contains(t, r.Meeting, "人民代表大会", r.Title)
		assert.Equal(t, 2024, r.Year, r.Title)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(twoReports))
	f.Add([]byte("\ufeff2.北京市政府工作报告\r\n——22024年1月22日在\r\n"))
	f.Add([]byte("各位代表：\n\xff\xfe"))
	f.Add([]byte("\x1f\x8b\x08"))
	f.Fuzz(func(t *testing.T, data []byte) {
		prev := 0
		_, err := Read(context.Background(), BytesSource("fuzz.txt", data), Options{Region: "北京", Year: 2024}, func(r *Report) error {
			for _, l := range r.Lines {
				if l.No <= prev {
					t.Fatalf("line numbers not increasing: %d after %d", l.No, prev)
				}
				prev = l.No
			}
			if r.Region.Code == "" || r.Year == 0 {
				t.Fatalf("report without region or year: %+v", r)
			}
			return nil
		})
		if e := (*Error)(nil); err != nil && !(errors.As(err, &e) && strings.HasPrefix(e.Input, "fuzz.txt")) {
			t.Fatalf("not a *read.Error naming the input: %v", err)
		}
	})
}

func BenchmarkReadCorpus(b *testing.B) {
	b.SetBytes(int64(len(testdata.Corpus)))
	b.ReportAllocs()
	for b.Loop() {
		_, err := Read(context.Background(), BytesSource("corpus", testdata.Corpus), Options{}, func(*Report) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
}

func TestReadTakesATitleBelowChrome(t *testing.T) {
	text := "下载\n打印\n全屏\n2026年西藏自治区政府工作报告\n——2026年1月12日在西藏自治区第十二届人民代表大会第五次会议上\n"
	rs, err := readAll(t, "page.txt", []byte(text), Options{})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "2026年西藏自治区政府工作报告", rs[0].Title)
	assert.Equal(t, 4, rs[0].SourceLine, "the title's line")
	assert.Equal(t, meta.FromTitle, rs[0].RegionSource)
	assert.Equal(t, meta.FromDateline, rs[0].YearSource)
}

func TestReadLogsAndKeepsEveryWarning(t *testing.T) {
	var logs bytes.Buffer
	rs, err := readAll(t, "2022-hainan.txt", []byte("各位代表：\n正文。\n"),
		Options{Region: "海南", Year: 2021, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	require.Len(t, rs[0].Warnings, 3)
	assert.Equal(t, "the --year flag says the year is 2021, the file name says 2022; using 2022", rs[0].Warnings[1])
	for _, w := range rs[0].Warnings {
		assert.Contains(t, logs.String(), w)
	}
	assert.Equal(t, "(untitled)", rs[0].displayTitle())
}

func TestReadRowTitleStandsForTheTitle(t *testing.T) {
	rs, err := readAll(t, "rows.csv", []byte("title,text\n2024年北京市政府工作报告,各位代表：\n"), Options{})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "2024年北京市政府工作报告", rs[0].Title)
	assert.Equal(t, meta.FromRow, rs[0].YearSource)
}
