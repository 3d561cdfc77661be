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
// Extract gives each page's physical lines in reading order; PDFs that cannot
// be read as text are refused with an error naming the file: no text layer
// (a scan: OCR is out of scope), a password needed to open, a damaged or
// non-PDF file, or one past the size bounds. Clean then removes the page
// layout, a pure function over those lines: running headers and footers (a
// line repeated at the edge of most pages, such as a browser's date and title
// header and address footer) and page numbers (3/10, - 3 -, — 3 —, 第3页,
// 第 3 页 共 10 页). Lines stay as printed: joining a paragraph's lines into
// sentences is the reader's job, as for HTML.
package pdftext
