package interp

import (
	"fmt"

	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/fn"
)

// The runtime/fn functions the catalog names (plan/func_impl.go,
// plan/cast_impl.go), adapted to values. A function is looked up by name
// and its Go signature picks its adapter once, when the call is compiled;
// per event there is one call through the adapter and none through
// reflection. Values hold INT, BIGINT and BOOL in I, FLOAT and DOUBLE in F
// and STRING in S (runtime.Value).

// registry is runtime/fn's name → function table.
var registry = fn.Registry()

// Adapted implementations: the function applied to non-NULL argument
// values. implN builds the whole call of a variadic function, which
// gathers its arguments itself (skipNulls drops the NULL ones instead of
// returning NULL).
type (
	impl0 func() rt.Value
	impl1 func(a rt.Value) rt.Value
	impl2 func(a, b rt.Value) rt.Value
	impl3 func(a, b, c rt.Value) rt.Value
	implN func(args []evalFn, skipNulls bool) evalFn
)

// implOf finds the function called name and adapts it.
func implOf(name string) (any, error) {
	f, ok := registry[name]
	if !ok {
		return nil, fmt.Errorf("interp: runtime/fn has no function %s", name)
	}
	return adapt(f)
}

func i32(i int32) rt.Value   { return rt.Value{I: int64(i)} }
func i64(i int64) rt.Value   { return rt.Value{I: i} }
func f32(f float32) rt.Value { return rt.Value{F: float64(f)} }
func f64(f float64) rt.Value { return rt.Value{F: f} }
func str(s string) rt.Value  { return rt.Value{S: s} }

// orNull is v, or NULL when !ok (FormOK).
func orNull(v rt.Value, ok bool) rt.Value {
	if !ok {
		return vNull
	}
	return v
}

// adapt wraps f by its signature. The cases are the signatures the
// catalog implies; one missing is an error here and a test failure in
// catalog_test.go.
func adapt(f any) (any, error) {
	switch f := f.(type) {
	case func() string:
		return impl0(func() rt.Value { return str(f()) }), nil

	case func(float64) float64:
		return impl1(func(a rt.Value) rt.Value { return f64(f(a.F)) }), nil
	case func(float32) float32:
		return impl1(func(a rt.Value) rt.Value { return f32(f(float32(a.F))) }), nil
	case func(int32) int32:
		return impl1(func(a rt.Value) rt.Value { return i32(f(int32(a.I))) }), nil
	case func(int64) int64:
		return impl1(func(a rt.Value) rt.Value { return i64(f(a.I)) }), nil
	case func(float64) int32:
		return impl1(func(a rt.Value) rt.Value { return i32(f(a.F)) }), nil
	case func(string) int32:
		return impl1(func(a rt.Value) rt.Value { return i32(f(a.S)) }), nil
	case func(string) string:
		return impl1(func(a rt.Value) rt.Value { return str(f(a.S)) }), nil
	case func(string) (int32, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.S); return orNull(i32(r), ok) }), nil
	case func(string) (int64, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.S); return orNull(i64(r), ok) }), nil
	case func(string) (float32, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.S); return orNull(f32(r), ok) }), nil
	case func(string) (float64, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.S); return orNull(f64(r), ok) }), nil
	case func(string) (bool, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.S); return orNull(boolV(r), ok) }), nil
	case func(int64) (string, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.I); return orNull(str(r), ok) }), nil

	// §2.7 conversions between the other types.
	case func(int32) string:
		return impl1(func(a rt.Value) rt.Value { return str(f(int32(a.I))) }), nil
	case func(int64) string:
		return impl1(func(a rt.Value) rt.Value { return str(f(a.I)) }), nil
	case func(float32) string:
		return impl1(func(a rt.Value) rt.Value { return str(f(float32(a.F))) }), nil
	case func(float64) string:
		return impl1(func(a rt.Value) rt.Value { return str(f(a.F)) }), nil
	case func(bool) string:
		return impl1(func(a rt.Value) rt.Value { return str(f(a.I != 0)) }), nil
	case func(int64) (int32, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.I); return orNull(i32(r), ok) }), nil
	case func(float32) (int32, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(float32(a.F)); return orNull(i32(r), ok) }), nil
	case func(float64) (int32, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.F); return orNull(i32(r), ok) }), nil
	case func(int32) int64:
		return impl1(func(a rt.Value) rt.Value { return i64(f(int32(a.I))) }), nil
	case func(float32) (int64, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(float32(a.F)); return orNull(i64(r), ok) }), nil
	case func(float64) (int64, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.F); return orNull(i64(r), ok) }), nil
	case func(int32) float32:
		return impl1(func(a rt.Value) rt.Value { return f32(f(int32(a.I))) }), nil
	case func(int64) float32:
		return impl1(func(a rt.Value) rt.Value { return f32(f(a.I)) }), nil
	case func(float64) (float32, bool):
		return impl1(func(a rt.Value) rt.Value { r, ok := f(a.F); return orNull(f32(r), ok) }), nil
	case func(int32) float64:
		return impl1(func(a rt.Value) rt.Value { return f64(f(int32(a.I))) }), nil
	case func(int64) float64:
		return impl1(func(a rt.Value) rt.Value { return f64(f(a.I)) }), nil
	case func(float32) float64:
		return impl1(func(a rt.Value) rt.Value { return f64(f(float32(a.F))) }), nil
	case func(int32) bool:
		return impl1(func(a rt.Value) rt.Value { return boolV(f(int32(a.I))) }), nil
	case func(int64) bool:
		return impl1(func(a rt.Value) rt.Value { return boolV(f(a.I)) }), nil

	case func(float64, float64) float64:
		return impl2(func(a, b rt.Value) rt.Value { return f64(f(a.F, b.F)) }), nil
	case func(float64, float64) (float64, bool):
		return impl2(func(a, b rt.Value) rt.Value { r, ok := f(a.F, b.F); return orNull(f64(r), ok) }), nil
	case func(float64, int64) float64:
		return impl2(func(a, b rt.Value) rt.Value { return f64(f(a.F, b.I)) }), nil
	case func(string, int64) string:
		return impl2(func(a, b rt.Value) rt.Value { return str(f(a.S, b.I)) }), nil
	case func(string, int64) (string, bool):
		return impl2(func(a, b rt.Value) rt.Value { r, ok := f(a.S, b.I); return orNull(str(r), ok) }), nil
	case func(string, string) int32:
		return impl2(func(a, b rt.Value) rt.Value { return i32(f(a.S, b.S)) }), nil
	case func(string, string) bool:
		return impl2(func(a, b rt.Value) rt.Value { return boolV(f(a.S, b.S)) }), nil
	case func(string, string) (int64, bool):
		return impl2(func(a, b rt.Value) rt.Value { r, ok := f(a.S, b.S); return orNull(i64(r), ok) }), nil
	case func(int64, string) string:
		return impl2(func(a, b rt.Value) rt.Value { return str(f(a.I, b.S)) }), nil

	case func(string, int64, int64) string:
		return impl3(func(a, b, c rt.Value) rt.Value { return str(f(a.S, b.I, c.I)) }), nil
	case func(string, string, string) string:
		return impl3(func(a, b, c rt.Value) rt.Value { return str(f(a.S, b.S, c.S)) }), nil
	case func(string, int64, string) (string, bool):
		return impl3(func(a, b, c rt.Value) rt.Value { r, ok := f(a.S, b.I, c.S); return orNull(str(r), ok) }), nil
	case func(int64, int64, string) (int64, error):
		return impl3(func(a, b, c rt.Value) rt.Value { r, err := f(a.I, b.I, c.S); return orNull(i64(r), err == nil) }), nil

	case func(...string) string:
		return implN(func(args []evalFn, skip bool) evalFn {
			return variadic(args, skip, func(v rt.Value) string { return v.S }, func(xs []string) rt.Value { return str(f(xs...)) })
		}), nil
	case func(...float64) (float64, bool):
		return implN(func(args []evalFn, skip bool) evalFn {
			return variadic(args, skip, func(v rt.Value) float64 { return v.F }, func(xs []float64) rt.Value { r, ok := f(xs...); return orNull(f64(r), ok) })
		}), nil
	}
	return nil, fmt.Errorf("interp: no adapter for a runtime function of type %T", f)
}

