package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// Hop is `sliding(size, slide)` / `hop(size, slide)` (§0.2): a window of
// size ms ends at every multiple of slide on a grid aligned to the first
// event's timestamp; at each end E it flushes like a batch window with the
// events whose timestamps lie in [E-size, E).
type Hop[T any] struct {
	size, slide int64
	started     bool
	next        int64          // the next window end, once started
	held        ring[timed[T]] // by timestamp, then arrival
	b           batches[T]     // b.cur is refilled with each window's content
	out         output[T]
}

// NewHop returns a hop window; size and slide < 1 count as 1 ms (the
// compiler rejects them, §3.1).
func NewHop[T any](size, slide int64) *Hop[T] {
	return &Hop[T]{size: max(size, 1), slide: max(slide, 1)}
}

// Arrive holds the events silently. An event older than every window still
// to come (a late timestamp, or a gap when slide > size) is dropped.
func (w *Hop[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	if len(in) == 0 {
		return
	}
	if !w.started {
		w.started = true
		w.next = addSat(in[0].Ts, w.slide)
	}
	for _, e := range in {
		if e.Ts < w.firstKept() {
			continue
		}
		insertByTime(&w.held, timed[T]{at: e.Ts, ev: e})
	}
}

// firstKept is the earliest timestamp any window still to come contains.
func (w *Hop[T]) firstKept() int64 {
	return subSat(w.next, w.size)
}

// NextDeadline is the next window end.
func (w *Hop[T]) NextDeadline() (int64, bool) { return w.next, w.started }

// Fire flushes every window ending at or before now, each its own chunk
// stamped now. Ends whose flush would emit nothing are skipped in one step.
func (w *Hop[T]) Fire(now int64, emit runtime.Emit[T]) {
	for w.started && w.next <= now {
		for w.held.len() > 0 && w.held.front().at < w.firstKept() {
			w.held.popFront()
		}
		if len(w.b.prev) == 0 && !w.skipEmpty(now) {
			return
		}
		end := w.next
		w.next = addSat(w.next, w.slide)
		for i := 0; i < w.held.len() && w.held.at(i).at < end; i++ {
			w.b.cur = append(w.b.cur, w.held.at(i).ev)
		}
		w.b.flush(&w.out, now, emit)
	}
}

// skipEmpty, called when the previous window was empty, skips the ends
// before the oldest held event (their windows are empty too): it moves next
// to the first end after that event and reports true when that end is due,
// else moves next past now and reports false.
func (w *Hop[T]) skipEmpty(now int64) bool {
	afterNow := stepPast(w.next, now, w.slide)
	if w.held.len() == 0 {
		w.next = afterNow
		return false
	}
	// The first end containing the oldest held event is the first end > it.
	firstEnd := stepPast(w.next, w.held.front().at, w.slide)
	if firstEnd > now {
		w.next = afterNow
		return false
	}
	w.next = firstEnd
	return true
}

// AppendState writes size, slide, the grid, the held events in timestamp
// order and the batches (the previous window's content expires next).
func (w *Hop[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagHop)
	dst = snap.AppendInt(dst, w.size)
	dst = snap.AppendInt(dst, w.slide)
	dst = snap.AppendBool(dst, w.started)
	dst = snap.AppendInt(dst, w.next)
	dst = appendTimedEvents(dst, &w.held, c)
	return appendBatches(dst, &w.b, c), nil
}

// LoadState replaces the grid, the held events and the batches.
func (w *Hop[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagHop)
	r.param(tagHop, "size", w.size)
	r.param(tagHop, "slide", w.slide)
	started := r.Bool()
	next := r.Int()
	held := readTimedEvents(r, c, tagHop, r.Count(), true, eventTime[T])
	b := readBatches(r, c)
	if r.Err() == nil && !started && (held.len() > 0 || !b.empty()) {
		r.failf("hop window state holds events before its grid started")
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	w.started, w.next, w.held, w.b = started, next, held, b
	return r.Rest(), nil
}

func eventTime[T any](e runtime.Event[T]) (int64, bool) { return e.Ts, true }
