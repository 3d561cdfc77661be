// Package read is the first stage of a run: it turns inputs (files,
// directories, gzip files, stdin, the embedded seed corpus) into reports.
//
// It applies text hygiene (UTF-8 BOM stripped, CRLF → LF, trailing spaces
// trimmed, GB18030/GBK transcoded), splits files that hold several reports at
// their title lines (2.北京市政府工作报告), and reads each report's metadata:
// region, year, meeting, dateline and speaker. The text is otherwise kept as
// written, with its source line numbers.
package read
