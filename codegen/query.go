package codegen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// queryGen holds one query's physical operators, split the way the fused
// code runs them: [pre-window filter] → [window] → [filter] → selector →
// [rate] → insert. Every choice comes from the physical plan.
type queryGen struct {
	g          *generator
	q          *plan.Query
	phys       *plan.PhysicalQuery
	name       string // q0, q1, …
	scan       *plan.PhysicalScan
	pre        *plan.PhysicalFilter
	win        *plan.PhysicalWindow
	post       *plan.PhysicalFilter
	ps         *plan.PhysicalSelect
	sel        *plan.Selector
	rate       *plan.PhysicalRateLimit
	ins        *plan.PhysicalInsert
	proj       *plan.PhysicalProject
	row        *plan.Layout // the rows the window and selector see
	inType     string
	outType    string
	inRel      *plan.Relation // the row type of row (a narrow one when a Project prunes)
	srcRel     *plan.Relation // the stream the query reads
	outRel     *plan.Relation
	grouped    bool
	stepBody   []jen.Code // fused: the per-event selector body
	finishBody []jen.Code // fused: the per-chunk end of the selector
	passExp    bool       // SNAPSHOT over a window: the selector passes EXPIRED and RESET rows on
	keyEmitted bool
}

func (g *generator) query(q *plan.Query) (*queryGen, error) {
	qg := &queryGen{g: g, q: q, phys: q.Physical, name: queryName(q)}
	if qg.phys == nil {
		return nil, fmt.Errorf("codegen: query %d has no physical plan (the optimizer's ChoosePhysical must run)", q.Index)
	}
	for _, op := range qg.phys.Ops() {
		switch op := op.(type) {
		case *plan.PhysicalScan:
			qg.scan = op
		case *plan.PhysicalProject:
			qg.proj = op
		case *plan.PhysicalFilter:
			if op.BeforeWindow {
				qg.pre = op
			} else {
				qg.post = op
			}
		case *plan.PhysicalWindow:
			qg.win = op
		case *plan.PhysicalSelect:
			qg.ps, qg.sel = op, op.Selector
		case *plan.PhysicalRateLimit:
			qg.rate = op
		case *plan.PhysicalInsert:
			qg.ins = op
		default:
			return nil, &Unsupported{What: "physical operator " + op.Name()}
		}
	}
	if qg.scan == nil || qg.ps == nil || qg.ins == nil {
		return nil, &Unsupported{What: "a query without scan, selector or insert"}
	}
	qg.srcRel, qg.outRel = qg.scan.Scan.Bind.Rel, qg.ins.Insert.Target
	qg.inRel, qg.row = qg.srcRel, qg.scan.Out
	qg.grouped = qg.ps.Grouped()
	if qg.proj != nil {
		// A narrow row type for what the window retains (PruneColumns).
		qg.row = qg.proj.Out
		qg.inRel = &plan.Relation{Name: qg.name + "Row", Columns: qg.row.Schema(), Pos: q.Pos}
		g.names.relation(qg.inRel, qg.inRel.Name, true)
		if qg.ps.CachedGroup {
			g.hidden[qg.inRel] = jen.Id("grp").Op("*").Id(qg.id("Group")).Comment("the row's group, found as it arrived")
		}
		g.relation(qg.inRel)
		g.relationCodec(qg.inRel)
	}
	qg.inType, qg.outType = g.typeName(qg.inRel), g.typeName(qg.outRel)
	qg.passExp = qg.ps.Reset
	if err := qg.emit(); err != nil {
		return nil, fmt.Errorf("query %d (line %d): %w", q.Index, q.Pos.Line, err)
	}
	return qg, nil
}

// sharedSum is the sum slot avg slot i reads off, if any.
func (qg *queryGen) sharedSum(i int) (int, bool) {
	j := qg.ps.Aggs[i].SharedSum
	return j, j >= 0
}

// id names one of the query's own package-level types (q0Group, …).
func (qg *queryGen) id(suffix string) string { return qg.g.own(qg.name + suffix) }

// columnOf reads column i of the struct at ptr.
func columnOf(ptr string, rel *plan.Relation, fields []string) func(s *scope) func(i int) val {
	return func(s *scope) func(i int) val {
		return func(i int) val {
			v := jen.Id(ptr).Dot(fields[i])
			null := jen.Parens(jen.Id(ptr).Dot("Nulls").Op("&").Lit(uint64(1) << i).Op("!=").Lit(0))
			return s.mk(v, null, rel.Columns[i].Type)
		}
	}
}

