package meta

import (
	"path"
	"strings"
	"unicode/utf8"
)

// fileNameClues reads a file name: 2026_广东省_政府工作报告.csv, 2026-guangdong-province.txt,
// 2025年中华人民共和国国务院政府工作报告.txt, 110000.txt, reportData/2013.txt. A name
// with two years (reports_2014_2015.csv, 2014_二O一三年政府工作报告.txt) says
// neither.
func fileNameClues(source string) (years, regions []clue) {
	base := baseName(source)
	base = strings.TrimSuffix(base, path.Ext(base))
	if y, ok := oneYear(base); ok {
		years = append(years, clue{source: FromFileName, year: y})
	}
	return years, nameClues(base, FromFileName, "")
}

// baseName is a source's file name: reports/hlr.txt.gz → hlr.txt, file.csv#row=3 → file.csv.
func baseName(source string) string {
	if i := strings.Index(source, "#"); i >= 0 { // a table row: file.csv#row=3
		source = source[:i]
	}
	return path.Base(strings.TrimSuffix(filepathSlash(source), ".gz"))
}

// filepathSlash makes a source's separators forward slashes (sources are
// named with them; a path given as is may have backslashes).
func filepathSlash(s string) string { return strings.ReplaceAll(s, `\`, "/") }

// oneYear reads the year a name states — its runs of four digits between
// non-digits (2026_广东省, reportData/2013) and its years in Chinese numerals
// (二O一三年) — when they are one year; none when they are several.
func oneYear(name string) (int, bool) {
	c := Compact(name)
	ys := digitYears(c)
	for _, m := range innerYear.FindAllStringSubmatch(c, -1) {
		if y, ok := parseYear(m[1]); ok {
			ys = append(ys, y)
		}
	}
	if len(ys) == 0 {
		return 0, false
	}
	for _, y := range ys[1:] {
		if y != ys[0] {
			return 0, false
		}
	}
	return ys[0], true
}

// digitYears reads every run of exactly four ASCII digits that is a year.
func digitYears(s string) []int {
	var ys []int
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if y, ok := parseYear(s[i:j]); ok && j-i == 4 {
			ys = append(ys, y)
		}
		i = j
	}
	return ys
}

// nameClues reads the region a file or folder name may name: its parts
// between - _ . and spaces, Chinese (广东省, 2026年广东省政府工作报告), pinyin or
// English (guangdong, inner-mongolia), or a six-digit code.
func nameClues(name string, src Source, where string) []clue {
	var regions []clue
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' })
	for i, p := range parts {
		if _, rest := splitTitle(p); rest != "" && !isASCII(rest) {
			regions = append(regions, clue{source: src, name: rest, where: where})
			continue
		}
		if isASCII(p) && p != "" && (p[0] < '0' || p[0] > '9') {
			if i+1 < len(parts) && isASCII(parts[i+1]) {
				regions = append(regions, clue{source: src, name: p + " " + parts[i+1], where: where}) // inner-mongolia
			}
			regions = append(regions, clue{source: src, name: p, where: where})
		} else if len(p) == 6 {
			regions = append(regions, clue{source: src, name: p, where: where}) // a code
		}
	}
	return regions
}

// folderClues reads the folders a file sits in, the nearest first: a folder
// named after a region (政府工作报告/上海市/2009.txt, zhumadian-report/data/…),
// or a year (2013/哈尔滨.docx). A Latin word of a folder is read as a place's
// pinyin only when it is one word of four letters or more that names no
// more than the nation (data, files, china are no place).
func folderClues(source string) (years, regions []clue) {
	if i := strings.Index(source, "#"); i >= 0 {
		source = source[:i]
	}
	dir := path.Dir(filepathSlash(source))
	for dir != "." && dir != "/" && dir != "" {
		folder := path.Base(dir)
		dir = path.Dir(dir)
		if y, rest := splitTitle(folder); y != 0 && rest == "" {
			years = append(years, clue{source: FromFolder, year: y, where: folder})
			continue
		}
		for _, c := range nameClues(folder, FromFolder, folder) {
			if isASCII(c.name) && (strings.Contains(c.name, " ") || len(c.name) < 4) {
				continue
			}
			regions = append(regions, c)
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
