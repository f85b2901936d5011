package plan

import (
	"strings"
	"testing"
)

// TestCatalogIsWellFormed holds every catalog entry to the rules the
// backends rely on (func_impl.go): a canonical name, overloads that do not
// overlap, and the shape each NULL policy implies.
func TestCatalogIsWellFormed(t *testing.T) {
	names := map[string]Func{}
	for _, f := range Funcs() {
		info := f.Info()
		if info.Name == "" || info.Name != strings.ToLower(info.Name) {
			t.Errorf("Func %d: canonical name %q is not lower case", f, info.Name)
		}
		if g, dup := names[info.Name]; dup {
			t.Errorf("%s and Func %d share the name %q", g, f, info.Name)
		}
		names[info.Name] = f
		if g, ok := FuncByName(info.Name); !ok || g != f || f.String() != info.Name {
			t.Errorf("%s: FuncByName(%q) = %v, %v", info.Name, info.Name, g, ok)
		}
		for i, s := range info.Sigs {
			for _, o := range info.Sigs[i+1:] {
				if overlaps(s, o) {
					t.Errorf("%s: overloads %v and %v accept the same arguments", f, s.Args, o.Args)
				}
			}
			if s.Variadic && len(s.Args) == 0 {
				t.Errorf("%s: a variadic overload needs an argument type to repeat", f)
			}
			if s.Compiled != "" && (len(s.Args) == 0 || s.Variadic) {
				t.Errorf("%s: Compiled needs a fixed last argument", f)
			}
		}
		switch info.Nulls {
		case Strict, SkipNulls:
			if len(info.Sigs) == 0 {
				t.Errorf("%s: no overload", f)
			}
			for _, s := range info.Sigs {
				if s.Fn == "" {
					t.Errorf("%s%v: no runtime function", f, s.Args)
				}
				if info.Nulls == SkipNulls && (!s.Variadic || s.Form != FormOK) {
					t.Errorf("%s%v: skipping NULLs needs a variadic implementation reporting none left (FormOK)", f, s.Args)
				}
			}
		case Clock, EventTime:
			if len(info.Sigs) != 1 || len(info.Sigs[0].Args) != 0 || info.Sigs[0].Fn != "" || info.Sigs[0].Result != BigInt || !info.Volatile {
				t.Errorf("%s: a context function is one volatile BIGINT overload without arguments or implementation", f)
			}
		case FirstNonNull:
			if len(info.Sigs) != 0 {
				t.Errorf("%s: the first non-NULL argument needs no overload", f)
			}
		default:
			t.Errorf("%s: unknown NULL policy %d", f, info.Nulls)
		}
	}
	if Func(0).String() != "Func(0)" || numFuncs.String() != "Func(47)" {
		t.Errorf("invalid Funcs print as %q, %q", Func(0), numFuncs)
	}
	if _, ok := FuncByName("pow"); ok {
		t.Error("aliases belong to the checker, not to the catalog")
	}
}

// overlaps reports whether some argument list is accepted by both.
func overlaps(a, b Sig) bool {
	for n := 0; n <= max(len(a.Args), len(b.Args))+1; n++ {
		args := make([]Type, n)
		ok := true
		for i := range args {
			ta, tb := argAt(a, i), argAt(b, i)
			if ta != tb {
				ok = false
				break
			}
			args[i] = ta
		}
		if ok && a.Accepts(args) && b.Accepts(args) {
			return true
		}
	}
	return false
}

func argAt(s Sig, i int) Type {
	if i < len(s.Args) {
		return s.Args[i]
	}
	if s.Variadic {
		return s.Args[len(s.Args)-1]
	}
	return Object
}

func TestResolveAndArity(t *testing.T) {
	tests := []struct {
		f      Func
		args   []Type
		fn     string
		ok     bool
		lo, hi int
	}{
		{FuncAbs, []Type{Float}, "AbsFloat32", true, 1, 1},
		{FuncAbs, []Type{String}, "", false, 1, 1},
		{FuncRound, []Type{Double}, "Round", true, 1, 2},
		{FuncRound, []Type{Double, BigInt}, "RoundTo", true, 1, 2},
		{FuncRound, []Type{Double, Int}, "", false, 1, 2},
		{FuncConcat, []Type{String}, "Concat", true, 1, -1},
		{FuncConcat, []Type{String, String, String}, "Concat", true, 1, -1},
		{FuncConcat, nil, "", false, 1, -1},
		{FuncMaximum, []Type{Double, Double}, "Maximum", true, 1, -1},
		{FuncSubstring, []Type{String, BigInt, BigInt}, "SubstringLen", true, 2, 3},
		{FuncUUID, nil, "UUID", true, 0, 0},
		{FuncNow, nil, "", true, 0, 0},
		{FuncCoalesce, []Type{Int}, "", false, 1, -1},
	}
	for _, tt := range tests {
		s, ok := tt.f.Resolve(tt.args)
		if ok != tt.ok || ok && s.Fn != tt.fn {
			t.Errorf("%s.Resolve(%v) = %v, %v; want %s, %v", tt.f, tt.args, s, ok, tt.fn, tt.ok)
		}
		if lo, hi := tt.f.Info().Arity(); lo != tt.lo || hi != tt.hi {
			t.Errorf("%s.Arity() = %d, %d; want %d, %d", tt.f, lo, hi, tt.lo, tt.hi)
		}
	}
	call := &Call{Func: FuncSign, Args: []Expr{&Const{T: Double}}, T: Int}
	if s, err := call.Sig(); err != nil || s.Fn != "Sign" {
		t.Errorf("sign(DOUBLE) = %v, %v", s, err)
	}
	call.T = Double
	if _, err := call.Sig(); err == nil || err.Error() != "sign(DOUBLE) returns INT, not DOUBLE" {
		t.Errorf("a call typed against its overload gave %v", err)
	}
	call.Args[0] = &Const{T: String}
	if _, err := call.Sig(); err == nil || err.Error() != "no overload of sign takes (STRING)" {
		t.Errorf("a call no overload takes gave %v", err)
	}
}
