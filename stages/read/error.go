package read

import "fmt"

// Error is a failure to read an input, with its place: the input (a file,
// or a row of a table of reports, file.csv#row=3), the line within it and
// the byte offset where they are known. Every reader returns one for what
// it cannot read, so that the rejection list and the logs take the place
// from the error rather than from its text (errors.As).
type Error struct {
	Input  string
	Line   int   // 1-based line within Input (a Word file's paragraph line); 0 when the failure is on none
	Offset int64 // byte offset within Input's decoded text; -1 when not known
	Err    error
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Offset >= 0:
		return fmt.Sprintf("%s: line %d (byte offset %d): %v", e.Input, e.Line, e.Offset, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s: line %d: %v", e.Input, e.Line, e.Err)
	case e.Offset >= 0:
		return fmt.Sprintf("%s: byte offset %d: %v", e.Input, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Input, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// lineError is an error on a line of input, at no known offset.
func lineError(input string, line int, err error) *Error {
	return &Error{Input: input, Line: line, Offset: -1, Err: err}
}

// errorf is an error of a whole input (line 0, no offset) built like fmt.Errorf.
func errorf(input, format string, args ...any) *Error {
	return lineError(input, 0, fmt.Errorf(format, args...))
}
