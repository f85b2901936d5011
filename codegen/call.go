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
	case plan.FuncUUID:
		return s.mk(jen.Qual(pkgFn, "UUID").Call(), nil, plan.String), nil
	case plan.FuncNow:
		return s.mk(s.ctx.now, nil, plan.BigInt), nil
	case plan.FuncEventTimestamp:
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
	case plan.FuncCoalesce:
		return s.coalesce(e, args)
	case plan.FuncMaximum, plan.FuncMinimum:
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
		if e.Func == plan.FuncMinimum {
			name = "Minimum"
		}
		return s.checked(fnq(name).Call(jen.Id(vals).Op("...")), nil, plan.Double, args...), nil
	case plan.FuncAbs:
		switch e.T {
		case plan.Int:
			return plain(fnq("AbsInt32").Call(vs()...))
		case plan.BigInt:
			return plain(fnq("AbsInt64").Call(vs()...))
		case plan.Float:
			return plain(fnq("AbsFloat32").Call(vs()...))
		}
		return plain(mathq("Abs").Call(vs()...))
	case plan.FuncCeil:
		return plain(mathq("Ceil").Call(vs()...))
	case plan.FuncFloor:
		return plain(mathq("Floor").Call(vs()...))
	case plan.FuncRound:
		return plain(fnq("RoundTo").Call(args[0].V(), digits()))
	case plan.FuncTrunc:
		return plain(fnq("TruncTo").Call(args[0].V(), digits()))
	case plan.FuncSign:
		return plain(fnq("Sign").Call(vs()...))
	case plan.FuncMod:
		return checked(fnq("ModFloat").Call(vs()...))
	case plan.FuncSqrt, plan.FuncExp, plan.FuncLog10, plan.FuncSin, plan.FuncCos, plan.FuncTan, plan.FuncAsin, plan.FuncAcos, plan.FuncAtan:
		names := map[plan.Func]string{plan.FuncSqrt: "Sqrt", plan.FuncExp: "Exp", plan.FuncLog10: "Log10", plan.FuncSin: "Sin", plan.FuncCos: "Cos",
			plan.FuncTan: "Tan", plan.FuncAsin: "Asin", plan.FuncAcos: "Acos", plan.FuncAtan: "Atan"}
		return plain(mathq(names[e.Func]).Call(vs()...))
	case plan.FuncLn:
		return plain(mathq("Log").Call(vs()...))
	case plan.FuncPower:
		return plain(mathq("Pow").Call(vs()...))
	case plan.FuncLength:
		return plain(fnq("Length").Call(vs()...))
	case plan.FuncUpper, plan.FuncLower, plan.FuncTrim, plan.FuncLTrim, plan.FuncRTrim, plan.FuncReverse:
		names := map[plan.Func]string{plan.FuncUpper: "Upper", plan.FuncLower: "Lower", plan.FuncTrim: "Trim", plan.FuncLTrim: "LTrim", plan.FuncRTrim: "RTrim", plan.FuncReverse: "Reverse"}
		return plain(fnq(names[e.Func]).Call(vs()...))
	case plan.FuncConcat:
		var c jen.Code
		for _, a := range args {
			if c == nil {
				c = a.V()
			} else {
				c = jen.Add(c).Op("+").Add(a.V())
			}
		}
		return plain(jen.Parens(c))
	case plan.FuncSubstring:
		if len(args) == 3 {
			return plain(fnq("SubstringLen").Call(vs()...))
		}
		return plain(fnq("Substring").Call(vs()...))
	case plan.FuncLeft:
		return plain(fnq("Left").Call(vs()...))
	case plan.FuncRight:
		return plain(fnq("Right").Call(vs()...))
	case plan.FuncReplace:
		return plain(fnq("Replace").Call(vs()...))
	case plan.FuncRepeat:
		return checked(fnq("Repeat").Call(vs()...))
	case plan.FuncLPad:
		return checked(fnq("LPad").Call(vs()...))
	case plan.FuncRPad:
		return checked(fnq("RPad").Call(vs()...))
	case plan.FuncPosition:
		return plain(fnq("Position").Call(vs()...))
	case plan.FuncAscii:
		return checked(fnq("Ascii").Call(vs()...))
	case plan.FuncChr:
		return checked(fnq("Chr").Call(vs()...))
	case plan.FuncLike:
		if p, ok := e.Args[1].(*plan.Const); ok && !p.Null {
			args[1].use()
			return s.mk(jen.Id(s.ctx.g.likeMatcher(p.S)).Dot("Match").Call(args[0].V()), args[0].null, plan.Bool, args[0]), nil
		}
		return plain(fnq("Like").Call(vs()...))
	case plan.FuncFormatDate:
		return plain(fnq("FormatDate").Call(vs()...))
	case plan.FuncParseDate:
		return checked(fnq("ParseDate").Call(vs()...))
	case plan.FuncDateAdd:
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
	name := fmt.Sprintf("like%d", len(g.likes))
	g.likes[pattern] = name
	g.likeOrder = append(g.likeOrder, pattern)
	return name
}
