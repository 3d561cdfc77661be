package read

import (
	"fmt"
	"strconv"
	"strings"
)

// rowMark joins a table input's name and a row's number in the row's
// source: file.csv#row=3.
const rowMark = "#row="

// RowSource is the source of row n (from 1, after the header) of the table input named input.
func RowSource(input string, n int) string { return fmt.Sprintf("%s%s%d", input, rowMark, n) }

// InputOf is the name of the input a report's source belongs to: the table
// file of a row (file.csv for file.csv#row=3), the source itself otherwise.
func InputOf(source string) string {
	i := strings.LastIndex(source, rowMark)
	if i < 0 {
		return source
	}
	if _, err := strconv.Atoi(source[i+len(rowMark):]); err != nil {
		return source // a file whose own name holds the mark
	}
	return source[:i]
}
