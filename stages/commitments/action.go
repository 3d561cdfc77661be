package commitments

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/stages/segment"
)

// verbOf returns the lexicon verb a token stands for, or "". The token must be tagged a verb by gse (v, vn,
// vd): 建设 in 建设美丽中国先行区, not the 建设 of a place name. A compound gse keeps whole as a verb or a set
// phrase (如期完成 v, 深入开展 i, 全面落实 l) stands for the lexicon verb it ends with.
// It returns the verb's class too.
func (lex *lexicons) verbOf(t *segment.Token) (verb, class string) {
	isVerb := strings.HasPrefix(t.POS, "v")
	if isVerb {
		if class := lex.verbs[t.Text]; class != "" {
			return t.Text, class
		}
	}
	if !isVerb && t.POS != "i" && t.POS != "l" {
		return "", ""
	}
	for i := range t.Text {
		if i > 0 && len(t.Text)-i <= lex.maxVerbLen && utf8.RuneCountInString(t.Text[i:]) >= 2 {
			if class := lex.verbs[t.Text[i:]]; class != "" {
				return t.Text[i:], class
			}
		}
	}
	return "", ""
}

func (lex *lexicons) isVerbToken(t *segment.Token) bool {
	v, _ := lex.verbOf(t)
	return v != ""
}

// predicatePrefix reports the POS classes that may stand before a nominal verb (vn) used as the
// predicate: adverbs, adjectives, other verbs, conjunctions, time words (年内, 年底前) and punctuation.
// A scope word of grammar.tsv (全省新建…, 全县培育…) may stand there too, though gse tags it a noun.
// After a noun a vn is part of the noun phrase (重点建设项目), after a preposition it is its object
// (对发展观念的重塑).
func predicatePrefix(pos string) bool {
	return pos == "" || pos == "x" || pos == "c" || pos == "t" || pos == "f" ||
		strings.HasPrefix(pos, "d") || strings.HasPrefix(pos, "a") || strings.HasPrefix(pos, "v")
}

// action finds the predicate of a clause and decides whether it commits to something concrete. It returns
// the verb and its object; verb is "" when the clause has no lexicon verb. hasNumber tells that a quantity
// (from stages/quantity) stands in the clause. A target verb (增长, 达到) counts only with a quantity.
func (e *Extractor) action(ct []segment.Token, hasNumber bool) (verb, object string, ok bool) {
	ct = e.lex.joinAlternates(ct)
	from := e.lex.frameEnd(ct)
	k := e.findVerb(ct[from:])
	if k >= 0 {
		k += from
	}
	if k < 0 || e.lex.isPrinciple(ct) {
		return "", "", false
	}
	// In a chain of verbs (加快实施, 推动建设, 累计建成) an auxiliary or target verb yields to the verb after it.
	verb, class := e.lex.verbOf(&ct[k])
	for k+1 < len(ct) && class != classAction && e.lex.isVerbToken(&ct[k+1]) {
		k++
		verb, class = e.lex.verbOf(&ct[k])
	}
	// Coordinated verbs (新建改造农村公路, 恢复和改善灌溉能力) share the object after the last of them, unless
	// that verb opens a modifier with 的 (落实支持绿色发展的财税政策) or is the object itself (给予支持).
	obj := k + 1
	for obj < len(ct) {
		next := obj
		if ct[next].POS == "c" && next+1 < len(ct) {
			next++ // 和, 与, 并
		}
		if ct[next].POS != "v" || e.lex.verbs[ct[next].Text] != classAction {
			break
		}
		obj = next + 1
	}
	object = e.lex.objectOf(ct[obj:])
	if obj > k+1 && (object == "" || strings.Contains(object, "的")) {
		object = e.lex.objectOf(ct[k+1:])
	}
	if class == classTarget {
		// A target names what it measures before the verb (森林覆盖率提高0.5个百分点), else after it
		// (净增高新技术企业1000家).
		if subject := subjectOf(ct[:k]); subject != "" {
			object = subject
		}
		return verb, object, hasNumber
	}
	if object == "" && k > 0 && (strings.HasPrefix(ct[k-1].POS, "n") || strings.HasPrefix(ct[k-1].POS, "d")) {
		// The object stands before the verb (项目开工, 黑山峡水利枢纽工程正式立项), unless the verb ends a
		// noun phrase (重要支撑) or a verb phrase (抓落实).
		object = subjectOf(ct[:k])
	}
	// An object opening with 的 or 之 shows the verb inside a modifier (要办好的实事, 相互促进的良性循环,
	// 攻坚发展之难).
	modifier := strings.HasPrefix(object, "的") || strings.HasPrefix(object, "之")
	if hasNumber || object == "" || modifier || e.lex.isAbstract(object) {
		return verb, object, hasNumber
	}
	// A place name before a slogan does not make it specific (推进安徽高质量发展).
	if rest := dropPlaces(ct[k+1:]); len(rest) < len(ct[k+1:]) && e.lex.isAbstract(e.lex.objectOf(rest)) {
		return verb, object, false
	}
	return verb, object, true
}

