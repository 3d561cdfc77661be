package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/testdata"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var (
	corpusOnce   sync.Once
	corpusTables *Tables
	corpusErr    error
)

// corpus runs the whole pipeline on the embedded corpus once per test binary.
func corpus(t *testing.T) *Tables {
	t.Helper()
	corpusOnce.Do(func() {
		corpusTables, corpusErr = Collect(context.Background(), []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}, read.Options{}, 0)
	})
	require.NoError(t, corpusErr)
	return corpusTables
}

// TestReportsGolden pins the whole reports table of the corpus: 32 rows with
// codes, dates, speakers, roles and meetings. Run with -update after a
// deliberate change and review the diff.
func TestReportsGolden(t *testing.T) {
	tables := corpus(t)
	require.Len(t, tables.Reports, 32)
	got, err := json.MarshalIndent(tables.Reports, "", " ")
	require.NoError(t, err)
	const golden = "testdata/reports.golden.json"
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update once to create %s", golden)
	assert.JSONEq(t, string(want), string(got))

	first := tables.Reports[0]
	assert.Equal(t, "2024-000000", first.ReportID)
	assert.Equal(t, "全国", first.Region)
	assert.Equal(t, "national", first.Level)
	sc := tables.Reports[23]
	assert.Equal(t, "2024-510000", sc.ReportID)
	require.NotNil(t, sc.MeetingDate)
	assert.Equal(t, "2024-01-22", sc.MeetingDate.String(), "the typo year 22024 is recovered")
	for _, r := range tables.Reports {
		assert.NotNil(t, r.Speaker, r.Title)
		assert.NotNil(t, r.Meeting, r.Title)
		assert.NotZero(t, r.Sentences, r.Title)
	}
}

// TestSpansMatchText checks the offsets contract of every table on the whole
// corpus: text[span_start:span_end] (code points) is the span.
func TestSpansMatchText(t *testing.T) {
	tables := corpus(t)
	text := map[[2]any]string{}
	for _, s := range tables.Sentences {
		text[[2]any{s.ReportID, s.SentenceID}] = s.Text
	}
	slice := func(report string, sid int32, start, end int32) string {
		rs := []rune(text[[2]any{report, sid}])
		if start < 0 || end > int32(len(rs)) || start > end {
			return "<out of range>"
		}
		return string(rs[start:end])
	}
	require.NotEmpty(t, tables.Figures)
	for _, f := range tables.Figures {
		require.Equal(t, f.Mention, slice(f.ReportID, f.SentenceID, f.SpanStart, f.SpanEnd), "%s sentence %d", f.ReportID, f.SentenceID)
	}
	require.NotEmpty(t, tables.Goals)
	for _, g := range tables.Goals {
		require.Equal(t, g.Span, slice(g.ReportID, g.SentenceID, g.SpanStart, g.SpanEnd), "%s sentence %d", g.ReportID, g.SentenceID)
	}
	require.NotEmpty(t, tables.Commitments)
	for _, c := range tables.Commitments {
		require.Equal(t, c.Clause, slice(c.ReportID, c.SentenceID, c.SpanStart, c.SpanEnd), "%s sentence %d", c.ReportID, c.SentenceID)
	}
}

func TestEveryReportHasGoalsAndCommitments(t *testing.T) {
	tables := corpus(t)
	goals, commitments := map[string]int{}, map[string]int{}
	for _, g := range tables.Goals {
		goals[g.Region]++
	}
	for _, c := range tables.Commitments {
		commitments[c.Region]++
	}
	for _, r := range tables.Reports {
		assert.GreaterOrEqual(t, goals[r.Region], 5, "%s has too few goals", r.Region)
		assert.Greater(t, commitments[r.Region], 50, "%s has too few commitments", r.Region)
	}
	for _, f := range tables.Figures {
		if f.CommitmentID != nil {
			assert.Contains(t, []string{"plan", "targets", "governance"}, f.Section)
		}
	}
	assert.Greater(t, len(tables.Regions), 3000, "every division down to county level")
	assert.NotEmpty(t, tables.Terms)
}

