package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// aggregatorType is the runtime/agg type the optimizer chose for a call.
func aggregatorType(ch plan.AggChoice) (jen.Code, error) {
	if ch.Impl == 0 {
		return nil, &Unsupported{What: "an aggregate without a chosen implementation"}
	}
	t := jen.Qual(pkgAgg, ch.Impl.RuntimeType())
	if ch.Impl.Generic() {
		t = t.Types(goType(ch.Elem))
	}
	return t, nil
}

// aggUpdate adds or removes one argument value (NULLs skipped except by
// count() and distinctCount, §9.6).
func aggUpdate(s *scope, a plan.AggCall, ch plan.AggChoice, field *jen.Statement, add bool) ([]jen.Code, error) {
	method := "Remove"
	if add {
		method = "Add"
	}
	if ch.Impl == plan.ImplCount {
		return []jen.Code{field.Clone().Dot(method).Call()}, nil
	}
	arg, err := s.expr(a.Arg)
	if err != nil {
		return nil, err
	}
	var call jen.Code
	switch ch.Impl {
	case plan.ImplCountNonNull:
		call = field.Clone().Dot(method).Call()
	case plan.ImplAvgInt, plan.ImplStdDevInt:
		call = field.Clone().Dot(method).Call(jen.Int64().Call(arg.V()))
	case plan.ImplAvgFloat, plan.ImplStdDev:
		call = field.Clone().Dot(method).Call(jen.Float64().Call(arg.V()))
	default:
		call = field.Clone().Dot(method).Call(arg.V())
	}
	if ch.Impl == plan.ImplDistinctCount {
		nullCall := field.Clone().Dot(method + "Null").Call()
		if !arg.nullable() {
			return []jen.Code{call}, nil
		}
		return []jen.Code{jen.If(arg.N()).Block(nullCall).Else().Block(call)}, nil
	}
	if !arg.nullable() {
		return []jen.Code{call}, nil
	}
	return []jen.Code{jen.If(jen.Op("!").Add(arg.N())).Block(call)}, nil
}

// aggValue reads aggregate slot i of group g into temporaries.
func (qg *queryGen) aggValue(s *scope, a plan.AggCall, i int) val {
	field := jen.Id("g").Dot(fmt.Sprintf("a%d", i))
	if j, ok := qg.sharedSum(i); ok {
		field = jen.Id("g").Dot(fmt.Sprintf("a%d", j))
		v, okT := s.temp("av"), s.temp("aok")
		s.add(jen.List(jen.Id(v), jen.Id(okT)).Op(":=").Add(field).Dot("Mean").Call())
		x := s.mk(jen.Id(v), jen.Op("!").Id(okT), a.T)
		x.temps = []string{v, okT}
		return x
	}
	switch a.Func {
	case plan.AggCount, plan.AggDistinctCount, plan.AggAnd, plan.AggOr:
		v := s.temp("av")
		s.add(jen.Id(v).Op(":=").Add(field).Dot("Value").Call())
		x := s.mk(jen.Id(v), nil, a.T)
		x.temps = []string{v}
		return x
	}
	v, ok := s.temp("av"), s.temp("aok")
	s.add(jen.List(jen.Id(v), jen.Id(ok)).Op(":=").Add(field).Dot("Value").Call())
	x := s.mk(jen.Id(v), jen.Op("!").Id(ok), a.T)
	x.temps = []string{v, ok}
	return x
}

