package interp

import (
	"fmt"
	"math"
	"strings"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/fn"
)

// compileCall binds a built-in function to its runtime/fn implementation.
// Scalar functions are NULL in → NULL out (§2.5) except the ones handled
// before the generic NULL check.
func compileCall(e *plan.Call) (evalFn, error) {
	args, err := compileAll(e.Args)
	if err != nil {
		return nil, err
	}
	switch e.Func {
	case plan.FuncCoalesce:
		return func(c *evalCtx) rt.Value {
			for _, a := range args {
				if v := a(c); !v.Null {
					return v
				}
			}
			return vNull
		}, nil
	case plan.FuncUUID:
		return func(*evalCtx) rt.Value { return rt.Value{S: fn.UUID()} }, nil
	case plan.FuncNow:
		return func(c *evalCtx) rt.Value { return rt.Value{I: c.now()} }, nil
	case plan.FuncEventTimestamp:
		return func(c *evalCtx) rt.Value { return rt.Value{I: c.ts} }, nil
	case plan.FuncMaximum, plan.FuncMinimum:
		pick := fn.Maximum
		if e.Func == plan.FuncMinimum {
			pick = fn.Minimum
		}
		return func(c *evalCtx) rt.Value {
			var buf [8]float64
			vals := buf[:0]
			for _, a := range args {
				if v := a(c); !v.Null { // NULL arguments are skipped (§9.1)
					vals = append(vals, v.F)
				}
			}
			return optF(pick(vals...))
		}, nil
	case plan.FuncLike:
		if p, ok := e.Args[1].(*plan.Const); ok && !p.Null {
			m := fn.CompileLike(p.S)
			s := args[0]
			return func(c *evalCtx) rt.Value {
				v := s(c)
				if v.Null {
					return v
				}
				return boolV(m.Match(v.S))
			}, nil
		}
	}
	body, err := scalarBody(e)
	if err != nil {
		return nil, err
	}
	switch len(args) {
	case 1:
		a := args[0]
		return func(c *evalCtx) rt.Value {
			v := a(c)
			if v.Null {
				return v
			}
			return body([]rt.Value{v})
		}, nil
	default:
		return func(c *evalCtx) rt.Value {
			var buf [4]rt.Value
			vs := buf[:0]
			for _, a := range args {
				v := a(c)
				if v.Null {
					return vNull
				}
				vs = append(vs, v)
			}
			return body(vs)
		}, nil
	}
}

func f64(x float64) rt.Value { return rt.Value{F: x} }

func optS(s string, ok bool) rt.Value {
	if !ok {
		return vNull
	}
	return rt.Value{S: s}
}

func optI(i int64, ok bool) rt.Value {
	if !ok {
		return vNull
	}
	return rt.Value{I: i}
}

func optF(f float64, ok bool) rt.Value {
	if !ok {
		return vNull
	}
	return rt.Value{F: f}
}

