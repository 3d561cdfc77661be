package commitments

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/lexicon"
	"github.com/govreports/govreports/stages/quantity"
	"github.com/govreports/govreports/stages/segment"
	"github.com/govreports/govreports/stages/split"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func newExtractor(t testing.TB) *Extractor {
	seg, err := segment.Default()
	require.NoError(t, err)
	e, err := New(seg)
	require.NoError(t, err)
	return e
}

// paragraphs turns lines into plan sentences, one paragraph per line.
func paragraphs(section split.Section, lines ...string) []split.Sentence {
	var out []split.Sentence
	for p, line := range lines {
		for _, s := range split.Sentences(line) {
			out = append(out, split.Sentence{ID: len(out), Line: p + 1, Paragraph: p, Section: section, Text: s})
		}
	}
	return out
}

func TestExtractDecisions(t *testing.T) {
	e := newExtractor(t)
	tests := []struct {
		name    string
		section split.Section
		para    string
		want    []string // verbs of the commitments, in order
	}{
		{"quantified actions", split.Plan, "改造城镇老旧小区3000个，加装电梯500部。", []string{"改造", "加装"}},
		{"verb chain led by its last verb", split.Plan, "加快实施一批重大水利工程。", []string{"实施"}},
		{"list of objects is one clause", split.Plan, "扩大汽车、家电、农产品出口。", []string{"扩大"}},
		{"new verb after a list comma", split.Plan, "建成10所学校、开展200场培训。", []string{"建成", "开展"}},
		{"run-in heading, then measures", split.Plan, "抓好农村改革。深化农村土地制度改革，推进集体林权制度改革。",
			[]string{"深化", "推进"}},
		{"numbered heading", split.Plan, "（二）扎实推进乡村振兴。", nil},
		{"numbered list item with a figure", split.Plan, "十五是实施既有住宅加装电梯550部。", []string{"实施"}},
		{"abstract aim", split.Plan, "我们要加快构建现代化产业体系，着力提升发展质量和水平。", nil},
		{"principle clause", split.Plan, "坚持把就业作为最大的民生，开展职业技能培训。", []string{"开展"}},
		{"principle sentence", split.Plan, "以习近平新时代中国特色社会主义思想为指导，推动高质量发展。", nil},
		{"context", split.Plan, "今年是实现“十四五”规划目标任务的关键一年。", nil},
		{"closing rhetoric", split.Plan, "让我们紧密团结，开创新局面！", nil},
		{"a verbless quantity clause continues the commitment", split.Plan, "实施乡村建设行动，力争医疗旅游人数40万人次。",
			[]string{"实施"}},
		{"a quantity clause joins an acting sentence", split.Plan,
			"实施乡村建设行动，坚持规划引领，通勤时间缩短至30分钟。", []string{"实施", "缩短"}},
		{"a framing clause keeps its numbers", split.Plan, "围绕50条重点产业链，实施一批技术攻关项目。", []string{"实施"}},
		{"no quantity clause without an action", split.Plan, "黄河流经本省800公里，是我们的母亲河。", nil},
		{"targets are goals, not commitments", split.Targets,
			"主要预期目标是：地区生产总值增长5%左右，城镇新增就业80万人以上，节能降碳完成国家下达任务。", nil},
		{"verb with a bracketed alternative", split.Plan, "新（改）建农村公路1000公里以上。", []string{"新建"}},
		{"principle after a list number", split.Plan, "三是坚持实施重大项目带动战略，建设一批重点项目。", []string{"建设"}},
		{"context opened by a point of view", split.Plan, "从国际看，外部环境复杂严峻，推动发展面临挑战。", nil},
		{"verbs inside a closed frame describe it", split.Plan, "以增强城市活力为目标，在推动经济发展上展现更大作为。", nil},
		{"a nominal verb after a preposition is its object", split.Plan, "守住底线更是对发展观念的重塑。", nil},
		{"target explanation", split.Targets, "上述目标综合考虑了各方面因素。", nil},
		{"review is not forward-looking", split.Review, "新建高标准农田100万亩。", nil},
		{"a political formula or the style of work commits to nothing", split.Governance,
			"加强党风廉政建设，改进工作作风，推进政务公开。", []string{"推进"}},
		{"the whole jurisdiction before a nominal verb", split.Plan, "全市新建充电桩3000个，全县培育示范合作社20家。",
			[]string{"新建", "培育"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var verbs []string
			for _, c := range e.Extract(paragraphs(tt.section, tt.para)) {
				verbs = append(verbs, c.Verb)
			}
			assert.Equal(t, tt.want, verbs)
		})
	}
}

