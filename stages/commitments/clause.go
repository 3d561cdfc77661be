package commitments

import "github.com/govreports/govreports/stages/segment"

// clause is a run of tokens of a sentence between two clause boundaries; start and end index tokens.
type clause struct{ start, end int }

// Brackets and quotes inside which no clause boundary is taken.
var (
	opening = map[string]bool{"“": true, "‘": true, "《": true, "（": true, "(": true, "「": true, "【": true, "〔": true}
	closing = map[string]bool{"”": true, "’": true, "》": true, "）": true, ")": true, "」": true, "】": true, "〕": true}
)

// splitClauses cuts the tokens of a sentence at ，；： and at 、 when a new verb phrase starts after it
// (兜住、兜准; 建成…、开展…), never inside quotes or brackets. A 、 between objects (教育、医疗、养老) does not cut.
func (e *Extractor) splitClauses(tokens []segment.Token) []clause {
	var out []clause
	start, depth := 0, 0
	for i, tk := range tokens {
		switch {
		case opening[tk.Text]:
			depth++
		case closing[tk.Text]:
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

func isBoundary(p string, tokens []segment.Token, i int, lex *lexicon) bool {
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
