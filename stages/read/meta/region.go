package meta

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/govreports/govreports/stages/region"
)

// pickRegion takes the region of the strongest clue that names one, among
// the divisions of the report's year. A name read beside the text (a file
// or folder name, a header, a row, the flag) is read as a division of the
// kind the text speaks for (长沙 of a report that says 全市 is 长沙市, not
// 长沙县), and a clue that names a division of another kind yields to a
// weaker one that fits, or is used with a warning when none does. A name
// several divisions bear is settled by a later clue inside one of them, or
// refused with its candidates. The divisions the body names are read last,
// when nothing else names the region or to confirm a name read beside the
// text.
func (r *resolver) pickRegion(ev *evidence) error {
	k := r.kindOf(ev)
	clues := sorted(ev.regions)
	nearby := ev.nearby.String()
	picked, chosen, amb := r.choose(clues, nearby, k, true)
	var body *clue
	bodyRead := chosen < 0 || clues[chosen].source.beside()
	if bodyRead {
		if b, ok := r.bodyClue(k); ok {
			body = &b
			clues = append(clues, b)
			if chosen < 0 {
				picked, chosen, amb = r.choose(clues, nearby, k, true)
			}
		}
	}
	if chosen < 0 && amb == nil {
		picked, chosen, amb = r.choose(clues, nearby, kind{}, false)
	}
	if chosen < 0 {
		return r.refuseRegion(clues, amb, bodyRead && body == nil)
	}
	c := clues[chosen]
	r.m.Region, r.m.RegionSource = picked, c.source
	if c.source.beside() && c.source != FromFlag && c.source != FromRow {
		level := slog.LevelInfo
		if c.source == FromBody {
			level = slog.LevelWarn
		}
		r.note(level, c.line, fmt.Sprintf("region %s (%s) taken from the %s", picked.Full, picked.Code, c.describe()+detail(c)))
	}
	r.noteRegion(clues, chosen, nearby, k)
	if body != nil && c.source != FromBody && !related(*body.reg, picked) {
		r.note(slog.LevelWarn, 0, fmt.Sprintf("the text names %s (%s) most (%s), the %s says %s (%s); using %s",
			body.reg.Full, body.reg.Code, body.where, c.describe(), picked.Full, picked.Code, picked.Full))
	}
	return nil
}

// detail is what more a clue's message says: the divisions the body names.
func detail(c clue) string {
	if c.source == FromBody {
		return ": " + c.where
	}
	return ""
}

// choose finds the strongest clue that names a region: with fitting set,
// only the clues beside the text whose division is of the kind count. amb
// is the first ambiguity no later clue settled.
func (r *resolver) choose(clues []clue, nearby string, k kind, fitting bool) (picked region.Region, chosen int, amb *region.AmbiguousError) {
	for i := range clues {
		reg, err := r.lookup(clues[i], nearby, k)
		var a *region.AmbiguousError
		switch {
		case errors.As(err, &a):
			if amb == nil {
				amb = a
			}
			continue
		case err != nil:
			continue
		case fitting && clues[i].source.beside() && !k.fits(reg):
			continue
		}
		if amb != nil {
			var ok bool
			if reg, ok = settle(reg, amb.Candidates); !ok {
				continue
			}
		}
		return reg, i, nil
	}
	return region.Region{}, -1, amb
}

// refuseRegion is the error of a report whose region nothing names, or
// names ambiguously.
func (r *resolver) refuseRegion(clues []clue, amb *region.AmbiguousError, bodyTried bool) error {
	if amb != nil {
		return r.refuse("region %w", amb)
	}
	var tried []string
	for _, c := range clues {
		tried = append(tried, fmt.Sprintf("%s %q", c.describe(), c.name))
	}
	if bodyTried {
		tried = append(tried, "the divisions the text names (none of its kind stands out)")
	}
	if len(tried) == 0 {
		tried = append(tried, "nothing names one")
	}
	return r.refuse("cannot tell its region (tried: %s; no 国务院 or 全国人民代表大会 either); name it with --region", strings.Join(tried, ", "))
}

// noteRegion warns of weaker clues beside the text that name another
// region, and of a kind of government the region chosen is not.
func (r *resolver) noteRegion(clues []clue, chosen int, nearby string, k kind) {
	c, picked := clues[chosen], r.m.Region
	for _, o := range clues[chosen+1:] {
		if !o.source.beside() || o.source == FromBody {
			continue
		}
		reg, err := r.lookup(o, nearby, k)
		if err == nil && !related(reg, picked) {
			r.note(slog.LevelWarn, o.line, fmt.Sprintf("the %s says the region is %s (%s), the %s says %s (%s); using %s",
				o.describe(), reg.Full, reg.Code, c.describe(), picked.Full, picked.Code, picked.Full))
		}
	}
	if c.source.beside() && !k.fits(picked) {
		r.note(slog.LevelWarn, c.line, fmt.Sprintf("%s, but the %s names %s (%s)", k.why, c.describe(), picked.Full, picked.Code))
	}
}

// related tells whether one region lies within the other.
func related(a, b region.Region) bool { return a.Contains(b) || b.Contains(a) }

// settle picks the one candidate of an ambiguous name that a later clue
// names or contains (南京市 in the file name settles the title's 鼓楼区).
func settle(reg region.Region, cands []region.Region) (region.Region, bool) {
	var in []region.Region
	for _, c := range cands {
		if c.Contains(reg) {
			return reg, true // the clue names the candidate itself, or a division inside it
		}
		if reg.Contains(c) {
			in = append(in, c)
		}
	}
	if len(in) == 1 {
		return in[0], true
	}
	return region.Region{}, false
}

// lookup resolves a region clue in the report's year. Text from the report
// names its region at the start (重庆市政府工作报告, 海拉尔区第十四届…); values
// beside the text (header, row and flag values, file and folder names) are
// names or codes on their own, read as divisions of the report's kind. Of
// the divisions an ambiguous name may mean, the one of the kind is taken.
func (r *resolver) lookup(c clue, nearby string, k kind) (region.Region, error) {
	if c.reg != nil {
		return *c.reg, nil
	}
	if c.source.beside() {
		reg, err := r.findBeside(c, k)
		if c.source == FromFolder && err == nil && reg.Level == "national" {
			return region.Region{}, region.ErrUnknown // a folder named china holds no one report
		}
		if err == nil || c.source == FromFlag {
			return reg, err
		}
	}
	reg, n, err := r.year.Prefix(c.name, nearby)
	if err != nil {
		return k.only(reg, err)
	}
	if n == 0 {
		return reg, region.ErrUnknown
	}
	return reg, nil
}

// findBeside reads a name beside the text: as a division of the report's
// kind when the bare name (长沙, 锡林郭勒) has one, else as the name it is.
func (r *resolver) findBeside(c clue, k kind) (region.Region, error) {
	if c.source == FromFlag {
		return r.year.Find(c.name)
	}
	for _, name := range k.completions(c.name) {
		if reg, err := r.year.Find(name); err == nil {
			return reg, nil
		}
	}
	return k.only(r.year.Find(c.name))
}

// only settles an ambiguous name by the kind: the one candidate of the kind
// (jilin of a report that says 全市 is 吉林市, not 吉林省).
func (k kind) only(reg region.Region, err error) (region.Region, error) {
	var a *region.AmbiguousError
	if k.name == "" || !errors.As(err, &a) {
		return reg, err
	}
	var fit []region.Region
	for _, cand := range a.Candidates {
		if k.fits(cand) {
			fit = append(fit, cand)
		}
	}
	if len(fit) == 1 {
		return fit[0], nil
	}
	return reg, err
}
