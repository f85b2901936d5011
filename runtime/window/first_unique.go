package window

import "eventflux/runtime"

// FirstUnique is `firstUnique(attr…)` (§3.3): only the first event of each
// key passes, and it never expires.
type FirstUnique[T any, K comparable] struct {
	untimed[T]
	key  func(T) K
	seen map[K]struct{}
	out  output[T]
}

// NewFirstUnique returns a firstUnique window; key computes the (composite)
// key, with NULL a key value of its own (§0.3.16).
func NewFirstUnique[T any, K comparable](key func(T) K) *FirstUnique[T, K] {
	return &FirstUnique[T, K]{key: key, seen: make(map[K]struct{})}
}

// Arrive emits the events whose key is new as CURRENT, as one chunk; later
// events of a seen key are dropped without a trace. Only keys are kept: the
// held events are exactly the CURRENT events emitted.
func (w *FirstUnique[T, K]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		k := w.key(e.Data)
		if _, ok := w.seen[k]; ok {
			continue
		}
		w.seen[k] = struct{}{}
		chunk = append(chunk, current(e))
	}
	w.out.send(chunk, emit)
}
