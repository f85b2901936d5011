package difftest

import (
	"reflect"
	"testing"

	"github.com/eventflux/eventflux-go/compiler"
	"github.com/eventflux/eventflux-go/optimizer"
	"github.com/eventflux/eventflux-go/plan"
)

// TestGeneratorCoversTheCatalog: the optimized plans of a thousand
// generated apps call every overload of the function catalog (a Compiled
// special form both with a constant and with a computed last argument)
// and every conversion of the cast catalog, so the differential test
// compares the two backends on each. uuid() and now() are left out: their
// values differ between any two runs (TestGeneratorCoverage).
func TestGeneratorCoversTheCatalog(t *testing.T) {
	skip := map[plan.Func]bool{plan.FuncUUID: true, plan.FuncNow: true}
	type form struct {
		sig      *plan.Sig
		constant bool // the last argument is a constant (Sig.Compiled)
	}
	calls := map[form]bool{}
	funcs := map[plan.Func]bool{}
	casts := map[[2]plan.Type]bool{}
	for i := range 1000 {
		c := Generate(1, i)
		p, err := compiler.Compile("", c.App.SQL())
		if err != nil {
			t.Fatalf("app %d does not compile: %v\n%s", i, err, c.App.SQL())
		}
		if _, err := optimizer.Optimize(p, optimizer.Options{}); err != nil {
			t.Fatalf("app %d: %v", i, err)
		}
		eachExpr(reflect.ValueOf(p), map[uintptr]bool{}, func(e plan.Expr) {
			switch e := e.(type) {
			case *plan.Call:
				funcs[e.Func] = true
				s, err := e.Sig()
				if err != nil {
					return // coalesce: no overloads
				}
				constant := false
				if n := len(e.Args); n > 0 && s.Compiled != "" {
					_, constant = e.Args[n-1].(*plan.Const)
				}
				calls[form{s, constant}] = true
			case *plan.Cast:
				casts[[2]plan.Type{e.X.Type(), e.T}] = true
			}
		})
	}
	for _, f := range plan.Funcs() {
		info := f.Info()
		if skip[f] {
			continue
		}
		if len(info.Sigs) == 0 && !funcs[f] {
			t.Errorf("no generated app calls %s", f)
		}
		for i := range info.Sigs {
			s := &info.Sigs[i]
			if !calls[form{s, false}] {
				t.Errorf("no generated app calls %s%s", f, typeList(s.Args))
			}
			if s.Compiled != "" && !calls[form{s, true}] {
				t.Errorf("no generated app calls %s%s with a constant last argument", f, typeList(s.Args))
			}
		}
	}
	for _, c := range plan.Casts() {
		if !casts[[2]plan.Type{c.From, c.To}] {
			t.Errorf("no generated app converts %s to %s", c.From, c.To)
		}
	}
}

func typeList(ts []plan.Type) string {
	s := "("
	for i, t := range ts {
		if i > 0 {
			s += ", "
		}
		s += t.String()
	}
	return s + ")"
}

var exprType = reflect.TypeFor[plan.Expr]()

// eachExpr calls fn on every expression reachable from v through exported
// fields, slices, maps and pointers (each pointer once). Reflection keeps
// the walk independent of the plan's node types.
func eachExpr(v reflect.Value, seen map[uintptr]bool, fn func(plan.Expr)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		if v.Type().Implements(exprType) && v.CanInterface() {
			fn(v.Interface().(plan.Expr))
		}
		eachExpr(v.Elem(), seen, fn)
	case reflect.Interface:
		if !v.IsNil() {
			eachExpr(v.Elem(), seen, fn)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachExpr(v.Field(i), seen, fn)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachExpr(v.Index(i), seen, fn)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			eachExpr(it.Value(), seen, fn)
		}
	}
}