func TestExtractFields(t *testing.T) {
	e := newExtractor(t)
	sents := paragraphs(split.Plan, "各地要抓好落实。年底前新建高标准农田150万亩以上，支持县市创建国家产粮大县。")
	cs := e.Extract(sents)
	require.Len(t, cs, 2)
	c := cs[0]
	assert.Equal(t, 1, c.SentenceIndex)
	assert.Equal(t, "新建", c.Verb)
	assert.Equal(t, "高标准农田", c.Object)
	assert.Equal(t, "agriculture", c.Topic)
	assert.Equal(t, "年底前", c.Deadline)
	assert.Equal(t, c.Clause, string([]rune(sents[1].Text)[c.SpanStart:c.SpanEnd]))
	assert.Equal(t, "年底前新建高标准农田150万亩以上", c.Clause)
}

func TestSplitClausesRespectsQuotesAndBrackets(t *testing.T) {
	e := newExtractor(t)
	text := "推进“放管服”改革，完善（含县级、乡级）服务网络；建立“一网通办，一窗受理”机制"
	tokens := e.seg.Tokens(text)
	runes := []rune(text)
	var got []string
	for _, c := range e.splitClauses(tokens) {
		got = append(got, string(runes[tokens[c.start].Start:tokens[c.end-1].End]))
	}
	assert.Equal(t, []string{"推进“放管服”改革", "完善（含县级、乡级）服务网络", "建立“一网通办，一窗受理”机制"}, got)
}

func TestDeadline(t *testing.T) {
	tests := []struct{ clause, sentence, want string }{
		{"年内完成改造", "", "年内"},
		{"2025年底前全部建成", "", "2025年底前"},
		{"到2027年基本建成", "", "到2027年"},
		{"6月底前出台方案", "", "6月底前"},
		{"建成通车", "今年底前建成通车", "今年底前"},
		{"年内建成", "年内建成，年底前投用", "年内"},
		{"2024年新建学校", "", ""},
		{"早日实现目标", "", ""},
	}
	for _, tt := range tests {
		sentence := tt.sentence
		if sentence == "" {
			sentence = tt.clause
		}
		assert.Equal(t, tt.want, deadline(tt.clause, deadlinePattern.FindString(sentence)), tt.clause)
	}
}

func TestHolding(t *testing.T) {
	cs := []Commitment{{SentenceIndex: 0, SpanStart: 0, SpanEnd: 10}, {SentenceIndex: 1, SpanStart: 5, SpanEnd: 20}}
	tests := []struct{ sentence, start, end, want int }{
		{0, 2, 6, 0},
		{1, 5, 20, 1},
		{1, 2, 6, -1},
		{2, 0, 1, -1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Holding(cs, tt.sentence, tt.start, tt.end))
	}
}

func TestReadTSV(t *testing.T) {
	_, err := readTSV("x", "# a\tb\nonly-one-column\n", 2)
	assert.EqualError(t, err, "x line 2: 1 tab-separated fields, want at least 2")
	_, err = readTSV("x", "# a\tb\n\tv\n", 2)
	assert.EqualError(t, err, "x line 2: no word in the first column")
	rows, err := readTSV("x", "# a\tb\n# comment\n\nw\tv\n", 2)
	require.NoError(t, err)
	assert.Equal(t, []lexicon.Row{{Line: 4, Fields: []string{"w", "v"}}}, rows)
}

func TestNewRejectsNilSegmenter(t *testing.T) {
	_, err := New(nil)
	require.Error(t, err)
}

