package optimizer

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
)

// chooseSelect decides the selector's §4.5 rules and its implementation.
func chooseSelect(c *chooser, p *pipeline, input plan.PhysicalOp, row *plan.Layout) *plan.PhysicalSelect {
	s := p.sel
	ps := &plan.PhysicalSelect{Input: input, Selector: s, In: row}
	switch {
	case len(s.GroupBy) > 0:
		ps.Strategy = plan.SelectHashGroupAgg
	case len(s.Aggs) > 0:
		ps.Strategy = plan.SelectGlobalAgg
	}
	windowed := p.win != nil
	var kind plan.WindowKind
	if windowed {
		kind = p.win.Spec.Kind()
	}

	// §4.5–§4.6 and §0.3.9: a SNAPSHOT over a window tracks the window's
	// contents, so every candidate (EXPIRED and RESET too) reaches the
	// limiter in window order, unreduced and unordered. Without a window a
	// SNAPSHOT repeats the last row the selector wrote, after ORDER BY,
	// OFFSET and LIMIT like any row (§0.1 puts the limiter after them).
	passAll := p.rate != nil && p.rate.Mode == plan.RateSnapshot && windowed
	ps.KeepCurrent = s.Events == plan.CurrentEvents || s.Events == plan.AllEvents
	ps.KeepExpired = s.Events == plan.ExpiredEvents || s.Events == plan.AllEvents || passAll
	ps.Reset = passAll
	ps.Ordered = !passAll
	switch {
	case passAll || !s.Aggregating():
		ps.Reduce = plan.ReduceNone
	case len(s.GroupBy) > 0:
		ps.Reduce = plan.ReduceLastPerGroup
	default:
		ps.Reduce = plan.ReduceLast
	}
	// A batch flush is EXPIRED(old batch)…, RESET, CURRENT…: removing the
	// old batch from aggregates that RESET clears right after changes
	// nothing (forever-aggregates ignore removals).
	ps.SkipExpiredBeforeReset = !ps.KeepExpired && windowed && kind.Batch()

	fifo := !windowed || kind.FIFORemoval() // no window: nothing is ever removed
	ps.Aggs = chooseAggregators(c, s.Aggs, fifo)

	// Deferred candidates: when no EXPIRED event can follow a CURRENT one in
	// a chunk (no window, or a batch window's EXPIRED…, RESET, CURRENT…)
	// and no HAVING can drop a candidate, a group's last candidate is built
	// from the state after the whole chunk, once per group.
	if s.Aggregating() {
		deferrable := s.Having == nil && !passAll && s.Events == plan.CurrentEvents && (!windowed || kind.Batch())
		ps.Deferred = c.choose("candidates",
			unless(plan.Alternative{Name: "once per group after the chunk", Cost: costCandidate / 2}, !deferrable,
				"HAVING, a snapshot, EXPIRED rows or a sliding window"),
			plan.Alternative{Name: "per event", Cost: costCandidate},
		).Name != "per event"
	}

	if ps.Grouped() {
		nkeys := float64(len(s.GroupBy))
		ps.GroupIndex = plan.GroupByStruct
		if c.choose("group index",
			unless(plan.Alternative{Name: "bare key", Cost: costHashLookup}, len(s.GroupBy) != 1, "more than one GROUP BY key"),
			plan.Alternative{Name: "key struct", Cost: costHashLookup + costKeyColumn*nkeys},
		).Name == "bare key" {
			ps.GroupIndex = plan.GroupByBare
		}
		plainKeys := true
		for _, e := range s.GroupBy {
			if _, ok := e.(*plan.ColRef); !ok {
				plainKeys = false
			}
		}
		why := ""
		switch {
		case !windowed:
			why = "no window retains rows"
		case p.proj == nil:
			why = "the window retains the stream's own events (no narrow row to carry it)"
		case p.post != nil:
			why = "a WHERE after the window may drop a row before its lookup"
		case !plainKeys:
			why = "a GROUP BY key is an expression"
		}
		ps.CachedGroup = c.choose("expiry group lookup",
			unless(plan.Alternative{Name: "group carried by the window row", Cost: costHashLookup + costPointer}, why != "", why),
			plan.Alternative{Name: "lookup again", Cost: 2 * costHashLookup},
		).Name != "lookup again"
	}

	cost := 0.0
	for _, it := range s.Items {
		cost += exprCost(it.Expr)
	}
	if ps.Grouped() {
		cost += costHashLookup
	}
	for _, a := range ps.Aggs {
		if a.SharedSum >= 0 {
			cost += costAggRead
		} else {
			cost += costAggUpdate
		}
	}
	if s.Having != nil {
		cost += exprCost(s.Having)
	}
	ps.Est = cost
	return ps
}