// scalarBody is a function over non-NULL arguments.
func scalarBody(e *plan.Call) (func(v []rt.Value) rt.Value, error) {
	math1 := func(f func(float64) float64) func(v []rt.Value) rt.Value {
		return func(v []rt.Value) rt.Value { return f64(f(v[0].F)) }
	}
	str1 := func(f func(string) string) func(v []rt.Value) rt.Value {
		return func(v []rt.Value) rt.Value { return rt.Value{S: f(v[0].S)} }
	}
	switch e.Func {
	case plan.FuncAbs:
		switch e.T {
		case plan.Int:
			return func(v []rt.Value) rt.Value { return rt.Value{I: int64(fn.AbsInt32(int32(v[0].I)))} }, nil
		case plan.BigInt:
			return func(v []rt.Value) rt.Value { return rt.Value{I: fn.AbsInt64(v[0].I)} }, nil
		case plan.Float:
			return func(v []rt.Value) rt.Value { return f64(float64(float32(math.Abs(v[0].F)))) }, nil
		}
		return math1(math.Abs), nil
	case plan.FuncCeil:
		return math1(math.Ceil), nil
	case plan.FuncFloor:
		return math1(math.Floor), nil
	case plan.FuncRound:
		return func(v []rt.Value) rt.Value {
			d := int64(0)
			if len(v) > 1 {
				d = v[1].I
			}
			return f64(fn.RoundTo(v[0].F, d))
		}, nil
	case plan.FuncTrunc:
		return func(v []rt.Value) rt.Value {
			d := int64(0)
			if len(v) > 1 {
				d = v[1].I
			}
			return f64(fn.TruncTo(v[0].F, d))
		}, nil
	case plan.FuncSign:
		return func(v []rt.Value) rt.Value { return rt.Value{I: int64(fn.Sign(v[0].F))} }, nil
	case plan.FuncMod:
		return func(v []rt.Value) rt.Value { return optF(fn.ModFloat(v[0].F, v[1].F)) }, nil
	case plan.FuncSqrt:
		return math1(math.Sqrt), nil
	case plan.FuncExp:
		return math1(math.Exp), nil
	case plan.FuncLn:
		return math1(math.Log), nil
	case plan.FuncLog10:
		return math1(math.Log10), nil
	case plan.FuncSin:
		return math1(math.Sin), nil
	case plan.FuncCos:
		return math1(math.Cos), nil
	case plan.FuncTan:
		return math1(math.Tan), nil
	case plan.FuncAsin:
		return math1(math.Asin), nil
	case plan.FuncAcos:
		return math1(math.Acos), nil
	case plan.FuncAtan:
		return math1(math.Atan), nil
	case plan.FuncPower:
		return func(v []rt.Value) rt.Value { return f64(math.Pow(v[0].F, v[1].F)) }, nil
	case plan.FuncLength:
		return func(v []rt.Value) rt.Value { return rt.Value{I: int64(fn.Length(v[0].S))} }, nil
	case plan.FuncUpper:
		return str1(fn.Upper), nil
	case plan.FuncLower:
		return str1(fn.Lower), nil
	case plan.FuncTrim:
		return str1(fn.Trim), nil
	case plan.FuncLTrim:
		return str1(fn.LTrim), nil
	case plan.FuncRTrim:
		return str1(fn.RTrim), nil
	case plan.FuncReverse:
		return str1(fn.Reverse), nil
	case plan.FuncConcat:
		return func(v []rt.Value) rt.Value {
			var b strings.Builder
			for _, x := range v {
				b.WriteString(x.S)
			}
			return rt.Value{S: b.String()}
		}, nil
	case plan.FuncSubstring:
		return func(v []rt.Value) rt.Value {
			if len(v) == 3 {
				return rt.Value{S: fn.SubstringLen(v[0].S, v[1].I, v[2].I)}
			}
			return rt.Value{S: fn.Substring(v[0].S, v[1].I)}
		}, nil
	case plan.FuncLeft:
		return func(v []rt.Value) rt.Value { return rt.Value{S: fn.Left(v[0].S, v[1].I)} }, nil
	case plan.FuncRight:
		return func(v []rt.Value) rt.Value { return rt.Value{S: fn.Right(v[0].S, v[1].I)} }, nil
	case plan.FuncReplace:
		return func(v []rt.Value) rt.Value { return rt.Value{S: fn.Replace(v[0].S, v[1].S, v[2].S)} }, nil
	case plan.FuncRepeat:
		return func(v []rt.Value) rt.Value { return optS(fn.Repeat(v[0].S, v[1].I)) }, nil
	case plan.FuncLPad:
		return func(v []rt.Value) rt.Value { return optS(fn.LPad(v[0].S, v[1].I, v[2].S)) }, nil
	case plan.FuncRPad:
		return func(v []rt.Value) rt.Value { return optS(fn.RPad(v[0].S, v[1].I, v[2].S)) }, nil
	case plan.FuncPosition:
		return func(v []rt.Value) rt.Value { return rt.Value{I: int64(fn.Position(v[0].S, v[1].S))} }, nil
	case plan.FuncAscii:
		return func(v []rt.Value) rt.Value { i, ok := fn.Ascii(v[0].S); return optI(int64(i), ok) }, nil
	case plan.FuncChr:
		return func(v []rt.Value) rt.Value { return optS(fn.Chr(v[0].I)) }, nil
	case plan.FuncLike:
		return func(v []rt.Value) rt.Value { return boolV(fn.Like(v[0].S, v[1].S)) }, nil
	case plan.FuncFormatDate:
		return func(v []rt.Value) rt.Value { return rt.Value{S: fn.FormatDate(v[0].I, v[1].S)} }, nil
	case plan.FuncParseDate:
		return func(v []rt.Value) rt.Value { return optI(fn.ParseDate(v[0].S, v[1].S)) }, nil
	case plan.FuncDateAdd:
		return func(v []rt.Value) rt.Value {
			t, err := fn.DateAdd(v[0].I, v[1].I, v[2].S)
			return optI(t, err == nil)
		}, nil
	}
	return nil, fmt.Errorf("interp: function %s is not implemented", e.Func)
}