// variadic gathers the arguments of a variadic call; a NULL one makes the
// result NULL, or is dropped when skip is set (§9.1 maximum, minimum).
func variadic[T any](args []evalFn, skip bool, get func(rt.Value) T, call func([]T) rt.Value) evalFn {
	return func(c *evalCtx) rt.Value {
		var buf [8]T
		xs := buf[:0]
		for _, a := range args {
			v := a(c)
			if v.Null {
				if skip {
					continue
				}
				return vNull
			}
			xs = append(xs, get(v))
		}
		return call(xs)
	}
}

// strict applies an adapted implementation to args, NULL in → NULL out.
func strict(impl any, args []evalFn) (evalFn, error) {
	switch f := impl.(type) {
	case impl0:
		if len(args) == 0 {
			return func(*evalCtx) rt.Value { return f() }, nil
		}
	case impl1:
		if len(args) == 1 {
			a := args[0]
			return func(c *evalCtx) rt.Value {
				v := a(c)
				if v.Null {
					return vNull
				}
				return f(v)
			}, nil
		}
	case impl2:
		if len(args) == 2 {
			a, b := args[0], args[1]
			return func(c *evalCtx) rt.Value {
				x := a(c)
				if x.Null {
					return vNull
				}
				y := b(c)
				if y.Null {
					return vNull
				}
				return f(x, y)
			}, nil
		}
	case impl3:
		if len(args) == 3 {
			a, b, d := args[0], args[1], args[2]
			return func(c *evalCtx) rt.Value {
				x := a(c)
				if x.Null {
					return vNull
				}
				y := b(c)
				if y.Null {
					return vNull
				}
				z := d(c)
				if z.Null {
					return vNull
				}
				return f(x, y, z)
			}, nil
		}
	case implN:
		return f(args, false), nil
	}
	return nil, fmt.Errorf("interp: %d arguments for an implementation of type %T", len(args), impl)
}
