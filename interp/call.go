package interp

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/fn"
)

// compileCall wires a call to its catalog entry (plan/func_impl.go). The
// NULL policies without an implementation (coalesce, now,
// eventTimestamp) are closures here; every other call is its runtime/fn
// function, adapted once (adapt.go).
func compileCall(e *plan.Call) (evalFn, error) {
	args, err := compileAll(e.Args)
	if err != nil {
		return nil, err
	}
	info := e.Func.Info()
	switch info.Nulls {
	case plan.FirstNonNull:
		return func(c *evalCtx) rt.Value {
			for _, a := range args {
				if v := a(c); !v.Null {
					return v
				}
			}
			return vNull
		}, nil
	case plan.Clock:
		return func(c *evalCtx) rt.Value { return rt.Value{I: c.now()} }, nil
	case plan.EventTime:
		return func(c *evalCtx) rt.Value { return rt.Value{I: c.ts} }, nil
	case plan.Strict, plan.SkipNulls:
	default:
		return nil, fmt.Errorf("interp: %s: NULL policy %s is not implemented", e.Func, info.Nulls)
	}
	sig, err := e.Sig()
	if err != nil {
		return nil, fmt.Errorf("interp: %w", err)
	}
	if last := len(e.Args) - 1; sig.Compiled != "" && last >= 0 {
		if p, ok := e.Args[last].(*plan.Const); ok && !p.Null {
			return compileMatcher(sig.Compiled, p, args[:last])
		}
	}
	impl, err := implOf(sig.Fn)
	if err != nil {
		return nil, err
	}
	if info.Nulls == plan.SkipNulls {
		n, ok := impl.(implN)
		if !ok {
			return nil, fmt.Errorf("interp: %s skips NULL arguments but %s is not variadic", e.Func, sig.Fn)
		}
		return n(args, true), nil
	}
	return strict(impl, args)
}

// compileMatcher is the special form of a Sig with Compiled: the constant
// last argument is compiled once (LIKE's pattern, fn.CompileLike) and the
// matcher applied to the other arguments, NULL in → NULL out.
func compileMatcher(ctor string, c *plan.Const, args []evalFn) (evalFn, error) {
	switch f := registry[ctor].(type) {
	case func(string) *fn.LikeMatcher:
		m := f(c.S)
		return strict(impl1(func(a rt.Value) rt.Value { return boolV(m.Match(a.S)) }), args)
	}
	return nil, fmt.Errorf("interp: no adapter for the constructor %s (%T)", ctor, registry[ctor])
}
