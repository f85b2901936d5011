package codegen

import (
	"github.com/dave/jennifer/jen"

	"eventflux/plan"
)

// stateless reports a query that keeps no state and writes at most one row
// per CURRENT event in the order they come (no window, aggregation, ORDER
// BY, LIMIT or rate limit). For such a query a chunk of one event needs no
// chunk machinery: the generated one() method filters and projects a single
// event and hands the row straight to the target's single-event path.
func (qg *queryGen) stateless() bool {
	s := qg.sel
	return qg.win == nil && qg.proj == nil && qg.pre == nil && qg.rate == nil &&
		!s.Aggregating() && len(s.OrderBy) == 0 && s.Limit < 0 && s.Offset == 0 &&
		s.Events != plan.ExpiredEvents
}

// emitOne writes the single-event path of a stateless query.
func (qg *queryGen) emitOne(inFields, outFields []string) error {
	counter := 0
	ctx := &exprCtx{g: qg.g, ts: jen.Id("ts"), now: jen.Id("q").Dot("app").Dot("sched").Dot("Now").Call(),
		agg: func(int) val { panic("stateless query with aggregates") }}
	s := newScope(ctx, &counter)
	ctx.column = columnOf("in", qg.inRel, inFields)(s)
	if qg.post != nil {
		cond, err := s.expr(qg.post.Cond)
		if err != nil {
			return err
		}
		s.add(jen.If(jen.Op("!").Add(truth(cond))).Block(jen.Return()))
	}
	// The row lives in the query: a local would escape through the
	// subscriber callbacks and cost an allocation per event. When queries
	// read the target, the row may come back into this query (a cycle) while
	// it is still being delivered, so each nesting depth gets its own row.
	deliver := jen.Id("q").Dot("app").Dot("deliver"+qg.outType+"One").Call(jen.Id("ts"), jen.Id("row"))
	if qg.g.readers[qg.outRel] > 0 {
		s.add(jen.If(jen.Id("q").Dot("depth").Op("==").Len(jen.Id("q").Dot("nested"))).Block(
			jen.Id("q").Dot("nested").Op("=").Append(jen.Id("q").Dot("nested"), jen.New(jen.Id(qg.outType)))))
		s.add(jen.Id("row").Op(":=").Id("q").Dot("nested").Index(jen.Id("q").Dot("depth")))
		deliver = jen.Block(jen.Id("q").Dot("depth").Op("++"), deliver, jen.Id("q").Dot("depth").Op("--"))
	} else {
		s.add(jen.Id("row").Op(":=").Op("&").Id("q").Dot("row"))
	}
	s.add(jen.Op("*").Id("row").Op("=").Id(qg.outType).Values())
	if err := qg.project(s, outFields); err != nil {
		return err
	}
	s.add(deliver)
	body := append([]jen.Code{jen.Id("_").Op("=").Id("in")}, s.finish()...)
	qg.g.f.Commentf("one runs %s on a single event (a chunk of one).", qg.name)
	qg.g.f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("one").Params(jen.Id("ts").Int64(), jen.Id("in").Op("*").Id(qg.inType)).Block(body...)
	return nil
}
