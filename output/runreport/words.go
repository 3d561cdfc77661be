package runreport

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/indicator"
	"github.com/govreports/govreports/stages/lexicon"
)

// This file writes the page's words: codes as plain words, targets with
// their signs and units, counts for one and for many.

//go:embed labels.tsv
var labelsTSV string

// labels maps "table.column" and a code to the page's words for it.
var labels = map[string]map[string]string{}

func init() {
	rows, err := lexicon.Parse("labels.tsv", labelsTSV, 3)
	if err != nil {
		panic(fmt.Sprintf("runreport: embedded labels: %v", err)) // build-time data: a defect, not input
	}
	for _, r := range rows {
		col, code, words := r.Fields[0], r.Fields[1], r.Fields[2]
		if labels[col] == nil {
			labels[col] = map[string]string{}
		}
		labels[col][code] = words
	}
}

// Label is a code with the page's words for it.
type Label struct {
	Code  string
	Words string
}

// columnLabels are the codes of a column, from the schema's own list (so a
// new code shows up by itself), with their words; a code labels.tsv does not
// name yet keeps its code with spaces for underscores.
func columnLabels(t *schemas.Table, col string) []Label {
	var out []Label
	for _, code := range docList(t, col) {
		words, ok := labels[t.Name+"."+col][code]
		if !ok {
			words = strings.ReplaceAll(code, "_", " ")
		}
		out = append(out, Label{Code: code, Words: words})
	}
	return out
}

// docList reads the "a | b | c" list of a column's description.
func docList(t *schemas.Table, col string) []string {
	for _, c := range t.Columns {
		if c.Name == col {
			var out []string
			for _, v := range strings.Split(c.Doc, "|") {
				out = append(out, strings.TrimSpace(v))
			}
			return out
		}
	}
	return nil
}

// Counts of any integer type, as the page's data holds them.
type integer interface {
	~int | ~int16 | ~int32 | ~int64
}

// count writes n and its noun, for one or for many: 1 report, 3,200
// reports. The nouns of the page all take an s.
func count[N integer](n N, noun string) string { return thousands(n) + " " + nounFor(n, noun) }

// nounFor is noun for one and noun+s for any other count.
func nounFor[N integer](n N, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// share writes part of whole as a whole percentage: 12%.
func share(part, whole int) string {
	if whole == 0 {
		return ""
	}
	return strconv.Itoa(int(math.Round(100*float64(part)/float64(whole)))) + "%"
}

// thousands writes n with comma thousands separators: 74,411.
func thousands[N integer](n N) string {
	s := strconv.FormatInt(int64(n), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// marks write a comparator before a number.
var marks = map[schemas.Comparator]string{schemas.About: "≈ ", schemas.AtLeast: "≥ ", schemas.AtMost: "≤ "}

// wordTargets are the targets without a number, in words: the long form for
// tables, the short one for a chart's cell.
var wordTargets = map[schemas.Comparator][2]string{
	schemas.InSync:      {"in step with GDP", "in step"},
	schemas.AboveGDP:    {"above GDP growth", "above GDP"},
	schemas.Positive:    {"positive", "positive"},
	schemas.Qualitative: {"in words", "in words"},
}

// references name the region a relative target is set against; other
// references are the report's own words (全市) and are shown as they are.
var references = map[string][2]string{
	"nation":     {"the nation", "nation"},
	"province":   {"the province", "prov."},
	"prefecture": {"the prefecture", "pref."},
}

// isReduction tells the indicators whose value is a decrease (energy
// intensity reduction: 3 means down 3%), by the lexicon's English label.
func isReduction(code string) bool {
	ind, ok := indicator.ByCode(code)
	return ok && strings.HasSuffix(ind.EN, " reduction")
}

// goalText is a goal as a table cell writes it: ≈ 5%, 4.5–5%, ≥ 1200万人,
// down ≥ 3% (a reduction), 1 pp above the province (a relative target,
// with the value it resolves to when the dataset holds the reference), in
// step with GDP.
func goalText(g schemas.Goal) string {
	c := schemas.Comparator(g.Comparator)
	if c == schemas.Relative {
		rel := relativeText(g)
		if g.ResolvedValue != nil {
			return resolvedAmount(g) + " (" + rel + ")"
		}
		return rel
	}
	if g.Value == nil {
		if w, ok := wordTargets[c]; ok {
			return w[0]
		}
		return string(c)
	}
	s := marks[c] + amount(g)
	if isReduction(g.Indicator) {
		s = "down " + s
	}
	return s
}

// amount is a goal's number (or range) with its magnitude and unit: 5%,
// 4.5–5%, 1200万人, 1 pp.
func amount(g schemas.Goal) string {
	v := number(*g.Value)
	if g.ValueMax != nil {
		v += "–" + number(*g.ValueMax)
	}
	unit := ""
	if g.Unit != nil {
		unit = *g.Unit
	}
	switch unit {
	case "%":
		return v + "%"
	case "pp", "个百分点":
		return v + " pp"
	}
	if g.Multiplier != nil {
		v += magnitude(*g.Multiplier)
	}
	return v + unit
}

// resolvedAmount is the value a relative target resolves to: a margin in
// points (or none) over a growth rate is a rate.
func resolvedAmount(g schemas.Goal) string {
	if g.Unit == nil || *g.Unit == "pp" || *g.Unit == "个百分点" {
		return number(*g.ResolvedValue) + "%"
	}
	return number(*g.ResolvedValue) + *g.Unit
}

// relativeText is a relative target in words: about 1 pp above the
// province; above 全市 when the reference is only the report's words.
// 左右 and 以上 stay in the goal's note (GUIDE_goals.md).
func relativeText(g schemas.Goal) string {
	ref := referenceName(g, 0)
	if g.Value == nil {
		return "above " + ref
	}
	s := amount(g) + " above " + ref
	if g.Note != nil {
		switch {
		case strings.Contains(*g.Note, "左右"):
			s = "about " + s
		case strings.Contains(*g.Note, "以上"):
			s = "at least " + s
		}
	}
	return s
}

// relativeShort is a relative target for a chart's cell: prov. + 1 pp.
func relativeShort(g schemas.Goal) string {
	ref := referenceName(g, 1)
	if g.Value == nil {
		return "above " + ref
	}
	return ref + " + " + amount(g)
}

// referenceName names the region a relative target is set against, in the
// long (0) or short (1) form of references.
func referenceName(g schemas.Goal, form int) string {
	if g.Reference == nil {
		return [2]string{"another region", "other"}[form]
	}
	if r, ok := references[*g.Reference]; ok {
		return r[form]
	}
	return *g.Reference
}

// magnitude writes a multiplier back as the magnitude word reports use.
func magnitude(m float64) string {
	switch m {
	case 1e4:
		return "万"
	case 1e8:
		return "亿"
	case 1e12:
		return "万亿"
	case 1e3:
		return "千"
	}
	return ""
}

func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// indicatorLabel is an indicator's English label, for the attainment table.
func indicatorLabel(code string) string {
	if code == indicator.Other {
		return "other indicators"
	}
	if ind, ok := indicator.ByCode(code); ok {
		return ind.EN
	}
	return code
}
