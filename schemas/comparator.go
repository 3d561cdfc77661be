package schemas

import "slices"

// Comparator is how a goal or a figure bounds its value: the values of
// goals.comparator, figures.comparator (the first four) and the comparator
// columns of attainment. The columns stay strings; the stages that set and
// read them use these constants.
type Comparator string

// The comparators, in the order of the goals.comparator description.
const (
	About       Comparator = "about"       // 5%左右
	AtLeast     Comparator = "at_least"    // 5%以上, 超过1200万人
	AtMost      Comparator = "at_most"     // 3%以内, 不超过
	Exact       Comparator = "exact"       // a number without a comparator word
	Range       Comparator = "range"       // 5%—5.5%: value to value_max
	InSync      Comparator = "in_sync"     // 与经济增长同步
	AboveGDP    Comparator = "above_gdp"   // 快于经济增长
	Positive    Comparator = "positive"    // 正增长
	Relative    Comparator = "relative"    // 高于全省1个百分点: against another region's figure
	Qualitative Comparator = "qualitative" // a target, or an outcome, stated in words
)

// comparators lists every comparator, for Known.
var comparators = []Comparator{About, AtLeast, AtMost, Exact, Range, InSync, AboveGDP, Positive, Relative, Qualitative}

// Known reports whether c is one of the comparators: the loaders of the
// lexicons that name comparators (quantity's comparators.tsv, the goals
// grammar) refuse any other.
func (c Comparator) Known() bool { return slices.Contains(comparators, c) }
