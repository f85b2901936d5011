package runtime

import "github.com/eventflux/eventflux-go/runtime/cron"

// Trigger is a time-driven stream (LANGUAGE.md §1.7, §0.3.10): it calls
// Emit with the fire time once at start (AtStart), every Every ms after the
// start, or at each cron instant strictly after the start.
type Trigger struct {
	AtStart bool
	Every   int64
	Cron    *cron.Schedule
	Emit    func(now int64)

	next  int64
	armed bool
}

// NewTrigger parses the cron expression, if any.
func NewTrigger(atStart bool, every int64, cronExpr string, emit func(now int64)) (*Trigger, error) {
	t := &Trigger{AtStart: atStart, Every: every, Emit: emit}
	if cronExpr != "" {
		s, err := cron.Parse(cronExpr)
		if err != nil {
			return nil, err
		}
		t.Cron = s
	}
	return t, nil
}

// Start fires AT START triggers and arms the periodic ones.
func (t *Trigger) Start(now int64) {
	switch {
	case t.AtStart:
		t.Emit(now)
	case t.Every > 0:
		t.next, t.armed = now+t.Every, true
	case t.Cron != nil:
		t.next = t.Cron.Next(now)
		t.armed = t.next != cron.Never
	}
}

func (t *Trigger) NextDeadline() (int64, bool) { return t.next, t.armed }

func (t *Trigger) Fire(now int64) {
	t.Emit(now)
	if t.Every > 0 {
		t.next += t.Every
		return
	}
	t.next = t.Cron.Next(now)
	t.armed = t.next != cron.Never
}

// State is the trigger's pending deadline, for snapshots.
func (t *Trigger) State() (next int64, armed bool) { return t.next, t.armed }

// SetState restores a pending deadline.
func (t *Trigger) SetState(next int64, armed bool) { t.next, t.armed = next, armed }
