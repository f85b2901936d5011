package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// TimeLength is `timeLength(t, n)` (§0.2): events of the last t ms, at most
// n of them; an event leaves on whichever limit it hits first.
type TimeLength[T any] struct {
	t    int64
	n    int
	held ring[timed[T]] // by expiry deadline, then arrival
	out  output[T]
}

// NewTimeLength returns a timeLength(t, n) window (t < 0 counts as 0; n <= 0
// holds nothing, like length(0)).
func NewTimeLength[T any](t int64, n int) *TimeLength[T] {
	return &TimeLength[T]{t: max(t, 0), n: max(n, 0)}
}

// Arrive emits, per arriving event, [EXPIRED(oldest)] then CURRENT(new), as
// one chunk. "Oldest" is the held event expiring first.
func (w *TimeLength[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		if w.n == 0 {
			chunk = append(chunk, current(e), expired(e, now))
			continue
		}
		if w.held.len() == w.n {
			chunk = append(chunk, expired(w.held.popFront().ev, now))
		}
		insertByTime(&w.held, timed[T]{at: addSat(e.Ts, w.t), ev: e})
		chunk = append(chunk, current(e))
	}
	w.out.send(chunk, emit)
}

// NextDeadline is the earliest expiry.
func (w *TimeLength[T]) NextDeadline() (int64, bool) {
	if w.held.len() == 0 {
		return 0, false
	}
	return w.held.front().at, true
}

// Fire expires every event due at or before now as one EXPIRED chunk.
func (w *TimeLength[T]) Fire(now int64, emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for w.held.len() > 0 && w.held.front().at <= now {
		chunk = append(chunk, expired(w.held.popFront().ev, now))
	}
	w.out.send(chunk, emit)
}

// AppendState writes t, n and the held events in expiry order.
func (w *TimeLength[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagTimeLength)
	dst = snap.AppendInt(dst, w.t)
	dst = snap.AppendInt(dst, int64(w.n))
	return appendTimedEvents(dst, &w.held, c), nil
}

// LoadState replaces the held events (at most n).
func (w *TimeLength[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagTimeLength)
	r.param(tagTimeLength, "time", w.t)
	r.param(tagTimeLength, "length", int64(w.n))
	n := r.bounded(tagTimeLength, "events", w.n)
	held := readTimedEvents(r, c, tagTimeLength, n, true, w.expiry)
	if r.Err() != nil {
		return src, r.Err()
	}
	w.held = held
	return r.Rest(), nil
}

func (w *TimeLength[T]) expiry(e runtime.Event[T]) (int64, bool) { return addSat(e.Ts, w.t), true }
