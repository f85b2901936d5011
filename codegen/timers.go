package codegen

import (
	"github.com/dave/jennifer/jen"
)

// Timer sources (timed windows, time-based rate limits, triggers) are
// registered with the runtime's scheduler in New, which queues them by
// deadline: Send's AdvanceTo and FireDue look at the earliest deadline
// (inlined) and only when one is due run the firing loop. A timed query
// tells the scheduler about its deadline on every receive path
// (timerSpan); firing, Start and Restore re-read deadlines in the runtime.

// timerSources records whether the app has timer sources at all: an app
// without them never asks the scheduler.
func (g *generator) timerSources() {
	g.timed = len(g.app.TimerSources()) > 0
}

// advanceTo moves the clock to t before a send, firing what is due.
func (g *generator) advanceTo(t *jen.Statement) jen.Code {
	sched := jen.Id("a").Dot("sched")
	move := sched.Clone().Dot("MoveTo").Call(t.Clone())
	if g.timed {
		move = sched.Clone().Dot("AdvanceTo").Call(t.Clone())
	}
	return jen.If(t.Clone().Op(">").Add(sched.Clone()).Dot("Now").Call()).Block(move)
}

// fireDue fires the deadlines a send made due (§10.3); nothing for an app
// without timer sources.
func (g *generator) fireDue() jen.Code {
	if !g.timed {
		return jen.Null()
	}
	return jen.Id("a").Dot("sched").Dot("FireDue").Call()
}

// timerSpan wraps a receive path of a timed query. Timer output meets the
// query's own due timers first (§0.3.22: Scheduler.Catch, window before
// rate limiter); the body runs inside the window timer's Enter…Leave span,
// which reads the window's deadline back when the chunk is done, or, for a
// window that emits nothing on arrival, is followed by Timer.Update (no
// callback can look at the scheduler meanwhile). A rate limiter's deadline
// moves only when it fires.
func (qg *queryGen) timerSpan(body []jen.Code) []jen.Code {
	sched := jen.Id("q").Dot("app").Dot("sched")
	var out []jen.Code
	if qg.timedWindow() {
		out = append(out, sched.Clone().Dot("Catch").Call(jen.Id("q").Dot("tw")))
	}
	if qg.timedRate() {
		out = append(out, sched.Clone().Dot("Catch").Call(jen.Id("q").Dot("tr")))
	}
	switch {
	case !qg.timedWindow():
		return append(out, body...)
	case qg.silentArrival():
		out = append(out, body...)
		return append(out, jen.Id("q").Dot("tw").Dot("Update").Call(jen.Id("q").Dot("win").Dot("NextDeadline").Call()))
	}
	out = append(out, sched.Clone().Dot("Enter").Call(jen.Id("q").Dot("tw")))
	out = append(out, body...)
	return append(out, jen.Id("q").Dot("tw").Dot("Leave").Call(jen.Id("q").Dot("win").Dot("NextDeadline").Call()))
}

// silentArrival reports a window whose Arrive only holds or buffers
// (plan.WindowKind.SilentArrival; TestSilentArrivals checks the runtime).
func (qg *queryGen) silentArrival() bool { return qg.win != nil && qg.win.Kind().SilentArrival() }

// timedWindow and timedRate report the query's timer sources, registered
// with the scheduler in New (handles tw and tr).
func (qg *queryGen) timedWindow() bool { return qg.win != nil && qg.win.Kind().Timed() }
func (qg *queryGen) timedRate() bool   { return qg.rate != nil && qg.rate.Timed() }
