package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// Length is `length(n)` (§3.3), also `expression('count() <= n')`: it holds
// the last n events; each arrival beyond n evicts the oldest first.
type Length[T any] struct {
	untimed[T]
	n    int
	held ring[runtime.Event[T]]
	out  output[T]
}

// NewLength returns a length(n) window. n <= 0 (`count() < 1`) holds
// nothing: every event is emitted CURRENT and at once EXPIRED.
func NewLength[T any](n int) *Length[T] { return &Length[T]{n: max(n, 0)} }

// Arrive emits, per arriving event, [EXPIRED(oldest)] then CURRENT(new), the
// whole chunk as one output chunk (§0.3.13).
func (w *Length[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for i := range in {
		e := &in[i] // by pointer: fewer whole-event moves per event
		if w.n == 0 {
			chunk = append(chunk, current(*e), expired(*e, now))
			continue
		}
		if w.held.len() == w.n {
			chunk = append(chunk, *w.held.front())
			x := &chunk[len(chunk)-1]
			x.Ts, x.Kind = now, runtime.Expired
			w.held.dropFront()
		}
		*w.held.pushSlot() = *e
		chunk = append(chunk, *e)
		chunk[len(chunk)-1].Kind = runtime.Current
	}
	w.out.send(chunk, emit)
}

// Slide is Arrive for one event stamped ts when n > 0, without an output
// chunk, for generated code that runs its selector per event: when the
// window is full its oldest event moves to *exp, stamped now and EXPIRED
// (evicted is true). It returns the new event's slot, stamped ts and
// CURRENT, for the caller to fill in before anything else touches the
// window; the chunk Arrive would emit is [*exp], *slot.
func (w *Length[T]) Slide(now, ts int64, exp *runtime.Event[T]) (slot *runtime.Event[T], evicted bool) {
	if w.held.len() == w.n {
		*exp = *w.held.front()
		exp.Ts, exp.Kind = now, runtime.Expired
		w.held.dropFront()
		evicted = true
	}
	slot = w.held.pushSlot()
	slot.Ts, slot.Kind = ts, runtime.Current
	return slot, evicted
}

// AppendState writes n and the held events, oldest first.
func (w *Length[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagLength)
	dst = snap.AppendInt(dst, int64(w.n))
	dst = snap.AppendCount(dst, w.held.len())
	for i := range w.held.len() {
		dst = appendEvent(dst, *w.held.at(i), c)
	}
	return dst, nil
}

// LoadState replaces the held events.
func (w *Length[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagLength)
	r.param(tagLength, "length", int64(w.n))
	n := r.bounded(tagLength, "events", w.n)
	var held ring[runtime.Event[T]]
	for range n {
		held.pushBack(readEvent(r, c))
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	w.held = held
	return r.Rest(), nil
}
