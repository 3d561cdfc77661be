package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/schemas"
)

func TestLoadSourcesByHeader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "SOURCES.tsv")
	require.NoError(t, os.WriteFile(path, []byte("repo\tfile\tyear\tregion_code\tlevel\n"+
		"a/b\tcity/某市.docx\t2021\t130600\tprefecture\n"+
		"a/b\tprov.txt\t2019\t410000\tprovince\n"), 0o644))
	got, err := LoadSources(path)
	require.NoError(t, err)
	assert.Equal(t, []GoldSource{
		{File: "city/某市.docx", Year: 2021, RegionCode: "130600", Level: "prefecture"},
		{File: "prov.txt", Year: 2019, RegionCode: "410000", Level: "provincial"},
	}, got)

	require.NoError(t, os.WriteFile(path, []byte("file\tyear\nx.txt\t2020\n"), 0o644))
	_, err = LoadSources(path)
	assert.ErrorContains(t, err, `no "region_code" column`)
	require.NoError(t, os.WriteFile(path, []byte("file\tyear\tregion_code\nx.txt\tsoon\t110000\n"), 0o644))
	_, err = LoadSources(path)
	assert.ErrorContains(t, err, "line 2")
}

func TestCheckSources(t *testing.T) {
	key := []GoldSource{
		{File: "city/某市.docx", Year: 2021, RegionCode: "130600", Level: "prefecture"},
		{File: "prov.txt", Year: 2019, RegionCode: "410000", Level: "provincial"},
		{File: "lost.txt", Year: 2019, RegionCode: "410000"},
		{File: "rows.csv", Year: 2020, RegionCode: "110000"},
	}
	rep := func(source string, year int16, code, level string) schemas.Report {
		return schemas.Report{Keys: schemas.Keys{Year: year, RegionCode: code}, Source: source, Level: level}
	}
	s := CheckSources(key, []schemas.Report{
		rep("files/city/某市.docx", 2021, "130600", "prefecture"),
		rep("prov.txt", 2018, "410000", "provincial"),
		rep("rows.csv#row=1", 2020, "110000", "provincial"),
		rep("rows.csv#row=2", 2021, "110000", "provincial"),
		rep("elsewhere/other.txt", 2019, "410000", "provincial"),
	})
	assert.Equal(t, 4, s.Files)
	assert.Equal(t, 2, s.Read)
	assert.Equal(t, 1, s.Year)
	assert.Equal(t, 2, s.Region)
	assert.Equal(t, 2, s.Level)
	require.Len(t, s.Problems, 3)
	assert.Contains(t, s.Problems[0], "lost.txt: 0 reports")
	assert.Contains(t, s.Problems[1], "prov.txt: year 2018, want 2019")
	assert.Contains(t, s.Problems[2], "rows.csv: 2 reports")
}

func TestScoreGDP(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	key := []GoldGDP{
		{File: "a.txt", GDP: &GoldTarget{Value: f(6), Comparator: "about"}},
		{File: "b.txt", GDP: &GoldTarget{Value: f(8), Comparator: "exact", Stretch: f(9)}},
		{File: "c.txt", GDP: &GoldTarget{Value: f(5), Comparator: "at_least"}},
		{File: "d.txt"},
		{File: "e.txt", GDP: &GoldTarget{Value: f(5), ValueMax: f(5.5), Comparator: "range"}},
	}
	reports := []schemas.Report{
		{Keys: schemas.Keys{ReportID: "A"}, Source: "dir/a.txt"},
		{Keys: schemas.Keys{ReportID: "B"}, Source: "b.txt"},
		{Keys: schemas.Keys{ReportID: "C"}, Source: "c.txt"},
		{Keys: schemas.Keys{ReportID: "D"}, Source: "d.txt"},
		{Keys: schemas.Keys{ReportID: "E"}, Source: "e.txt"},
	}
	goal := func(id string, v, max *float64, cmp string, stretch bool) schemas.Goal {
		return schemas.Goal{Keys: schemas.Keys{ReportID: id}, Indicator: "gdp_growth", Value: v, ValueMax: max, Comparator: cmp, Stretch: stretch}
	}
	s := ScoreGDP(key, reports, []schemas.Goal{
		goal("A", f(6), nil, "about", false),
		{Keys: schemas.Keys{ReportID: "A"}, Indicator: "cpi", Value: f(3), Comparator: "about"},
		goal("B", f(8), nil, "exact", false), goal("B", f(9), nil, "exact", true),
		goal("C", f(5), nil, "at_least", false), goal("C", f(2.5), nil, "about", false), // a share read as GDP growth
		goal("E", f(5), f(6), "range", false),
	})
	assert.Equal(t, 5, s.Reports)
	assert.Equal(t, 3, s.Right, "%q", s.Problems)
	require.Len(t, s.Problems, 2)
	assert.Contains(t, s.Problems[0], "c.txt")
	assert.Contains(t, s.Problems[1], "e.txt")
	assert.Contains(t, s.Problems[1], "want 5 range–5.5")
}
