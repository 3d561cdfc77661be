package meta

// Source is where a report's year or region was read. Its values are the
// strings of the reports table's year_source and region_source columns.
type Source string

// The sources of evidence, strongest first (see strength): what the text
// says outright outranks what it implies, which outranks what stands beside
// it (a scraper's header lines, a table row's columns, the file name, the
// folders); the user's flags are the fallback for what nothing else says,
// and the divisions the body names the last resort.
const (
	FromDateline Source = "dateline" // ——2024年1月21日在…会议上
	FromTitle    Source = "title"    // 2025年重庆市政府工作报告
	FromMeeting  Source = "meeting"  // 在海拉尔区第十四届人民代表大会…
	FromSpeaker  Source = "speaker"  // 海拉尔区人民政府区长 …
	FromText     Source = "text"     // the opening address: 我代表国务院
	FromHeading  Source = "heading"  // 2024年工作回顾 → 2025, wherever it stands
	FromOpenings Source = "openings" // how the review and the plan open: 2023年，在…领导下 → 2024; 2024年是…之年
	FromHeader   Source = "header"   // a scraper's header lines: 标题：…, 年份：2014, 发布时间：…, 发文单位：…
	FromRow      Source = "row"      // a table row's title, year and region columns
	FromFileName Source = "file_name"
	FromFolder   Source = "folder" // the folders the file sits in: zhumadian-report/, 政府工作报告/上海市/
	FromFlag     Source = "flag"   // --region, --year
	FromBody     Source = "body"   // the divisions the body names with their kind (某市 and its counties)
)

// strength ranks the sources: a clue of a lower rank outranks one of a
// higher rank, and clues of one source keep the order they were read in.
var strength = func() map[Source]int {
	m := map[Source]int{}
	for i, s := range []Source{FromDateline, FromTitle, FromMeeting, FromSpeaker, FromText, FromHeading, FromOpenings,
		FromHeader, FromRow, FromFileName, FromFolder, FromFlag, FromBody} {
		m[s] = i
	}
	return m
}()

// beside tells the sources that stand beside the text, or read it from
// afar, rather than state it: a value taken from one, or one that disagrees
// with the text, is worth a warning; and a name from one is read as the
// kind of government the text speaks for (市, 县, 州 …) says.
func (s Source) beside() bool {
	switch s {
	case FromHeader, FromRow, FromFileName, FromFolder, FromFlag, FromBody:
		return true
	}
	return false
}

// describe names a clue's source in messages.
func (c clue) describe() string {
	switch c.source {
	case FromFlag:
		if c.year != 0 {
			return "--year flag"
		}
		return "--region flag"
	case FromFileName:
		return "file name"
	case FromFolder:
		return "folder " + c.where
	case FromHeader:
		return "header " + c.where
	case FromRow:
		return "table row"
	case FromText:
		return "opening address"
	case FromHeading:
		return "heading"
	case FromOpenings:
		return "opening of the " + c.where
	case FromBody:
		return "divisions the text names"
	}
	return string(c.source)
}
