package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// appType emits the App: stream junctions, the typed API, and the generic
// runtime.App implementation drivers use.
func (g *generator) appType(queries []*queryGen) {
	f := g.f
	readers := map[*plan.Relation][]*queryGen{}
	for _, q := range queries {
		readers[q.srcRel] = append(readers[q.srcRel], q)
	}
	var triggers []*plan.Relation
	for _, r := range g.app.Relations {
		if r.Kind == plan.TriggerRel {
			triggers = append(triggers, r)
		}
	}

	fields := []jen.Code{
		jen.Id("sched").Qual(pkgRuntime, "Scheduler"),
		jen.Id("started").Bool(),
		jen.Id("initErr").Error(),
		jen.Id("errs").Index().Error(),
	}
	for _, q := range queries {
		fields = append(fields, jen.Id(q.name).Id(q.name))
	}
	for _, r := range triggers {
		fields = append(fields, jen.Id(g.ids(r).trig).Op("*").Qual(pkgRuntime, "Trigger"))
	}
	for _, r := range g.app.Relations {
		ids := g.ids(r)
		t := ids.typ
		fields = append(fields,
			jen.Id(ids.sub).Index().Func().Params(jen.Int64(), jen.Op("*").Id(t)),
			jen.Id(ids.buf).Index().Qual(pkgRuntime, "Event").Types(jen.Id(t)),
			jen.Id(ids.in).Bool().Comment("a send into "+shown(r.Name)+" is being delivered"),
			jen.Id(ids.cur).Id(t))
	}
	f.Comment("App is the compiled application. It is not safe for concurrent use;")
	f.Comment("call Start before sending events.")
	f.Type().Id("App").Struct(fields...)

	// New: triggers first, then queries in statement order, registering timer
	// sources in the interpreter's order (ties break identically).
	var newBody []jen.Code
	newBody = append(newBody, jen.Id("a").Op(":=").Op("&").Id("App").Values())
	for _, r := range triggers {
		ids := g.ids(r)
		t := ids.typ
		fieldsOf := fieldNames(r)
		emit := jen.Func().Params(jen.Id("now").Int64()).Block(
			jen.Id("a").Dot(ids.deliver).Call(jen.Index().Qual(pkgRuntime, "Event").Types(jen.Id(t)).Values(
				jen.Values(jen.Dict{jen.Id("Ts"): jen.Id("now"), jen.Id("Data"): jen.Id(t).Values(jen.Dict{jen.Id(fieldsOf[0]): jen.Id("now")})}))))
		spec := r.Trigger
		// A block per trigger: its locals need no names derived from the app's.
		newBody = append(newBody, jen.Block(
			jen.List(jen.Id("t"), jen.Id("err")).Op(":=").Qual(pkgRuntime, "NewTrigger").Call(jen.Lit(spec.AtStart), jen.Lit(int(spec.Every)), jen.Lit(spec.Cron), emit),
			jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Id("a").Dot("initErr").Op("=").Id("err")).Else().Block(
				jen.Id("a").Dot(ids.trig).Op("=").Id("t")),
		))
	}
	for _, q := range queries {
		newBody = append(newBody, jen.Id("a").Dot(q.name).Dot("init").Call(jen.Id("a")))
	}
	// Registration order breaks deadline ties; the plan states it once.
	register := func(src jen.Code) *jen.Statement { return jen.Id("a").Dot("sched").Dot("Register").Call(src) }
	for _, src := range g.app.TimerSources() {
		switch src.Part {
		case plan.TimerTrigger:
			t := jen.Id("a").Dot(g.ids(src.Trigger).trig)
			// nil when the trigger failed to build (Start reports it)
			newBody = append(newBody, jen.If(t.Clone().Op("!=").Nil()).Block(register(t)))
		case plan.TimerWindow:
			name := queryName(src.Query)
			newBody = append(newBody, jen.Id("a").Dot(name).Dot("tw").Op("=").Add(register(jen.Op("&").Id("a").Dot(name))))
		case plan.TimerRate:
			name := queryName(src.Query)
			newBody = append(newBody, jen.Id("a").Dot(name).Dot("tr").Op("=").Add(register(jen.Id("a").Dot(name).Dot("rate"))))
		}
	}
	newBody = append(newBody, jen.Return(jen.Id("a")))
	g.timerSources()
	f.Comment("New builds the app; Start it before sending events.")
	f.Func().Id("New").Params().Op("*").Id("App").Block(newBody...)

	// Junctions and the typed API per relation.
	for _, r := range g.app.Relations {
		ids := g.ids(r)
		t := ids.typ
		var deliver []jen.Code
		deliver = append(deliver, jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("a").Dot(ids.sub)).Block(
			jen.For(jen.Id("i").Op(":=").Range().Id("chunk")).Block(
				jen.Id("fn").Call(jen.Id("chunk").Index(jen.Id("i")).Dot("Ts"), jen.Op("&").Id("chunk").Index(jen.Id("i")).Dot("Data")))))
		for _, q := range readers[r] {
			deliver = append(deliver, jen.Id("a").Dot(q.name).Dot("receive").Call(jen.Id("chunk")))
		}
		f.Commentf("%s hands a chunk to %s's subscribers, then to its queries in statement order.", ids.deliver, shown(r.Name))
		f.Func().Params(jen.Id("a").Op("*").Id("App")).Id(ids.deliver).Params(jen.Id("chunk").Index().Qual(pkgRuntime, "Event").Types(jen.Id(t))).Block(
			append([]jen.Code{jen.If(jen.Len(jen.Id("chunk")).Op("==").Lit(0)).Block(jen.Return())}, deliver...)...)
		// The single-event path: stateless readers run without a chunk.
		one := []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("a").Dot(ids.sub)).Block(
			jen.Id("fn").Call(jen.Id("ts"), jen.Id("ev")))}
		for _, q := range readers[r] {
			one = append(one, q.singleCall())
		}
		f.Commentf("%s is %s for a chunk of one event.", ids.deliverOne, ids.deliver)
		f.Func().Params(jen.Id("a").Op("*").Id("App")).Id(ids.deliverOne).Params(jen.Id("ts").Int64(), jen.Id("ev").Op("*").Id(t)).Block(one...)
		if r.Kind != plan.StreamRel {
			continue
		}
		f.Commentf("%s delivers one event stamped ts (the clock first advances to ts when later).", ids.send)
		send := []jen.Code{g.advanceTo(jen.Id("ts"))}
		// Queries only read the event, so without subscribers they read it
		// where the caller holds it; subscribers get a copy in a field, so
		// the caller's event (often on its stack) never escapes.
		var direct []jen.Code
		for _, q := range readers[r] {
			direct = append(direct, q.singleCall())
		}
		// A nested send (a callback sending into the app) copies into a
		// fresh event, leaving the one being delivered alone.
		viaField := []jen.Code{
			jen.Id("cur").Op(":=").Op("&").Id("a").Dot(ids.cur),
			jen.Id("nested").Op(":=").Id("a").Dot(ids.in),
			jen.If(jen.Id("nested")).Block(jen.Id("cur").Op("=").New(jen.Id(t))),
		}
		viaField = append(viaField, copyFields(path("cur"), path("ev"), r)...)
		viaField = append(viaField,
			jen.Id("a").Dot(ids.in).Op("=").True(),
			jen.Id("a").Dot(ids.deliverOne).Call(jen.Id("ts"), jen.Id("cur")),
			jen.Id("a").Dot(ids.in).Op("=").Id("nested"))
		f.Commentf("%s is %s on a copy of *ev that subscribers may see.", ids.deliverCopy, ids.deliverOne)
		f.Func().Params(jen.Id("a").Op("*").Id("App")).Id(ids.deliverCopy).Params(jen.Id("ts").Int64(), jen.Id("ev").Op("*").Id(t)).Block(viaField...)
		viaCopy := jen.Id("a").Dot(ids.deliverCopy).Call(jen.Id("ts"), jen.Id("ev"))
		if len(direct) == 0 {
			send = append(send, viaCopy)
		} else {
			// small enough to inline into the caller
			send = append(send, jen.If(jen.Len(jen.Id("a").Dot(ids.sub)).Op("==").Lit(0)).Block(direct...).Else().Block(viaCopy))
		}
		send = append(send, g.fireDue())
		f.Comment("The app only reads *ev during the call and keeps no reference to it.")
		f.Func().Params(jen.Id("a").Op("*").Id("App")).Id(ids.send).Params(jen.Id("ts").Int64(), jen.Id("ev").Op("*").Id(t)).Block(send...)
		f.Commentf("%s delivers events as one chunk stamped ts.", ids.sendBatch)
		f.Func().Params(jen.Id("a").Op("*").Id("App")).Id(ids.sendBatch).Params(jen.Id("ts").Int64(), jen.Id("evs").Index().Id(t)).Block(
			jen.If(jen.Id("ts").Op(">").Id("a").Dot("sched").Dot("Now").Call()).Block(jen.Id("a").Dot("sched").Dot("AdvanceTo").Call(jen.Id("ts"))),
			jen.Id("b").Op(":=").Id("a").Dot(ids.buf).Index(jen.Empty(), jen.Lit(0)),
			jen.Id("nested").Op(":=").Id("a").Dot(ids.in),
			jen.If(jen.Id("nested")).Block(jen.Id("b").Op("=").Nil()).Comment("leave the chunk being delivered alone"),
			jen.For(jen.Id("i").Op(":=").Range().Id("evs")).Block(
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.Qual(pkgRuntime, "Event").Types(jen.Id(t)).Values(jen.Dict{jen.Id("Ts"): jen.Id("ts"), jen.Id("Data"): jen.Id("evs").Index(jen.Id("i"))}))),
			jen.If(jen.Op("!").Id("nested")).Block(jen.Id("a").Dot(ids.buf).Op("=").Id("b")),
			jen.Id("a").Dot(ids.in).Op("=").True(),
			jen.Id("a").Dot(ids.deliver).Call(jen.Id("b")),
			jen.Id("a").Dot(ids.in).Op("=").Id("nested"),
			jen.Id("a").Dot("sched").Dot("FireDue").Call(),
		)
	}
	for _, r := range g.app.Relations {
		ids := g.ids(r)
		f.Commentf("%s calls fn for every event of %s; ev is only valid during the call.", ids.on, shown(r.Name))
		f.Func().Params(jen.Id("a").Op("*").Id("App")).Id(ids.on).Params(jen.Id("fn").Func().Params(jen.Id("ts").Int64(), jen.Id("ev").Op("*").Id(ids.typ))).Block(
			jen.Id("a").Dot(ids.sub).Op("=").Append(jen.Id("a").Dot(ids.sub), jen.Id("fn")))
	}
	g.genericAPI()
}

