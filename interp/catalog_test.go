package interp

import (
	"math"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
)

const fnPkg = "github.com/eventflux/eventflux-go/runtime/fn"

// goType is the Go type of a plan type in runtime/fn signatures.
func goType(t plan.Type) reflect.Type {
	switch t {
	case plan.String:
		return reflect.TypeFor[string]()
	case plan.Int:
		return reflect.TypeFor[int32]()
	case plan.BigInt:
		return reflect.TypeFor[int64]()
	case plan.Float:
		return reflect.TypeFor[float32]()
	case plan.Double:
		return reflect.TypeFor[float64]()
	case plan.Bool:
		return reflect.TypeFor[bool]()
	}
	panic("no Go type for " + t.String())
}

// signature is the Go type the catalog implies for an implementation.
func signature(args []plan.Type, variadic bool, result plan.Type, form plan.Form) reflect.Type {
	in := make([]reflect.Type, len(args))
	for i, a := range args {
		in[i] = goType(a)
	}
	if variadic {
		in[len(in)-1] = reflect.SliceOf(in[len(in)-1])
	}
	out := []reflect.Type{goType(result)}
	switch form {
	case plan.FormOK:
		out = append(out, reflect.TypeFor[bool]())
	case plan.FormErr:
		out = append(out, reflect.TypeFor[error]())
	}
	return reflect.FuncOf(in, out, variadic)
}

// TestCatalogMatchesRegistry: every runtime function the catalog names is
// in runtime/fn's registry, under its own name, with the Go signature the
// catalog's types and form imply, and adaptable; the registry holds
// nothing else.
func TestCatalogMatchesRegistry(t *testing.T) {
	used := map[string]bool{}
	check := func(what, name string, want reflect.Type) {
		t.Helper()
		f, ok := registry[name]
		if !ok {
			t.Errorf("%s: runtime/fn's registry has no %s", what, name)
			return
		}
		used[name] = true
		if got := reflect.TypeOf(f); got != want {
			t.Errorf("%s: fn.%s is %v; the catalog implies %v", what, name, got, want)
		}
		if _, err := adapt(f); err != nil && !strings.HasPrefix(name, "Compile") {
			t.Errorf("%s: %v", what, err)
		}
	}
	for _, f := range plan.Funcs() {
		for _, s := range f.Info().Sigs {
			what := f.String() + typeNames(s.Args)
			if s.Fn == "" {
				continue // Clock and EventTime (plan's tests hold them to that)
			}
			want := signature(s.Args, s.Variadic, s.Result, s.Form)
			check(what, s.Fn, want)
			if s.Compiled == "" {
				continue
			}
			// Compiled(last) has a Match method taking the other arguments
			// and returning what Fn returns.
			last := len(s.Args) - 1
			ctor := reflect.TypeOf(registry[s.Compiled])
			if ctor == nil || ctor.Kind() != reflect.Func || ctor.NumIn() != 1 || ctor.In(0) != goType(s.Args[last]) || ctor.NumOut() != 1 {
				t.Errorf("%s: fn.%s is %v, not a constructor from %s", what, s.Compiled, ctor, s.Args[last])
				continue
			}
			used[s.Compiled] = true
			m, ok := ctor.Out(0).MethodByName("Match")
			if !ok {
				t.Errorf("%s: %v has no Match method", what, ctor.Out(0))
				continue
			}
			in := []reflect.Type{ctor.Out(0)}
			for i := range last {
				in = append(in, want.In(i))
			}
			out := make([]reflect.Type, want.NumOut())
			for i := range out {
				out[i] = want.Out(i)
			}
			if mt := reflect.FuncOf(in, out, false); m.Type != mt {
				t.Errorf("%s: Match is %v; fn.%s implies %v", what, m.Type, s.Fn, mt)
			}
		}
	}
	for _, c := range plan.Casts() {
		check(c.From.String()+" → "+c.To.String(), c.Fn, signature([]plan.Type{c.From}, false, c.To, c.Form))
	}
	for name, f := range registry {
		if !used[name] {
			t.Errorf("fn.%s is in the registry, but no catalog entry names it", name)
		}
		if full := runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name(); full != fnPkg+"."+name {
			t.Errorf("registry key %s holds %s", name, full)
		}
	}
}

