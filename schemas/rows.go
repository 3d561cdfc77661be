package schemas

// Version is the schema version written into every file and the manifest.
// Bump it when a column is added, removed or changes meaning.
const Version = "1.3.0"

// Keys are the common keys on every per-report table.
type Keys struct {
	ReportID   string `col:"report_id" doc:"report key: {year}-{region_code}, e.g. 2024-110000"`
	Year       int16  `col:"year" doc:"year of the report; the Hive partition key of partitioned tables (folder year=YYYY, not stored inside their files)"`
	RegionCode string `col:"region_code" doc:"GB/T 2260 six-digit region code; 000000 for the national report"`
	Region     string `col:"region" doc:"short region name (全国, 北京, 内蒙古 …)"`
}

// SentenceRef locates a row in its report and source file.
type SentenceRef struct {
	SentenceID int32 `col:"sentence_id" doc:"0-based order of the sentence within its report"`
	Line       int32 `col:"line" doc:"1-based line of the source file where the sentence stands"`
}

// Report is one row of the reports table.
type Report struct {
	Keys
	RegionName string `col:"region_name" doc:"full region name (北京市, 内蒙古自治区; 全国 for the national report)"`
	RegionEN   string `col:"region_en" doc:"English region name (Beijing, Inner Mongolia, China)"`
	Level      string `col:"level" doc:"national | provincial | prefecture | county"`
	// The divisions above the report's region, for joins and roll-ups.
	ProvinceCode   *string `col:"province_code" doc:"GB/T 2260 code of the province the region belongs to; null for the nation and for a province itself"`
	PrefectureCode *string `col:"prefecture_code" doc:"GB/T 2260 code of the prefecture-level division a county belongs to; null above county level and for counties directly under a province"`
	// region_code is the division of the report's year; this one follows it to today.
	RegionCodeCurrent *string `col:"region_code_current" doc:"GB/T 2260 code of the division that holds the report's region today: region_code while it is in force, its successor (regions.successor_code) where the region was abolished or renumbered since; null where the register does not know"`
	Title             string  `col:"title" doc:"title line of the report, without its running number"`
	Meeting           *string `col:"meeting" doc:"the session the report was given at (…人民代表大会第…次会议), null when the text does not say"`
	MeetingDate       *Date   `col:"meeting_date" doc:"date of the dateline, null when the text does not say"`
	SpeakerRole       *string `col:"speaker_role" doc:"office of the speaker (市长, 省长, 自治区主席, 国务院总理 …)"`
	Speaker           *string `col:"speaker" doc:"name of the speaker as written"`
	Source            string  `col:"source" doc:"path or URI of the input the report came from"`
	SourceLine        int32   `col:"source_line" doc:"1-based line of the source where the report's title stands"`
	// Where the year and the region were read from, so that a user can tell a
	// stated fact from an inference (the file name is the weakest source).
	YearSource   string  `col:"year_source" doc:"where the year was read, strongest first: dateline | title | heading (a dated review or plan heading, 2023年工作回顾 → 2024) | openings (how the review and plan open: 2023年，在…领导下 → 2024; 2024年是…之年) | header (a scraper's header line: 标题：, 年份：, 发布时间：) | row (a column of a table input) | file_name | folder | flag"`
	RegionSource string  `col:"region_source" doc:"where the region was read, strongest first: dateline | title | meeting | speaker | text (我代表国务院 …) | header (发文单位：, 标题：) | row | file_name | folder | flag | body (the division of the report's kind its text names most, with its counties); a bare name beside the text (长沙.docx, a folder zhumadian) is read as a division of the kind the text speaks for (我代表市人民政府, 全市: 长沙市, not 长沙县)"`
	Warnings     *string `col:"warnings" doc:"what the reader repaired or inferred (a repaired dateline, metadata from the file name, a folder, a header or the divisions the text names) and where sources disagreed, one per line; null when nothing"`
	SHA256       string  `col:"sha256" doc:"hex sha256 of the report text (UTF-8, LF line ends)"`
	Chars        int32   `col:"chars" doc:"length of the report text in code points"`
	Paragraphs   int32   `col:"paragraphs" doc:"number of non-empty paragraphs (lines) after the title"`
	Sentences    int32   `col:"sentences" doc:"number of sentences in the sentences table"`
}