// joinAlternates reads a verb written with a bracketed alternative (新（改）建, 新（改）造) as the lexicon
// verb it spells without the brackets (新建, 改造), one token spanning all five. Other tokens are kept; a
// clause without such a verb is returned as it is.
func (lex *lexicons) joinAlternates(ct []segment.Token) []segment.Token {
	var out []segment.Token
	for i := 0; i < len(ct); i++ {
		var t segment.Token
		ok := i+4 < len(ct) && bracket(ct[i+1].Text) == opens // most clauses have no brackets: spare the call
		if ok {
			t, ok = lex.alternate(ct[i:])
		}
		if ok && out == nil {
			out = append(make([]segment.Token, 0, len(ct)), ct[:i]...)
		}
		switch {
		case ok:
			out = append(out, t)
			i += 4
		case out != nil:
			out = append(out, ct[i])
		}
	}
	if out == nil {
		return ct
	}
	return out
}

// alternate reads the five tokens X（Y）Z at the start of ts as the verb XZ or YZ, when the lexicon has it.
func (lex *lexicons) alternate(ts []segment.Token) (segment.Token, bool) {
	if len(ts) < 5 || bracket(ts[1].Text) != opens || bracket(ts[3].Text) != closes {
		return segment.Token{}, false
	}
	var buf [32]byte
	for _, x := range [...]string{ts[0].Text, ts[2].Text} {
		v := append(append(buf[:0], x...), ts[4].Text...)
		if lex.verbs[string(v)] != "" {
			return segment.Token{Text: string(v), POS: "v", Start: ts[0].Start, End: ts[4].End}, true
		}
	}
	return segment.Token{}, false
}

// opensClause reports that only punctuation and adverbs stand before a token.
func opensClause(before []segment.Token) bool {
	for _, t := range before {
		if t.POS != "x" && !strings.HasPrefix(t.POS, "d") {
			return false
		}
	}
	return true
}

// isPrinciple reports a clause led by a verb of principle or attitude (坚持…, 始终把…): whatever verbs it
// holds describe the principle, not an action.
func (lex *lexicons) isPrinciple(ct []segment.Token) bool { return lex.principleLeads[leadOf(ct)] }

// isFramed reports a clause led by a framing word (围绕, 按照) or a principle: its numbers set the scene
// and are no deliverables.
func (lex *lexicons) isFramed(ct []segment.Token) bool {
	lead := leadOf(ct)
	return lex.frameLeads[lead] || lex.principleLeads[lead]
}

// frameEnd returns the index of the first token after a framing phrase that opens the clause and is
// closed by a frame-end word (以增强城市活力为 | 目标; 在推动经济发展上 | 展现更大作为): the verbs inside
// it describe the frame, not the action. It returns 0 when the clause opens no closed frame.
func (lex *lexicons) frameEnd(ct []segment.Token) int {
	lead := leadIndex(ct)
	if lead < 0 || !lex.frameLeads[ct[lead].Text] {
		return 0
	}
	for i := lead + 1; i < len(ct)-1; i++ {
		if lex.frameEnds[ct[i].Text] {
			return i + 1
		}
	}
	return 0
}

// leadIndex is the index of the first word of a clause after its list number (三是, 一要), punctuation
// and adverbs, or -1.
func leadIndex(ct []segment.Token) int {
	for i := enumeratorLen(ct); i < len(ct); i++ {
		if ct[i].POS != "x" && !strings.HasPrefix(ct[i].POS, "d") {
			return i
		}
	}
	return -1
}

