package codegen

import (
	"fmt"
	"math"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// val is a generated expression: Go code for its value and for its NULL
// flag (nil when the expression can never be NULL). Multi-result runtime
// calls are bound to temporaries; val remembers them so that a temporary
// nobody reads is silenced at the end of its scope.
type val struct {
	v     jen.Code
	null  jen.Code
	temps []string
	t     plan.Type
	s     *scope
	// constant marks Go constant expressions: Go evaluates them exactly at
	// compile time and rejects an overflow that SQL arithmetic wraps.
	constant bool
}

// variable binds a constant value to a temporary, so Go arithmetic on it
// wraps at run time like SQL's instead of failing to compile.
func (s *scope) variable(x val) val {
	if !x.constant {
		return x
	}
	t := s.temp("k")
	s.add(jen.Id(t).Op(":=").Add(x.v))
	y := s.mk(jen.Id(t), x.null, x.t, x)
	y.temps = append(y.temps, t)
	return y
}

func (x val) use() {
	for _, t := range x.temps {
		x.s.used[t] = true
	}
}

// V is the value code (meaningless when the value is NULL).
func (x val) V() jen.Code { x.use(); return x.v }

// N is the NULL-flag code.
func (x val) N() jen.Code {
	x.use()
	if x.null == nil {
		return jen.False()
	}
	return x.null
}

func (x val) nullable() bool { return x.null != nil }

// scope collects the statements of one Go block while expressions are
// generated into it.
type scope struct {
	stmts    []jen.Code
	declared []string
	used     map[string]bool
	counter  *int
	ctx      *exprCtx
}

// exprCtx is what expressions read: input columns, aggregate values, the
// event timestamp and the clock.
type exprCtx struct {
	g *generator
	// row is the layout of the row column references read; column reads
	// its slot i.
	row    *plan.Layout
	column func(i int) val
	agg    func(i int) val
	ts     jen.Code
	now    jen.Code
}

func newScope(ctx *exprCtx, counter *int) *scope {
	return &scope{used: map[string]bool{}, counter: counter, ctx: ctx}
}

func (s *scope) child() *scope {
	return &scope{used: s.used, counter: s.counter, ctx: s.ctx}
}

func (s *scope) temp(prefix string) string {
	*s.counter++
	name := fmt.Sprintf("%s%d", prefix, *s.counter)
	s.declared = append(s.declared, name)
	return name
}

func (s *scope) add(c jen.Code) { s.stmts = append(s.stmts, c) }

// finish returns the block's statements. Every temporary is also read by a
// blank assignment: whether generated code reads it depends on which parts
// (value or NULL flag) of each expression the consumers end up using, and
// an unread variable is a compile error; the assignment costs nothing.
func (s *scope) finish() []jen.Code {
	out := s.stmts
	if len(s.declared) > 0 {
		names := make([]jen.Code, len(s.declared))
		blanks := make([]jen.Code, len(s.declared))
		for i, t := range s.declared {
			names[i], blanks[i] = jen.Id(t), jen.Id("_")
		}
		out = append(out, jen.List(blanks...).Op("=").List(names...))
	}
	return out
}

func (s *scope) mk(v, null jen.Code, t plan.Type, from ...val) val {
	x := val{v: v, null: null, t: t, s: s}
	for _, f := range from {
		x.temps = append(x.temps, f.temps...)
	}
	return x
}

func orNull(a, b jen.Code) jen.Code {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return jen.Parens(jen.Add(a).Op("||").Add(b))
}

// lit is a typed Go literal of type t.
func lit(c *plan.Const) jen.Code {
	switch c.T {
	case plan.String:
		return jen.Lit(c.S)
	case plan.Int:
		return jen.Int32().Call(jen.Lit(int(c.I)))
	case plan.BigInt:
		return jen.Int64().Call(jen.Lit(int(c.I)))
	case plan.Float:
		return jen.Float32().Call(floatLit(c.F))
	case plan.Double:
		return floatLit(c.F)
	case plan.Bool:
		return jen.Lit(c.I != 0)
	}
	return jen.Int64().Call(jen.Lit(0))
}

func floatLit(f float64) jen.Code {
	switch {
	case math.IsNaN(f):
		return jen.Qual("math", "NaN").Call()
	case math.IsInf(f, 1):
		return jen.Qual("math", "Inf").Call(jen.Lit(1))
	case math.IsInf(f, -1):
		return jen.Qual("math", "Inf").Call(jen.Lit(-1))
	case f == 0 && math.Signbit(f): // Go constants have no negative zero
		return jen.Qual("math", "Copysign").Call(jen.Lit(0.0), jen.Lit(-1.0))
	}
	return jen.Lit(f)
}

func zero(t plan.Type) jen.Code {
	switch t {
	case plan.String:
		return jen.Lit("")
	case plan.Bool:
		return jen.False()
	}
	return jen.Add(goType(t)).Call(jen.Lit(0))
}

// expr generates e into s.
func (s *scope) expr(e plan.Expr) (val, error) {
	switch e := e.(type) {
	case *plan.Const:
		if e.Null {
			return s.mk(zero(e.T), jen.True(), e.T), nil
		}
		x := s.mk(lit(e), nil, e.T)
		x.constant = true
		return x, nil
	case *plan.ColRef:
		i, err := s.ctx.row.Resolve(e)
		if err != nil {
			return val{}, err
		}
		return s.ctx.column(i), nil
	case *plan.AggRef:
		return s.ctx.agg(e.Index), nil
	case *plan.Unary:
		x, err := s.expr(e.X)
		if err != nil {
			return val{}, err
		}
		if e.Op == plan.Not {
			return s.mk(jen.Op("!").Add(x.V()), x.null, plan.Bool, x), nil
		}
		x = s.variable(x)
		return s.mk(jen.Parens(jen.Op("-").Add(x.V())), x.null, e.T, x), nil
	case *plan.Binary:
		return s.binary(e)
	case *plan.IsNull:
		x, err := s.expr(e.X)
		if err != nil {
			return val{}, err
		}
		if !x.nullable() {
			x.use()
			return s.mk(jen.Lit(e.Not), nil, plan.Bool), nil
		}
		if e.Not {
			return s.mk(jen.Op("!").Add(jen.Parens(x.N())), nil, plan.Bool, x), nil
		}
		return s.mk(x.N(), nil, plan.Bool, x), nil
	case *plan.In:
		return s.in(e)
	case *plan.Case:
		return s.caseExpr(e)
	case *plan.Cast:
		return s.cast(e)
	case *plan.Call:
		return s.call(e)
	}
	return val{}, &Unsupported{What: fmt.Sprintf("expression %T", e)}
}

func (s *scope) binary(e *plan.Binary) (val, error) {
	l, err := s.expr(e.L)
	if err != nil {
		return val{}, err
	}
	r, err := s.expr(e.R)
	if err != nil {
		return val{}, err
	}
	switch {
	case e.Op == plan.And || e.Op == plan.Or:
		// NULL counts as FALSE (§2.5); the result is never NULL.
		lt, rt := truth(l), truth(r)
		op := "&&"
		if e.Op == plan.Or {
			op = "||"
		}
		return s.mk(jen.Parens(jen.Add(lt).Op(op).Add(rt)), nil, plan.Bool, l, r), nil
	case e.Op.IsComparison():
		ops := map[plan.BinOp]string{plan.Eq: "==", plan.Ne: "!=", plan.Lt: "<", plan.Le: "<=", plan.Gt: ">", plan.Ge: ">="}
		cmp := jen.Parens(jen.Add(l.V()).Op(ops[e.Op]).Add(r.V()))
		null := orNull(l.null, r.null)
		if null == nil {
			return s.mk(cmp, nil, plan.Bool, l, r), nil
		}
		// Bound to a temporary: inlined, two comparisons on one column
		// would repeat its NULL test (go vet reports a redundant and).
		var v jen.Code
		if e.Op == plan.Ne { // != with a NULL operand is TRUE (§2.5)
			v = jen.Add(null).Op("||").Add(cmp)
		} else {
			v = jen.Op("!").Add(null).Op("&&").Add(cmp)
		}
		t := s.temp("b")
		s.add(jen.Id(t).Op(":=").Add(v))
		x := s.mk(jen.Id(t), nil, plan.Bool, l, r)
		x.temps = append(x.temps, t)
		return x, nil
	}
	null := orNull(l.null, r.null)
	switch e.Op {
	case plan.Add, plan.Sub, plan.Mul:
		if l.constant && r.constant {
			l = s.variable(l)
		}
		ops := map[plan.BinOp]string{plan.Add: "+", plan.Sub: "-", plan.Mul: "*"}
		return s.mk(jen.Parens(jen.Add(l.V()).Op(ops[e.Op]).Add(r.V())), null, e.T, l, r), nil
	case plan.Div:
		return s.checked(jen.Qual(pkgFn, "DivFloat").Call(l.V(), r.V()), null, plan.Double, l, r), nil
	case plan.Mod:
		name := map[plan.Type]string{plan.Int: "ModInt32", plan.BigInt: "ModInt64", plan.Float: "ModFloat32", plan.Double: "ModFloat"}[e.T]
		return s.checked(jen.Qual(pkgFn, name).Call(l.V(), r.V()), null, e.T, l, r), nil
	}
	return val{}, &Unsupported{What: "operator " + e.Op.String()}
}

// checked binds a (value, ok) runtime call; !ok means NULL.
func (s *scope) checked(call jen.Code, null jen.Code, t plan.Type, from ...val) val {
	v, ok := s.temp("t"), s.temp("ok")
	s.add(jen.List(jen.Id(v), jen.Id(ok)).Op(":=").Add(call))
	x := s.mk(jen.Id(v), orNull(null, jen.Op("!").Id(ok)), t, from...)
	x.temps = append(x.temps, v, ok)
	return x
}

// truth is a BOOL value as a condition: NULL is not TRUE.
func truth(x val) jen.Code {
	if !x.nullable() {
		return x.V()
	}
	return jen.Parens(jen.Op("!").Add(x.N()).Op("&&").Add(x.V()))
}

func (s *scope) in(e *plan.In) (val, error) {
	x, err := s.expr(e.X)
	if err != nil {
		return val{}, err
	}
	var found jen.Code
	parts := []val{x}
	for _, item := range e.List {
		v, err := s.expr(item)
		if err != nil {
			return val{}, err
		}
		parts = append(parts, v)
		eq := jen.Parens(jen.Add(x.V()).Op("==").Add(v.V()))
		if v.nullable() {
			eq = jen.Parens(jen.Op("!").Add(v.N()).Op("&&").Add(eq))
		}
		if found == nil {
			found = eq
		} else {
			found = jen.Add(found).Op("||").Add(eq)
		}
	}
	if found == nil {
		found = jen.False()
	}
	found = jen.Parens(found)
	if x.nullable() {
		found = jen.Parens(jen.Op("!").Add(x.N()).Op("&&").Add(found))
	}
	if e.Not {
		found = jen.Op("!").Add(found)
	}
	return s.mk(found, nil, plan.Bool, parts...), nil
}

// caseExpr evaluates only the branch taken: conditions and results are
// generated into nested blocks.
func (s *scope) caseExpr(e *plan.Case) (val, error) {
	v, n := s.temp("c"), s.temp("cn")
	s.add(jen.Var().Id(v).Add(goType(e.T)))
	s.add(jen.Id(n).Op(":=").True())
	s.used[v], s.used[n] = true, true
	assign := func(in *scope, x plan.Expr) error {
		r, err := in.expr(x)
		if err != nil {
			return err
		}
		in.add(jen.List(jen.Id(v), jen.Id(n)).Op("=").List(r.V(), r.N()))
		return nil
	}
	// Build nested if/else from the last branch outwards.
	var tail []jen.Code
	if e.Else != nil {
		in := s.child()
		if err := assign(in, e.Else); err != nil {
			return val{}, err
		}
		tail = in.finish()
	}
	for i := len(e.Whens) - 1; i >= 0; i-- {
		w := e.Whens[i]
		cs := s.child()
		cond, err := cs.expr(w.Cond)
		if err != nil {
			return val{}, err
		}
		then := s.child()
		if err := assign(then, w.Result); err != nil {
			return val{}, err
		}
		stmt := jen.If(truth(cond)).Block(then.finish()...)
		if tail != nil {
			stmt = stmt.Else().Block(tail...)
		}
		tail = append(cs.finish(), stmt)
	}
	s.stmts = append(s.stmts, tail...)
	return s.mk(jen.Id(v), jen.Id(n), e.T), nil
}
