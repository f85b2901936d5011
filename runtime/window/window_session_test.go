package window

import (
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

func oneSession(item) int { return 0 }

func TestSession(t *testing.T) {
	// §3.5: CURRENT at once; the whole session expires gap after its last event.
	h := newHarness(t, NewSession[item, int](100, oneSession, 0), 0)
	h.send(0, 1)
	h.send(50, 2)
	h.expect("running", "C1@0", "C2@50")
	h.sleepTo(149)
	h.expect("open")
	h.send(150, 3)
	h.expect("end reached before the event at 150", "E1@150 E2@150", "C3@150")
	h.sleepTo(1000)
	h.expect("closed", "E3@250")
	if _, ok := h.w.NextDeadline(); ok {
		t.Error("no session left but a deadline")
	}
}

func TestSessionKeyed(t *testing.T) {
	h := newHarness(t, NewSession(100, byTens, 0), 0)
	h.send(0, 11)
	h.send(10, 21)
	h.send(50, 12)
	h.sleepTo(1000)
	h.expect("per key", "C11@0", "C21@10", "C12@50", "E21@110", "E11@150 E12@150")
}

func TestSessionTiesCloseInStartOrder(t *testing.T) {
	// §0.3.15: sessions ending together close in order of session start,
	// then of key first appearance; each is its own chunk.
	h := newHarness(t, NewSession(100, byTens, 0), 0)
	h.send(0, 11)  // key 1 appears first; its session ends at 100
	h.send(90, 21) // key 2: session starts at 90
	h.send(100, 12, 22)
	h.sleepTo(1000)
	h.expect("ties",
		"C11@0", "C21@90", "E11@100", "C12@100 C22@100",
		"E21@200 E22@200", "E12@200")

	h = newHarness(t, NewSession(100, byTens, 0), 0)
	h.send(0, 21, 11)
	h.sleepTo(1000)
	h.expect("same start: key appearance", "C21@0 C11@0", "E21@100", "E11@100")
}

func TestSessionLateEvents(t *testing.T) {
	h := newHarness(t, NewSession[item, int](100, oneSession, 0), 0)
	h.send(500, 1)
	h.sendEvents(520, at(450, 2))
	h.expect("within gap before the start: joins", "C1@500", "C2@450")
	h.sendEvents(530, at(349, 3))
	h.expect("older than start - gap: dropped")
	h.sleepTo(1000)
	h.expect("one session", "E1@600 E2@600")
}

func TestSessionExpiredByArrival(t *testing.T) {
	// Within one chunk an event past the session end closes it first.
	h := newHarness(t, NewSession[item, int](100, oneSession, 0), 0)
	h.sendEvents(1000, at(0, 1), at(500, 2))
	h.expect("old timestamps", "C1@0 E1@1000 C2@500", "E2@1000")
}

func TestSessionAllowedLatency(t *testing.T) {
	h := newHarness(t, NewSession[item, int](100, oneSession, 50), 0)
	h.send(0, 1)
	h.sleepTo(120)
	h.expect("timed out but still reopenable", "C1@0")
	if d, ok := h.w.NextDeadline(); !ok || d != 150 {
		t.Errorf("deadline = %d, %v; want 150 (end + latency)", d, ok)
	}
	h.sendEvents(120, at(60, 2))
	h.expect("late event reopens it", "C2@60")
	h.send(170, 3)
	h.expect("new session", "C3@170")
	h.sendEvents(170, at(-150, 4))
	h.expect("too late for any session: dropped")
	h.sleepTo(1000)
	h.expect("expiries at end + latency", "E1@210 E2@210", "E3@320")
}

func TestSessionLatencyMerge(t *testing.T) {
	h := newHarness(t, NewSession[item, int](100, oneSession, 100), 0)
	h.send(0, 1)
	h.send(150, 2)
	h.sendEvents(160, at(90, 3))
	h.expect("late event bridges both sessions", "C1@0", "C2@150", "C3@90")
	h.sleepTo(1000)
	h.expect("merged", "E1@350 E2@350 E3@350")
}

func TestSessionLatencyClampedToGap(t *testing.T) {
	h := newHarness(t, NewSession[item, int](100, oneSession, 10_000), 0)
	h.send(0, 1)
	h.sleepTo(150)
	if d, ok := h.w.NextDeadline(); !ok || d != 200 {
		t.Errorf("deadline = %d, %v; want 200", d, ok)
	}
}

func TestSessionManyKeys(t *testing.T) {
	// Heap order over many sessions: they close in deadline order.
	w := NewSession(10, func(it item) int { return it.v }, 0)
	var closed []int
	for i := range 200 {
		ts := int64((i * 37) % 200)
		w.Arrive(ts, []runtime.Event[item]{at(ts, i)}, func([]runtime.Event[item]) {})
	}
	last := int64(-1)
	for {
		d, ok := w.NextDeadline()
		if !ok {
			break
		}
		if d < last {
			t.Fatalf("deadline %d after %d", d, last)
		}
		last = d
		w.Fire(d, func(c []runtime.Event[item]) {
			for _, e := range c {
				closed = append(closed, e.Data.v)
			}
		})
	}
	if len(closed) != 200 {
		t.Errorf("closed %d sessions, want 200", len(closed))
	}
}
