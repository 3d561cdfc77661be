package meta

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/govreports/govreports/stages/region"
)

// pickRegion takes the region of the strongest clue that names one. A name
// several divisions bear is settled by a later clue inside one of them, or
// refused with its candidates.
func (r *resolver) pickRegion(ev *evidence) error {
	clues := sorted(ev.regions)
	nearby := ev.nearby.String()
	var amb *region.AmbiguousError
	var picked region.Region
	chosen := -1
	for i := range clues {
		reg, err := lookupClue(clues[i], nearby)
		var a *region.AmbiguousError
		switch {
		case errors.As(err, &a):
			if amb == nil {
				amb = a
			}
			continue
		case err != nil:
			continue
		}
		if amb != nil {
			var ok bool
			if reg, ok = settle(reg, amb.Candidates); !ok {
				continue
			}
		}
		picked, chosen = reg, i
		break
	}
	if chosen < 0 {
		if amb != nil {
			return r.refuse("region %w", amb)
		}
		var tried []string
		for _, c := range clues {
			tried = append(tried, fmt.Sprintf("%s %q", c.describe(), c.name))
		}
		if len(tried) == 0 {
			tried = append(tried, "nothing names one")
		}
		return r.refuse("cannot tell its region (tried: %s; no 国务院 or 全国人民代表大会 either); name it with --region", strings.Join(tried, ", "))
	}
	c := clues[chosen]
	r.m.Region, r.m.RegionSource = picked, c.source
	for _, o := range clues[chosen+1:] {
		if !o.source.beside() {
			continue
		}
		reg, err := lookupClue(o, nearby)
		if err == nil && !reg.Contains(picked) && !picked.Contains(reg) {
			r.note(slog.LevelWarn, 0, fmt.Sprintf("the %s says the region is %s (%s), the %s says %s (%s); using %s",
				o.describe(), reg.Full, reg.Code, c.describe(), picked.Full, picked.Code, picked.Full))
		}
	}
	if c.source == FromFileName {
		r.note(slog.LevelInfo, 0, fmt.Sprintf("region %s (%s) taken from the file name", picked.Full, picked.Code))
	}
	for _, k := range clues {
		if k.kind && !strings.HasSuffix(picked.Full, k.name) && c.source.beside() {
			r.note(slog.LevelWarn, k.line, fmt.Sprintf("line %d speaks for a %s government, but the %s names %s (%s)", k.line, k.name, c.describe(), picked.Full, picked.Code))
		}
	}
	return nil
}

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

// lookupClue resolves the text of a region clue. Text from the report names
// its region at the start (重庆市政府工作报告, 海拉尔区第十四届…); values beside
// the text (row and flag values, file name parts) are names or codes on
// their own.
func lookupClue(c clue, nearby string) (region.Region, error) {
	if c.source.beside() {
		if reg, err := region.Find(c.name); err == nil || c.source == FromFlag {
			return reg, err
		}
	}
	reg, n, err := region.Prefix(c.name, nearby)
	if err != nil {
		return reg, err
	}
	if n == 0 {
		return reg, region.ErrUnknown
	}
	return reg, nil
}
