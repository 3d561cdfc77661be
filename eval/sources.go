package eval

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/govreports/govreports/schemas"
)

// GoldSource is a row of a SOURCES.tsv key: a file and the report it holds.
type GoldSource struct {
	File       string
	Year       int
	RegionCode string
	Level      string
}

// LoadSources reads a SOURCES.tsv key: tab-separated with a header naming at
// least the columns file, year and region_code (level is read when present;
// the key's "province" is the schema's "provincial").
func LoadSources(path string) ([]GoldSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load sources key: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("load sources key %s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("load sources key %s: empty", path)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[strings.TrimSpace(name)] = i
	}
	for _, need := range []string{"file", "year", "region_code"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("load sources key %s: no %q column in the header", path, need)
		}
	}
	field := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	var out []GoldSource
	for n, row := range rows[1:] {
		year, err := strconv.Atoi(field(row, "year"))
		if err != nil {
			return nil, fmt.Errorf("load sources key %s line %d: year: %w", path, n+2, err)
		}
		level := field(row, "level")
		if level == "province" {
			level = "provincial"
		}
		out = append(out, GoldSource{File: field(row, "file"), Year: year, RegionCode: field(row, "region_code"), Level: level})
	}
	return out, nil
}

// SourcesScore is the result of CheckSources: how many files of the key gave
// exactly one report, and of those how many have the key's year, region code
// and level.
type SourcesScore struct {
	Files, Read, Year, Region, Level int
	Problems                         []string // one line per file that is not right in every way
}

// CheckSources matches each file of the key with the reports whose source
// names it (a source ends with the key's path, a table row's #row=N aside)
// and compares their metadata.
func CheckSources(key []GoldSource, reports []schemas.Report) SourcesScore {
	var s SourcesScore
	for _, k := range key {
		s.Files++
		var got []schemas.Report
		for _, r := range reports {
			src, _, _ := strings.Cut(r.Source, "#")
			if src == k.File || strings.HasSuffix(src, "/"+k.File) {
				got = append(got, r)
			}
		}
		if len(got) != 1 {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: %d reports, want 1", k.File, len(got)))
			continue
		}
		r := got[0]
		s.Read++
		var wrong []string
		if int(r.Year) == k.Year {
			s.Year++
		} else {
			wrong = append(wrong, fmt.Sprintf("year %d, want %d (from %s)", r.Year, k.Year, r.YearSource))
		}
		if r.RegionCode == k.RegionCode {
			s.Region++
		} else {
			wrong = append(wrong, fmt.Sprintf("region %s %s, want %s (from %s)", r.RegionCode, r.RegionName, k.RegionCode, r.RegionSource))
		}
		if k.Level == "" || r.Level == k.Level {
			s.Level++
		} else {
			wrong = append(wrong, fmt.Sprintf("level %s, want %s", r.Level, k.Level))
		}
		if len(wrong) > 0 {
			s.Problems = append(s.Problems, k.File+": "+strings.Join(wrong, "; "))
		}
	}
	slices.Sort(s.Problems)
	return s
}

// Write prints the score and the problems, a line each.
func (s SourcesScore) Write(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "files %d, one report each %d, year right %d, region right %d, level right %d\n",
		s.Files, s.Read, s.Year, s.Region, s.Level); err != nil {
		return err
	}
	for _, p := range s.Problems {
		if _, err := fmt.Fprintln(w, "wrong\t"+p); err != nil {
			return err
		}
	}
	return nil
}
