package window

import (
	"fmt"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

// item is the test payload: v is what chunks print, x a second attribute
// (the externalTime* timestamp), null marks x as NULL.
type item struct {
	v    int
	x    int64
	null bool
}

func itemX(it item) (int64, bool) { return it.x, !it.null }

// Interface checks for every window.
var (
	_ Window[item] = (*Length[item])(nil)
	_ Window[item] = (*LengthBatch[item])(nil)
	_ Window[item] = (*Time[item])(nil)
	_ Window[item] = (*TimeBatch[item])(nil)
	_ Window[item] = (*Hop[item])(nil)
	_ Window[item] = (*TimeLength[item])(nil)
	_ Window[item] = (*Batch[item])(nil)
	_ Window[item] = (*Delay[item])(nil)
	_ Window[item] = (*ExternalTime[item])(nil)
	_ Window[item] = (*ExternalTimeBatch[item])(nil)
	_ Window[item] = (*Session[item, int])(nil)
	_ Window[item] = (*Sort[item])(nil)
	_ Window[item] = (*Unique[item, int])(nil)
	_ Window[item] = (*FirstUnique[item, int])(nil)
	_ Window[item] = (*Frequent[item, int])(nil)
	_ Window[item] = (*LossyFrequent[item, int])(nil)
	_ Window[item] = (*Cron[item])(nil)
)

// harness runs a window the way an app does: a runtime.Scheduler owns the
// clock and fires the window's timers; every output chunk is recorded as
// text, e.g. "E10@2 C30@2" (kind, payload v, @timestamp), chunks separated
// by " | ".
type harness struct {
	t      *testing.T
	w      Window[item]
	sched  *runtime.Scheduler
	timer  *runtime.Timer
	chunks []string
}

func newHarness(t *testing.T, w Window[item], start int64) *harness {
	h := &harness{t: t, w: w, sched: runtime.NewScheduler(start)}
	h.timer = h.sched.Register(timerOf{h})
	return h
}

// timerOf adapts the window to runtime.TimerSource.
type timerOf struct{ h *harness }

func (s timerOf) NextDeadline() (int64, bool) { return s.h.w.NextDeadline() }
func (s timerOf) Fire(now int64)              { s.h.w.Fire(now, s.h.record) }

func (h *harness) record(chunk []runtime.Event[item]) {
	h.chunks = append(h.chunks, formatChunk(chunk))
}

func formatChunk(chunk []runtime.Event[item]) string {
	parts := make([]string, len(chunk))
	for i, e := range chunk {
		switch e.Kind {
		case runtime.Current:
			parts[i] = fmt.Sprintf("C%d@%d", e.Data.v, e.Ts)
		case runtime.Expired:
			parts[i] = fmt.Sprintf("E%d@%d", e.Data.v, e.Ts)
		default:
			parts[i] = fmt.Sprintf("R@%d", e.Ts)
			if e.Data != (item{}) {
				parts[i] = fmt.Sprintf("R%+v@%d", e.Data, e.Ts)
			}
		}
	}
	return strings.Join(parts, " ")
}

// send delivers one chunk of events with payloads vs, all stamped ts; the
// clock first moves to ts (firing due timers), and deadlines the chunk
// left in the past fire right after it (§10.3).
func (h *harness) send(ts int64, vs ...int) {
	items := make([]item, len(vs))
	for i, v := range vs {
		items[i] = item{v: v}
	}
	h.sendItems(ts, items...)
}

func (h *harness) sendItems(ts int64, items ...item) {
	evs := make([]runtime.Event[item], len(items))
	for i, it := range items {
		evs[i] = runtime.Event[item]{Ts: ts, Data: it}
	}
	h.sendEvents(ts, evs...)
}

// sendEvents delivers events with their own timestamps at clock now.
func (h *harness) sendEvents(now int64, evs ...runtime.Event[item]) {
	h.sched.AdvanceTo(now)
	h.sched.Enter(h.timer)
	h.w.Arrive(h.sched.Now(), evs, h.record)
	h.timer.Leave(h.w.NextDeadline())
	h.sched.FireDue()
}

func (h *harness) sleepTo(t int64) { h.sched.AdvanceTo(t) }

// expect checks the chunks recorded since the last expect.
func (h *harness) expect(step string, want ...string) {
	h.t.Helper()
	got := strings.Join(h.chunks, " | ")
	if w := strings.Join(want, " | "); got != w {
		h.t.Errorf("%s:\n got  %q\n want %q", step, got, w)
	}
	h.chunks = h.chunks[:0]
}

func at(ts int64, v int) runtime.Event[item] {
	return runtime.Event[item]{Ts: ts, Data: item{v: v}}
}

func byTens(it item) int { return it.v / 10 }
