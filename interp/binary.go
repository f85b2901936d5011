package interp

import (
	"strings"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/fn"
)

func compileBinary(e *plan.Binary) (evalFn, error) {
	l, err := compileExpr(e.L)
	if err != nil {
		return nil, err
	}
	r, err := compileExpr(e.R)
	if err != nil {
		return nil, err
	}
	switch {
	case e.Op == plan.And:
		return func(c *evalCtx) rt.Value {
			if v := l(c); v.Null || v.I == 0 { // NULL counts as FALSE (§2.5)
				return vFalse
			}
			return boolV(r(c).Bool())
		}, nil
	case e.Op == plan.Or:
		return func(c *evalCtx) rt.Value {
			if l(c).Bool() {
				return vTrue
			}
			return boolV(r(c).Bool())
		}, nil
	case e.Op.IsComparison():
		cmp := compareFn(e.L.Type())
		test := comparisonTest(e.Op)
		nullResult := boolV(e.Op == plan.Ne) // != with NULL is TRUE, the rest FALSE
		return func(c *evalCtx) rt.Value {
			a, b := l(c), r(c)
			if a.Null || b.Null {
				return nullResult
			}
			return boolV(test(cmp(a, b)))
		}, nil
	}
	op := arithmetic(e.Op, e.T)
	return func(c *evalCtx) rt.Value {
		a, b := l(c), r(c)
		if a.Null || b.Null {
			return vNull
		}
		return op(a, b)
	}, nil
}

func comparisonTest(op plan.BinOp) func(int) bool {
	switch op {
	case plan.Eq:
		return func(c int) bool { return c == 0 }
	case plan.Ne:
		return func(c int) bool { return c != 0 }
	case plan.Lt:
		return func(c int) bool { return c == -1 }
	case plan.Le:
		return func(c int) bool { return c == -1 || c == 0 }
	case plan.Gt:
		return func(c int) bool { return c == 1 }
	}
	return func(c int) bool { return c == 0 || c == 1 }
}

// compareFn orders two non-NULL values of type t. NaN compares unequal to
// everything, as in IEEE comparisons: it reports 2, which every test but !=
// rejects.
func compareFn(t plan.Type) func(a, b rt.Value) int {
	switch t {
	case plan.String:
		return func(a, b rt.Value) int { return strings.Compare(a.S, b.S) }
	case plan.Float, plan.Double:
		return func(a, b rt.Value) int {
			switch {
			case a.F < b.F:
				return -1
			case a.F > b.F:
				return 1
			case a.F == b.F:
				return 0
			}
			return 2
		}
	}
	return func(a, b rt.Value) int {
		switch {
		case a.I < b.I:
			return -1
		case a.I > b.I:
			return 1
		}
		return 0
	}
}

// arithmetic returns the operator on non-NULL operands of result type t.
// Integers wrap (two's complement) at their width; FLOAT math is float32.
func arithmetic(op plan.BinOp, t plan.Type) func(a, b rt.Value) rt.Value {
	switch t {
	case plan.Int:
		return func(a, b rt.Value) rt.Value {
			x, y := int32(a.I), int32(b.I)
			switch op {
			case plan.Add:
				return rt.Value{I: int64(x + y)}
			case plan.Sub:
				return rt.Value{I: int64(x - y)}
			case plan.Mul:
				return rt.Value{I: int64(x * y)}
			}
			m, ok := fn.ModInt32(x, y)
			if !ok {
				return vNull
			}
			return rt.Value{I: int64(m)}
		}
	case plan.BigInt:
		return func(a, b rt.Value) rt.Value {
			x, y := a.I, b.I
			switch op {
			case plan.Add:
				return rt.Value{I: x + y}
			case plan.Sub:
				return rt.Value{I: x - y}
			case plan.Mul:
				return rt.Value{I: x * y}
			}
			m, ok := fn.ModInt64(x, y)
			if !ok {
				return vNull
			}
			return rt.Value{I: m}
		}
	case plan.Float:
		return func(a, b rt.Value) rt.Value {
			x, y := float32(a.F), float32(b.F)
			switch op {
			case plan.Add:
				return rt.Value{F: float64(x + y)}
			case plan.Sub:
				return rt.Value{F: float64(x - y)}
			case plan.Mul:
				return rt.Value{F: float64(x * y)}
			}
			m, ok := fn.ModFloat32(x, y)
			if !ok {
				return vNull
			}
			return rt.Value{F: float64(m)}
		}
	}
	return func(a, b rt.Value) rt.Value {
		x, y := a.F, b.F
		switch op {
		case plan.Add:
			return rt.Value{F: x + y}
		case plan.Sub:
			return rt.Value{F: x - y}
		case plan.Mul:
			return rt.Value{F: x * y}
		case plan.Div:
			d, ok := fn.DivFloat(x, y)
			if !ok {
				return vNull
			}
			return rt.Value{F: d}
		}
		m, ok := fn.ModFloat(x, y)
		if !ok {
			return vNull
		}
		return rt.Value{F: m}
	}
}
