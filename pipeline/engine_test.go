package pipeline

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/read"
)

// reportText is a small report of a province in a year, written for these tests.
func reportText(no int, region string, year int) string {
	return fmt.Sprintf("%d.%s政府工作报告\n——%d年1月20日在%s第十四届人民代表大会第二次会议上\n各位代表：\n今年工作安排如下。\n", no, region, year, region)
}

// failOn is a stage that fails on the reports of one region.
type failOn string

func (f failOn) Name() string { return "fail-on" }

func (f failOn) Process(_ context.Context, doc *Doc) error {
	if doc.Row.Region == string(f) {
		return errors.New("injected stage failure")
	}
	return nil
}

func TestSkipErrors(t *testing.T) {
	inputs := []read.Source{
		read.BytesSource("good.txt", []byte(reportText(1, "北京市", 2024)+reportText(2, "天津市", 2024))),
		read.BytesSource("binary.txt", []byte("1.上海市政府工作报告\n\x00\x01\x02")),
		read.BytesSource("noregion.txt", []byte("政府工作报告\n各位代表：\n今年工作安排如下。\n")),
		read.BytesSource("again.txt", []byte(reportText(1, "北京市", 2024)+reportText(2, "河北省", 2024))),
		read.BytesSource("stage.txt", []byte(reportText(1, "山西省", 2024))),
	}
	run := func(skip bool) (*Engine, []string, error) {
		e := &Engine{Inputs: inputs, Stages: []Stage{failOn("山西")}, Workers: 2, SkipErrors: skip}
		var got []string
		_, err := e.Run(context.Background(), func(_ context.Context, doc *Doc) error {
			got = append(got, doc.Row.ReportID)
			return nil
		})
		return e, got, err
	}

	_, _, err := run(false)
	require.Error(t, err, "fail is the default: the first error stops the run")

	e, got, err := run(true)
	require.NoError(t, err)
	assert.Equal(t, []string{"2024-110000", "2024-120000", "2024-130000"}, got, "every readable report, in input order")
	require.Len(t, e.Rejected, 4)
	want := []struct {
		input  string
		line   int
		reason string
	}{
		{"again.txt", 1, "read twice"},
		{"binary.txt", 2, "binary data"},
		{"noregion.txt", 1, "name it with --"},
		{"stage.txt", 1, "injected stage failure"},
	}
	for i, w := range want {
		r := e.Rejected[i]
		assert.Equal(t, w.input, r.Input)
		assert.Equal(t, w.line, r.Line, w.input)
		assert.Contains(t, r.Reason, w.reason)
	}
}
