package commitments

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// The regular expressions that the hand-written matchers findDeadline, enumeratedLen and opensContext
// implement; the tests below hold the matchers to them (findDeadline to patternDeadline).
var (
	planPattern     = `(?:“十五”|“?十[一二三四五六七八九]五”?)`
	deadlinePattern = regexp.MustCompile(
		`[一二三四五六七八九十两]+年内` +
			`|(?:今年|本年|年)(?:内|底前|末前|底)` +
			`|(?:上|下)半年` +
			`|到(?:(?:19|20)\d\d|` + planPattern + `)(?:年)?(?:底|末)?` +
			`|(?:19|20)\d\d年(?:底|末|\d{1,2}月底?)?(?:前|以前|之前)` +
			`|\d{1,2}月(?:底|份)?(?:前|以前)` +
			`|` + planPattern + `(?:末|期间|时期)` +
			`|本届政府任期内`)
	namesPlanPattern     = regexp.MustCompile(planPattern)
	enumeratedPattern    = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是要]|\d+[.．、])`)
	contextOpenerPattern = regexp.MustCompile(`^从[^，。；]{1,6}看，`)
)

// patternDeadline is findDeadline by its regular expression.
func patternDeadline(text string) string {
	if !strings.ContainsAny(text, "年月") && !namesPlanPattern.MatchString(text) && !strings.Contains(text, "任期") {
		return ""
	}
	return deadlinePattern.FindString(text)
}

// matcherSamples are texts that exercise the matchers' alternatives and near misses.
var matcherSamples = []string{
	"", "年", "年内完成", "今年底前", "今年年底前建成", "本年末前", "本届政府任期内", "本届政府", "上半年", "下半年完成",
	"到2027年", "到2027年底", "到2030", "到2030年底前", "到2027末", "到“十四五”末", "到十四五年底", "到20", "到205", "2025年前", "2025年底前",
	"2025年底", "2025年末以前", "2025年6月底前", "2025年12月前", "2025年123月前", "2025年6月之前", "2025年6月底",
	"6月底前", "12月份前", "123月前", "1月以前", "6月底以后", "“十四五”末", "“十四五期间", "十四五”期间", "十四五末期",
	"“十五五”末", "十五五时期", "到“十三五”末", "“十五”期间", "十五期间", "十十五期间", "“十五五期间", "十二五”时期", "十一五",
	"到十一五", "到“十五”", "十九五末", "1998年底前", "到2000年", "十四五规划实施", "“十“十四五”末", "十五五", "十”十二五末",
	"争取三年内完成", "两年内", "十五年内", "2025年内", "五年底前", "十一五年内", "一二年", "十四五年内建成",
	"2024年新建学校", "力争2026年6月底前全部完成", "２０２５年前", "（三）推进", "(12)建设", "（）", "（三", "三、",
	"十五是实施", "一要", "二x", "3.", "12、", "3．5", "4", "①建成", "从国际看，外部环境", "从看，", "从我省看，",
	"从一二三四五六看，", "从一二三四五六七看，", "从国，看，", "从\xff看，", "\xe4\xb8年内", "年\xe5内",
}

func TestMatchersFollowTheirPatterns(t *testing.T) {
	for _, s := range matcherSamples {
		checkMatchers(t, s)
	}
}

// TestMatchersFollowTheirPatternsOnTheCorpus checks every sentence and every suffix of a sentence of the
// corpus.
func TestMatchersFollowTheirPatternsOnTheCorpus(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gov-work-reports-2024.txt"))
	require.NoError(t, err)
	for _, line := range strings.Split(string(text), "\n") {
		require.Equal(t, patternDeadline(line), findDeadline(line), line)
		for i := range line {
			s := line[i:]
			require.Equal(t, len(enumeratedPattern.FindString(s)), enumeratedLen(s), s)
			require.Equal(t, contextOpenerPattern.MatchString(s), opensContext(s), s)
		}
	}
}

func TestIsDigitRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isDigitRune(r) != unicode.IsDigit(r) {
			t.Fatalf("isDigitRune(%U) = %v", r, isDigitRune(r))
		}
	}
}

func FuzzMatchers(f *testing.F) {
	for _, s := range matcherSamples {
		f.Add(s)
	}
	f.Fuzz(checkMatchers)
}

func checkMatchers(t *testing.T, s string) {
	require.Equal(t, patternDeadline(s), findDeadline(s), "findDeadline(%q)", s)
	require.Equal(t, len(enumeratedPattern.FindString(s)), enumeratedLen(s), "enumeratedLen(%q)", s)
	require.Equal(t, contextOpenerPattern.MatchString(s), opensContext(s), "opensContext(%q)", s)
}
