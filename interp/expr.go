package interp

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
)

// evalCtx is what an expression reads: the input event and, inside a
// selector, the current group's aggregate values.
type evalCtx struct {
	row  rt.Row
	ts   int64
	aggs []rt.Value
	now  func() int64
}

// evalFn is a compiled expression. Types are resolved when compiling, so a
// closure never switches on types per event.
type evalFn func(c *evalCtx) rt.Value

var (
	vTrue  = rt.Value{I: 1}
	vFalse = rt.Value{}
	vNull  = rt.NullValue
)

func boolV(b bool) rt.Value {
	if b {
		return vTrue
	}
	return vFalse
}

// compileExpr turns a typed plan expression into a closure.
func compileExpr(e plan.Expr) (evalFn, error) {
	switch e := e.(type) {
	case *plan.Const:
		v := constValue(e)
		return func(*evalCtx) rt.Value { return v }, nil
	case *slotRef:
		i := e.slot
		return func(c *evalCtx) rt.Value { return c.row[i] }, nil
	case *plan.ColRef:
		return nil, fmt.Errorf("interp: column %s was not resolved to a row slot", plan.FormatExpr(e))
	case *plan.AggRef:
		i := e.Index
		return func(c *evalCtx) rt.Value { return c.aggs[i] }, nil
	case *plan.Unary:
		return compileUnary(e)
	case *plan.Binary:
		return compileBinary(e)
	case *plan.IsNull:
		x, err := compileExpr(e.X)
		if err != nil {
			return nil, err
		}
		if e.Not {
			return func(c *evalCtx) rt.Value { return boolV(!x(c).Null) }, nil
		}
		return func(c *evalCtx) rt.Value { return boolV(x(c).Null) }, nil
	case *plan.In:
		return compileIn(e)
	case *plan.Case:
		return compileCase(e)
	case *plan.Cast:
		return compileCast(e)
	case *plan.Call:
		return compileCall(e)
	}
	return nil, fmt.Errorf("interp: unsupported expression %T", e)
}

func constValue(c *plan.Const) rt.Value {
	if c.Null {
		return vNull
	}
	return rt.Value{I: c.I, F: c.F, S: c.S}
}

func compileAll(es []plan.Expr) ([]evalFn, error) {
	out := make([]evalFn, len(es))
	for i, e := range es {
		f, err := compileExpr(e)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

func compileUnary(e *plan.Unary) (evalFn, error) {
	x, err := compileExpr(e.X)
	if err != nil {
		return nil, err
	}
	if e.Op == plan.Not {
		return func(c *evalCtx) rt.Value {
			v := x(c)
			if v.Null {
				return v // NOT NULL is NULL (§2.5)
			}
			return boolV(v.I == 0)
		}, nil
	}
	switch e.T {
	case plan.Int:
		return func(c *evalCtx) rt.Value {
			v := x(c)
			if v.Null {
				return v
			}
			return rt.Value{I: int64(-int32(v.I))} // wraps like two's complement int32
		}, nil
	case plan.BigInt:
		return func(c *evalCtx) rt.Value {
			v := x(c)
			if v.Null {
				return v
			}
			return rt.Value{I: -v.I}
		}, nil
	default:
		return func(c *evalCtx) rt.Value {
			v := x(c)
			if v.Null {
				return v
			}
			return rt.Value{F: -v.F}
		}, nil
	}
}

func compileIn(e *plan.In) (evalFn, error) {
	x, err := compileExpr(e.X)
	if err != nil {
		return nil, err
	}
	list, err := compileAll(e.List)
	if err != nil {
		return nil, err
	}
	eq := equalFn(e.X.Type())
	not := e.Not
	return func(c *evalCtx) rt.Value {
		v := x(c)
		found := false
		if !v.Null {
			for _, f := range list {
				w := f(c)
				if !w.Null && eq(v, w) {
					found = true
					break
				}
			}
		}
		return boolV(found != not)
	}, nil
}

func equalFn(t plan.Type) func(a, b rt.Value) bool {
	switch t {
	case plan.String:
		return func(a, b rt.Value) bool { return a.S == b.S }
	case plan.Float, plan.Double:
		return func(a, b rt.Value) bool { return a.F == b.F }
	}
	return func(a, b rt.Value) bool { return a.I == b.I }
}

func compileCase(e *plan.Case) (evalFn, error) {
	conds := make([]evalFn, len(e.Whens))
	results := make([]evalFn, len(e.Whens))
	for i, w := range e.Whens {
		var err error
		if conds[i], err = compileExpr(w.Cond); err != nil {
			return nil, err
		}
		if results[i], err = compileExpr(w.Result); err != nil {
			return nil, err
		}
	}
	els := func(*evalCtx) rt.Value { return vNull }
	if e.Else != nil {
		var err error
		if els, err = compileExpr(e.Else); err != nil {
			return nil, err
		}
	}
	return func(c *evalCtx) rt.Value {
		for i, cond := range conds {
			if v := cond(c); !v.Null && v.I != 0 {
				return results[i](c)
			}
		}
		return els(c)
	}, nil
}
