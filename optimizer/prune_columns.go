package optimizer

import "github.com/eventflux/eventflux-go/plan"

const pruneColumnsDoc = `Projects away input columns a windowed query never reads, right above the
scan, so the window retains narrow events. Correct because no operator above
the projection can observe a column that no expression, window parameter or
sort key references: every column reference is renumbered to the narrow
layout, and windows see the same events, timestamps and key values as
before. Applied only to windowed queries (without a window nothing is
retained, and copying would only cost time).`

func pruneColumns(q *plan.Query) bool {
	var scanParent plan.Node
	var scan *plan.Scan
	var win *plan.Window
	walkNodes(q.Root, func(n plan.Node) {
		for _, in := range n.Inputs() {
			if s, ok := in.(*plan.Scan); ok {
				scan, scanParent = s, n
			}
		}
		if w, ok := n.(*plan.Window); ok {
			win = w
		}
		if _, ok := n.(*plan.Project); ok {
			scan = nil // already pruned
		}
	})
	if scan == nil || win == nil {
		return false
	}
	used := make([]bool, len(scan.Rel.Columns))
	mark := func(e plan.Expr) {
		plan.Walk(e, func(x plan.Expr) bool {
			if c, ok := x.(*plan.ColRef); ok {
				used[c.Index] = true
			}
			return true
		})
	}
	forEachInputExpr(q, mark)
	for _, a := range win.Spec.Attrs {
		used[a] = true
	}
	if win.Spec.Kind == "frequent" || win.Spec.Kind == "lossyFrequent" {
		if len(win.Spec.Attrs) == 0 {
			return false // keyed on the whole event
		}
	}
	var cols []int
	remap := make([]int, len(used))
	for i, u := range used {
		remap[i] = -1
		if u {
			remap[i] = len(cols)
			cols = append(cols, i)
		}
	}
	if len(cols) == len(used) {
		return false
	}
	if len(cols) == 0 { // keep one column: events still need a payload slot
		cols, remap[0] = []int{0}, 0
	}
	proj := &plan.Project{Input: scan, Cols: cols}
	setInput(scanParent, scan, proj)
	renumber := func(e plan.Expr) plan.Expr {
		return plan.Rewrite(e, func(x plan.Expr) plan.Expr {
			if c, ok := x.(*plan.ColRef); ok {
				return &plan.ColRef{Index: remap[c.Index], Name: c.Name, T: c.T}
			}
			return x
		})
	}
	rewriteInputExprs(q, renumber)
	for i, a := range win.Spec.Attrs {
		win.Spec.Attrs[i] = remap[a]
	}
	return true
}

// forEachInputExpr visits every expression that reads the query's input row.
func forEachInputExpr(q *plan.Query, fn func(plan.Expr)) {
	rewriteInputExprs(q, func(e plan.Expr) plan.Expr { fn(e); return e })
}

// rewriteInputExprs rewrites every expression reading the input row:
// filters, window sort keys, and the selector's items, aggregate
// arguments, GROUP BY, HAVING and ORDER BY.
func rewriteInputExprs(q *plan.Query, fn func(plan.Expr) plan.Expr) {
	walkNodes(q.Root, func(n plan.Node) {
		switch n := n.(type) {
		case *plan.Filter:
			n.Cond = fn(n.Cond)
		case *plan.Window:
			for i := range n.Spec.Sort {
				n.Spec.Sort[i].Expr = fn(n.Spec.Sort[i].Expr)
			}
		case *plan.Selector:
			for i := range n.Items {
				n.Items[i].Expr = fn(n.Items[i].Expr)
			}
			for i := range n.Aggs {
				if n.Aggs[i].Arg != nil {
					n.Aggs[i].Arg = fn(n.Aggs[i].Arg)
				}
			}
			for i := range n.GroupBy {
				n.GroupBy[i] = fn(n.GroupBy[i])
			}
			if n.Having != nil {
				n.Having = fn(n.Having)
			}
			for i := range n.OrderBy {
				n.OrderBy[i].Expr = fn(n.OrderBy[i].Expr)
			}
		}
	})
}

// setInput replaces parent's input old by repl.
func setInput(parent plan.Node, old, repl plan.Node) {
	switch p := parent.(type) {
	case *plan.Window:
		p.Input = repl
	case *plan.Filter:
		p.Input = repl
	case *plan.Selector:
		p.Input = repl
	case *plan.Project:
		p.Input = repl
	}
}
