package pipeline

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/read"
)

// A county's report keeps its own code and names the divisions above it; the
// regions table has a row to join it to.
func TestCountyReportRow(t *testing.T) {
	text := "政 府 工 作 报 告\n——2015年1月20日在海拉尔区第十五届人民代表大会第一次会议上\n区长 某某\n一、2014年工作回顾\n全区地区生产总值增长8%。\n"
	tables, err := Collect(context.Background(), []read.Source{read.BytesSource("county/2015.txt", []byte(text))}, read.Options{Region: "广东"}, 1)
	require.NoError(t, err)
	require.Len(t, tables.Reports, 1)
	r := tables.Reports[0]
	assert.Equal(t, "2015-150702", r.ReportID)
	assert.Equal(t, "海拉尔区", r.Region)
	assert.Equal(t, "county", r.Level)
	require.NotNil(t, r.ProvinceCode)
	require.NotNil(t, r.PrefectureCode)
	assert.Equal(t, "150000", *r.ProvinceCode)
	assert.Equal(t, "150700", *r.PrefectureCode)
	assert.Equal(t, "dateline", r.YearSource)
	assert.Equal(t, "meeting", r.RegionSource)
	require.NotNil(t, r.Warnings, "the flag that says otherwise is named")
	assert.Contains(t, *r.Warnings, "广东省 (440000)")

	var found bool
	for _, row := range tables.Regions {
		if row.RegionCode == "150702" {
			found = true
			assert.Equal(t, "county", row.Level)
			assert.Equal(t, "west", row.MacroRegion)
			assert.NotEmpty(t, row.RegionEN)
			require.NotNil(t, row.PrefectureCode)
			assert.Equal(t, "150700", *row.PrefectureCode)
		}
	}
	assert.True(t, found)
}
