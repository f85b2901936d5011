package optimizer

import "github.com/eventflux/eventflux-go/plan"

const pruneColumnsDoc = `Projects away input columns a windowed query never reads, right above the
scan, so the window retains narrow events. Correct because no operator above
the projection can observe a column that no expression, window parameter or
sort key references: column references name their binding's columns, which
the physical plan places in the narrow row, and windows see the same
events, timestamps and key values as before. Applied only to windowed
queries (without a window nothing is retained, and copying would only cost
time).`

func pruneColumns(_ *plan.App, q *plan.Query) (bool, error) {
	readers := q.Readers()
	changed := false
	for _, scan := range q.Scans() {
		above := readers[scan]
		if len(above) != 1 || !windowAbove(readers, scan) {
			continue
		}
		if _, ok := above[0].(*plan.Project); ok {
			continue // already pruned
		}
		bind := scan.Bind
		used := make([]bool, len(bind.Rel.Columns))
		for _, n := range q.Nodes() {
			for _, r := range plan.Refs(n) {
				if r.Bind == bind {
					used[r.Col] = true
				}
			}
		}
		var cols []*plan.ColRef
		for i, u := range used {
			if u {
				cols = append(cols, bind.Ref(i))
			}
		}
		if len(cols) == 0 { // keep one column: events still need a payload slot
			cols = []*plan.ColRef{bind.Ref(0)}
		}
		if len(cols) == len(used) {
			continue
		}
		plan.SetInput(above[0], scan, &plan.Project{Input: scan, Cols: cols})
		changed = true
	}
	return changed, nil
}

// windowAbove reports whether a window retains what n produces: some
// operator on the way from n to the query's root is a window.
func windowAbove(readers map[plan.Node][]plan.Node, n plan.Node) bool {
	for _, r := range readers[n] {
		if _, ok := r.(*plan.Window); ok || windowAbove(readers, r) {
			return true
		}
	}
	return false
}