// selectorBody is afterWindow's body: §4.5 per chunk, then the rate limiter
// or the write.
func (qg *queryGen) selectorBody(inFields, outFields []string, groupT, keyT, candT string) ([]jen.Code, error) {
	sel := qg.sel
	counter := 0
	var aggVals []val
	ctx := qg.ctx(func(i int) val { return aggVals[i] })
	s := newScope(ctx, &counter)
	ctx.column = columnOf("in", qg.inRel, inFields)(s)

	// In a fused query (see fused) the per-event body is the method step,
	// where skipping an event is a return.
	fused := qg.fused()
	skip := jen.Continue
	if fused {
		skip = func() *jen.Statement { return jen.Return() }
	}
	var loop []jen.Code
	if !fused {
		loop = append(loop, jen.Id("ev").Op(":=").Op("&").Id("chunk").Index(jen.Id("i")))
	}
	keepCur, keepExp := qg.ps.KeepCurrent, qg.ps.KeepExpired
	skipBeforeReset := qg.ps.SkipExpiredBeforeReset
	if skipBeforeReset {
		loop = append(loop, jen.If(jen.Id("ev").Dot("Kind").Op("==").Qual(pkgRuntime, "Expired").Op("&&").Id("i").Op("<").Id("lastReset")).Block(jen.Continue()))
	}

	// RESET clears every group; forever aggregates ignore it.
	var reset []jen.Code
	resetGroup := func(g *jen.Statement) []jen.Code {
		var out []jen.Code
		for i := range sel.Aggs {
			out = append(out, g.Clone().Dot(fmt.Sprintf("a%d", i)).Dot("Reset").Call())
		}
		return append(out, g.Clone().Dot("held").Op("=").Lit(0))
	}
	if qg.grouped {
		reset = append(reset, jen.For(jen.List(jen.Id("_"), jen.Id("g")).Op(":=").Range().Id("q").Dot("all")).Block(resetGroup(jen.Id("g"))...))
	} else {
		reset = append(reset, resetGroup(jen.Id("q").Dot("global"))...)
	}
	if qg.passExp {
		reset = append(reset, jen.Id("q").Dot("cands").Op("=").Append(jen.Id("q").Dot("cands"),
			jen.Id(candT).Values(jen.Dict{jen.Id("kind"): jen.Qual(pkgRuntime, "Reset"), jen.Id("ts"): jen.Id("ev").Dot("Ts")})))
	}
	reset = append(reset, skip())
	loop = append(loop, jen.If(jen.Id("ev").Dot("Kind").Op("==").Qual(pkgRuntime, "Reset")).Block(reset...))
	loop = append(loop, jen.Id("in").Op(":=").Op("&").Id("ev").Dot("Data"), jen.Id("_").Op("=").Id("in"))

	// WHERE after the window.
	if qg.post != nil {
		cond, err := s.expr(qg.post.Filter.Cond)
		if err != nil {
			return nil, err
		}
		s.add(jen.If(jen.Op("!").Add(truth(cond))).Block(skip()))
	}
	// Group lookup.
	if qg.ps.CachedGroup {
		s.add(jen.Id("g").Op(":=").Id("in").Dot("grp"))
		s.add(jen.If(jen.Id("g").Op("==").Nil()).Block(jen.Id("g").Op("=").Id("q").Dot("groupOf").Call(jen.Id("in"))))
	} else if qg.grouped {
		if err := qg.lookupGroup(s, groupT, keyT); err != nil {
			return nil, err
		}
	} else {
		s.add(jen.Id("g").Op(":=").Op("&").Id("q").Dot("global"))
	}
	// Aggregate updates.
	if qg.ps.CountsHeld() {
		addS, remS := s.child(), s.child()
		var adds, removes []jen.Code
		for i, a := range sel.Aggs {
			if _, ok := qg.sharedSum(i); ok {
				continue
			}
			field := jen.Id("g").Dot(fmt.Sprintf("a%d", i))
			ca, err := aggUpdate(addS, a, qg.ps.Aggs[i], field, true)
			if err != nil {
				return nil, err
			}
			adds = append(adds, ca...)
			cr, err := aggUpdate(remS, a, qg.ps.Aggs[i], field, false)
			if err != nil {
				return nil, err
			}
			removes = append(removes, cr...)
		}
		addBlock := append(addS.stmts, adds...)
		addBlock = append(addBlock, silence(addS)...)
		addBlock = append(addBlock, jen.Id("g").Dot("held").Op("++"))
		remBlock := append(remS.stmts, removes...)
		remBlock = append(remBlock, silence(remS)...)
		remBlock = append(remBlock, jen.Id("g").Dot("held").Op("--"))
		s.add(jen.If(jen.Id("ev").Dot("Kind").Op("==").Qual(pkgRuntime, "Current")).Block(addBlock...).Else().Block(remBlock...))
	}
	// Which candidates survive step 2.
	switch {
	case keepCur && !keepExp:
		s.add(jen.If(jen.Id("ev").Dot("Kind").Op("!=").Qual(pkgRuntime, "Current")).Block(skip()))
	case !keepCur && keepExp:
		s.add(jen.If(jen.Id("ev").Dot("Kind").Op("!=").Qual(pkgRuntime, "Expired")).Block(skip()))
	}
	// Candidate: aggregate values, HAVING, projection, order keys.
	candidate := func(s *scope) error {
		aggVals = aggVals[:0]
		for i, a := range sel.Aggs {
			aggVals = append(aggVals, qg.aggValue(s, a, i))
		}
		if sel.Having != nil {
			h, err := s.expr(sel.Having)
			if err != nil {
				return err
			}
			s.add(jen.If(jen.Op("!").Add(truth(h))).Block(skip()))
		}
		// The candidate is built in place (see copyFields).
		s.add(jen.Id("q").Dot("cands").Op("=").Append(jen.Id("q").Dot("cands"), jen.Id(candT).Values()))
		s.add(jen.Id("c").Op(":=").Op("&").Id("q").Dot("cands").Index(jen.Len(jen.Id("q").Dot("cands")).Op("-").Lit(1)))
		s.add(jen.List(jen.Id("c").Dot("ts"), jen.Id("c").Dot("kind"), jen.Id("c").Dot("g")).Op("=").List(jen.Id("ev").Dot("Ts"), jen.Id("ev").Dot("Kind"), jen.Id("g")))
		s.add(jen.Id("row").Op(":=").Op("&").Id("c").Dot("row"))
		if err := qg.project(s, outFields); err != nil {
			return err
		}
		for i, k := range sel.OrderBy {
			v, err := s.expr(k.Expr)
			if err != nil {
				return err
			}
			s.add(jen.List(jen.Id("c").Dot(fmt.Sprintf("o%d", i)), jen.Id("c").Dot(fmt.Sprintf("on%d", i))).Op("=").List(v.V(), v.N()))
		}
		return nil
	}
	// Deferred candidates: when no EXPIRED event can follow a CURRENT one
	// in a chunk (no window, or a batch window's EXPIRED…, RESET, CURRENT…)
	// and no HAVING can drop a candidate, a group's last candidate is
	// computed from the state after the whole chunk; only the last event
	// per group is remembered, and rows are built once per group.
	deferred := qg.ps.Deferred
	if deferred {
		s.add(jen.If(jen.List(jen.Id("slot"), jen.Id("first")).Op(":=").Id("q").Dot("ep").Dot("Slot").Call(jen.Op("&").Id("g").Dot("mark"), jen.Len(jen.Id("q").Dot("lastIdx"))), jen.Id("first")).Block(
			jen.Id("q").Dot("lastIdx").Op("=").Append(jen.Id("q").Dot("lastIdx"), jen.Id("i")),
			jen.Id("q").Dot("lastG").Op("=").Append(jen.Id("q").Dot("lastG"), jen.Id("g")),
		).Else().Block(jen.Id("q").Dot("lastIdx").Index(jen.Id("slot")).Op("=").Id("i")))
	} else if err := candidate(s); err != nil {
		return nil, err
	}
	loop = append(loop, s.finish()...)

	var body []jen.Code
	if skipBeforeReset {
		body = append(body,
			jen.Id("lastReset").Op(":=").Lit(-1),
			jen.For(jen.Id("i").Op(":=").Range().Id("chunk")).Block(
				jen.If(jen.Id("chunk").Index(jen.Id("i")).Dot("Kind").Op("==").Qual(pkgRuntime, "Reset")).Block(
					jen.Id("lastReset").Op("=").Id("i"))))
	}
	body = append(body, jen.Id("q").Dot("cands").Op("=").Id("q").Dot("cands").Index(jen.Empty(), jen.Lit(0)))
	if deferred {
		body = append(body,
			jen.Id("q").Dot("ep").Dot("Next").Call(),
			jen.Id("q").Dot("lastIdx").Op("=").Id("q").Dot("lastIdx").Index(jen.Empty(), jen.Lit(0)),
			jen.Id("q").Dot("lastG").Op("=").Id("q").Dot("lastG").Index(jen.Empty(), jen.Lit(0)))
	}
	if fused {
		qg.stepBody = loop
		loop = []jen.Code{jen.Id("q").Dot("step").Call(jen.Op("&").Id("chunk").Index(jen.Id("i")))}
	}
	body = append(body, jen.For(jen.Id("i").Op(":=").Range().Id("chunk")).Block(loop...))
	if deferred {
		s2 := newScope(ctx, &counter)
		ctx.column = columnOf("in", qg.inRel, inFields)(s2)
		if err := candidate(s2); err != nil {
			return nil, err
		}
		second := []jen.Code{
			jen.Id("ev").Op(":=").Op("&").Id("chunk").Index(jen.Id("idx")),
			jen.Id("in").Op(":=").Op("&").Id("ev").Dot("Data"), jen.Id("_").Op("=").Id("in"),
			jen.Id("g").Op(":=").Id("q").Dot("lastG").Index(jen.Id("k")),
		}
		second = append(second, s2.finish()...)
		body = append(body, jen.For(jen.List(jen.Id("k"), jen.Id("idx")).Op(":=").Range().Id("q").Dot("lastIdx")).Block(second...))
	}
	finishAt := len(body)
	body = append(body, jen.Id("rows").Op(":=").Id("q").Dot("cands"))
	// Reduction (§4.5 step 3, runtime/sel); deferred candidates are
	// already one per group, and a lone candidate (the single-event path)
	// is its group's last.
	if qg.ps.Reduce != plan.ReduceNone && !deferred {
		if qg.ps.Reduce == plan.ReduceLastPerGroup {
			body = append(body, jen.If(jen.Len(jen.Id("rows")).Op(">").Lit(1)).Block(
				jen.Id("rows").Op("=").Qual(pkgSel, "LastPerGroup").Call(jen.Op("&").Id("q").Dot("ep"), jen.Id("rows"),
					jen.Id("q").Dot("rows").Index(jen.Empty(), jen.Lit(0)), jen.Id(qg.id("Mark"))),
				jen.Id("q").Dot("rows").Op("=").Id("rows")))
			qg.g.f.Commentf("%s is where a candidate of %s keeps its group's reduction mark.", qg.id("Mark"), qg.name)
			qg.g.f.Func().Id(qg.id("Mark")).Params(jen.Id("c").Op("*").Id(candT)).Op("*").Qual(pkgSel, "Mark").Block(
				jen.Return(jen.Op("&").Id("c").Dot("g").Dot("mark")))
		} else {
			body = append(body, jen.If(jen.Len(jen.Id("rows")).Op(">").Lit(1)).Block(
				jen.Id("rows").Op("=").Id("rows").Index(jen.Len(jen.Id("rows")).Op("-").Lit(1), jen.Empty())))
		}
	}
	// ORDER BY (stable), OFFSET, LIMIT (unless a snapshot keeps window order, §0.3.9).
	if qg.ps.Ordered {
		if len(sel.OrderBy) > 0 {
			body = append(body, jen.If(jen.Len(jen.Id("rows")).Op(">").Lit(1)).Block(
				jen.Qual("slices", "SortStableFunc").Call(jen.Id("rows"), qg.orderFunc(candT))))
		}
		if sel.Offset > 0 || sel.Limit >= 0 {
			body = append(body,
				jen.List(jen.Id("lo"), jen.Id("hi")).Op(":=").Qual(pkgSel, "Page").Call(jen.Len(jen.Id("rows")), jen.Lit(int(sel.Offset)), jen.Lit(int(sel.Limit))),
				jen.Id("rows").Op("=").Id("rows").Index(jen.Id("lo"), jen.Id("hi")))
		}
	}
	if qg.rate != nil {
		body = append(body,
			jen.Id("in").Op(":=").Id("q").Dot("rateIn").Index(jen.Empty(), jen.Lit(0)),
			jen.For(jen.Id("i").Op(":=").Range().Id("rows")).Block(
				jen.Id("r").Op(":=").Op("&").Id("rows").Index(jen.Id("i")),
				jen.Id("in").Op("=").Append(jen.Id("in"), jen.Qual(pkgRate, "Row").Types(jen.Id(qg.outType), jen.Op("*").Id(groupT)).Values(jen.Dict{
					jen.Id("Row"): jen.Id("r").Dot("row"), jen.Id("Ts"): jen.Id("r").Dot("ts"), jen.Id("Kind"): jen.Id("r").Dot("kind"),
					jen.Id("Group"): jen.Id("r").Dot("g"),
					jen.Id("Empty"): jen.Id("r").Dot("g").Op("!=").Nil().Op("&&").Id("r").Dot("g").Dot("held").Op("<=").Lit(0),
				})),
			),
			jen.Id("q").Dot("rateIn").Op("=").Id("in"),
			jen.Id("q").Dot("rate").Dot("Process").Call(jen.Id("in")),
		)
	} else {
		body = append(body, jen.Id("q").Dot("write").Call(jen.Id("rows")))
	}
	if fused {
		qg.finishBody = append([]jen.Code(nil), body[finishAt:]...)
		body = append(body[:finishAt:finishAt], jen.Id("q").Dot("finish").Call())
	}
	return body, nil
}

