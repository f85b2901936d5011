package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/eventflux/eventflux-go/plan"
)

// The typed Send path asks the app's timer sources directly, without the
// scheduler's interface calls, whether a deadline is due: the generator
// knows every source (timed windows, time-based rate limits, triggers).
// Only when one is due does the scheduler run its ordered firing loop.

// dueFunc emits App.due(t): whether some timer source has a deadline <= t.
// It records whether the app has timer sources at all.
func (g *generator) dueFunc(queries []*queryGen, triggers []*plan.Relation) {
	var checks []jen.Code
	check := func(src *jen.Statement, guard jen.Code) {
		poll := jen.If(jen.List(jen.Id("d"), jen.Id("ok")).Op(":=").Add(src).Dot("NextDeadline").Call(), jen.Id("ok").Op("&&").Id("d").Op("<=").Id("t")).Block(jen.Return(jen.True()))
		if guard != nil {
			poll = jen.If(guard).Block(poll)
		}
		checks = append(checks, poll)
	}
	for _, r := range triggers {
		// nil when the trigger failed to build (Start reports it)
		t := g.ids(r).trig
		check(jen.Id("a").Dot(t), jen.Id("a").Dot(t).Op("!=").Nil())
	}
	for _, q := range queries {
		if q.timedWindow() {
			check(jen.Id("a").Dot(q.name), nil)
		}
		if q.timedRate() {
			check(jen.Id("a").Dot(q.name).Dot("rate"), nil)
		}
	}
	g.timed = len(checks) > 0
	if !g.timed {
		return
	}
	checks = append(checks, jen.Return(jen.False()))
	g.f.Comment("due reports whether a timer source has a deadline at or before t.")
	g.f.Func().Params(jen.Id("a").Op("*").Id("App")).Id("due").Params(jen.Id("t").Int64()).Bool().Block(checks...)
}

// advanceTo moves the clock to t before a send, firing what is due.
func (g *generator) advanceTo(t *jen.Statement) jen.Code {
	sched := jen.Id("a").Dot("sched")
	move := sched.Clone().Dot("MoveTo").Call(t.Clone())
	if g.timed {
		move = jen.If(jen.Id("a").Dot("due").Call(t.Clone())).Block(sched.Clone().Dot("AdvanceTo").Call(t.Clone())).Else().Block(move)
	}
	return jen.If(t.Clone().Op(">").Add(sched.Clone()).Dot("Now").Call()).Block(move)
}

// fireDue fires the deadlines a send made due (§10.3); nothing for an app
// without timer sources.
func (g *generator) fireDue() jen.Code {
	if !g.timed {
		return jen.Null()
	}
	return jen.If(jen.Id("a").Dot("due").Call(jen.Id("a").Dot("sched").Dot("Now").Call())).Block(
		jen.Id("a").Dot("sched").Dot("FireDue").Call())
}

// timedWindow and timedRate report the query's timer sources, registered
// with the scheduler in New and polled by due.
func (qg *queryGen) timedWindow() bool { return qg.win != nil && qg.win.Kind().Timed() }
func (qg *queryGen) timedRate() bool   { return qg.rate != nil && qg.rate.Timed() }
