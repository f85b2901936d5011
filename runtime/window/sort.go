package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// Sort is `sort(n, attr [, order], …)` (§3.3): it holds the n best events
// in cmp order and expires the last one when it holds more.
type Sort[T any] struct {
	untimed[T]
	n    int
	cmp  func(a, b T) int
	held []runtime.Event[T] // ascending in cmp order, ties in arrival order
	out  output[T]
}

// NewSort returns a sort window; cmp implements the ORDER (asc/desc, NULL
// first in asc). n < 0 counts as 0 (every event leaves at once).
func NewSort[T any](n int, cmp func(a, b T) int) *Sort[T] {
	return &Sort[T]{n: max(n, 0), cmp: cmp}
}

// Arrive emits, per arriving event, CURRENT(new) first and then, when the
// window holds more than n events, EXPIRED(last in cmp order) stamped now;
// the arriving event itself may be the one that leaves. One chunk (§0.3.13).
func (w *Sort[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		chunk = append(chunk, current(e))
		i := w.insertionPoint(e.Data)
		w.held = append(w.held, runtime.Event[T]{})
		copy(w.held[i+1:], w.held[i:])
		w.held[i] = e
		if len(w.held) > w.n {
			last := len(w.held) - 1
			chunk = append(chunk, expired(w.held[last], now))
			w.held[last] = runtime.Event[T]{}
			w.held = w.held[:last]
		}
	}
	w.out.send(chunk, emit)
}

// insertionPoint is the index after every held event not greater than x,
// so that ties keep arrival order.
func (w *Sort[T]) insertionPoint(x T) int {
	lo, hi := 0, len(w.held)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if w.cmp(w.held[mid].Data, x) <= 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// AppendState writes n and the held events in cmp order.
func (w *Sort[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagSort)
	dst = snap.AppendInt(dst, int64(w.n))
	return appendEvents(dst, w.held, c), nil
}

// LoadState replaces the sort buffer, which must be at most n events in cmp
// order (else the window's order does not fit the state).
func (w *Sort[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagSort)
	r.param(tagSort, "length", int64(w.n))
	held := readEvents(r, c)
	if r.Err() == nil && len(held) > w.n {
		r.failf("sort window state holds %d events, more than its limit %d", len(held), w.n)
	}
	for i := 1; r.Err() == nil && i < len(held); i++ {
		if w.cmp(held[i-1].Data, held[i].Data) > 0 {
			r.failf("sort window state is not in the window's order")
		}
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	clear(w.held)
	w.held = append(w.held[:0], held...)
	return r.Rest(), nil
}
