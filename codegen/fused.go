package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// A fused query runs a single event without chunks: the sliding window
// hands out the slot the event lives in (and the event it evicts), and the
// selector runs per event (step) and per chunk of one (finish), exactly as
// afterWindow runs them on the chunk [EXPIRED(oldest)], CURRENT(new).

// singlePath is how a query takes a single event (receiveOne or one).
type singlePath int

const (
	viaChunk     singlePath = iota // a chunk of one through receive's machinery
	viaStateless                   // one(): filter and project, no state
	viaFused                       // a length(n>0) or time window hands out the slot; step, finish
	viaPush                        // a time batch takes the event in place (TimeBatch.Push)
)

// singlePath is the physical plan's choice.
func (qg *queryGen) singlePath() singlePath {
	switch qg.phys.Single {
	case plan.SingleStateless:
		return viaStateless
	case plan.SingleFused:
		return viaFused
	case plan.SinglePush:
		return viaPush
	}
	return viaChunk
}

// fused reports a query whose single-event path is fused with its window.
func (qg *queryGen) fused() bool { return qg.singlePath() == viaFused }

// emitFused writes step, finish and the fused receiveOne.
func (qg *queryGen) emitFused(fill func(dst, src func() *jen.Statement) []jen.Code) {
	f := qg.g.f
	evT := jen.Qual(pkgRuntime, "Event").Types(jen.Id(qg.inType))
	f.Commentf("step runs the selector on one event of a chunk (§4.5 steps 1–2).")
	f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("step").Params(jen.Id("ev").Op("*").Add(evT)).Block(qg.stepBody...)
	f.Commentf("finish reduces, orders and writes the candidates of a chunk (§4.5 steps 3–4).")
	f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("finish").Params().Block(qg.finishBody...)

	sliding := qg.win.Kind() == plan.WinLength
	var body []jen.Code
	if sliding {
		body = append(body, jen.List(jen.Id("slot"), jen.Id("evicted")).Op(":=").Id("q").Dot("win").Dot("Slide").Call(
			jen.Id("q").Dot("app").Dot("sched").Dot("Now").Call(), jen.Id("ts"), jen.Op("&").Id("q").Dot("evicted")))
	} else { // time: expiries are timers, fired before the event arrives
		body = append(body, jen.Id("slot").Op(":=").Id("q").Dot("win").Dot("Hold").Call(jen.Id("ts")))
	}
	body = append(body, jen.Id("d").Op(":=").Op("&").Id("slot").Dot("Data"))
	body = append(body, fill(path("d"), path("e"))...)
	if qg.ps.CachedGroup {
		body = append(body, jen.Id("d").Dot("grp").Op("=").Id("q").Dot("groupOf").Call(jen.Id("d")))
	}
	body = append(body,
		jen.Id("q").Dot("cands").Op("=").Id("q").Dot("cands").Index(jen.Empty(), jen.Lit(0)),
	)
	if sliding {
		body = append(body, jen.If(jen.Id("evicted")).Block(jen.Id("q").Dot("step").Call(jen.Op("&").Id("q").Dot("evicted"))))
	}
	body = append(body,
		jen.Id("q").Dot("step").Call(jen.Id("slot")),
		jen.Id("q").Dot("finish").Call(),
	)
	f.Commentf("receiveOne is receive for a chunk of one event, fused: no chunk is built.")
	f.Func().Params(jen.Id("q").Op("*").Id(qg.name)).Id("receiveOne").Params(jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(qg.g.typeName(qg.srcRel))).Block(qg.timerSpan(qg.guarded(body))...)
}
