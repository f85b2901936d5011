package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// call mirrors interp/call.go: scalar functions are NULL in → NULL out,
// except coalesce, uuid, now, eventTimestamp, maximum and minimum.
func (s *scope) call(e *plan.Call) (val, error) {
	switch e.Func {
	case "uuid":
		return s.mk(jen.Qual(pkgFn, "UUID").Call(), nil, plan.String), nil
	case "now":
		return s.mk(s.ctx.now, nil, plan.BigInt), nil
	case "eventtimestamp":
		return s.mk(s.ctx.ts, nil, plan.BigInt), nil
	}
	args := make([]val, len(e.Args))
	for i, a := range e.Args {
		v, err := s.expr(a)
		if err != nil {
			return val{}, err
		}
		args[i] = v
	}
	var null jen.Code
	for _, a := range args {
		null = orNull(null, a.null)
	}
	vs := func() []jen.Code {
		out := make([]jen.Code, len(args))
		for i, a := range args {
			out[i] = a.V()
		}
		return out
	}
	fnq := func(name string) *jen.Statement { return jen.Qual(pkgFn, name) }
	mathq := func(name string) *jen.Statement { return jen.Qual("math", name) }
	plain := func(c jen.Code) (val, error) { return s.mk(c, null, e.T, args...), nil }
	checked := func(c jen.Code) (val, error) { return s.checked(c, null, e.T, args...), nil }
	digits := func() jen.Code {
		if len(args) > 1 {
			return args[1].V()
		}
		return jen.Int64().Call(jen.Lit(0))
	}
	switch e.Func {
	case "coalesce":
		return s.coalesce(e, args)
	case "maximum", "minimum":
		buf, vals := s.temp("buf"), s.temp("xs")
		s.used[buf], s.used[vals] = true, true
		s.add(jen.Var().Id(buf).Index(jen.Lit(len(args))).Float64())
		s.add(jen.Id(vals).Op(":=").Id(buf).Index(jen.Empty(), jen.Lit(0)))
		for _, a := range args {
			app := jen.Id(vals).Op("=").Append(jen.Id(vals), a.V())
			if a.nullable() {
				s.add(jen.If(jen.Op("!").Add(a.N())).Block(app))
			} else {
				s.add(app)
			}
		}
		name := "Maximum"
		if e.Func == "minimum" {
			name = "Minimum"
		}
		return s.checked(fnq(name).Call(jen.Id(vals)), nil, plan.Double, args...), nil
	case "abs":
		switch e.T {
		case plan.Int:
			return plain(fnq("AbsInt32").Call(vs()...))
		case plan.BigInt:
			return plain(fnq("AbsInt64").Call(vs()...))
		case plan.Float:
			return plain(fnq("AbsFloat32").Call(vs()...))
		}
		return plain(mathq("Abs").Call(vs()...))
	case "ceil":
		return plain(mathq("Ceil").Call(vs()...))
	case "floor":
		return plain(mathq("Floor").Call(vs()...))
	case "round":
		return plain(fnq("Round").Call(args[0].V(), digits()))
	case "trunc":
		return plain(fnq("Trunc").Call(args[0].V(), digits()))
	case "sign":
		return plain(fnq("Sign").Call(vs()...))
	case "mod":
		return checked(fnq("ModFloat").Call(vs()...))
	case "sqrt", "exp", "log10", "sin", "cos", "tan", "asin", "acos", "atan":
		names := map[string]string{"sqrt": "Sqrt", "exp": "Exp", "log10": "Log10", "sin": "Sin", "cos": "Cos",
			"tan": "Tan", "asin": "Asin", "acos": "Acos", "atan": "Atan"}
		return plain(mathq(names[e.Func]).Call(vs()...))
	case "ln":
		return plain(mathq("Log").Call(vs()...))
	case "power":
		return plain(mathq("Pow").Call(vs()...))
	case "length":
		return plain(fnq("Length").Call(vs()...))
	case "upper", "lower", "trim", "ltrim", "rtrim", "reverse":
		names := map[string]string{"upper": "Upper", "lower": "Lower", "trim": "Trim", "ltrim": "LTrim", "rtrim": "RTrim", "reverse": "Reverse"}
		return plain(fnq(names[e.Func]).Call(vs()...))
	case "concat":
		var c jen.Code
		for _, a := range args {
			if c == nil {
				c = a.V()
			} else {
				c = jen.Add(c).Op("+").Add(a.V())
			}
		}
		return plain(jen.Parens(c))
	case "substring":
		if len(args) == 3 {
			return plain(fnq("SubstringLen").Call(vs()...))
		}
		return plain(fnq("Substring").Call(vs()...))
	case "left":
		return plain(fnq("Left").Call(vs()...))
	case "right":
		return plain(fnq("Right").Call(vs()...))
	case "replace":
		return plain(fnq("Replace").Call(vs()...))
	case "repeat":
		return checked(fnq("Repeat").Call(vs()...))
	case "lpad":
		return checked(fnq("LPad").Call(vs()...))
	case "rpad":
		return checked(fnq("RPad").Call(vs()...))
	case "position":
		return plain(fnq("Position").Call(vs()...))
	case "ascii":
		return checked(fnq("Ascii").Call(vs()...))
	case "chr":
		return checked(fnq("Chr").Call(vs()...))
	case "like":
		if p, ok := e.Args[1].(*plan.Const); ok && !p.Null {
			args[1].use()
			return s.mk(jen.Id(s.ctx.g.likeMatcher(p.S)).Dot("Match").Call(args[0].V()), args[0].null, plan.Bool, args[0]), nil
		}
		return plain(fnq("Like").Call(vs()...))
	case "formatdate":
		return plain(fnq("FormatDate").Call(vs()...))
	case "parsedate":
		return checked(fnq("ParseDate").Call(vs()...))
	case "dateadd":
		t, errName := s.temp("t"), s.temp("err")
		s.add(jen.List(jen.Id(t), jen.Id(errName)).Op(":=").Add(fnq("DateAdd").Call(vs()...)))
		x := s.mk(jen.Id(t), orNull(null, jen.Parens(jen.Id(errName).Op("!=").Nil())), plan.BigInt, args...)
		x.temps = append(x.temps, t, errName)
		return x, nil
	}
	return val{}, &Unsupported{What: fmt.Sprintf("function %s", e.Func)}
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

// likeMatcher names a package-level compiled LIKE pattern.
func (g *generator) likeMatcher(pattern string) string {
	if g.likes == nil {
		g.likes = map[string]string{}
	}
	if name, ok := g.likes[pattern]; ok {
		return name
	}
	name := g.own(fmt.Sprintf("like%d", len(g.likes)))
	g.likes[pattern] = name
	g.likeOrder = append(g.likeOrder, pattern)
	return name
}
