package commitments

import (
	"unicode/utf8"

	"github.com/govreports/govreports/stages/segment"
)

// clause is a run of tokens of a sentence between two clause boundaries; start and end index tokens.
type clause struct{ start, end int }

// What a token is to the brackets and quotes inside which no clause boundary is taken.
const (
	opens  = 1
	closes = -1
)

// bracket tells whether a token opens or closes a bracket or quote, else 0.
func bracket(text string) int {
	if len(text) != 1 && len(text) != 3 { // the marks are ASCII or three bytes long
		return 0
	}
	r, n := utf8.DecodeRuneInString(text)
	if n != len(text) {
		return 0
	}
	switch r {
	case '“', '‘', '《', '（', '(', '「', '【', '〔':
		return opens
	case '”', '’', '》', '）', ')', '」', '】', '〕':
		return closes
	}
	return 0
}

// splitClauses cuts the tokens of a sentence at ，；： and at 、 when a new verb phrase starts after it
// (兜住、兜准; 建成…、开展…), never inside quotes or brackets. A 、 between objects (教育、医疗、养老) does not cut.
func (e *Extractor) splitClauses(tokens []segment.Token) []clause {
	var out []clause
	start, depth := 0, 0
	for i, tk := range tokens {
		b := bracket(tk.Text)
		switch {
		case b == opens:
			depth++
		case b == closes:
			if depth > 0 {
				depth--
			}
		case depth == 0 && isBoundary(tk.Text, tokens, i, e.lex):
			if i > start {
				out = append(out, clause{start, i})
			}
			start = i + 1
		}
	}
	if start < len(tokens) {
		out = append(out, clause{start, len(tokens)})
	}
	return out
}

func isBoundary(p string, tokens []segment.Token, i int, lex *lexicons) bool {
	switch p {
	case "，", "；", "：", "。", "！", "？", ",", ";", ":":
		return true
	case "、":
		// Only a plain verb opens a new phrase after 、; a nominal verb or set phrase there heads an object.
		next := i + 1
		return next < len(tokens) && tokens[next].POS == "v" && lex.verbs[tokens[next].Text] != ""
	}
	return false
}
