package links

import (
	"slices"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/relative"
)

// Resolve sets goals.resolved_value of the relative targets of the reports
// ids (of one year), from the top down so that a target set against one
// that is relative itself sees its new value. goals holds the goals of ids
// and of the reports above them (Above), by report id; the slices of the
// reports whose goals change are replaced, never changed in place. It
// returns the ids whose goals changed, sorted.
func Resolve(g *Graph, goals map[string][]schemas.Goal, ids []string) []string {
	var changed []string
	for _, id := range g.FromTheTop(ids) {
		rows := goals[id]
		var out []schemas.Goal
		for i, row := range rows {
			if schemas.Comparator(row.Comparator) != schemas.Relative {
				continue
			}
			var v *float64
			if row.Reference != nil {
				if ref := g.Reference(id, *row.Reference); ref != "" {
					v = relative.Resolve(row, goals[ref])
				}
			}
			if equal(v, row.ResolvedValue) {
				continue
			}
			if out == nil {
				out = slices.Clone(rows)
			}
			out[i].ResolvedValue = v
		}
		if out != nil {
			goals[id] = out
			changed = append(changed, id)
		}
	}
	slices.Sort(changed)
	return changed
}

func equal(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
