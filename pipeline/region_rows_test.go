package pipeline

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
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
	require.NotNil(t, r.RegionCodeCurrent)
	assert.Equal(t, "150702", *r.RegionCodeCurrent, "a division in force holds itself")
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

// A report of a division abolished since keeps the code of its year and
// names the division that holds it today; the regions table has one row per
// code, with the revisions that list it and what became of it.
func TestHistoricalRegion(t *testing.T) {
	text := "政府工作报告\n——2009年2月10日在市第三届人民代表大会第三次会议上\n各位代表：\n一、2008年工作回顾\n全市生产总值增长13%。\n"
	tables, err := Collect(context.Background(), []read.Source{read.BytesSource("2009.txt", []byte(text))}, read.Options{Region: "341400"}, 1)
	require.NoError(t, err)
	require.Len(t, tables.Reports, 1)
	r := tables.Reports[0]
	assert.Equal(t, "2009-341400", r.ReportID)
	assert.Equal(t, "巢湖市", r.Region)
	assert.Equal(t, "prefecture", r.Level)
	require.NotNil(t, r.RegionCodeCurrent)
	assert.Equal(t, "340181", *r.RegionCodeCurrent, "the county-level city of the name holds it today")

	rows := map[string]schemas.Region{}
	for _, row := range tables.Regions {
		_, dup := rows[row.RegionCode]
		require.False(t, dup, "one row per code: %s", row.RegionCode)
		rows[row.RegionCode] = row
	}
	tests := []struct {
		code, name, from, to string
		successor, former    any // nil: null
	}{
		{"341400", "巢湖市", "2002-12", "2010-10", "340181", nil},
		{"330185", "临安市", "2002-12", "2016-07", "330112", nil},
		{"330112", "临安区", "2023-06", "current", nil, nil},
		{"420600", "襄阳市", "2011-10", "current", nil, "襄樊市 2002-12…2010-10"},
		{"110103", "崇文区", "2002-12", "2009-12", nil, nil},
		{"150702", "海拉尔区", "2002-12", "current", nil, nil},
		{"440000", "广东省", "2002-12", "current", nil, nil},
	}
	for _, tt := range tests {
		row, ok := rows[tt.code]
		require.True(t, ok, tt.code)
		assert.Equal(t, []any{tt.name, tt.from, tt.to, tt.successor, tt.former},
			[]any{row.RegionName, row.ValidFrom, row.ValidTo, deref(row.SuccessorCode), deref(row.FormerNames)}, tt.code)
	}
}
