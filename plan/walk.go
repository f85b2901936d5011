package plan

// The one walker over a query's operators and their expressions: every
// optimizer pass and both backends find expressions and column references
// through these functions, so a node kind added later is taught to all of
// them in one place.

// Nodes returns the query's operators, each once, inputs before the nodes
// that read them (a DAG may share a node between two readers).
func (q *Query) Nodes() []Node {
	var out []Node
	seen := map[Node]bool{}
	var visit func(n Node)
	visit = func(n Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		for _, in := range n.Inputs() {
			visit(in)
		}
		out = append(out, n)
	}
	visit(q.Root)
	return out
}

// Readers maps each node of q to the nodes that take it as an input.
func (q *Query) Readers() map[Node][]Node {
	out := map[Node][]Node{}
	for _, n := range q.Nodes() {
		for _, in := range n.Inputs() {
			out[in] = append(out[in], n)
		}
	}
	return out
}

// Scans are the query's source operators, in binding order.
func (q *Query) Scans() []*Scan {
	var out []*Scan
	for _, n := range q.Nodes() {
		if s, ok := n.(*Scan); ok {
			out = append(out, s)
		}
	}
	return out
}

// SetInput replaces reader's input old by repl; it reports false when old
// is not an input of reader.
func SetInput(reader, old, repl Node) bool {
	switch r := reader.(type) {
	case *Window:
		if r.Input == old {
			r.Input = repl
			return true
		}
	case *Filter:
		if r.Input == old {
			r.Input = repl
			return true
		}
	case *Project:
		if r.Input == old {
			r.Input = repl
			return true
		}
	case *Selector:
		if r.Input == old {
			r.Input = repl
			return true
		}
	case *RateLimit:
		if r.Input == old {
			r.Input = repl
			return true
		}
	case *Insert:
		if r.Input == old {
			r.Input = repl
			return true
		}
	}
	return false
}

// Exprs calls fn with every expression slot of node n (not of its inputs):
// a filter's condition, the selector's items, aggregate arguments, GROUP
// BY, HAVING and ORDER BY keys. fn may replace the expression in place.
// Column references that must stay references (window keys, projected
// columns) are not expression slots; Refs reports them.
func Exprs(n Node, fn func(slot *Expr)) {
	switch n := n.(type) {
	case *Filter:
		fn(&n.Cond)
	case *Selector:
		for i := range n.Items {
			fn(&n.Items[i].Expr)
		}
		for i := range n.Aggs {
			if n.Aggs[i].Arg != nil {
				fn(&n.Aggs[i].Arg)
			}
		}
		for i := range n.GroupBy {
			fn(&n.GroupBy[i])
		}
		if n.Having != nil {
			fn(&n.Having)
		}
		for i := range n.OrderBy {
			fn(&n.OrderBy[i].Expr)
		}
	}
}

// Refs returns every column reference node n reads: those inside its
// expressions, a window's own columns and a projection's columns.
func Refs(n Node) []*ColRef {
	var out []*ColRef
	switch n := n.(type) {
	case *Window:
		out = append(out, n.Spec.Refs()...)
	case *Project:
		out = append(out, n.Cols...)
	}
	Exprs(n, func(slot *Expr) {
		Walk(*slot, func(x Expr) bool {
			if r, ok := x.(*ColRef); ok {
				out = append(out, r)
			}
			return true
		})
	})
	return out
}

// RewriteExprs applies fn to every expression of every operator of q and
// reports whether any expression changed (by its printed form).
func (q *Query) RewriteExprs(fn func(Expr) Expr) bool {
	changed := false
	for _, n := range q.Nodes() {
		Exprs(n, func(slot *Expr) {
			before := FormatExpr(*slot)
			*slot = fn(*slot)
			if FormatExpr(*slot) != before {
				changed = true
			}
		})
	}
	return changed
}