func typeNames(ts []plan.Type) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.String()
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// samples are argument values per type, NULL aside: edges (zero, the most
// negative integer, NaN, infinities), text that parses and text that does
// not, and a LIKE pattern.
var samples = map[plan.Type][]*plan.Const{
	plan.String: {strC(""), strC("a"), strC(" 42 "), strC("héllo"), strC("2.5e1"), strC("YES"), strC("%l_o"), strC("days")},
	plan.Int:    {intC(plan.Int, 0), intC(plan.Int, -7), intC(plan.Int, 42), intC(plan.Int, math.MinInt32)},
	plan.BigInt: {intC(plan.BigInt, 0), intC(plan.BigInt, -2), intC(plan.BigInt, 3), intC(plan.BigInt, 1<<40), intC(plan.BigInt, math.MinInt64)},
	plan.Float:  {floatC(plan.Float, 0), floatC(plan.Float, -1.5), floatC(plan.Float, 3.25), floatC(plan.Float, 3e9), floatC(plan.Float, math.NaN()), floatC(plan.Float, math.Inf(1))},
	plan.Double: {floatC(plan.Double, 0), floatC(plan.Double, -2.5), floatC(plan.Double, 0.5), floatC(plan.Double, 1e10), floatC(plan.Double, 1e300), floatC(plan.Double, math.NaN()), floatC(plan.Double, math.Inf(-1))},
	plan.Bool:   {intC(plan.Bool, 0), intC(plan.Bool, 1)},
}

func strC(s string) *plan.Const                 { return &plan.Const{T: plan.String, S: s} }
func intC(t plan.Type, i int64) *plan.Const     { return &plan.Const{T: t, I: i} }
func floatC(t plan.Type, f float64) *plan.Const { return &plan.Const{T: t, F: f} }

// goValue is the Go value of a non-NULL constant of type t.
func goValue(c *plan.Const) reflect.Value {
	switch c.T {
	case plan.String:
		return reflect.ValueOf(c.S)
	case plan.Int:
		return reflect.ValueOf(int32(c.I))
	case plan.BigInt:
		return reflect.ValueOf(c.I)
	case plan.Float:
		return reflect.ValueOf(float32(c.F))
	case plan.Double:
		return reflect.ValueOf(c.F)
	}
	return reflect.ValueOf(c.I != 0)
}

// direct calls the registry function with reflection and encodes its
// result as the interpreter's value of type t.
func direct(name string, form plan.Form, t plan.Type, args []*plan.Const) rt.Value {
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = goValue(a)
	}
	out := reflect.ValueOf(registry[name]).Call(in)
	switch {
	case form == plan.FormOK && !out[1].Bool(), form == plan.FormErr && !out[1].IsNil():
		return vNull
	}
	r := out[0]
	switch t {
	case plan.String:
		return rt.Value{S: r.String()}
	case plan.Int, plan.BigInt:
		return rt.Value{I: r.Int()}
	case plan.Float, plan.Double:
		return rt.Value{F: r.Float()}
	}
	return boolV(r.Bool())
}

func sameValue(a, b rt.Value) bool {
	if a.Null || b.Null {
		return a.Null == b.Null
	}
	nan := math.IsNaN(a.F) && math.IsNaN(b.F)
	return a.I == b.I && a.S == b.S && (math.Float64bits(a.F) == math.Float64bits(b.F) || nan)
}

// tuples are the argument lists of an overload: every combination of
// samples (variadic ones with one to three arguments), each with NULL in
// one position too.
func tuples(s plan.Sig) [][]*plan.Const {
	arities := []int{len(s.Args)}
	if s.Variadic {
		arities = []int{len(s.Args), len(s.Args) + 1, len(s.Args) + 2}
	}
	var out [][]*plan.Const
	for _, n := range arities {
		types := make([]plan.Type, n)
		for i := range types {
			types[i] = s.Args[min(i, len(s.Args)-1)]
		}
		var rec func(prefix []*plan.Const)
		rec = func(prefix []*plan.Const) {
			if len(prefix) == n {
				out = append(out, append([]*plan.Const(nil), prefix...))
				return
			}
			t := types[len(prefix)]
			for _, c := range append(samples[t], &plan.Const{T: t, Null: true}) {
				rec(append(prefix, c))
			}
		}
		rec(nil)
	}
	return out
}

