package read

import (
	"fmt"
	"strconv"
	"strings"
)

const (
	// rowMark joins a table input's name and a row's number in the row's
	// source: file.csv#row=3.
	rowMark = "#row="
	// sheetMark and sheetRowMark name a workbook's row by its sheet and its
	// number: file.xlsx#sheet=Sheet1&row=3.
	sheetMark    = "#sheet="
	sheetRowMark = "&row="
)

// RowSource is the source of row n (from 1, after the header) of the table input named input.
func RowSource(input string, n int) string { return fmt.Sprintf("%s%s%d", input, rowMark, n) }

// SheetRowSource is the source of a workbook's row: its sheet and its row
// number as Excel shows it (the header is usually row 1).
func SheetRowSource(input, sheet string, row int) string {
	return fmt.Sprintf("%s%s%s%s%d", input, sheetMark, sheet, sheetRowMark, row)
}

// InputOf is the name of the input a report's source belongs to: the table
// file of a row (file.csv for file.csv#row=3, file.xlsx for
// file.xlsx#sheet=Sheet1&row=3), the source itself otherwise.
func InputOf(source string) string {
	if input, ok := cutRow(source, sheetRowMark); ok {
		if i := strings.Index(input, sheetMark); i >= 0 {
			return input[:i]
		}
	}
	if input, ok := cutRow(source, rowMark); ok {
		return input
	}
	return source
}

// cutRow cuts a row number marked by mark off the end of source.
func cutRow(source, mark string) (string, bool) {
	i := strings.LastIndex(source, mark)
	if i < 0 {
		return source, false
	}
	if _, err := strconv.Atoi(source[i+len(mark):]); err != nil {
		return source, false // a file whose own name holds the mark
	}
	return source[:i], true
}