// Sentence is one row of the sentences table.
type Sentence struct {
	Keys
	SentenceRef
	Paragraph int32   `col:"paragraph" doc:"0-based paragraph of the report the sentence belongs to"`
	Section   string  `col:"section" doc:"preamble | review | targets | plan | governance | closing"`
	Heading   *string `col:"heading" doc:"innermost heading in force, null before the first heading"`
	Text      string  `col:"text" doc:"the sentence as written, with its final punctuation" text:"free"`
}

// Goal is one row of the goals table: one target of the year's main expected targets.
type Goal struct {
	Keys
	SentenceRef
	Indicator   string   `col:"indicator" doc:"indicator code (govreports schema indicators lists them: gdp_growth, cpi …), or other"`
	IndicatorZH string   `col:"indicator_zh" doc:"Chinese label of the indicator"`
	IndicatorEN string   `col:"indicator_en" doc:"English label of the indicator"`
	Subject     string   `col:"subject" doc:"the indicator's words as written"`
	Value       *float64 `col:"value" doc:"the number as written (1200 in 1200万人); null for non-numeric targets"`
	ValueMax    *float64 `col:"value_max" doc:"upper bound of a written range, else null"`
	Multiplier  *float64 `col:"multiplier" doc:"magnitude word as a number (万 1e4, 亿 1e8, 万亿 1e12; 1 if none)"`
	Unit        *string  `col:"unit" doc:"unit as written without the magnitude (%, 人, 斤, 个百分点 …)"`
	BaseValue   *float64 `col:"base_value" doc:"value in the base unit (1200万人 → 1.2e7)"`
	BaseUnit    *string  `col:"base_unit" doc:"base unit (percent, person, tonne, CNY, pp …)"`
	Comparator  string   `col:"comparator" doc:"about | at_least | at_most | exact | range | in_sync | above_gdp | positive | relative | qualitative"`
	Reference   *string  `col:"reference" doc:"relative targets only: whose figure the target is set against (nation | province | prefecture, or the words when none of these); null for other comparators"`
	// ResolvedValue is left null by the goals stage: it links reports, so it is
	// computed over the whole dataset at commit, as attainment is.
	ResolvedValue *float64 `col:"resolved_value" doc:"relative targets: the reference region's own target of that year plus the margin, when that report is in the dataset, else null"`
	Stretch       bool     `col:"stretch" doc:"true for an extra, higher aim (力争…) beside the main target"`
	Period        string   `col:"period" doc:"the period the target covers: the year, or a span such as 2021-2025"`
	Note          *string  `col:"note" doc:"what the comparison is against, for above_gdp targets and the like"`
	Span          string   `col:"span" doc:"the words of the sentence that state the target" text:"free"`
	SpanStart     int32    `col:"span_start" doc:"code-point offset of span in the sentence text"`
	SpanEnd       int32    `col:"span_end" doc:"code-point offset just past span in the sentence text"`
}

