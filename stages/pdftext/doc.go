// Package pdftext reads the text of PDF files, page by page and line by line,
// and removes what printing adds to every page.
//
// The text comes from PDFium compiled to WebAssembly (go-pdfium's webassembly
// build, run by wazero: pure Go, no cgo). The engine starts at the first PDF
// a process reads, never before, so that runs without PDFs pay nothing: the
// first start ever compiles the module (about 5 s), later starts load the
// compiled code from the cache in the user's cache directory
// (os.UserCacheDir()/govreports/pdfium) in well under a second. One small
// pool of PDFium instances serves every PDF of the process.
//
// Extract gives each page's printed lines in reading order, each with where
// it stands on the page (a line PDFium ends early, at a closing quote of a
// Type 3 font, is joined with the rest of it on its baseline); PDFs that cannot
// be read as text are refused with an error naming the file: no text layer
// (a scan: OCR is out of scope), a password needed to open, a damaged or
// non-PDF file, or one past the size bounds. Clean then removes the page
// layout, a pure function over those lines: running headers and footers (a
// line repeated at the edge of most pages, such as a browser's date and title
// header and address footer) and page numbers (3/10, - 3 -, — 3 —, 第3页,
// 第 3 页 共 10 页, a browser's footer ending in 3/10 however it shortened
// the address), and marks where a paragraph runs on into the next line
// (Line.Wraps, paragraph.go): a line that reaches the right edge of the text
// before a line that is neither indented nor spaced from it. The text of the
// lines stays as printed: joining a paragraph's lines into sentences is the
// reader's job.
package pdftext
