package optimizer

import (
	"math"

	"github.com/eventflux/eventflux-go/plan"
)

const foldConstantsDoc = `Evaluates operators whose operands are all constants once, at compile time.
Correct because the folded operators are pure and folded with the runtime's
exact semantics: BIGINT arithmetic wraps like the runtime's, '/' and '%' by
zero give NULL, comparisons and AND/OR follow the two-valued NULL rules of
LANGUAGE.md §2.5, and only exact numeric widenings are folded (INT/BIGINT
constants to DOUBLE only when exactly representable). Volatile functions and
INT/FLOAT arithmetic (32-bit wrap and rounding) are left to the runtime.`

func foldConstants(_ *plan.App, q *plan.Query) (bool, error) {
	return q.RewriteExprs(func(e plan.Expr) plan.Expr { return plan.Rewrite(e, foldNode) }), nil
}

func asConst(e plan.Expr) (*plan.Const, bool) {
	c, ok := e.(*plan.Const)
	return c, ok
}

func foldNode(e plan.Expr) plan.Expr {
	switch n := e.(type) {
	case *plan.Cast:
		c, ok := asConst(n.X)
		if !ok {
			return e
		}
		if c.Null {
			return &plan.Const{T: n.T, Null: true}
		}
		switch {
		case c.T == plan.BigInt && n.T == plan.Double && float64(int64(float64(c.I))) == float64(c.I) && math.Abs(float64(c.I)) < 1<<53:
			return &plan.Const{T: plan.Double, F: float64(c.I)}
		case c.T == plan.Int && n.T == plan.BigInt:
			return &plan.Const{T: plan.BigInt, I: c.I}
		case c.T == plan.BigInt && n.T == plan.Int && c.I >= math.MinInt32 && c.I <= math.MaxInt32:
			return &plan.Const{T: plan.Int, I: c.I}
		case c.T == plan.Double && n.T == plan.Float && !math.IsInf(c.F, 0) && math.Abs(c.F) <= math.MaxFloat32:
			return &plan.Const{T: plan.Float, F: float64(float32(c.F))}
		case c.T == plan.BigInt && n.T == plan.Float && math.Abs(float64(c.I)) < 1<<24:
			return &plan.Const{T: plan.Float, F: float64(c.I)}
		}
	case *plan.Unary:
		c, ok := asConst(n.X)
		if !ok {
			return e
		}
		switch {
		case c.Null:
			return &plan.Const{T: n.T, Null: true}
		case n.Op == plan.Not:
			return &plan.Const{T: plan.Bool, I: 1 - c.I}
		case n.T == plan.BigInt:
			return &plan.Const{T: plan.BigInt, I: -c.I}
		case n.T == plan.Double:
			return &plan.Const{T: plan.Double, F: -c.F}
		}
	case *plan.IsNull:
		if c, ok := asConst(n.X); ok {
			return boolConst(c.Null != n.Not)
		}
	case *plan.Binary:
		return foldBinary(n)
	}
	return e
}

func boolConst(b bool) *plan.Const {
	if b {
		return &plan.Const{T: plan.Bool, I: 1}
	}
	return &plan.Const{T: plan.Bool}
}

func foldBinary(n *plan.Binary) plan.Expr {
	l, lok := asConst(n.L)
	r, rok := asConst(n.R)
	if !lok || !rok {
		return n
	}
	switch {
	case n.Op == plan.And:
		return boolConst(!l.Null && l.I != 0 && !r.Null && r.I != 0)
	case n.Op == plan.Or:
		return boolConst((!l.Null && l.I != 0) || (!r.Null && r.I != 0))
	case n.Op.IsComparison():
		if l.Null || r.Null {
			return boolConst(n.Op == plan.Ne)
		}
		c, ok := compareConsts(l, r)
		if !ok {
			return n
		}
		switch n.Op {
		case plan.Eq:
			return boolConst(c == 0)
		case plan.Ne:
			return boolConst(c != 0)
		case plan.Lt:
			return boolConst(c < 0)
		case plan.Le:
			return boolConst(c <= 0)
		case plan.Gt:
			return boolConst(c > 0)
		}
		return boolConst(c >= 0)
	}
	if l.Null || r.Null {
		return &plan.Const{T: n.T, Null: true}
	}
	switch n.T {
	case plan.BigInt:
		x, y := l.I, r.I
		switch n.Op {
		case plan.Add:
			return &plan.Const{T: plan.BigInt, I: x + y}
		case plan.Sub:
			return &plan.Const{T: plan.BigInt, I: x - y}
		case plan.Mul:
			return &plan.Const{T: plan.BigInt, I: x * y}
		case plan.Mod:
			if y == 0 {
				return &plan.Const{T: plan.BigInt, Null: true}
			}
			if y == -1 {
				return &plan.Const{T: plan.BigInt}
			}
			return &plan.Const{T: plan.BigInt, I: x % y}
		}
	case plan.Double:
		x, y := l.F, r.F
		switch n.Op {
		case plan.Add:
			return &plan.Const{T: plan.Double, F: x + y}
		case plan.Sub:
			return &plan.Const{T: plan.Double, F: x - y}
		case plan.Mul:
			return &plan.Const{T: plan.Double, F: x * y}
		case plan.Div:
			if y == 0 {
				return &plan.Const{T: plan.Double, Null: true}
			}
			return &plan.Const{T: plan.Double, F: x / y}
		case plan.Mod:
			if y == 0 {
				return &plan.Const{T: plan.Double, Null: true}
			}
			return &plan.Const{T: plan.Double, F: math.Mod(x, y)}
		}
	}
	return n
}

// compareConsts orders two non-NULL constants of one type; false for NaN.
func compareConsts(a, b *plan.Const) (int, bool) {
	switch a.T {
	case plan.String:
		switch {
		case a.S < b.S:
			return -1, true
		case a.S > b.S:
			return 1, true
		}
		return 0, true
	case plan.Float, plan.Double:
		switch {
		case a.F < b.F:
			return -1, true
		case a.F > b.F:
			return 1, true
		case a.F == b.F:
			return 0, true
		}
		return 0, false
	}
	switch {
	case a.I < b.I:
		return -1, true
	case a.I > b.I:
		return 1, true
	}
	return 0, true
}