// Figure is one row of the figures table: one quantity mention.
type Figure struct {
	Keys
	SentenceRef
	Section      string   `col:"section" doc:"section of the sentence (see sentences.section)"`
	Period       string   `col:"period" doc:"year the figure refers to: the previous year in the review, the report's year elsewhere"`
	Mention      string   `col:"mention" doc:"the number with its unit as written (126万亿元, 6600多万, 0.4个百分点, 第6位)"`
	Value        float64  `col:"value" doc:"the number as written (126 in 126万亿元)"`
	ValueMax     *float64 `col:"value_max" doc:"upper bound of a written range, else null"`
	Multiplier   float64  `col:"multiplier" doc:"magnitude word as a number (万 1e4, 亿 1e8, 万亿 1e12; 1 if none)"`
	Unit         *string  `col:"unit" doc:"unit or measure word as written, without the magnitude"`
	BaseValue    float64  `col:"base_value" doc:"value × multiplier converted to base_unit"`
	BaseUnit     string   `col:"base_unit" doc:"CNY USD person tonne percent pp times rank km km2 m2 mu hectare kW kWh count day month year hour other"`
	Kind         string   `col:"kind" doc:"level | growth | share | pp_change | count_change | multiple | rank | other"`
	Direction    *string  `col:"direction" doc:"up | down for changes, else null"`
	Comparator   string   `col:"comparator" doc:"exact | about | at_least | at_most"`
	Approx       bool     `col:"approx" doc:"true where 多/余/近/约/左右 make the number approximate"`
	Subject      *string  `col:"subject" doc:"what is measured, as written"`
	Indicator    *string  `col:"indicator" doc:"indicator code where the subject maps to one"`
	CommitmentID *int32   `col:"commitment_id" doc:"commitments.commitment_id when the quantity is a deliverable of a commitment"`
	SpanStart    int32    `col:"span_start" doc:"code-point offset of mention in the sentence text"`
	SpanEnd      int32    `col:"span_end" doc:"code-point offset just past mention in the sentence text"`
}

// Commitment is one row of the commitments table: one concrete action clause.
type Commitment struct {
	Keys
	SentenceRef
	CommitmentID int32   `col:"commitment_id" doc:"0-based number of the commitment within its report"`
	Section      string  `col:"section" doc:"section of the sentence (targets or plan mostly)"`
	Heading      *string `col:"heading" doc:"innermost heading in force"`
	Clause       string  `col:"clause" doc:"the action clause, a substring of the sentence" text:"free"`
	Verb         string  `col:"verb" doc:"the action verb (实施, 新建, 推进 …)"`
	Object       *string `col:"object" doc:"the head noun phrase the verb governs"`
	Topic        string  `col:"topic" doc:"industry | innovation | digital | demand | reform | opening | agriculture | urban | environment | livelihood | culture | security | governance | fiscal | region | other"`
	Quantified   bool    `col:"quantified" doc:"true when a figures row is a deliverable of this clause"`
	Deadline     *string `col:"deadline" doc:"time limit as written (年内, 年底前, 2025年前 …)"`
	SpanStart    int32   `col:"span_start" doc:"code-point offset of clause in the sentence text"`
	SpanEnd      int32   `col:"span_end" doc:"code-point offset just past clause in the sentence text"`
}

// Term is one row of the terms table: a top content word of a report.
type Term struct {
	Keys
	Term  string  `col:"term" doc:"the word"`
	POS   string  `col:"pos" doc:"part-of-speech tag from gse (n, nz, v, vn …)"`
	Count int32   `col:"count" doc:"occurrences in the report"`
	TFIDF float64 `col:"tf_idf" doc:"term frequency × inverse document frequency across the reports of the run"`
	Rank  int16   `col:"rank" doc:"1-based rank by tf_idf within the report"`
}

