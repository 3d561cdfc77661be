package meta

// Source is where a report's year or region was read. Its values are the
// strings of the reports table's year_source and region_source columns.
type Source string

// The sources of evidence, strongest first (see strength): what the text
// says outranks a table row's columns, which outrank the file name; the
// user's flags are the fallback for what nothing else says.
const (
	FromDateline Source = "dateline" // ——2024年1月21日在…会议上
	FromTitle    Source = "title"    // 2025年重庆市政府工作报告
	FromMeeting  Source = "meeting"  // 在海拉尔区第十四届人民代表大会…
	FromSpeaker  Source = "speaker"  // 海拉尔区人民政府区长 …
	FromText     Source = "text"     // the opening address: 我代表国务院
	FromHeading  Source = "heading"  // 2024年工作回顾 → 2025
	FromRow      Source = "row"      // a table row's title, year and region columns
	FromFileName Source = "file_name"
	FromFlag     Source = "flag" // --region, --year
)

// strength ranks the sources: a clue of a lower rank outranks one of a
// higher rank, and clues of one source keep the order they were read in.
// A new kind of evidence (a folder name, a scraper's 标题： header, the
// level words of the body) is a constant above and a place in this list;
// whether it is warned about when it disagrees or is used is said by
// beside below.
var strength = func() map[Source]int {
	m := map[Source]int{}
	for i, s := range []Source{FromDateline, FromTitle, FromMeeting, FromSpeaker, FromText, FromHeading, FromRow, FromFileName, FromFlag} {
		m[s] = i
	}
	return m
}()

// beside tells the sources that stand beside the text rather than in it:
// a value taken from one, or one that disagrees with the text, is worth a
// warning.
func (s Source) beside() bool { return s == FromRow || s == FromFileName || s == FromFlag }

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
	case FromRow:
		return "table row"
	case FromText:
		return "opening address"
	}
	return string(c.source)
}