// TestGolden extracts the commitments of a few plan paragraphs of the corpus; run with -update after a
// deliberate change of the rules or lexicons, and review the diff.
func TestGolden(t *testing.T) {
	e := newExtractor(t)
	text, err := os.ReadFile(filepath.Join("testdata", "plan.txt"))
	require.NoError(t, err)
	got, err := json.MarshalIndent(e.Extract(paragraphs(split.Plan, strings.Split(strings.TrimSpace(string(text)), "\n")...)), "", "  ")
	require.NoError(t, err)
	golden := filepath.Join("testdata", "plan.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
}

// expected is what a fixture sentence commits to: the clause, its verb, object and deadline, and the
// quantities it delivers (the mentions of stages/quantity that its span holds, as the pipeline links them).
type expected struct {
	Sentence     int      `json:"sentence"`
	Clause       string   `json:"clause"`
	Verb         string   `json:"verb"`
	Object       string   `json:"object"`
	Deadline     string   `json:"deadline,omitempty"`
	Deliverables []string `json:"deliverables,omitempty"`
}

// TestOtherYears holds the extraction to the commitments of plan paragraphs written for this test in the
// style of other years and levels (a national plan of the 2010s, a county's 全县 plan, a province of 2026
// with new vocabulary, political formulas that commit to nothing); the expected file was written by hand
// and is rewritten by -update only after a deliberate change, for review.
func TestOtherYears(t *testing.T) {
	e := newExtractor(t)
	text, err := os.ReadFile(filepath.Join("testdata", "other_years.txt"))
	require.NoError(t, err)
	sents := paragraphs(split.Plan, strings.Split(strings.TrimSpace(string(text)), "\n")...)
	cs := e.Extract(sents)
	got := make([]expected, len(cs))
	for i, c := range cs {
		got[i] = expected{Sentence: c.SentenceIndex, Clause: c.Clause, Verb: c.Verb, Object: c.Object, Deadline: c.Deadline}
		for _, m := range quantity.Extract(sents[c.SentenceIndex].Text) {
			if Holding(cs, c.SentenceIndex, m.Start, m.End) == i {
				got[i].Deliverables = append(got[i].Deliverables, m.Text)
			}
		}
	}
	out, err := json.MarshalIndent(got, "", "  ")
	require.NoError(t, err)
	golden := filepath.Join("testdata", "other_years.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, append(out, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(out))
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"新建高标准农田150万亩以上，支持县市创建产粮大县。", "（一）“推进、", "年内：；，、", "①建成100所学校"} {
		f.Add(s)
	}
	e := newExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		sents := []split.Sentence{{Section: split.Plan, Text: text}}
		runes := []rune(text)
		for _, c := range e.Extract(sents) {
			require.True(t, 0 <= c.SpanStart && c.SpanStart < c.SpanEnd && c.SpanEnd <= len(runes))
			require.Equal(t, c.Clause, string(runes[c.SpanStart:c.SpanEnd]))
		}
	})
}

func ExampleExtractor_Extract() {
	seg, err := segment.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := New(seg)
	if err != nil {
		fmt.Println(err)
		return
	}
	sents := []split.Sentence{{Section: split.Plan, Text: "年内新建5G基站1万个，推进城市更新。"}}
	for _, c := range e.Extract(sents) {
		fmt.Printf("%s | %s | %s | %s | %q\n", c.Clause, c.Verb, c.Object, c.Topic, c.Deadline)
	}
	// Output:
	// 年内新建5G基站1万个 | 新建 | 5G基站 | digital | "年内"
	// 推进城市更新 | 推进 | 城市更新 | urban | "年内"
}

func BenchmarkExtractCorpus(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gov-work-reports-2024.txt"))
	require.NoError(b, err)
	sents := paragraphs(split.Plan, strings.Split(string(text), "\n")...)
	e := newExtractor(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		e.Extract(sents)
	}
}

// BenchmarkExtractAnalyzedCorpus measures the extraction alone, on tokens and quantities found beforehand
// (as the pipeline passes them).
func BenchmarkExtractAnalyzedCorpus(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gov-work-reports-2024.txt"))
	require.NoError(b, err)
	sents := paragraphs(split.Plan, strings.Split(string(text), "\n")...)
	e := newExtractor(b)
	analyses := make([]Analysis, len(sents))
	for i, s := range sents {
		analyses[i] = Analysis{Tokens: e.seg.Tokens(s.Text), Mentions: quantity.Extract(s.Text)}
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		e.ExtractAnalyzed(sents, func(i int) Analysis { return analyses[i] })
	}
}
