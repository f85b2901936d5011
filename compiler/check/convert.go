package check

import (
	"github.com/eventflux/eventflux-go/compiler/diag"
	"github.com/eventflux/eventflux-go/plan"
)

// convert makes e of type t with an implicit cast. A NULL constant simply
// adopts t (§2.2); a constant of another numeric type is folded later by the
// optimizer, not here, so the plan shows what the user wrote.
func convert(e plan.Expr, t plan.Type) plan.Expr {
	if e.Type() == t || t == plan.Object {
		return e
	}
	if c, ok := e.(*plan.Const); ok && c.Null {
		return nullOf(t)
	}
	return &plan.Cast{X: e, T: t, Implicit: true}
}

func nullOf(t plan.Type) *plan.Const { return &plan.Const{T: t, Null: true} }

func boolConst(v bool) *plan.Const {
	c := &plan.Const{T: plan.Bool}
	if v {
		c.I = 1
	}
	return c
}

// kind groups types that may meet in one CASE, coalesce or IN list.
func kind(t plan.Type) int {
	switch {
	case t.IsNumeric():
		return 1
	case t == plan.String:
		return 2
	case t == plan.Bool:
		return 3
	}
	return 0
}

// commonType is the type all of exprs convert to: numeric ones widen; other
// kinds must agree (NULL adapts). E305 on a mismatch.
func commonType(exprs []plan.Expr, pos func(int) diag.Pos, what string) (plan.Type, *diag.Error) {
	t := plan.Object
	for i, e := range exprs {
		et := e.Type()
		switch {
		case et == plan.Object:
		case t == plan.Object:
			t = et
		case kind(t) == 1 && kind(et) == 1:
			t = plan.Wider(t, et)
		case t != et:
			return 0, diag.Errorf(pos(i), "E305", "%s type mismatch: argument %d is %s, expected %s", what, i+1, et, t)
		}
	}
	return t, nil
}

// compare types a comparison (§2.4): both numeric (widened), both STRING,
// or both BOOL (only = and !=).
func compare(op plan.BinOp, a, b plan.Expr, pos diag.Pos) (plan.Expr, *diag.Error) {
	ta, tb := a.Type(), b.Type()
	var t plan.Type
	switch {
	case ta == plan.Object && tb == plan.Object:
		t = plan.BigInt
	case ta == plan.Object:
		t = tb
	case tb == plan.Object:
		t = ta
	case ta.IsNumeric() && tb.IsNumeric():
		t = plan.Wider(ta, tb)
	case ta == tb:
		t = ta
	default:
		return nil, diag.Errorf(pos, "E302", "Cannot compare %s with %s", ta, tb)
	}
	if t == plan.Bool && op != plan.Eq && op != plan.Ne {
		return nil, diag.Errorf(pos, "E302", "Boolean values can only use == and != operators")
	}
	return &plan.Binary{Op: op, L: convert(a, t), R: convert(b, t), T: plan.Bool}, nil
}

// castTo types an explicit CAST per the table of §2.7 (plan's cast
// catalog).
func castTo(x plan.Expr, to plan.Type, pos diag.Pos) (plan.Expr, *diag.Error) {
	from := x.Type()
	if !plan.CastAllowed(from, to) {
		return nil, diag.Errorf(pos, "E303", "Cannot cast %s to %s", from, to)
	}
	if from == to {
		return x, nil
	}
	if c, ok := x.(*plan.Const); ok && c.Null {
		return nullOf(to), nil
	}
	return &plan.Cast{X: x, T: to}, nil
}
