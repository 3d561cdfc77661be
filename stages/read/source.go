package read

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Source is one input: a name for messages and the table's source column,
// and a way to open it.
type Source struct {
	Name string
	Open func() (io.ReadCloser, error)
}

// BytesSource is an in-memory input, such as the embedded corpus.
func BytesSource(name string, data []byte) Source {
	return Source{Name: name, Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// Sources expands the paths a user named into inputs, in a deterministic
// order: a directory contributes its *.txt, *.txt.gz, *.html and *.htm files
// (recursively, sorted by path), "-" is stdin, anything else is a file.
func Sources(paths []string, stdin io.Reader) ([]Source, error) {
	var out []Source
	for _, p := range paths {
		if p == "-" {
			out = append(out, Source{Name: "stdin", Open: func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil }})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		if !info.IsDir() {
			out = append(out, fileSource(p))
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && isInputName(path) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("input %s: directory holds no .txt, .txt.gz or .html files", p)
		}
		sort.Strings(files)
		for _, f := range files {
			out = append(out, fileSource(f))
		}
	}
	return out, nil
}

func isInputName(path string) bool {
	name := strings.ToLower(strings.TrimSuffix(path, ".gz"))
	return strings.HasSuffix(name, ".txt") || IsHTMLName(name)
}

// IsHTMLName tells whether a file name (without .gz) is read as an HTML page.
func IsHTMLName(name string) bool {
	name = strings.ToLower(strings.TrimSuffix(name, ".gz"))
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

func fileSource(path string) Source {
	return Source{Name: path, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// decompress wraps r in a gzip reader when the input starts with the gzip
// magic bytes, whatever its name says.
func decompress(name string, r io.Reader) (io.Reader, error) {
	br := newPeekReader(r)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: gzip: %w", name, err)
		}
		return zr, nil
	}
	return br, nil
}
