package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxLineBytes bounds one line: a report paragraph is a few KB, so a longer
// line means the input is not report text (or has lost its newlines).
const MaxLineBytes = 1 << 20

const sniffBytes = 64 << 10

var (
	errBinary      = errors.New("NUL byte: binary data, not report text")
	errLineTooLong = fmt.Errorf("longer than %d bytes: not report text (lost line ends?)", MaxLineBytes)
)

func newPeekReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, sniffBytes) }

// lineReader yields the lines of one input with hygiene applied.
type lineReader struct {
	name   string
	r      *bufio.Reader
	no     int   // lines read so far
	offset int64 // byte offset of the next line in the decoded stream
	gbk    bool  // input was transcoded from GB18030
}

// newLineReader sniffs the encoding: UTF-8 is read as is, GB18030/GBK and
// UTF-16 with a byte order mark are transcoded, anything else (binary data, invalid UTF-8 that is not GBK
// either) is an error naming the input and the byte offset.
func newLineReader(name string, r io.Reader) (*lineReader, error) {
	br := newPeekReader(r)
	head, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, errorf(name, "%w", err)
	}
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		// Windows "Unicode" text: UTF-16 with its byte order mark, full of NUL bytes.
		br = newPeekReader(transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()))
		if head, err = br.Peek(sniffBytes); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			return nil, errorf(name, "UTF-16: %w", err)
		}
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		line := bytes.Count(head[:i], []byte{'\n'}) + 1
		return nil, &Error{Input: name, Line: line, Offset: int64(i), Err: errBinary}
	}
	lr := &lineReader{name: name, r: br}
	if bad, _ := invalidUTF8(head, len(head) == sniffBytes); bad >= 0 {
		if !looksGB18030(head) {
			line := bytes.Count(head[:bad], []byte{'\n'}) + 1
			return nil, &Error{Input: name, Line: line, Offset: int64(bad), Err: errors.New("invalid UTF-8 (and not GB18030/GBK text)")}
		}
		lr.r = bufio.NewReaderSize(transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), sniffBytes)
		lr.gbk = true
	}
	return lr, nil
}

// invalidUTF8 returns the offset of the first invalid byte, or -1. When the
// buffer was cut at the sniff size, a rune cut in half at its end is fine.
// It also tells whether b holds an invisible character (see invisibleAt),
// found in the same pass so that clean lines cost nothing more.
func invalidUTF8(b []byte, cut bool) (bad int, invisible bool) {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if cut && len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:]) {
				return -1, invisible
			}
			return i, invisible
		}
		invisible = invisible || r >= 0xA0 && isInvisible(r)
		i += size
	}
	return -1, invisible
}

// looksGB18030 decodes the sniffed bytes as GB18030 and accepts them when
// that yields no replacement characters and mostly CJK text: random bytes
// decode to rare characters and control codes far more often.
func looksGB18030(head []byte) bool {
	// Drop a possibly cut trailing multibyte sequence before decoding.
	if len(head) == sniffBytes {
		head = head[:len(head)-4]
	}
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(head)
	if err != nil || bytes.ContainsRune(dec, utf8.RuneError) {
		return false
	}
	var cjk, total int
	for _, r := range string(dec) {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			return false
		}
		total++
		if r >= 0x4e00 && r <= 0x9fff || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef {
			cjk++
		}
	}
	return total > 0 && cjk*5 >= total
}

// next returns the next line (without its line end, trailing spaces trimmed,
// invisible characters and BOMs dropped) with its 1-based number, and io.EOF
// after the last.
func (lr *lineReader) next() (Line, error) {
	line, err := lr.readLine()
	if err != nil {
		return Line{}, err
	}
	lr.no++
	start := lr.offset
	lr.offset += int64(len(line))
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return Line{}, &Error{Input: lr.name, Line: lr.no, Offset: start + int64(i), Err: errBinary}
	}
	bad, invisible := invalidUTF8(line, false)
	if bad >= 0 {
		return Line{}, &Error{Input: lr.name, Line: lr.no, Offset: start + int64(bad), Err: errors.New("invalid UTF-8")}
	}
	s := strings.TrimSuffix(string(line), "\n")
	s = strings.TrimSuffix(s, "\r")
	if invisible {
		s = cleanInvisible(s)
	}
	return Line{Text: strings.TrimRight(s, " \t\u3000"), No: lr.no}, nil
}

func (lr *lineReader) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk, err := lr.r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > MaxLineBytes {
			return nil, lineError(lr.name, lr.no+1, errLineTooLong)
		}
		switch {
		case err == nil:
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(line) == 0 {
				return nil, io.EOF
			}
			return line, nil
		default:
			return nil, lineError(lr.name, lr.no+1, err)
		}
	}
}

// invisibleAt finds the first invisible character of s (zero
// widths, joiners, word joiner, BOM, soft hyphen, bidi marks) or a no-break
// space: its offset and length, or -1. Reports pasted from web pages and
// Word carry them between characters, where they break words and numbers.
func invisibleAt(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0xC2: // U+00A0 no-break space, U+00AD soft hyphen
			if i+1 < len(s) && (s[i+1] == 0xA0 || s[i+1] == 0xAD) {
				return i, 2
			}
		case 0xE2: // U+200B–U+200F, U+202A–U+202E, U+2060–U+2064
			if i+2 < len(s) {
				b1, b2 := s[i+1], s[i+2]
				if b1 == 0x80 && (b2 >= 0x8B && b2 <= 0x8F || b2 >= 0xAA && b2 <= 0xAE) || b1 == 0x81 && b2 >= 0xA0 && b2 <= 0xA4 {
					return i, 3
				}
			}
		case 0xEF: // U+FEFF
			if i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF {
				return i, 3
			}
		}
	}
	return -1, 0
}

// isInvisible tells the runes that invisibleAt finds.
func isInvisible(r rune) bool {
	if r > 0x2064 { // most of a report: CJK and full-width marks
		return r == 0xFEFF
	}
	return r == 0xA0 || r == 0xAD || r >= 0x200B && r <= 0x200F || r >= 0x202A && r <= 0x202E ||
		r >= 0x2060 && r <= 0x2064 || r == 0xFEFF
}

// cleanInvisible drops the invisible characters of s and turns no-break
// spaces into spaces; s itself is returned when it has none.
func cleanInvisible(s string) string {
	i, n := invisibleAt(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		if s[i:i+n] == "\u00a0" {
			b.WriteByte(' ')
		}
		s = s[i+n:]
		i, n = invisibleAt(s)
	}
	b.WriteString(s)
	return b.String()
}