// TestDeterministicAcrossWorkers: the rows do not depend on how many reports
// run at once.
func TestDeterministicAcrossWorkers(t *testing.T) {
	one, err := Collect(context.Background(), []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}, read.Options{}, 1)
	require.NoError(t, err)
	many := corpus(t)
	assert.Equal(t, one.Reports, many.Reports)
	assert.Equal(t, one.Sentences, many.Sentences)
	assert.Equal(t, one.Figures, many.Figures)
	assert.Equal(t, one.Goals, many.Goals)
	assert.Equal(t, one.Commitments, many.Commitments)
	assert.Equal(t, one.Terms, many.Terms)
}

func TestDuplicateReportIsAnError(t *testing.T) {
	srcs := []read.Source{
		read.BytesSource("a.txt", []byte("2.北京市政府工作报告\n一、2023年工作回顾\n增长5%。\n")),
		read.BytesSource("b.txt", []byte("\n\n2.北京市政府工作报告\n一、2023年工作回顾\n增长5%。\n")),
	}
	_, err := Collect(context.Background(), srcs, read.Options{Region: "北京"}, 2)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "report 2024-110000 (北京) read twice: a.txt:1 and b.txt:3")
}

type failingStage struct{ at string }

func (failingStage) Name() string { return "failing" }

func (f failingStage) Process(_ context.Context, doc *Doc) error {
	if doc.Row.Region == f.at {
		return errors.New("boom")
	}
	return nil
}

func TestEngineStageErrorNamesReport(t *testing.T) {
	eng := &Engine{
		Inputs:  []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)},
		Stages:  []Stage{SplitStage{}, failingStage{at: "上海"}},
		Workers: 3,
	}
	var seen []string
	_, err := eng.Run(context.Background(), func(_ context.Context, d *Doc) error {
		seen = append(seen, d.Row.Region)
		return nil
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), testdata.CorpusName+":1281: 上海市政府工作报告: stage failing: boom")
	assert.NotContains(t, seen, "上海")
	for i, r := range seen {
		assert.Equal(t, corpusRegionOrder()[i], r, "the sink sees reports in input order")
	}
}

func corpusRegionOrder() []string {
	return strings.Fields("全国 北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海")
}

func TestEngineCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	eng := &Engine{Inputs: []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}, Stages: []Stage{SplitStage{}}, Workers: 2}
	n := 0
	_, err := eng.Run(ctx, func(context.Context, *Doc) error {
		if n++; n == 3 {
			cancel()
		}
		return nil
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.LessOrEqual(t, n, 3+inflightPerWorker*2, "the run stops soon after the cancel")
}

func TestEngineSinkErrorStops(t *testing.T) {
	eng := &Engine{Inputs: []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}, Stages: []Stage{SplitStage{}}, Workers: 2}
	_, err := eng.Run(context.Background(), func(_ context.Context, d *Doc) error {
		if d.Row.Region == "天津" {
			return errors.New("disk full")
		}
		return nil
	})
	assert.EqualError(t, err, "disk full")
}

func TestEngineKeepShards(t *testing.T) {
	var got [2][]string
	for shard := range 2 {
		eng := &Engine{
			Inputs: []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}, Stages: []Stage{SplitStage{}},
			Keep: func(n int, _ *Doc) bool { return shardOf(n, 2) == shard },
		}
		_, err := eng.Run(context.Background(), func(_ context.Context, d *Doc) error {
			got[shard] = append(got[shard], d.Row.ReportID)
			return nil
		})
		require.NoError(t, err)
	}
	assert.Len(t, got[0], 16)
	assert.Len(t, got[1], 16)
	assert.NotContains(t, got[1], got[0][0])
}

func TestPeriod(t *testing.T) {
	assert.Equal(t, "2023", period("review", 2024))
	assert.Equal(t, "2024", period("plan", 2024))
	assert.Equal(t, "2024", period("targets", 2024))
}
