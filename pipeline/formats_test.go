package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
)

// formats holds our own report texts printed to PDF and kept in a workbook.
const formats = "../testdata/formats"

func collectFile(t *testing.T, name string) *Tables {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(formats, name))
	require.NoError(t, err)
	tables, err := Collect(context.Background(), []read.Source{read.BytesSource(name, data)}, read.Options{}, 2)
	require.NoError(t, err)
	return tables
}

// goalKeys are a report's goals as the eval compares them: indicator, value,
// unit and comparator.
func goalKeys(goals []schemas.Goal, reportID string) []string {
	var out []string
	for _, g := range goals {
		if g.ReportID != reportID {
			continue
		}
		v, unit := "-", "-"
		if g.Value != nil {
			v = fmt.Sprint(*g.Value)
		}
		if g.Unit != nil {
			unit = *g.Unit
		}
		out = append(out, fmt.Sprintf("%s %s %s %s %v", g.Indicator, v, unit, g.Comparator, g.Stretch))
	}
	return out
}

// TestFormatsGiveTheTextsReports: a report printed to PDF by a browser
// (running header and footer, lines broken by the page width), and a row of
// a county database's workbook, give the year, region, sentences and goals
// of the text they were made from.
func TestFormatsGiveTheTextsReports(t *testing.T) {
	texts := map[string]*Tables{}
	text := func(name string) schemas.Report {
		if texts[name] == nil {
			texts[name] = collectFile(t, name)
			require.Len(t, texts[name].Reports, 1)
		}
		return texts[name].Reports[0]
	}
	check := func(t *testing.T, got *Tables, i int, textName string) {
		want := text(textName)
		r := got.Reports[i]
		assert.Equal(t, want.ReportID, r.ReportID)
		assert.Equal(t, want.RegionCode, r.RegionCode)
		wantGoals := goalKeys(texts[textName].Goals, want.ReportID)
		assert.NotEmpty(t, wantGoals)
		assert.Equal(t, wantGoals, goalKeys(got.Goals, r.ReportID))
		assert.Equal(t, want.Sentences, r.Sentences, "sentences")
	}
	for _, tt := range []struct{ pdf, text string }{
		{"county.pdf", "county.txt"}, {"city.pdf", "city.txt"}, {"district.pdf", "district.txt"},
	} {
		t.Run(tt.pdf, func(t *testing.T) {
			got := collectFile(t, tt.pdf)
			require.Len(t, got.Reports, 1)
			check(t, got, 0, tt.text)
		})
	}
	t.Run("county-reports.xlsx", func(t *testing.T) {
		got := collectFile(t, "county-reports.xlsx")
		require.Len(t, got.Reports, 3, "the row without text left out")
		for i, name := range []string{"county.txt", "anji.txt", "district.txt"} {
			check(t, got, i, name)
		}
	})
}