// genericAPI implements runtime.App over the typed API.
func (g *generator) genericAPI() {
	f := g.f
	var infos []jen.Code
	for _, r := range g.app.Relations {
		var cols []jen.Code
		for _, c := range r.Columns {
			cols = append(cols, jen.Values(jen.Dict{jen.Id("Name"): jen.Lit(c.Name), jen.Id("Type"): runtimeType(c.Type)}))
		}
		kinds := map[plan.RelKind]string{plan.StreamRel: "KindStream", plan.TableRel: "KindTable", plan.TriggerRel: "KindTrigger"}
		infos = append(infos, jen.Values(jen.Dict{
			jen.Id("Name"): jen.Lit(r.Name), jen.Id("Kind"): jen.Qual(pkgRuntime, kinds[r.Kind]),
			jen.Id("Columns"): jen.Index().Qual(pkgRuntime, "Column").Values(cols...), jen.Id("Written"): jen.Lit(r.Written),
		}))
	}
	f.Var().Id("streams").Op("=").Index().Qual(pkgRuntime, "StreamInfo").Values(infos...)
	recv := func(name string) *jen.Statement { return f.Func().Params(jen.Id("a").Op("*").Id("App")).Id(name) }
	recv("Streams").Params().Index().Qual(pkgRuntime, "StreamInfo").Block(jen.Return(jen.Id("streams")))
	recv("Now").Params().Int64().Block(jen.Return(jen.Id("a").Dot("sched").Dot("Now").Call()))
	recv("AdvanceTo").Params(jen.Id("t").Int64()).Block(jen.Id("a").Dot("sched").Dot("AdvanceTo").Call(jen.Id("t")))

	var start []jen.Code
	start = append(start,
		jen.If(jen.Id("a").Dot("initErr").Op("!=").Nil()).Block(jen.Return(jen.Id("a").Dot("initErr"))),
		jen.If(jen.Id("a").Dot("started")).Block(jen.Return(jen.Qual("errors", "New").Call(jen.Lit("app already started")))),
		jen.Id("a").Dot("started").Op("=").True(),
		jen.Id("a").Dot("sched").Dot("AdvanceTo").Call(jen.Id("now")),
	)
	for _, q := range g.app.Queries {
		if hasRate(q) {
			start = append(start, jen.Id("a").Dot(queryName(q)).Dot("rate").Dot("Start").Call(jen.Id("now")))
		}
	}
	for _, r := range g.app.Relations {
		if r.Kind == plan.TriggerRel {
			start = append(start, jen.Id("a").Dot(g.ids(r).trig).Dot("Start").Call(jen.Id("now")))
		}
	}
	if g.timed { // rate limiters and triggers armed
		start = append(start, jen.Id("a").Dot("sched").Dot("RescheduleAll").Call())
	}
	start = append(start, jen.Id("a").Dot("sched").Dot("FireDue").Call(), jen.Return(jen.Nil()))
	f.Comment("Start starts the app with the clock at now.")
	recv("Start").Params(jen.Id("now").Int64()).Error().Block(start...)

	// Send by name from generic values.
	var cases []jen.Code
	for _, r := range g.app.Relations {
		ids := g.ids(r)
		t := ids.typ
		if r.Kind != plan.StreamRel {
			continue
		}
		cases = append(cases, jen.Case(jen.Lit(r.Name)).Block(
			jen.Id("evs").Op(":=").Make(jen.Index().Id(t), jen.Lit(0), jen.Len(jen.Id("rows"))),
			jen.For(jen.List(jen.Id("i"), jen.Id("vals")).Op(":=").Range().Id("rows")).Block(
				jen.List(jen.Id("ev"), jen.Id("err")).Op(":=").Id(ids.from).Call(jen.Id("vals")),
				jen.If(jen.Id("err").Op("!=").Nil()).Block(
					jen.If(jen.Id("serr").Op("==").Nil()).Block(jen.Id("serr").Op("=").Op("&").Qual(pkgRuntime, "SendError").Values(jen.Dict{jen.Id("Stream"): jen.Id("stream")})),
					jen.Id("serr").Dot("Rows").Op("=").Append(jen.Id("serr").Dot("Rows"), jen.Qual(pkgRuntime, "RowError").Values(jen.Dict{jen.Id("Index"): jen.Id("i"), jen.Id("Err"): jen.Id("err")})),
					jen.Continue()),
				jen.Id("evs").Op("=").Append(jen.Id("evs"), jen.Id("ev"))),
			// A chunk of one takes the single-event path, as typed sends
			// and the JSON driver do.
			jen.If(jen.Len(jen.Id("evs")).Op("==").Lit(1).Op("&&").Len(jen.Id("rows")).Op("==").Lit(1)).Block(
				jen.Id("a").Dot(ids.send).Call(jen.Id("ts"), jen.Op("&").Id("evs").Index(jen.Lit(0)))).Else().Block(
				jen.Id("a").Dot(ids.sendBatch).Call(jen.Id("ts"), jen.Id("evs"))),
		))
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("unknown stream %q"), jen.Id("stream")))))
	f.Comment("Send delivers generic rows as one chunk into a stream (runtime.App).")
	recv("Send").Params(jen.Id("stream").String(), jen.Id("ts").Int64(), jen.Id("rows").Index().Index().Any()).Error().Block(
		jen.If(jen.Op("!").Id("a").Dot("started")).Block(jen.Return(jen.Qual("errors", "New").Call(jen.Lit("app not started")))),
		jen.Var().Id("serr").Op("*").Qual(pkgRuntime, "SendError"),
		jen.Switch(jen.Id("stream")).Block(cases...),
		jen.If(jen.Id("serr").Op("!=").Nil()).Block(jen.Return(jen.Id("serr"))),
		jen.Return(jen.Nil()),
	)

	var subs []jen.Code
	for _, r := range g.app.Relations {
		ids := g.ids(r)
		subs = append(subs, jen.Case(jen.Lit(r.Name)).Block(
			jen.Id("a").Dot(ids.on).Call(jen.Func().Params(jen.Id("ts").Int64(), jen.Id("ev").Op("*").Id(ids.typ)).Block(
				jen.Id("fn").Call(jen.Id("ts"), jen.Id("ev").Dot("values").Call())))))
	}
	subs = append(subs, jen.Default().Block(jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("unknown stream %q"), jen.Id("stream")))))
	f.Comment("Subscribe calls fn with generic values for every event of stream (runtime.App).")
	recv("Subscribe").Params(jen.Id("stream").String(), jen.Id("fn").Func().Params(jen.Id("ts").Int64(), jen.Id("row").Index().Any())).Error().Block(
		jen.Switch(jen.Id("stream")).Block(subs...), jen.Return(jen.Nil()))

	// Snapshot and Restore: the format of runtime/snap, which AppendApp
	// and LoadApp frame around the queries' AppendState and LoadState.
	var trigs, parts []jen.Code
	for _, r := range g.app.Relations {
		if r.Kind == plan.TriggerRel {
			trigs = append(trigs, jen.Id("a").Dot(g.ids(r).trig))
		}
	}
	for _, q := range g.app.Queries {
		parts = append(parts, jen.Op("&").Id("a").Dot(queryName(q)))
	}
	f.Comment("snapParts lists what a snapshot holds, in the format's order.")
	recv("snapParts").Params().Params(jen.Index().Op("*").Qual(pkgRuntime, "Trigger"), jen.Index().Qual(pkgSnap, "Query")).Block(
		jen.Return(jen.Index().Op("*").Qual(pkgRuntime, "Trigger").Values(trigs...), jen.Index().Qual(pkgSnap, "Query").Values(parts...)))
	f.Comment("Snapshot captures all state between chunks (§12.1).")
	recv("Snapshot").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Qual(pkgSnap, "AppendApp").Call(jen.Id("a").Dot("snapParts").Call())))
	rescheduleAll := jen.Null() // the loaded state has new deadlines
	if g.timed {
		rescheduleAll = jen.Id("a").Dot("sched").Dot("RescheduleAll").Call()
	}
	f.Comment("Restore replaces all state with a snapshot's (§12.2), all or nothing:")
	f.Comment("the snapshot is decoded into a fresh App first.")
	recv("Restore").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.List(jen.Id("ft"), jen.Id("fq")).Op(":=").Id("New").Call().Dot("snapParts").Call(),
		jen.If(jen.Id("err").Op(":=").Qual(pkgSnap, "LoadApp").Call(jen.Id("b"), jen.Id("ft"), jen.Id("fq")), jen.Id("err").Op("!=").Nil()).Block(
			jen.Return(jen.Id("err"))),
		jen.List(jen.Id("t"), jen.Id("q")).Op(":=").Id("a").Dot("snapParts").Call(),
		jen.If(jen.Id("err").Op(":=").Qual(pkgSnap, "LoadApp").Call(jen.Id("b"), jen.Id("t"), jen.Id("q")), jen.Id("err").Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("a snapshot that restored into a fresh app failed on this one: %w"), jen.Id("err")))),
		rescheduleAll,
		jen.Id("a").Dot("sched").Dot("FireDue").Call(),
		jen.Return(jen.Nil()))
	f.Comment("RuntimeErrors returns the data problems reported so far (§13.3).")
	recv("RuntimeErrors").Params().Index().Error().Block(jen.Return(jen.Id("a").Dot("errs")))
	recv("reportError").Params(jen.Id("query").Int(), jen.Id("err").Error()).Block(
		jen.Id("a").Dot("errs").Op("=").Append(jen.Id("a").Dot("errs"), jen.Qual("fmt", "Errorf").Call(jen.Lit("query %d: %w"), jen.Id("query"), jen.Id("err"))))
	f.Var().Id("_").Qual(pkgRuntime, "App").Op("=").Parens(jen.Op("*").Id("App")).Parens(jen.Nil())
}

func hasRate(q *plan.Query) bool {
	_, ok := q.Root.Input.(*plan.RateLimit)
	return ok
}
