package read

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
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
// order: a directory contributes its files of the report kinds (inputExts,
// recursively, sorted by path), "-" is stdin, anything else is a file. One
// rule for both: a file is read when its name is of a report kind (.txt,
// .pdf, .html, .docx, .csv, .xlsx … and their .gz; content then tells the
// format); a file of another kind (.md, .doc, no extension) found in a directory is
// logged at warn level (log may be nil) and left out, and named on the
// command line is an error that names it and the kinds. A directory's empty
// files are logged and left out too; its hidden files and folders (.git/,
// .vs/, .DS_Store) are left out silently.
//
// A source's Name does not depend on the working directory: a file named on
// the command line is named by its base name (reports/bj.txt → bj.txt), a
// file found in a directory by its path from the directory's parent
// (run ./in → in/2024/bj.txt), with forward slashes.
func Sources(paths []string, stdin io.Reader, log *slog.Logger) ([]Source, error) {
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
			if !isInputName(p) {
				return nil, fmt.Errorf("input %s: not a report kind (read are %s); rename it, or give it on stdin: - < %s", p, kinds(), p)
			}
			out = append(out, fileSource(filepath.Base(p), p))
			continue
		}
		files, err := walkInputs(p, log)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}

func walkInputs(dir string, log *slog.Logger) ([]Source, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("input %s: %w", dir, err)
	}
	root := filepath.Dir(abs)
	if root == abs { // the file system's root: name files from it
		root = ""
	}
	var files []string
	err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != abs && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || d.Type()&fs.ModeType != 0 && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		name := displayName(root, abs, path)
		if !isInputName(path) {
			warn(log, "input not read: not a report kind", "input", name, "kinds", kinds())
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() == 0 {
			warn(log, "input not read: empty file", "input", name)
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("input %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("input %s: directory holds no report files (read are %s)", dir, kinds())
	}
	sort.Strings(files)
	out := make([]Source, len(files))
	for i, f := range files {
		out[i] = fileSource(displayName(root, abs, f), f)
	}
	return out, nil
}

// displayName is path relative to root (the walked directory's parent), or
// relative to the walked directory itself when it has no parent.
func displayName(root, dir, path string) string {
	base := root
	if base == "" {
		base = dir
	}
	rel, err := filepath.Rel(base, path)
	if err != nil {
		rel = filepath.Base(path)
	}
	return filepath.ToSlash(rel)
}

func warn(log *slog.Logger, msg string, args ...any) {
	if log != nil {
		log.Warn(msg, args...)
	}
}

func isInputName(path string) bool { return hasExt(path, inputExts...) }

// kinds lists the report kinds for messages.
func kinds() string { return strings.Join(inputExts, " ") + " and their .gz" }

func fileSource(name, path string) Source {
	return Source{Name: name, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// decompress wraps r in a gzip reader when the input starts with the gzip
// magic bytes, whatever its name says.
func decompress(name string, r io.Reader) (io.Reader, error) {
	br := newPeekReader(r)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, errorf(name, "gzip: %w", err)
		}
		return zr, nil
	}
	return br, nil
}
