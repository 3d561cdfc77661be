// Package read is the first stage of a run: it turns inputs (files,
// directories, gzip files, stdin, the embedded seed corpus) into reports.
//
// Each format has a reader behind one interface (docReader, format.go): a
// reader yields documents — a whole file, or a row of a table of reports —
// and the splitter (collect.go) turns a document's lines into reports. The
// formats are told by content first, then by name (detect): plain text
// (UTF-8 or GB18030, with or without BOM, CRLF; format_text.go, decode.go),
// HTML pages and fragments, also saved as .txt (format_html.go), Word .docx
// files, paragraphs in order (format_docx.go), PDFs with a text layer, their
// printed lines without the page layout and marked where a paragraph runs on
// (format_pdf.go, package pdftext: the PDF engine starts at the first PDF),
// and tables of reports, one report per row: CSV/TSV with a header and JSON
// Lines (format_table.go), Parquet (format_parquet.go) and Excel workbooks,
// every sheet with a text column (format_xlsx.go, package xlsxrows), whose
// text column is found by its name (columns.txt, or Options.TextColumn) and
// whose title, year and region columns (a code, or the names of province,
// city and county) become the report's Hints. A row's source is named
// file.csv#row=N, rows counting from 1 after the header, or
// file.xlsx#sheet=S&row=N, N the row as Excel numbers it; its line numbers
// count within the row's text, whose line breaks may be stored or written
// out as \r\n or \n. A row whose text is empty is left out with a warning
// and counted (Input.RowsWithoutText). Hostile inputs (zip bombs, oversized
// or deeply nested XML, unbalanced quotes, huge fields, damaged PDFs) end in
// an error naming the input within fixed memory bounds. What cannot be read is an *Error with the input, the
// line and, where known, the byte offset.
//
// It applies text hygiene (BOM, zero-width and other invisible characters
// dropped, no-break spaces made spaces, trailing spaces trimmed), leaves out
// page chrome (下载 打印 全屏, 来源：…, a page's publication stamp, everything
// from 相关报道 or 责任编辑; chrome.txt), and splits files that hold several
// reports at their title lines: numbered (2.北京市政府工作报告), or bare and
// followed by their own dateline or opening. A second copy of a report in
// one input is left out with a warning; a report of more text than any
// report has (Options.MaxReportBytes) is refused; an input without a report
// is an error.
//
// Each report's metadata is read by package meta from what the report
// states (dateline, title, meeting, speaker, opening, headings), a table
// row's columns, the file name and the user's --region/--year, strongest
// first; the title is settled around it in visible steps (Report.finish).
// The text is otherwise kept as written, with its source line numbers.
package read