// Region is one row of the regions dimension table.
type Region struct {
	RegionCode     string  `col:"region_code" doc:"GB/T 2260 six-digit region code; 000000 for the nation"`
	Region         string  `col:"region" doc:"short region name (全国, 北京, 内蒙古; below the provinces the division's own name: 深圳市, 海拉尔区)"`
	RegionName     string  `col:"region_name" doc:"full region name"`
	RegionEN       string  `col:"region_en" doc:"English region name"`
	Level          string  `col:"level" doc:"national | provincial | prefecture | county"`
	MacroRegion    string  `col:"macro_region" doc:"east | central | west | northeast | national (of the province)"`
	ProvinceCode   *string `col:"province_code" doc:"GB/T 2260 code of the province; null for the nation and the provinces"`
	PrefectureCode *string `col:"prefecture_code" doc:"GB/T 2260 code of the prefecture-level division above a county; null otherwise"`
	// One row per code, under its latest name, so that a join on region_code
	// gives one row per report whatever its year; the code's earlier names
	// are in former_names.
	ValidFrom     string  `col:"valid_from" doc:"first GB/T 2260 revision that lists the code under this name (YYYY-MM): 2002-12 is the first revision of the register (listed then and maybe before); 2023-06 is today's data (listed since a revision after 2016-07)"`
	ValidTo       string  `col:"valid_to" doc:"last revision that lists the code under this name (YYYY-MM), or current while today's data lists it"`
	SuccessorCode *string `col:"successor_code" doc:"for a code no longer listed: the division that holds it today, a later division of its province that took its name as is or upgraded (341421 庐江县 → 340124 庐江县, 330185 临安市 → 330112 临安区); null while the code is listed today and where the data names no successor (a merger)"`
	FormerNames   *string `col:"former_names" doc:"the code's earlier names with the revisions that list them, oldest first, separated by ; (襄樊市 2002-12…2010-10 for 420600 襄阳市); null when none"`
}

// AttainmentRow is one row of the attainment table: a goal of year Y and the
// outcome that the region's report of year Y+1 states for year Y in its review.
type AttainmentRow struct {
	Keys
	SentenceRef
	Indicator      string   `col:"indicator" doc:"indicator code of the goal (goals.indicator)"`
	Subject        string   `col:"subject" doc:"the goal's subject as written"`
	Stretch        bool     `col:"stretch" doc:"the goal is a stretch aim (力争…)"`
	GoalValue      *float64 `col:"goal_value" doc:"goals.value"`
	GoalValueMax   *float64 `col:"goal_value_max" doc:"goals.value_max (ranges)"`
	GoalMultiplier *float64 `col:"goal_multiplier" doc:"goals.multiplier"`
	GoalUnit       *string  `col:"goal_unit" doc:"goals.unit"`
	GoalComparator string   `col:"goal_comparator" doc:"goals.comparator"`
	// A relative goal's margin (goal_value) says nothing alone: the outcome is
	// judged against the number it amounts to, when the dataset knows it.
	GoalResolvedValue *float64 `col:"goal_resolved_value" doc:"goals.resolved_value: for a relative goal, the number it amounts to (the reference region's target plus the margin), which met and gap judge against; null otherwise"`
	GoalSpan          string   `col:"goal_span" doc:"goals.span" text:"free"`
	ReviewReportID    string   `col:"review_report_id" doc:"report_id of the region's report of year Y+1, whose review states the outcome"`
	ActualValue       *float64 `col:"actual_value" doc:"the outcome as written in the review, signed in the goal's direction (下降1.2% against a growth goal is −1.2); null when the review states none or states it in words"`
	ActualMultiplier  *float64 `col:"actual_multiplier" doc:"magnitude of actual_value (万 1e4, 亿 1e8 …; 1 if none)"`
	ActualUnit        *string  `col:"actual_unit" doc:"unit of actual_value as written, without the magnitude"`
	ActualComparator  *string  `col:"actual_comparator" doc:"exact | about | at_least | at_most (超过3% is at_least 3) | qualitative (an outcome stated in words)"`
	ActualSpan        *string  `col:"actual_span" doc:"the words of the review that state the outcome" text:"free"`
	ActualSentenceID  *int32   `col:"actual_sentence_id" doc:"sentence_id of actual_span in the review report"`
	ActualLine        *int32   `col:"actual_line" doc:"line of actual_span in the review report's source"`
	Met               *bool    `col:"met" doc:"whether the outcome meets the goal by the rule in the table description (about: within 0.5 points or better in the indicator's good direction; at_least: ≥; at_most and ceilings: ≤ …); null when no number is stated or the goal is qualitative"`
	Gap               *float64 `col:"gap" doc:"actual − goal in the goal's written unit and magnitude (1256万人 against 1200万人: 56), the lower bound of a range, where both are numbers of the same base unit; null otherwise"`
}