func eval(t *testing.T, e plan.Expr) rt.Value {
	t.Helper()
	f, err := compileExpr(e)
	if err != nil {
		t.Fatalf("%s: %v", plan.FormatExpr(e), err)
	}
	return f(&evalCtx{ts: 1234, now: func() int64 { return 5678 }})
}

// nonConst hides a constant from the special forms that look for one
// (LIKE's compiled pattern): a CASE that always yields it.
func nonConst(c *plan.Const) plan.Expr {
	return &plan.Case{Whens: []plan.When{{Cond: &plan.Const{T: plan.Bool, I: 1}, Result: c}}, T: c.T}
}

// TestCallsAgreeWithTheirImplementation evaluates every overload of the
// catalog on the samples through the interpreter (its adapters, NULL
// policies and special forms) and compares with calling the runtime
// function itself.
func TestCallsAgreeWithTheirImplementation(t *testing.T) {
	for _, f := range plan.Funcs() {
		info := f.Info()
		for _, s := range info.Sigs {
			if s.Fn == "" {
				continue
			}
			for _, args := range tuples(s) {
				var want rt.Value
				var present []*plan.Const
				null := false
				for _, a := range args {
					if a.Null {
						null = true
					} else {
						present = append(present, a)
					}
				}
				switch {
				case info.Nulls == plan.SkipNulls:
					want = direct(s.Fn, s.Form, s.Result, present)
				case null:
					want = vNull
				default:
					want = direct(s.Fn, s.Form, s.Result, args)
				}
				exprs := make([]plan.Expr, len(args))
				for i, a := range args {
					exprs[i] = a
				}
				forms := [][]plan.Expr{exprs}
				if s.Compiled != "" {
					hidden := append([]plan.Expr(nil), exprs...)
					hidden[len(hidden)-1] = nonConst(args[len(args)-1])
					forms = append(forms, hidden)
				}
				for _, es := range forms {
					call := &plan.Call{Func: f, Args: es, T: s.Result}
					got := eval(t, call)
					if info.Volatile {
						if got.Null || len(got.S) != len(want.S) {
							t.Errorf("%s = %+v, want a value like %+v", plan.FormatExpr(call), got, want)
						}
						continue
					}
					if !sameValue(got, want) {
						t.Errorf("%s = %+v, want %+v", plan.FormatExpr(call), got, want)
					}
				}
			}
		}
	}
}

// TestCastsAgreeWithTheirImplementation does the same for every
// conversion of the catalog.
func TestCastsAgreeWithTheirImplementation(t *testing.T) {
	for _, c := range plan.Casts() {
		for _, x := range append(samples[c.From], &plan.Const{T: c.From, Null: true}) {
			want := vNull
			if !x.Null {
				want = direct(c.Fn, c.Form, c.To, []*plan.Const{x})
			}
			cast := &plan.Cast{X: x, T: c.To}
			if got := eval(t, cast); !sameValue(got, want) {
				t.Errorf("%s = %+v, want %+v", plan.FormatExpr(cast), got, want)
			}
		}
	}
}

// TestContextFunctions covers the policies without an implementation.
func TestContextFunctions(t *testing.T) {
	null := &plan.Const{T: plan.BigInt, Null: true}
	tests := []struct {
		call *plan.Call
		want rt.Value
	}{
		{&plan.Call{Func: plan.FuncEventTimestamp, T: plan.BigInt}, rt.Value{I: 1234}},
		{&plan.Call{Func: plan.FuncNow, T: plan.BigInt}, rt.Value{I: 5678}},
		{&plan.Call{Func: plan.FuncCoalesce, Args: []plan.Expr{null, intC(plan.BigInt, 7), intC(plan.BigInt, 8)}, T: plan.BigInt}, rt.Value{I: 7}},
		{&plan.Call{Func: plan.FuncCoalesce, Args: []plan.Expr{null, null}, T: plan.BigInt}, vNull},
	}
	for _, tt := range tests {
		if got := eval(t, tt.call); !sameValue(got, tt.want) {
			t.Errorf("%s = %+v, want %+v", plan.FormatExpr(tt.call), got, tt.want)
		}
	}
}