// lookupGroup adds to s the statements that set g to the group of the
// event in (created on first sight).
func (qg *queryGen) lookupGroup(s *scope, groupT, keyT string) error {
	sel := qg.sel
	var kv jen.Dict = jen.Dict{}
	var k0, n0 jen.Code // the first key's value and NULL flag
	for i, e := range sel.GroupBy {
		k, err := s.expr(e)
		if err != nil {
			return err
		}
		kt, kn := s.temp("k"), s.temp("kn")
		s.used[kt], s.used[kn] = true, true
		s.add(jen.List(jen.Id(kt), jen.Id(kn)).Op(":=").List(k.V(), k.N()))
		// NULL keys carry the zero value so equal NULLs meet in the map.
		s.add(jen.If(jen.Id(kn)).Block(jen.Id(kt).Op("=").Add(zero(e.Type()))))
		kv[jen.Id(fmt.Sprintf("k%d", i))] = keyValue(jen.Id(kt), e.Type())
		kv[jen.Id(fmt.Sprintf("n%d", i))] = jen.Id(kn)
		if i == 0 {
			k0, n0 = keyValue(jen.Id(kt), e.Type()), jen.Id(kn)
		}
	}
	if qg.singleKey() {
		// One key column: a map on the bare value (string keys take
		// the runtime's fast string map) and the NULL group aside.
		s.add(jen.Var().Id("g").Op("*").Id(groupT))
		s.add(jen.If(n0).Block(jen.Id("g").Op("=").Id("q").Dot("nullG")).Else().Block(
			jen.Id("g").Op("=").Id("q").Dot("idx").Index(k0)))
		s.add(jen.If(jen.Id("g").Op("==").Nil()).Block(
			jen.Id("g").Op("=").Id("q").Dot("groupByKey").Call(jen.Id(keyT).Values(kv))))
	} else {
		s.add(jen.Id("key").Op(":=").Id(keyT).Values(kv))
		s.add(jen.Id("g").Op(":=").Id("q").Dot("groups").Index(jen.Id("key")))
		s.add(jen.If(jen.Id("g").Op("==").Nil()).Block(
			jen.Id("g").Op("=").Id("q").Dot("groupByKey").Call(jen.Id("key"))))
	}
	return nil
}