// enumeratorLen is the number of tokens that spell a list number opening the clause (三|是, 一要), or 0.
func enumeratorLen(ct []segment.Token) int {
	const maxTokens = 4 // （|十二|）
	// Most clauses open with no numbering at all: no need to join their first tokens.
	if len(ct) == 0 || ct[0].Text != "" && !mayOpenEnumeration(ct[0].Text) {
		return 0
	}
	var b strings.Builder
	for j := 0; j < len(ct) && j < maxTokens; j++ {
		b.WriteString(ct[j].Text)
		if enumeratedLen(b.String()) == b.Len() {
			return j + 1
		}
	}
	return 0
}

// mayOpenEnumeration reports a text whose first character may open a list number.
func mayOpenEnumeration(s string) bool {
	r := firstRune(s)
	return r == '（' || r == '(' || isChineseNumeral(r) || r < utf8.RuneSelf && isDigit(byte(r))
}

// leadOf is the first word of a clause after punctuation and adverbs.
func leadOf(ct []segment.Token) string {
	if i := leadIndex(ct); i >= 0 {
		return ct[i].Text
	}
	return ""
}

// predicateOf names the verb and object of a clause that has no lexicon verb but carries a quantity: its
// first verb and the words before it (届时大同直达太原缩短至84分钟 → 缩短, 届时大同直达太原), or no verb and
// the words before the number (营业收入60亿元 → 营业收入).
func predicateOf(ct []segment.Token) (verb, object string) {
	for i, t := range ct {
		if t.POS == "v" {
			return t.Text, subjectOf(ct[:i])
		}
		if isNumeric(t.Text) {
			return "", subjectOf(ct[:i])
		}
	}
	return "", subjectOf(ct)
}

// subjectOf is the text of the clause before its verb, less punctuation, leading adverbs and a leading
// time limit (力争黑山峡水利枢纽工程正式 → 黑山峡水利枢纽工程正式; “十二五”期间单位能耗 → 单位能耗).
func subjectOf(ts []segment.Token) string {
	for len(ts) > 0 && (ts[0].POS == "x" || strings.HasPrefix(ts[0].POS, "d")) {
		ts = ts[1:]
	}
	s := join(ts)
	if n := deadlineAt(s); n > 0 {
		s = s[n:]
	}
	return subjectMarks.trimLeft(subjectMarks.trimRight(s))
}

