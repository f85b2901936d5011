package optimizer

import "github.com/eventflux/eventflux-go/plan"

const simplifyPredicatesDoc = `Simplifies WHERE and HAVING conditions: x AND TRUE → x, x AND FALSE → FALSE,
x OR FALSE → x, x OR TRUE → TRUE, NOT NOT x → x, and removes a WHERE that
is constant TRUE. Correct only in predicate position: a row passes a
condition only when it is TRUE, so NULL and FALSE are interchangeable there
(in a SELECT item "b AND TRUE" is FALSE for a NULL b, not NULL, so items are
left alone). Dropping an operand is safe because expressions have no side
effects.`

func simplifyPredicates(_ *plan.App, q *plan.Query) (bool, error) {
	changed := false
	for _, n := range q.Nodes() {
		switch n := n.(type) {
		case *plan.Filter:
			if s := simplifyPredicate(n.Cond); plan.FormatExpr(s) != plan.FormatExpr(n.Cond) {
				n.Cond, changed = s, true
			}
		case *plan.Selector:
			if n.Having != nil {
				if s := simplifyPredicate(n.Having); plan.FormatExpr(s) != plan.FormatExpr(n.Having) {
					n.Having, changed = s, true
				}
			}
		}
	}
	// A WHERE that is constant TRUE disappears: its readers read its input.
	for n, readers := range q.Readers() {
		if f, ok := n.(*plan.Filter); ok && isTrue(f.Cond) {
			for _, r := range readers {
				if plan.SetInput(r, f, f.Input) {
					changed = true
				}
			}
		}
	}
	return changed, nil
}

func isTrue(e plan.Expr) bool {
	c, ok := e.(*plan.Const)
	return ok && !c.Null && c.T == plan.Bool && c.I != 0
}

func isFalse(e plan.Expr) bool {
	c, ok := e.(*plan.Const)
	return ok && (c.Null || (c.T == plan.Bool && c.I == 0))
}

func simplifyPredicate(e plan.Expr) plan.Expr {
	switch n := e.(type) {
	case *plan.Binary:
		if n.Op != plan.And && n.Op != plan.Or {
			return e
		}
		l, r := simplifyPredicate(n.L), simplifyPredicate(n.R)
		if n.Op == plan.And {
			switch {
			case isFalse(l) || isFalse(r):
				return boolConst(false)
			case isTrue(l):
				return r
			case isTrue(r):
				return l
			}
		} else {
			switch {
			case isTrue(l) || isTrue(r):
				return boolConst(true)
			case isFalse(l):
				return r
			case isFalse(r):
				return l
			}
		}
		return &plan.Binary{Op: n.Op, L: l, R: r, T: plan.Bool}
	case *plan.Unary:
		if inner, ok := n.X.(*plan.Unary); ok && n.Op == plan.Not && inner.Op == plan.Not {
			return simplifyPredicate(inner.X)
		}
	}
	return e
}