// emitGroupOf writes groupOf(in), the group lookup of cachesGroup.
func (qg *queryGen) emitGroupOf(inFields []string, groupT, keyT string) error {
	counter := 0
	s := newScope(&exprCtx{g: qg.g, row: qg.row, ts: jen.Id("ev").Dot("Ts"), now: jen.Id("q").Dot("app").Dot("sched").Dot("Now").Call()}, &counter)
	s.ctx.column = columnOf("in", qg.inRel, inFields)(s)
	if err := qg.lookupGroup(s, groupT, keyT); err != nil {
		return err
	}
	body := append(s.finish(), jen.Return(jen.Id("g")))
	qg.g.f.Commentf("groupOf finds the group of a row as it enters the window.")
	qg.g.f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("groupOf").Params(jen.Id("in").Op("*").Id(qg.inType)).Op("*").Id(groupT).Block(body...)
	return nil
}

// orderFunc compares two candidates by the ORDER BY keys with the
// runtime's rule (sel.Nulls, sel.Order): NULL first in ASC, last in DESC;
// unordered floats (NaN) compare equal.
func (qg *queryGen) orderFunc(candT string) jen.Code {
	var body []jen.Code
	for i, k := range qg.sel.OrderBy {
		o, on := fmt.Sprintf("o%d", i), fmt.Sprintf("on%d", i)
		body = append(body, orderKey(fmt.Sprintf("c%d", i), jen.Id("a").Dot(o), jen.Id("b").Dot(o), jen.Id("a").Dot(on), jen.Id("b").Dot(on), k.Expr.Type(), k.Desc)...)
	}
	body = append(body, jen.Return(jen.Lit(0)))
	return jen.Func().Params(jen.List(jen.Id("a"), jen.Id("b")).Id(candT)).Int().Block(body...)
}