// findVerb returns the index of the first lexicon verb that stands as a predicate, or -1. Verbs inside
// quotes or brackets belong to a name (“千村示范、万村整治”工程).
func (e *Extractor) findVerb(ct []segment.Token) int {
	depth := 0
	for i := range ct {
		t := &ct[i]
		switch bracket(t.Text) {
		case opens:
			depth++
		case closes:
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 || !e.lex.isVerbToken(t) {
			continue
		}
		switch t.POS {
		case "i", "l":
			// A set phrase is a verb only where the clause opens (深入开展…), not inside a noun phrase (城乡建设).
			if opensClause(ct[:i]) {
				return i
			}
		case "vn":
			// A target verb follows what it measures (重点实验室突破20家); a nominal verb joined to a noun
			// (发展和安全) names a thing.
			if i+1 < len(ct) && ct[i+1].POS == "c" {
				continue
			}
			if i == 0 || predicatePrefix(ct[i-1].POS) || e.lex.scopes[ct[i-1].Text] {
				return i
			}
			if _, class := e.lex.verbOf(t); class == classTarget {
				return i
			}
		default:
			return i
		}
	}
	return -1
}

// objectOf is the noun phrase after the verb: up to the first number (新建高标准农田150万亩 → 高标准农田), or,
// when the number comes first (建成100所县域普通高中), what follows the number and its measure word. A
// number inside quotes or brackets is part of a name (落实“1+8”方案), not a quantity.
func (lex *lexicons) objectOf(rest []segment.Token) string {
	from, to := -1, len(rest) // the tokens of the phrase
	depth := 0
	for i := 0; i < len(rest); i++ {
		t := rest[i]
		switch bracket(t.Text) {
		case opens:
			depth++
		case closes:
			depth = max(depth-1, 0)
		}
		if depth == 0 && isNumeric(t.Text) {
			if from >= 0 {
				to = i
				break
			}
			for i+1 < len(rest) && (isNumeric(rest[i+1].Text) || isMultiplier(rest[i+1].Text)) {
				i++ // 1|万|场: the multiplier stands apart from its measure word
			}
			i++ // the measure word
			for i+1 < len(rest) && lex.approximators[rest[i+1].Text] {
				i++
			}
			continue
		}
		if from < 0 && t.Text != "" {
			from = i
		}
	}
	if from < 0 {
		return ""
	}
	// A coordinated verb (加强和完善国防教育) leaves its conjunction before the object.
	return objectOpening.trimLeft(objectEnd.trimRight(join(rest[from:to])))
}

// join concatenates the texts of tokens, allocating only when there are several.
func join(ts []segment.Token) string {
	switch len(ts) {
	case 0:
		return ""
	case 1:
		return ts[0].Text
	}
	n := 0
	for _, t := range ts {
		n += len(t.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, t := range ts {
		b.WriteString(t.Text)
	}
	return b.String()
}

// dropPlaces drops the place names (POS ns) that open a phrase.
func dropPlaces(ts []segment.Token) []segment.Token {
	for len(ts) > 0 && ts[0].POS == "ns" {
		ts = ts[1:]
	}
	return ts
}

// isMultiplier reports a word of numeral multipliers only (万, 亿, 万亿).
func isMultiplier(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("十百千万亿", r) {
			return false
		}
	}
	return s != ""
}

func isNumeric(s string) bool {
	for _, r := range s {
		if !isDigitRune(r) && r != '.' && r != '%' && r != '％' {
			return false
		}
	}
	return s != ""
}

// isDigitRune is unicode.IsDigit, sparing its table search for Chinese characters and punctuation (U+3000
// to U+9FFF), none of which is a digit.
func isDigitRune(r rune) bool {
	return !(0x3000 <= r && r <= 0x9fff) && unicode.IsDigit(r)
}

// Sets of characters trimmed from phrases.
var (
	subjectMarks  = trimSet("，、；： ")
	objectEnd     = trimSet("等。；，、 ")
	objectOpening = trimSet("和、， ") // a coordinated verb (加强和完善国防教育) leaves its conjunction
	closingMarks  = trimSet("”’》）)")
	sentenceEnd   = trimSet("。！？；")
	openingMarks  = trimSet("“‘（(")
)

// trimSet trims a few characters from a text as strings.TrimLeft and TrimRight do, without their search
// of the set as a string for every character they test.
type trimSet []rune

func (t trimSet) trimLeft(s string) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !slices.Contains(t, r) {
			break
		}
		s = s[n:]
	}
	return s
}

func (t trimSet) trimRight(s string) string {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !slices.Contains(t, r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// isAbstract reports an object that names an aim rather than a programme: it ends in an abstract head
// (…水平, …底线, …强省), or each of its coordinated parts is a broad slogan once modifiers are stripped
// (高质量发展; 质的有效提升和量的合理增长).
func (lex *lexicons) isAbstract(object string) bool {
	object = closingMarks.trimRight(object)
	if lex.endsInHead(object) {
		return true
	}
	parts := 0
	for p := range strings.FieldsFuncSeq(object, isConjunction) {
		if !lex.slogans[lex.stripModifiers(p)] {
			return false
		}
		parts++
	}
	return parts > 0
}

func (lex *lexicons) endsInHead(object string) bool {
	if last, _ := utf8.DecodeLastRuneInString(object); !lex.headLast.Has(last) {
		return false
	}
	for _, n := range lex.headLens {
		if n <= len(object) && lex.heads[object[len(object)-n:]] {
			return true
		}
	}
	return false
}

// isConjunction reports a character that coordinates the parts of an object.
func isConjunction(r rune) bool { return r == '和' || r == '、' || r == '与' || r == '及' }

// stripModifiers removes the degree words before a slogan (更高水平对外开放 → 对外开放).
func (lex *lexicons) stripModifiers(s string) string {
	if !lex.modifierFirst.Has(firstRune(s)) {
		return s
	}
	for changed := true; changed; {
		changed = false
		for _, m := range lex.modifiers {
			if rest, ok := strings.CutPrefix(s, m); ok && rest != "" {
				s, changed = rest, true
			}
		}
	}
	return s
}
