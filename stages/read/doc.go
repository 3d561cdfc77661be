// Package read is the first stage of a run: it turns inputs (files,
// directories, gzip files, stdin, the embedded seed corpus) into reports.
//
// Formats are told by content first, then by name: plain text (UTF-8 or
// GB18030, with or without BOM, CRLF), HTML pages and fragments (also saved
// as .txt), Word .docx files (paragraphs in order), and tables of reports,
// one report per row: CSV/TSV with a header, JSON Lines and Parquet, whose
// text column is found by its name (columns.txt, or Options.TextColumn) and
// whose title, year and region columns become the report's Hints. A row's
// source is named file.csv#row=N, rows counting from 1 after the header;
// its line numbers count within the row's text. Hostile inputs (zip bombs,
// oversized or deeply nested XML, unbalanced quotes, huge fields) end in an
// error naming the input within fixed memory bounds.
//
// It applies text hygiene (BOM, zero-width and other invisible characters
// dropped, no-break spaces made spaces, trailing spaces trimmed), leaves out
// page chrome (下载 打印 全屏, 来源：…, everything from 相关报道 or 责任编辑;
// chrome.txt), splits files that hold several reports at their title lines
// (2.北京市政府工作报告), and reads each report's metadata: region, year,
// meeting, dateline and speaker. The text is otherwise kept as written, with
// its source line numbers.
package read
