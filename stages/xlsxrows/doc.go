// Package xlsxrows reads Excel workbooks (.xlsx) as tables of text: each
// sheet's first non-empty row is its header, every later row one record.
//
// Rows are streamed (excelize.Rows), so a large sheet is read in bounded
// memory; cells come as Excel shows them (number formats applied), line
// breaks as stored (LF, or CR LF); the reader of tables of reports makes
// them, and those written out as characters, line breaks. Workbooks past
// the size bounds (MaxBytes as stored, an archive that unpacks past 1 GiB: a
// zip bomb), rows past 16 MB, password-protected workbooks and the old binary
// .xls format are refused with an error naming the file (and the sheet and
// row).
package xlsxrows