func (qg *queryGen) ctx(aggs func(i int) val) *exprCtx {
	return &exprCtx{g: qg.g, row: qg.row, agg: aggs, ts: jen.Id("ev").Dot("Ts"), now: jen.Id("q").Dot("app").Dot("sched").Dot("Now").Call()}
}

// emit writes the query's types and methods.
func (qg *queryGen) emit() error {
	f := qg.g.f
	inFields := fieldNames(qg.inRel)
	outFields := fieldNames(qg.outRel)
	inT, outT := jen.Id(qg.inType), jen.Id(qg.outType)
	evT := jen.Qual(pkgRuntime, "Event").Types(inT)

	// Documentation: the plan and the rules that shaped it.
	var doc []string
	doc = append(doc, fmt.Sprintf("%s runs query %d (line %d).", qg.name, qg.q.Index, qg.q.Pos.Line))
	doc = append(doc, "Physical plan (efc explain prints the same):")
	for _, line := range plan.FormatPhysical(qg.phys) {
		doc = append(doc, "  "+line)
	}
	if len(qg.q.Rules) > 0 {
		doc = append(doc, "Optimizer rules applied: "+strings.Join(qg.q.Rules, ", ")+".")
	}

	// Group state: one typed aggregator per AggCall.
	groupT := qg.id("Group")
	var groupFields []jen.Code
	for i, a := range qg.sel.Aggs {
		t, err := aggregatorType(qg.ps.Aggs[i])
		if err != nil {
			return err
		}
		comment := a.Func.String()
		if j, ok := qg.sharedSum(i); ok {
			comment += fmt.Sprintf(" (read off a%d, never updated)", j)
		}
		groupFields = append(groupFields, jen.Id(fmt.Sprintf("a%d", i)).Add(t).Comment(comment))
	}
	groupFields = append(groupFields,
		jen.Id("held").Int64().Comment("events currently contributing"),
		jen.Id("mark").Qual(pkgSel, "Mark").Comment("its slot in the chunk being reduced"))
	if len(qg.sel.GroupBy) > 0 {
		groupFields = append(groupFields, jen.Id("key").Id(qg.id("Key")))
	}
	f.Commentf("%s is the aggregate state of one group of %s.", groupT, qg.name)
	f.Type().Id(groupT).Struct(groupFields...)

	keyT := qg.id("Key")
	if qg.grouped {
		var kf []jen.Code
		for i, e := range qg.sel.GroupBy {
			kf = append(kf, jen.Id(fmt.Sprintf("k%d", i)).Add(keyType(e.Type())), jen.Id(fmt.Sprintf("n%d", i)).Bool())
		}
		f.Commentf("%s is a GROUP BY key of %s (NULL is a key of its own).", keyT, qg.name)
		f.Type().Id(keyT).Struct(kf...)
	}

	candT := qg.id("Cand")
	cf := []jen.Code{jen.Id("row").Add(outT), jen.Id("ts").Int64(), jen.Id("kind").Qual(pkgRuntime, "Kind"), jen.Id("g").Op("*").Id(groupT)}
	for i, k := range qg.sel.OrderBy {
		cf = append(cf, jen.Id(fmt.Sprintf("o%d", i)).Add(goType(k.Expr.Type())), jen.Id(fmt.Sprintf("on%d", i)).Bool())
	}
	f.Commentf("%s is a candidate row of %s (§4.5).", candT, qg.name)
	f.Type().Id(candT).Struct(cf...)

	// The query struct.
	qf := []jen.Code{jen.Id("app").Op("*").Id("App")}
	if qg.win != nil {
		wt, err := qg.windowType()
		if err != nil {
			return err
		}
		qf = append(qf, jen.Id("win").Add(wt), jen.Id("emit").Qual(pkgRuntime, "Emit").Types(inT))
	}
	if qg.pre != nil {
		qf = append(qf, jen.Id("pre").Index().Add(evT))
	}
	if qg.proj != nil {
		qf = append(qf, jen.Id("narrow").Index().Add(evT))
	}
	if qg.singlePath() == viaChunk {
		qf = append(qf, jen.Id("single").Index().Add(evT).Comment("receiveOne's chunk"))
	}
	if qg.fused() && qg.win.Kind() == plan.WinLength {
		qf = append(qf, jen.Id("evicted").Add(evT).Comment("the event a fused receiveOne evicts"))
	}
	if qg.stateless() {
		qf = append(qf, jen.Id("nested").Index().Op("*").Add(outT).Comment("the single-event path's output rows, by nesting depth"),
			jen.Id("depth").Int())
	}
	if qg.grouped {
		qf = append(qf, jen.Id("groups").Map(jen.Id(keyT)).Op("*").Id(groupT),
			jen.Id("all").Index().Op("*").Id(groupT).Comment("the groups in order of creation (RESET walks these)"))
		if qg.singleKey() {
			qf = append(qf, jen.Id("idx").Map(keyType(qg.sel.GroupBy[0].Type())).Op("*").Id(groupT).Comment("groups by bare key"),
				jen.Id("nullG").Op("*").Id(groupT).Comment("the NULL key's group"))
		}
	} else {
		qf = append(qf, jen.Id("global").Id(groupT))
	}
	if qg.ps.Deferred {
		qf = append(qf, jen.Id("lastIdx").Index().Int(), jen.Id("lastG").Index().Op("*").Id(groupT))
	}
	qf = append(qf, jen.Id("busy").Bool().Comment("inside receive, receiveOne or Fire (see reentry.go)"))
	qf = append(qf, jen.Id("ep").Qual(pkgSel, "Epoch"), jen.Id("cands").Index().Id(candT), jen.Id("rows").Index().Id(candT),
		jen.Id("out").Index().Qual(pkgRuntime, "Event").Types(outT))
	rateRow := jen.Qual(pkgRate, "Row").Types(outT, jen.Op("*").Id(groupT))
	if qg.rate != nil {
		qf = append(qf, jen.Id("rate").Op("*").Qual(pkgRate, "Limiter").Types(outT, jen.Op("*").Id(groupT)),
			jen.Id("rateIn").Index().Add(rateRow))
	}
	if qg.timedWindow() {
		qf = append(qf, jen.Id("tw").Op("*").Qual(pkgRuntime, "Timer").Comment("the window's scheduler handle"))
	}
	if qg.timedRate() {
		qf = append(qf, jen.Id("tr").Op("*").Qual(pkgRuntime, "Timer").Comment("the rate limiter's scheduler handle"))
	}
	for _, line := range doc {
		f.Comment(oneLine(line)) // one // line each: a block comment would break on "*/" in a cron text
	}
	f.Type().Id(qg.name).Struct(qf...)

	// init
	var init []jen.Code
	init = append(init, jen.Id("q").Dot("app").Op("=").Id("a"))
	if qg.win != nil {
		c, err := qg.windowCtor(inFields)
		if err != nil {
			return err
		}
		init = append(init, c...)
		init = append(init, jen.Id("q").Dot("emit").Op("=").Id("q").Dot("afterWindow"))
		if qg.win.OmitExpiredBeforeReset {
			init = append(init, jen.Id("q").Dot("win").Dot("OmitExpiredBeforeReset").Call())
		}
	}
	if qg.grouped {
		init = append(init, jen.Id("q").Dot("groups").Op("=").Map(jen.Id(keyT)).Op("*").Id(groupT).Values(), qg.resetIndex())
	}
	if qg.rate != nil {
		r := qg.rate.RateLimit
		modes := map[plan.RateMode]string{plan.RateAll: "All", plan.RateFirst: "First", plan.RateLast: "Last", plan.RateSnapshot: "Snapshot"}
		cfg := jen.Qual(pkgRate, "Config").Values(jen.Dict{
			jen.Id("Mode"):        jen.Qual(pkgRate, modes[r.Mode]),
			jen.Id("Events"):      jen.Lit(int(r.Events)),
			jen.Id("Period"):      jen.Lit(int(r.Millis)),
			jen.Id("Grouped"):     jen.Lit(qg.rate.Grouped),
			jen.Id("Windowed"):    jen.Lit(qg.rate.Windowed),
			jen.Id("Aggregating"): jen.Lit(qg.rate.Aggregating),
		})
		eq := jen.Func().Params(jen.List(jen.Id("x"), jen.Id("y")).Add(outT)).Bool().Block(jen.Return(jen.Id("x").Op("==").Id("y")))
		init = append(init, jen.Id("q").Dot("rate").Op("=").Qual(pkgRate, "New").Types(outT, jen.Op("*").Id(groupT)).Call(cfg, eq, jen.Id("q").Dot("writeLimited")))
	}
	f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("init").Params(jen.Id("a").Op("*").Id("App")).Block(init...)

	if qg.win != nil {
		f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("NextDeadline").Params().Params(jen.Int64(), jen.Bool()).Block(
			jen.Return(jen.Id("q").Dot("win").Dot("NextDeadline").Call()))
		f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("Fire").Params(jen.Id("now").Int64()).Block(qg.guarded([]jen.Code{
			jen.Id("q").Dot("win").Dot("Fire").Call(jen.Id("now"), jen.Id("q").Dot("emit"))})...)
	}

	// receive and receiveOne narrow a chunk or a single event to what the
	// window keeps (PruneColumns), then arrive runs the pre-window filter
	// and the window. Events are built in place, field by field (see
	// copyFields).
	srcT := jen.Id(qg.g.typeName(qg.srcRel))
	srcEvT := jen.Qual(pkgRuntime, "Event").Types(srcT)
	fill := func(dst func() *jen.Statement, src func() *jen.Statement) []jen.Code {
		if qg.proj == nil {
			return copyFields(dst, src, qg.inRel)
		}
		srcFields := fieldNames(qg.srcRel)
		var out []jen.Code
		var nulls jen.Code
		for i, ref := range qg.proj.Out.Cols {
			c := qg.scan.Out.Slot(ref)
			out = append(out, dst().Dot(inFields[i]).Op("=").Add(src().Dot(srcFields[c])))
			bit := jen.Parens(src().Dot("Nulls").Op(">>").Lit(c).Op("&").Lit(1)).Op("<<").Lit(i)
			if nulls == nil {
				nulls = bit
			} else {
				nulls = jen.Add(nulls).Op("|").Add(bit)
			}
		}
		return append(out, dst().Dot("Nulls").Op("=").Add(nulls))
	}
	recv := []jen.Code{jen.Id("q").Dot("arrive").Call(jen.Id("src"))}
	if qg.proj != nil {
		loop := []jen.Code{
			jen.Id("e").Op(":=").Op("&").Id("src").Index(jen.Id("i")),
			jen.Id("narrow").Op("=").Append(jen.Id("narrow"), jen.Add(evT).Values(jen.Dict{jen.Id("Ts"): jen.Id("e").Dot("Ts"), jen.Id("Kind"): jen.Id("e").Dot("Kind")})),
			jen.Id("d").Op(":=").Op("&").Id("narrow").Index(jen.Len(jen.Id("narrow")).Op("-").Lit(1)).Dot("Data"),
		}
		loop = append(loop, fill(path("d"), path("e", "Data"))...)
		recv = []jen.Code{
			jen.Id("narrow").Op(":=").Id("q").Dot("narrow").Index(jen.Empty(), jen.Lit(0)),
			jen.For(jen.Id("i").Op(":=").Range().Id("src")).Block(loop...),
			jen.Id("q").Dot("narrow").Op("=").Id("narrow"),
			jen.Id("q").Dot("arrive").Call(jen.Id("narrow")),
		}
	}
	f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("receive").Params(jen.Id("src").Index().Add(srcEvT)).Block(qg.timerSpan(qg.guarded(recv))...)
	qg.emitFresh()

	var one []jen.Code
	switch qg.singlePath() {
	case viaChunk:
		one = []jen.Code{
			jen.Id("b").Op(":=").Append(jen.Id("q").Dot("single").Index(jen.Empty(), jen.Lit(0)), jen.Add(evT).Values(jen.Dict{jen.Id("Ts"): jen.Id("ts")})),
			jen.Id("d").Op(":=").Op("&").Id("b").Index(jen.Lit(0)).Dot("Data"),
		}
		one = append(one, fill(path("d"), path("e"))...)
		one = append(one, jen.Id("q").Dot("single").Op("=").Id("b"), jen.Id("q").Dot("arrive").Call(jen.Id("b")))
	case viaPush:
		// A time batch only buffers on arrival: the event is built where
		// the window keeps it.
		one = append([]jen.Code{jen.Id("d").Op(":=").Id("q").Dot("win").Dot("Push").Call(jen.Id("ts"))}, fill(path("d"), path("e"))...)
		if qg.ps.CachedGroup {
			one = append(one, jen.Id("d").Dot("grp").Op("=").Id("q").Dot("groupOf").Call(jen.Id("d")))
		}
	}
	if one != nil { // a stateless query has one(); a fused one gets receiveOne with step
		f.Commentf("receiveOne is receive for a chunk of one event.")
		f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("receiveOne").Params(jen.Id("ts").Int64(), jen.Id("e").Op("*").Add(srcT)).Block(qg.timerSpan(qg.guarded(one))...)
	}

	var arrive []jen.Code
	if qg.pre != nil {
		counter := 0
		s := newScope(&exprCtx{g: qg.g, row: qg.row, ts: jen.Id("ev").Dot("Ts"), now: jen.Id("q").Dot("app").Dot("sched").Dot("Now").Call()}, &counter)
		s.ctx.column = columnOf("in", qg.inRel, inFields)(s)
		cond, err := s.expr(qg.pre.Filter.Cond)
		if err != nil {
			return err
		}
		body := []jen.Code{jen.Id("ev").Op(":=").Op("&").Id("chunk").Index(jen.Id("i")), jen.Id("in").Op(":=").Op("&").Id("ev").Dot("Data")}
		body = append(body, s.stmts...)
		body = append(body, jen.If(truth(cond)).Block(jen.Id("kept").Op("=").Append(jen.Id("kept"), jen.Op("*").Id("ev"))))
		body = append(body, silence(s)...)
		body = append(body, jen.Id("_").Op("=").Id("in"))
		arrive = append(arrive,
			jen.Id("kept").Op(":=").Id("q").Dot("pre").Index(jen.Empty(), jen.Lit(0)),
			jen.For(jen.Id("i").Op(":=").Range().Id("chunk")).Block(body...),
			jen.Id("q").Dot("pre").Op("=").Id("kept"),
			jen.Id("chunk").Op("=").Id("kept"),
		)
	}
	if qg.ps.CachedGroup {
		arrive = append(arrive, jen.For(jen.Id("i").Op(":=").Range().Id("chunk")).Block(
			jen.Id("d").Op(":=").Op("&").Id("chunk").Index(jen.Id("i")).Dot("Data"),
			jen.Id("d").Dot("grp").Op("=").Id("q").Dot("groupOf").Call(jen.Id("d"))))
		if err := qg.emitGroupOf(inFields, groupT, keyT); err != nil {
			return err
		}
	}
	if qg.win != nil {
		arrive = append(arrive, jen.Id("q").Dot("win").Dot("Arrive").Call(jen.Id("q").Dot("app").Dot("sched").Dot("Now").Call(), jen.Id("chunk"), jen.Id("q").Dot("emit")))
	} else {
		arrive = append(arrive, jen.Id("q").Dot("afterWindow").Call(jen.Id("chunk")))
	}
	f.Commentf("arrive runs the pre-window filter and the window on a narrowed chunk.")
	f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("arrive").Params(jen.Id("chunk").Index().Add(evT)).Block(arrive...)

	body, err := qg.selectorBody(inFields, outFields, groupT, keyT, candT)
	if err != nil {
		return err
	}
	f.Commentf("afterWindow runs the filter and the selector on one chunk (§4.5).")
	f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("afterWindow").Params(jen.Id("chunk").Index().Add(evT)).Block(body...)
	if qg.fused() {
		qg.emitFused(fill)
	}

	// write / writeLimited: the rows become a chunk of the target.
	target := qg.g.ids(qg.outRel).deliver
	chunkWriter := func(name string, rowsT jen.Code, tsField, rowField string) {
		f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id(name).Params(jen.Id("rows").Index().Add(rowsT)).Block(
			jen.If(jen.Len(jen.Id("rows")).Op("==").Lit(0)).Block(jen.Return()),
			jen.Id("out").Op(":=").Id("q").Dot("out").Index(jen.Empty(), jen.Lit(0)),
			jen.For(jen.Id("i").Op(":=").Range().Id("rows")).Block(
				jen.Id("out").Op("=").Append(jen.Id("out"), jen.Qual(pkgRuntime, "Event").Types(outT).Values(jen.Dict{
					jen.Id("Ts"): jen.Id("rows").Index(jen.Id("i")).Dot(tsField), jen.Id("Data"): jen.Id("rows").Index(jen.Id("i")).Dot(rowField)}))),
			jen.Id("q").Dot("out").Op("=").Id("out"),
			jen.Id("q").Dot("app").Dot(target).Call(jen.Id("out")),
		)
	}
	if qg.ins.SubscribersOnly {
		// Only subscribers read the target: they get the rows where they are.
		f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("write").Params(jen.Id("rows").Index().Id(candT)).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("q").Dot("app").Dot(qg.g.ids(qg.outRel).sub)).Block(
				jen.For(jen.Id("i").Op(":=").Range().Id("rows")).Block(
					jen.Id("fn").Call(jen.Id("rows").Index(jen.Id("i")).Dot("ts"), jen.Op("&").Id("rows").Index(jen.Id("i")).Dot("row")))))
	} else {
		chunkWriter("write", jen.Id(candT), "ts", "row")
	}
	if qg.rate != nil {
		chunkWriter("writeLimited", rateRow, "Ts", "Row")
	}
	if qg.stateless() {
		if err := qg.emitOne(inFields, outFields); err != nil {
			return err
		}
	}
	return qg.emitState(groupT, keyT)
}

// silence reads every temporary of s (see scope.finish).
func silence(s *scope) []jen.Code {
	stmts := s.stmts
	s.stmts = nil
	out := s.finish()
	s.stmts = stmts
	return out
}
