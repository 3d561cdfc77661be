package attainment_test

import (
	"fmt"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/attainment"
	"github.com/govreports/govreports/stages/split"
)

func ExampleBuild() {
	y24 := schemas.Keys{ReportID: "2024-990000", Year: 2024, RegionCode: "990000", Region: "东川"}
	y25 := schemas.Keys{ReportID: "2025-990000", Year: 2025, RegionCode: "990000", Region: "东川"}
	value, unit := 6.0, "%"
	goal := schemas.Goal{Keys: y24, Indicator: "gdp_growth", Subject: "地区生产总值", Value: &value, Unit: &unit,
		Comparator: "about", Span: "地区生产总值增长6%左右"}
	// The 2025 report's review section, as the sentences and figures stages give it.
	sentence := schemas.Sentence{Keys: y25, SentenceRef: schemas.SentenceRef{SentenceID: 7, Line: 12},
		Section: string(split.Review), Text: "全年地区生产总值增长5.7%。"}
	subject, indicator := "地区生产总值", "gdp_growth"
	figure := schemas.Figure{Keys: y25, SentenceRef: sentence.SentenceRef, Section: string(split.Review), Period: "2024",
		Mention: "5.7%", Value: 5.7, Multiplier: 1, Unit: &unit, BaseValue: 5.7, BaseUnit: "percent",
		Kind: "growth", Comparator: "exact", Subject: &subject, Indicator: &indicator, SpanStart: 10, SpanEnd: 14}

	review := attainment.ReviewOf(y25, []schemas.Sentence{sentence}, []schemas.Figure{figure})
	rows := attainment.Build([]schemas.Goal{goal}, &review)
	r := rows[0]
	fmt.Println(r.GoalSpan, "→", *r.ActualSpan, *r.ActualValue, *r.Met, *r.Gap)
	// Output:
	// 地区生产总值增长6%左右 → 全年地区生产总值增长5.7% 5.7 true -0.3
}
