package commitments

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/segment"
)

// verbOf returns the lexicon verb a token stands for, or "". The token must be tagged a verb by gse (v, vn,
// vd): 建设 in 建设美丽中国先行区, not the 建设 of a place name. A compound gse keeps whole (如期完成, 全力支持)
// stands for the lexicon verb it ends with.
func (lex *lexicon) verbOf(t segment.Token) string {
	if !strings.HasPrefix(t.POS, "v") {
		return ""
	}
	if lex.verbs[t.Text] != "" {
		return t.Text
	}
	for i := range t.Text {
		if i > 0 && lex.verbs[t.Text[i:]] != "" && utf8.RuneCountInString(t.Text[i:]) >= 2 {
			return t.Text[i:]
		}
	}
	return ""
}

func (lex *lexicon) isVerbToken(t segment.Token) bool { return lex.verbOf(t) != "" }

// predicateBefore holds the POS classes that may stand before a nominal verb (vn) used as the predicate:
// adverbs, adjectives, other verbs, conjunctions and punctuation. After a noun a vn is part of the noun
// phrase (重点建设项目).
func predicatePrefix(pos string) bool {
	return pos == "" || pos == "x" || strings.HasPrefix(pos, "d") || strings.HasPrefix(pos, "a") ||
		strings.HasPrefix(pos, "v") || pos == "c" || pos == "p"
}

// action finds the predicate of a clause and decides whether it commits to something concrete. It returns
// the verb and its object; verb is "" when the clause has no lexicon verb. A target verb (增长, 达到) counts
// only with a number in the clause; in the targets section any clause with a number is a target.
func (e *Extractor) action(ct []segment.Token, targets bool) (verb, object string, ok bool) {
	k := e.findVerb(ct)
	hasNumber := false
	for _, t := range ct {
		if strings.ContainsFunc(t.Text, unicode.IsDigit) {
			hasNumber = true
			break
		}
	}
	if k < 0 || e.lex.isPrinciple(ct) {
		return "", "", targets && hasNumber && k < 0
	}
	// In a chain of verbs (加快实施, 推动建设) an auxiliary yields to the verb after it.
	for k+1 < len(ct) && e.lex.verbs[e.lex.verbOf(ct[k])] == classAux && e.lex.isVerbToken(ct[k+1]) {
		k++
	}
	verb = e.lex.verbOf(ct[k])
	object = objectOf(ct[k+1:])
	if e.lex.verbs[verb] == classTarget || object == "" {
		// A target names what it measures before the verb: 森林覆盖率提高0.5个百分点.
		object = strings.Trim(tokensText(ct[:k]), "，、；： ")
		return verb, object, hasNumber
	}
	// An object opening with 的 shows the verb inside a modifier (要办好的实事, 相互促进的良性循环).
	concrete := !strings.HasPrefix(object, "的") && !e.lex.isAbstract(object)
	return verb, object, hasNumber || concrete
}

// isPrinciple reports a clause led by a verb of principle or attitude (坚持…, 始终把…): whatever verbs it
// holds describe the principle, not an action.
func (lex *lexicon) isPrinciple(ct []segment.Token) bool {
	for _, t := range ct {
		if t.POS == "x" || strings.HasPrefix(t.POS, "d") {
			continue
		}
		return lex.principleLeads[t.Text]
	}
	return false
}

func tokensText(ts []segment.Token) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.Text)
	}
	return b.String()
}

// findVerb returns the index of the first lexicon verb that stands as a predicate, or -1. Verbs inside
// quotes or brackets belong to a name (“千村示范、万村整治”工程).
func (e *Extractor) findVerb(ct []segment.Token) int {
	depth := 0
	for i, t := range ct {
		switch {
		case opening[t.Text]:
			depth++
		case closing[t.Text] && depth > 0:
			depth--
		}
		if depth > 0 || !e.lex.isVerbToken(t) {
			continue
		}
		if t.POS != "vn" || i == 0 || predicatePrefix(ct[i-1].POS) {
			return i
		}
	}
	return -1
}

// objectOf is the noun phrase after the verb: up to the first number (新建高标准农田150万亩 → 高标准农田), or,
// when the number comes first (建成100所县域普通高中), what follows the number and its measure word.
func objectOf(rest []segment.Token) string {
	var b strings.Builder
	for i := 0; i < len(rest); i++ {
		t := rest[i]
		if isNumeric(t.Text) {
			if b.Len() > 0 {
				break
			}
			for i+1 < len(rest) && isNumeric(rest[i+1].Text) {
				i++
			}
			i++ // the measure word
			for i+1 < len(rest) && approximators[rest[i+1].Text] {
				i++
			}
			continue
		}
		b.WriteString(t.Text)
	}
	return strings.TrimRight(strings.TrimSpace(b.String()), "等。；，、")
}

// approximators follow a number and its measure word: 50个以上, 10家左右.
var approximators = map[string]bool{"以上": true, "左右": true, "多": true, "余": true, "以内": true, "上下": true}

func isNumeric(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && r != '%' && r != '％' {
			return false
		}
	}
	return s != ""
}

// isAbstract reports an object that names an aim rather than a programme: it ends in an abstract head
// (…水平, …底线, …强省), or each of its coordinated parts is a broad slogan once modifiers are stripped
// (高质量发展; 质的有效提升和量的合理增长).
func (lex *lexicon) isAbstract(object string) bool {
	for _, h := range lex.heads {
		if strings.HasSuffix(object, h) {
			return true
		}
	}
	parts := strings.FieldsFunc(object, func(r rune) bool { return r == '和' || r == '、' || r == '与' || r == '及' })
	for _, p := range parts {
		if !lex.slogans[stripModifiers(p)] {
			return false
		}
	}
	return len(parts) > 0
}

// modifiers are degree words before a slogan (更高水平对外开放, 全面深化改革) that do not make it specific.
var modifiers = []string{"更高水平", "高水平", "更高质量", "高质量", "更大力度", "全方位", "全面", "深入", "持续", "更好", "更加", "坚定", "大力", "积极", "加快", "推动", "促进", "深化", "扩大"}

func stripModifiers(s string) string {
	for changed := true; changed; {
		changed = false
		for _, m := range modifiers {
			if rest, ok := strings.CutPrefix(s, m); ok && rest != "" {
				s, changed = rest, true
			}
		}
	}
	return s
}
