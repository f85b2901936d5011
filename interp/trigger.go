package interp

import (
	"eventflux/plan"
	rt "eventflux/runtime"
	"eventflux/runtime/cron"
)

// trigger emits {triggered_time} events into its stream (§1.7, §0.3.10).
type trigger struct {
	app   *App
	j     *junction
	spec  *plan.TriggerSpec
	cron  *cron.Schedule
	next  int64
	armed bool
}

func newTrigger(a *App, j *junction, spec *plan.TriggerSpec) (*trigger, error) {
	t := &trigger{app: a, j: j, spec: spec}
	if spec.Cron != "" {
		s, err := cron.Parse(spec.Cron)
		if err != nil {
			return nil, err
		}
		t.cron = s
	}
	return t, nil
}

func (t *trigger) start(now int64) {
	switch {
	case t.spec.AtStart:
		t.emit(now)
	case t.spec.Every > 0:
		t.next, t.armed = now+t.spec.Every, true
	case t.cron != nil:
		t.next, t.armed = t.cron.Next(now), true
	}
}

func (t *trigger) NextDeadline() (int64, bool) { return t.next, t.armed }

func (t *trigger) Fire(now int64) {
	t.emit(now)
	if t.spec.Every > 0 {
		t.next += t.spec.Every
		return
	}
	t.next = t.cron.Next(now)
}

func (t *trigger) emit(now int64) {
	t.j.deliver([]rt.Event[rt.Row]{{Ts: now, Kind: rt.Current, Data: rt.Row{{I: now}}}})
}