// orderKey compares one key of two rows into c and returns it when it
// decides (the statements of one ORDER BY or sort-window key).
func orderKey(c string, a, b, aNull, bNull jen.Code, t plan.Type, desc bool) []jen.Code {
	cmp := jen.Qual(pkgSel, "Order").Call(a, b)
	if t == plan.Bool {
		cmp = jen.Qual(pkgSel, "OrderBool").Call(a, b)
	}
	out := []jen.Code{
		jen.List(jen.Id(c), jen.Id("decided")).Op(":=").Qual(pkgSel, "Nulls").Call(aNull, bNull),
		jen.If(jen.Op("!").Id("decided")).Block(jen.Id(c).Op("=").Add(cmp)),
	}
	if desc {
		out = append(out, jen.Id(c).Op("=").Op("-").Id(c))
	}
	return append(out, jen.If(jen.Id(c).Op("!=").Lit(0)).Block(jen.Return(jen.Id(c))))
}

// singleKey reports the physical plan's bare-key group index (GROUP BY on
// one column), kept besides the canonical map of keys.
func (qg *queryGen) singleKey() bool { return qg.ps.GroupIndex == plan.GroupByBare }

// keyType is the Go type of a key field: floats are keyed by fn.FloatKey
// bits, so -0.0 meets 0.0 and NaN meets NaN as in the interpreter.
func keyType(t plan.Type) jen.Code {
	if t == plan.Float || t == plan.Double {
		return jen.Uint64()
	}
	return goType(t)
}

// keyValue converts a value of type t to its key field.
func keyValue(v jen.Code, t plan.Type) jen.Code {
	if t == plan.Float || t == plan.Double {
		return jen.Qual(pkgFn, "FloatKey").Call(jen.Float64().Call(v))
	}
	return v
}

// project fills the variable row (of the output struct type) with the
// select items; a NULL item sets its bit in row.Nulls.
func (qg *queryGen) project(s *scope, outFields []string) error {
	for i, it := range qg.sel.Items {
		v, err := s.expr(it.Expr)
		if err != nil {
			return err
		}
		set := jen.Id("row").Dot(outFields[i]).Op("=").Add(v.V())
		if v.nullable() {
			s.add(jen.If(v.N()).Block(jen.Id("row").Dot("Nulls").Op("|=").Lit(uint64(1) << i)).Else().Block(set))
		} else {
			s.add(set)
		}
	}
	return nil
}
