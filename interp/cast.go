package interp

import (
	"fmt"
	"strconv"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/fn"
)

// compileCast implements CAST and the implicit conversions (§2.3, §2.7).
// Conversions that can fail (parse errors, out of range) give NULL.
func compileCast(e *plan.Cast) (evalFn, error) {
	x, err := compileExpr(e.X)
	if err != nil {
		return nil, err
	}
	conv := castFn(e.X.Type(), e.T)
	if conv == nil { // the checker rejects these pairs (E303)
		return nil, fmt.Errorf("interp: no conversion from %s to %s", e.X.Type(), e.T)
	}
	return func(c *evalCtx) rt.Value {
		v := x(c)
		if v.Null {
			return v
		}
		return conv(v)
	}, nil
}

func castFn(from, to plan.Type) func(rt.Value) rt.Value {
	if from == to || from == plan.Object {
		return func(v rt.Value) rt.Value { return v }
	}
	opt := func(v rt.Value, ok bool) rt.Value {
		if !ok {
			return vNull
		}
		return v
	}
	switch to {
	case plan.String:
		switch from {
		case plan.Int, plan.BigInt:
			return func(v rt.Value) rt.Value { return rt.Value{S: strconv.FormatInt(v.I, 10)} }
		case plan.Float:
			return func(v rt.Value) rt.Value { return rt.Value{S: fn.FormatFloat32(float32(v.F))} }
		case plan.Double:
			return func(v rt.Value) rt.Value { return rt.Value{S: fn.FormatFloat64(v.F)} }
		case plan.Bool:
			return func(v rt.Value) rt.Value { return rt.Value{S: strconv.FormatBool(v.I != 0)} }
		}
	case plan.Int:
		switch from {
		case plan.String:
			return func(v rt.Value) rt.Value { i, ok := fn.StringToInt32(v.S); return opt(rt.Value{I: int64(i)}, ok) }
		case plan.BigInt:
			return func(v rt.Value) rt.Value { i, ok := fn.Int64ToInt32(v.I); return opt(rt.Value{I: int64(i)}, ok) }
		case plan.Float, plan.Double:
			return func(v rt.Value) rt.Value { i, ok := fn.Float64ToInt32(v.F); return opt(rt.Value{I: int64(i)}, ok) }
		}
	case plan.BigInt:
		switch from {
		case plan.String:
			return func(v rt.Value) rt.Value { i, ok := fn.StringToInt64(v.S); return opt(rt.Value{I: i}, ok) }
		case plan.Int:
			return func(v rt.Value) rt.Value { return v }
		case plan.Float, plan.Double:
			return func(v rt.Value) rt.Value { i, ok := fn.Float64ToInt64(v.F); return opt(rt.Value{I: i}, ok) }
		}
	case plan.Float:
		switch from {
		case plan.String:
			return func(v rt.Value) rt.Value { f, ok := fn.StringToFloat32(v.S); return opt(rt.Value{F: float64(f)}, ok) }
		case plan.Int, plan.BigInt:
			return func(v rt.Value) rt.Value { return rt.Value{F: float64(float32(v.I))} }
		case plan.Double:
			return func(v rt.Value) rt.Value { f, ok := fn.Float64ToFloat32(v.F); return opt(rt.Value{F: float64(f)}, ok) }
		}
	case plan.Double:
		switch from {
		case plan.String:
			return func(v rt.Value) rt.Value { f, ok := fn.StringToFloat64(v.S); return opt(rt.Value{F: f}, ok) }
		case plan.Int, plan.BigInt:
			return func(v rt.Value) rt.Value { return rt.Value{F: float64(v.I)} }
		case plan.Float:
			return func(v rt.Value) rt.Value { return v }
		}
	case plan.Bool:
		switch from {
		case plan.String:
			return func(v rt.Value) rt.Value { b, ok := fn.StringToBool(v.S); return opt(boolV(b), ok) }
		case plan.Int, plan.BigInt:
			return func(v rt.Value) rt.Value { return boolV(v.I != 0) }
		}
	}
	return nil
}
