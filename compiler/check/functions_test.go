package check

import (
	"testing"

	"github.com/eventflux/eventflux-go/plan"
)

// TestCatalogFunctionsAreDefined: every function of the catalog is
// accepted under its canonical name, builds its own Func, and takes the
// arities of its overloads.
func TestCatalogFunctionsAreDefined(t *testing.T) {
	for _, f := range plan.Funcs() {
		sf, ok := scalarFuncs[f.String()]
		if !ok {
			t.Errorf("%s is not a known function name", f)
			continue
		}
		if lo, hi := f.Info().Arity(); sf.fn != f || sf.min != lo || sf.max != hi {
			t.Errorf("%s is defined as %v with %d..%d arguments, want %d..%d", f, sf.fn, sf.min, sf.max, lo, hi)
		}
	}
	for alias, sf := range scalarFuncs {
		if sf.fn != 0 && alias != sf.fn.String() && !containsString(funcAliases[sf.fn], alias) {
			t.Errorf("%s names %s without being one of its aliases", alias, sf.fn)
		}
	}
}

// TestSignatureBindersPickByArity: bindSig chooses an overload by the
// number of arguments, so the functions it binds have at most one per
// count (abs, whose overloads differ by type, has its own binder).
func TestSignatureBindersPickByArity(t *testing.T) {
	for _, f := range plan.Funcs() {
		if catalogBinders[f] != nil {
			continue
		}
		sigs := f.Info().Sigs
		for n := 0; n <= 8; n++ {
			matches := 0
			for _, s := range sigs {
				if len(s.Args) == n || s.Variadic && n > len(s.Args) {
					matches++
				}
			}
			if matches > 1 {
				t.Errorf("%s has %d overloads taking %d arguments", f, matches, n)
			}
		}
	}
}
