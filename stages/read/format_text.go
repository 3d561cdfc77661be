package read

import "context"

// textFormat is plain text, UTF-8 or GB18030/GBK (see decode.go): what an
// input is when no other format matched. Its name only says that a file is
// text: a .txt may still hold a page or a table, told by its content.
var textFormat = format{
	name: "text",
	exts: []string{".txt"},
	open: func(_ context.Context, in *opened) (docReader, error) {
		lr, err := newLineReader(in.name, in.r)
		if err != nil {
			return nil, err
		}
		return &wholeFile{doc: document{name: in.name, lines: lr.next}}, nil
	},
}