// chooseAggregators picks the runtime aggregator of each call. fifo
// reports that the events reaching the selector leave in arrival order.
func chooseAggregators(c *chooser, calls []plan.AggCall, fifo bool) []plan.AggChoice {
	out := make([]plan.AggChoice, len(calls))
	for i, a := range calls {
		argT := plan.Object
		if a.Arg != nil {
			argT = a.Arg.Type()
		}
		ch := plan.AggChoice{SharedSum: -1}
		what := fmt.Sprintf("agg#%d %s", i, a.Func)
		switch a.Func {
		case plan.AggCount:
			ch.Impl = plan.ImplCount
			if a.Arg != nil {
				ch.Impl = plan.ImplCountNonNull
			}
		case plan.AggDistinctCount:
			ch.Impl, ch.Elem = plan.ImplDistinctCount, argT
		case plan.AggSum:
			ch.Impl = plan.ImplSumFloat
			if a.T == plan.BigInt {
				ch.Impl = plan.ImplSumInt
			}
		case plan.AggAvg:
			ch.Impl = plan.ImplAvgFloat
			if argT.IsInteger() {
				ch.Impl = plan.ImplAvgInt
			}
			if j := sharedSum(calls, i); j >= 0 {
				if c.choose(what,
					plan.Alternative{Name: fmt.Sprintf("read off agg#%d", j), Cost: costAggRead},
					plan.Alternative{Name: ch.Impl.String(), Cost: costAggUpdate},
				).Name != ch.Impl.String() {
					ch.SharedSum = j
				}
			}
		case plan.AggStdDev:
			ch.Impl = plan.ImplStdDev
			if argT.IsInteger() { // exact in int64, never rounded through float64
				ch.Impl = plan.ImplStdDevInt
			}
		case plan.AggAnd:
			ch.Impl = plan.ImplAnd
		case plan.AggOr:
			ch.Impl = plan.ImplOr
		case plan.AggMin, plan.AggMax:
			ordered, deque := plan.ImplMin, plan.ImplMinFIFO
			if a.Func == plan.AggMax {
				ordered, deque = plan.ImplMax, plan.ImplMaxFIFO
			}
			ch.Elem = argT
			ch.Impl = ordered
			if c.choose(what,
				unless(plan.Alternative{Name: deque.String(), Cost: costDeque}, !fifo, "the window removes events out of arrival order"),
				plan.Alternative{Name: ordered.String(), Cost: costOrdered},
			).Name == deque.String() {
				ch.Impl = deque
			}
		case plan.AggMinForever:
			ch.Impl, ch.Elem = plan.ImplMinForever, argT
		case plan.AggMaxForever:
			ch.Impl, ch.Elem = plan.ImplMaxForever, argT
		case plan.AggFirst:
			ch.Impl, ch.Elem = plan.ImplFirst, argT
		case plan.AggLast:
			ch.Impl, ch.Elem = plan.ImplLast, argT
		}
		out[i] = ch
	}
	return out
}

// sharedSum finds a sum(x) of the same DOUBLE x as avg slot i: both keep
// the same running sum and count, so the avg can be read off the sum's
// state. -1 when there is none.
func sharedSum(calls []plan.AggCall, i int) int {
	a := calls[i]
	if a.Arg == nil || a.Arg.Type() != plan.Double || plan.Volatile(a.Arg) {
		return -1
	}
	for j, b := range calls {
		if b.Func == plan.AggSum && b.Arg != nil && b.T == plan.Double && b.Arg.Type() == plan.Double &&
			plan.FormatExpr(b.Arg) == plan.FormatExpr(a.Arg) {
			return j
		}
	}
	return -1
}
