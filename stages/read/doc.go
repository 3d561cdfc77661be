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
// (2.北京市政府工作报告).
//
// Each report's metadata is read (meta.go) from wherever the report states it, strongest first: the dateline
// (——２００９年３月５日…, 二〇二六年一月二十日…), the title (2025年重庆市政府工作报告,
// 政 府 工 作 报 告), the meeting (在海拉尔区第十四届人民代表大会…, 全国人民代表大会 →
// the nation), the speaker line (海拉尔区人民政府区长 …, 国务院总理 …), the opening
// address (我代表国务院), the review and plan headings (2024年工作回顾 → 2025), a
// table row's columns (Hints), the file name (2026_广东省_….csv,
// 2026-guangdong-province.txt) and last the user's --region/--year. A bare
// 政府工作报告 is no evidence of the national report. Where each value came
// from is kept (YearSource, RegionSource); values from the file name, repairs
// and disagreements with the flags are logged and kept in Warnings; a report
// whose year or region nothing states is refused with what was tried. The
// text is otherwise kept as written, with its source line numbers.
package read
