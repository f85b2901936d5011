package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// stateless reports a query the physical plan runs without state on the
// single-event path: the generated one() method filters and projects a
// single event and hands the row straight to the target's single-event path.
func (qg *queryGen) stateless() bool { return qg.phys.Single == plan.SingleStateless }

// emitOne writes the single-event path of a stateless query.
func (qg *queryGen) emitOne(inFields, outFields []string) error {
	counter := 0
	ctx := &exprCtx{g: qg.g, row: qg.row, ts: jen.Id("ts"), now: jen.Id("q").Dot("app").Dot("sched").Dot("Now").Call(),
		agg: func(int) val { panic("stateless query with aggregates") }}
	method := func(name string, ret jen.Code, body []jen.Code) {
		qg.g.f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id(name).Params(jen.Id("ts").Int64(), jen.Id("in").Op("*").Id(qg.inType)).Add(ret).Block(body...)
	}
	rowMethod := "one"
	if qg.post != nil {
		// The WHERE is a method of its own, small enough to inline into
		// Send, so an event it drops costs no call.
		ks := newScope(ctx, &counter)
		ctx.column = columnOf("in", qg.inRel, inFields)(ks)
		cond, err := ks.expr(qg.post.Filter.Cond)
		if err != nil {
			return err
		}
		ks.add(jen.Id("kept").Op(":=").Add(truth(cond)))
		body := append([]jen.Code{jen.Id("_").Op("=").Id("in")}, ks.finish()...)
		qg.g.f.Commentf("keep reports whether an event passes %s's WHERE.", qg.name)
		method("keep", jen.Bool(), append(body, jen.Return(jen.Id("kept"))))
		qg.g.f.Commentf("one runs %s on a single event (a chunk of one).", qg.name)
		method("one", jen.Null(), []jen.Code{jen.If(jen.Id("q").Dot("keep").Call(jen.Id("ts"), jen.Id("in"))).Block(
			jen.Id("q").Dot("pass").Call(jen.Id("ts"), jen.Id("in")))})
		rowMethod = "pass"
	}
	s := newScope(ctx, &counter)
	ctx.column = columnOf("in", qg.inRel, inFields)(s)
	// The row lives in the query: a local would escape through the
	// subscriber callbacks and cost an allocation per event. The row may
	// come back into this query while it is still being delivered (a cycle,
	// or a callback sending into the app), so each nesting depth gets a row
	// of its own (see reentry.go).
	s.add(jen.If(jen.Id("q").Dot("depth").Op("==").Len(jen.Id("q").Dot("nested"))).Block(
		jen.Id("q").Dot("nested").Op("=").Append(jen.Id("q").Dot("nested"), jen.New(jen.Id(qg.outType)))))
	s.add(jen.Id("row").Op(":=").Id("q").Dot("nested").Index(jen.Id("q").Dot("depth")))
	deliver := jen.Block(jen.Id("q").Dot("depth").Op("++"),
		jen.Id("q").Dot("app").Dot(qg.g.ids(qg.outRel).deliverOne).Call(jen.Id("ts"), jen.Id("row")),
		jen.Id("q").Dot("depth").Op("--"))
	s.add(jen.Op("*").Id("row").Op("=").Id(qg.outType).Values())
	if err := qg.project(s, outFields); err != nil {
		return err
	}
	s.add(deliver)
	body := append([]jen.Code{jen.Id("_").Op("=").Id("in")}, s.finish()...)
	if rowMethod == "one" {
		qg.g.f.Commentf("one runs %s on a single event (a chunk of one).", qg.name)
	} else {
		qg.g.f.Commentf("pass writes the row of an event that passed %s's WHERE.", qg.name)
	}
	method(rowMethod, jen.Null(), body)
	return nil
}

// singleCall hands the event ev stamped ts to the query's single-event
// path (in a method of App). A stateless query's WHERE (keep) inlines at
// the call site, so an event it drops costs no call at all.
func (qg *queryGen) singleCall() jen.Code {
	q := jen.Id("a").Dot(qg.name)
	switch {
	case qg.singlePath() != viaStateless:
		return q.Dot("receiveOne").Call(jen.Id("ts"), jen.Id("ev"))
	case qg.post != nil:
		return jen.If(q.Clone().Dot("keep").Call(jen.Id("ts"), jen.Id("ev"))).Block(q.Clone().Dot("pass").Call(jen.Id("ts"), jen.Id("ev")))
	}
	return q.Dot("one").Call(jen.Id("ts"), jen.Id("ev"))
}
