package optimizer

import "github.com/eventflux/eventflux-go/plan"

const pushFilterBelowWindowDoc = `Moves WHERE below a 'time' or 'delay' window so the window retains only
events that pass. Correct for these two windows because their behaviour for
one event never depends on other events: a 'time' window emits each event
as CURRENT on arrival and as EXPIRED at ts+t, a 'delay' window releases it at
ts+t; with the filter first, exactly the events that would have passed the
filter afterwards are emitted, at the same instants, and chunks made only of
filtered events become empty (an empty chunk produces no row). Not applied
when the condition is volatile (now(), eventTimestamp(), uuid()): an EXPIRED
or delayed event carries a different timestamp than on arrival. Not correct
for count-, key- or grid-based windows (length, lengthBatch, unique, sort,
timeBatch, …), which count or align on every event (§4.2).`

func pushFilterBelowWindow(_ *plan.App, q *plan.Query) (bool, error) {
	changed := false
	for f, readers := range q.Readers() {
		f, ok := f.(*plan.Filter)
		if !ok || len(readers) != 1 {
			continue
		}
		w, ok := f.Input.(*plan.Window)
		if !ok || (w.Spec.Kind() != plan.WinTime && w.Spec.Kind() != plan.WinDelay) || plan.Volatile(f.Cond) {
			continue
		}
		if _, ok := readers[0].(*plan.Selector); !ok {
			continue
		}
		plan.SetInput(readers[0], f, &plan.Window{Input: &plan.Filter{Input: w.Input, Cond: f.Cond}, Spec: w.Spec})
		changed = true
	}
	return changed, nil
}
