package meta

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A year in a file name, between non-digits: 2026_广东省…, 2026-guangdong, reportData/2013.
var fileYear = regexp.MustCompile(`(?:^|\D)(\d{4})(?:\D|$)`)

// fileNameClues reads a file name: 2026_广东省_政府工作报告.csv, 2026-guangdong-province.txt,
// 2025年中华人民共和国国务院政府工作报告.txt, 110000.txt, reportData/2013.txt.
func fileNameClues(path string) (years, regions []clue) {
	base := filepath.Base(strings.TrimSuffix(path, ".gz"))
	if i := strings.Index(base, "#"); i >= 0 { // a table row: file.csv#row=3
		base = base[:i]
	}
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if m := fileYear.FindStringSubmatch(Compact(base)); m != nil {
		if y, ok := parseYear(m[1]); ok {
			years = append(years, clue{source: FromFileName, year: y})
		}
	}
	parts := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' })
	for i, p := range parts {
		if _, rest := splitTitle(p); rest != "" && !isASCII(rest) {
			regions = append(regions, clue{source: FromFileName, name: rest})
			continue
		}
		if isASCII(p) && p != "" && (p[0] < '0' || p[0] > '9') {
			if i+1 < len(parts) && isASCII(parts[i+1]) {
				regions = append(regions, clue{source: FromFileName, name: p + " " + parts[i+1]}) // inner-mongolia
			}
			regions = append(regions, clue{source: FromFileName, name: p})
		} else if len(p) == 6 {
			regions = append(regions, clue{source: FromFileName, name: p}) // a code
		}
	}
	return years, regions
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
