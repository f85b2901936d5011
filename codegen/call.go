package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// call wires a call to its catalog entry (plan/func_impl.go). The NULL
// policies without an implementation (coalesce, now, eventTimestamp) are
// generated here; every other call is fn.<Name>(args), NULL when an
// argument is (strict) or with its NULL arguments left out (SkipNulls).
func (s *scope) call(e *plan.Call) (val, error) {
	info := e.Func.Info()
	switch info.Nulls {
	case plan.Clock:
		return s.mk(s.ctx.now, nil, plan.BigInt), nil
	case plan.EventTime:
		return s.mk(s.ctx.ts, nil, plan.BigInt), nil
	case plan.FirstNonNull, plan.Strict, plan.SkipNulls:
	default:
		return val{}, &Unsupported{What: fmt.Sprintf("function %s (NULL policy %s)", e.Func, info.Nulls)}
	}
	args := make([]val, len(e.Args))
	for i, a := range e.Args {
		v, err := s.expr(a)
		if err != nil {
			return val{}, err
		}
		args[i] = v
	}
	if info.Nulls == plan.FirstNonNull {
		return s.coalesce(e, args)
	}
	sig, err := e.Sig()
	if err != nil {
		return val{}, &Unsupported{What: err.Error()}
	}
	if last := len(e.Args) - 1; sig.Compiled != "" && last >= 0 {
		if p, ok := e.Args[last].(*plan.Const); ok && !p.Null {
			return s.matcher(e, sig, p, args), nil
		}
	}
	if info.Nulls == plan.SkipNulls {
		return s.skipNulls(sig, args), nil
	}
	var null jen.Code
	vs := make([]jen.Code, len(args))
	for i, a := range args {
		null = orNull(null, a.null)
		vs[i] = a.V()
	}
	return s.result(jen.Qual(pkgFn, sig.Fn).Call(vs...), sig.Form, null, sig.Result, args...), nil
}

// result binds a runtime call by its form: a plain value; (value, ok)
// with !ok NULL; (value, error) with an error NULL. null is the NULL
// flag of the arguments.
func (s *scope) result(call jen.Code, form plan.Form, null jen.Code, t plan.Type, from ...val) val {
	switch form {
	case plan.FormOK:
		return s.checked(call, null, t, from...)
	case plan.FormErr:
		v, errName := s.temp("t"), s.temp("err")
		s.add(jen.List(jen.Id(v), jen.Id(errName)).Op(":=").Add(call))
		x := s.mk(jen.Id(v), orNull(null, jen.Parens(jen.Id(errName).Op("!=").Nil())), t, from...)
		x.temps = append(x.temps, v, errName)
		return x
	}
	return s.mk(call, null, t, from...)
}

// skipNulls passes the non-NULL arguments of a variadic call, in a
// stack buffer, to its implementation (maximum, minimum).
func (s *scope) skipNulls(sig *plan.Sig, args []val) val {
	buf, vals := s.temp("buf"), s.temp("xs")
	s.used[buf], s.used[vals] = true, true
	s.add(jen.Var().Id(buf).Index(jen.Lit(len(args))).Add(goType(sig.Args[len(sig.Args)-1])))
	s.add(jen.Id(vals).Op(":=").Id(buf).Index(jen.Empty(), jen.Lit(0)))
	for _, a := range args {
		app := jen.Id(vals).Op("=").Append(jen.Id(vals), a.V())
		if a.nullable() {
			s.add(jen.If(jen.Op("!").Add(a.N())).Block(app))
		} else {
			s.add(app)
		}
	}
	return s.result(jen.Qual(pkgFn, sig.Fn).Call(jen.Id(vals).Op("...")), sig.Form, nil, sig.Result, args...)
}

// matcher is the special form of a Sig with Compiled: the constant last
// argument is compiled once, into a package-level value (LIKE's pattern,
// fn.CompileLike), whose Match takes the other arguments.
func (s *scope) matcher(e *plan.Call, sig *plan.Sig, c *plan.Const, args []val) val {
	last := len(args) - 1
	args[last].use()
	var null jen.Code
	vs := make([]jen.Code, last)
	for i, a := range args[:last] {
		null = orNull(null, a.null)
		vs[i] = a.V()
	}
	m := s.ctx.g.compiledArg(e.Func.String(), sig.Compiled, c.S)
	return s.result(jen.Id(m).Dot("Match").Call(vs...), sig.Form, null, sig.Result, args[:last]...)
}

// coalesce is the first non-NULL argument (evaluated left to right).
func (s *scope) coalesce(e *plan.Call, args []val) (val, error) {
	v, n := s.temp("c"), s.temp("cn")
	s.used[v], s.used[n] = true, true
	s.add(jen.Var().Id(v).Add(goType(e.T)))
	s.add(jen.Id(n).Op(":=").True())
	for i := len(args) - 1; i >= 0; i-- {
		a := args[i]
		s.add(jen.If(jen.Op("!").Add(a.N())).Block(jen.List(jen.Id(v), jen.Id(n)).Op("=").List(a.V(), jen.False())))
	}
	return s.mk(jen.Id(v), jen.Id(n), e.T, args...), nil
}

// compiledKey is one package-level value built from a constant: the
// runtime/fn constructor and its argument.
type compiledKey struct{ ctor, arg string }

// compiledArg names the package-level value ctor(arg), declared once per
// distinct pair (prefix is the function's name: like0, like1, …).
func (g *generator) compiledArg(prefix, ctor, arg string) string {
	key := compiledKey{ctor, arg}
	if name, ok := g.compiled[key]; ok {
		return name
	}
	if g.compiled == nil {
		g.compiled = map[compiledKey]string{}
	}
	name := g.own(fmt.Sprintf("%s%d", prefix, len(g.compiled)))
	g.compiled[key] = name
	g.compiledOrder = append(g.compiledOrder, key)
	return name
}
