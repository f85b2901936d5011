package window

import (
	"errors"
	"strings"
	"testing"
)

func ext(v int, x int64) item { return item{v: v, x: x} }

func TestExternalTime(t *testing.T) {
	w := NewExternalTime(itemX, 500)
	h := newHarness(t, w, 0)
	// The clock stays at 0: only the attribute counts.
	h.sendItems(0, ext(1, 0))
	h.sendItems(0, ext(2, 100))
	h.expect("held", "C1@0", "C2@0")
	h.sendItems(0, ext(3, 550))
	h.expect("550 - 0 >= 500 expires, stamped 550", "E1@550 C3@0")
	h.sendItems(0, ext(4, 1100), ext(5, 1200))
	h.expect("chunk: E? C per arrival", "E2@1100 E3@1100 C4@0 C5@0")
	if _, ok := w.NextDeadline(); ok {
		t.Error("externalTime has no timers")
	}
}

func TestExternalTimeOutOfOrder(t *testing.T) {
	// Only the head of the arrival queue is checked: 50 stays behind 100.
	h := newHarness(t, NewExternalTime(itemX, 100), 0)
	h.sendItems(0, ext(1, 100), ext(2, 50), ext(3, 180))
	h.expect("late value waits", "C1@0 C2@0 C3@0")
	h.sendItems(0, ext(4, 250))
	h.expect("then leaves behind the head", "E1@250 E2@250 C4@0")
}

func TestExternalTimeNull(t *testing.T) {
	w := NewExternalTime(itemX, 100)
	var errs []error
	w.OnError = func(err error) { errs = append(errs, err) }
	h := newHarness(t, w, 0)
	h.sendItems(7, ext(1, 0), item{v: 2, null: true}, ext(3, 150))
	h.expect("NULL dropped, the rest goes on", "C1@7 E1@150 C3@7")
	if len(errs) != 1 || !errors.Is(errs[0], ErrNullTimestamp) ||
		!strings.Contains(errs[0].Error(), "externalTime window: event at 7 dropped") {
		t.Errorf("errors = %v", errs)
	}
	w.OnError = nil
	h.sendItems(8, item{v: 4, null: true})
	h.expect("nil OnError: dropped silently")
}

func TestExternalTimeBatch(t *testing.T) {
	w := NewExternalTimeBatch(itemX, 500)
	h := newHarness(t, w, 0)
	h.sendItems(1, ext(1, 0))
	h.sendItems(2, ext(2, 100))
	h.expect("buffered")
	h.sendItems(3, ext(3, 600))
	h.expect("flush at 500", "R@500 C1@1 C2@2")
	// §0.3.17: 2100 jumps three boundaries: 1000 flushes, 1500 expires
	// the previous batch with nothing visible, 2000 emits nothing.
	h.sendItems(4, ext(4, 2100))
	h.expect("skipped periods", "E1@1000 E2@1000 R@1000 C3@3", "E3@1500")
	h.sendItems(5, ext(5, 2499))
	h.expect("same period")
	h.sendItems(6, ext(6, 2500))
	h.expect("grid from the first event", "R@2500 C4@4 C5@5")
	h.sendItems(7, ext(7, 100_000_000_000))
	h.expect("huge jump in one step", "E4@3000 E5@3000 R@3000 C6@6", "E6@3500")
	h.sendItems(8, ext(8, 100_000_000_600))
	h.expect("grid kept after the jump", "R@100000000500 C7@7")
	h.sleepTo(1 << 50)
	h.expect("no timers")
}

func TestExternalTimeBatchNull(t *testing.T) {
	w := NewExternalTimeBatch(itemX, 100)
	var errs []error
	w.OnError = func(err error) { errs = append(errs, err) }
	h := newHarness(t, w, 0)
	h.sendItems(1, item{v: 1, null: true}, ext(2, 1000), ext(3, 1100))
	h.expect("first non-NULL event fixes the grid", "R@1100 C2@1")
	if len(errs) != 1 || !errors.Is(errs[0], ErrNullTimestamp) ||
		!strings.HasPrefix(errs[0].Error(), "externalTimeBatch window:") {
		t.Errorf("errors = %v", errs)
	}
}
