package window

import "eventflux/runtime"

// Unique is `unique(attr…)` (§3.3): it holds the latest event per key.
type Unique[T any, K comparable] struct {
	untimed[T]
	key  func(T) K
	held map[K]runtime.Event[T]
	out  output[T]
}

// NewUnique returns a unique window; key computes the (composite) key, with
// NULL a key value of its own (§0.3.16).
func NewUnique[T any, K comparable](key func(T) K) *Unique[T, K] {
	return &Unique[T, K]{key: key, held: make(map[K]runtime.Event[T])}
}

// Arrive emits, per arriving event, [EXPIRED(held event of the same key)]
// stamped now, then CURRENT(new); one chunk (§0.3.13).
func (w *Unique[T, K]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		k := w.key(e.Data)
		if old, ok := w.held[k]; ok {
			chunk = append(chunk, expired(old, now))
		}
		w.held[k] = e
		chunk = append(chunk, current(e))
	}
	w.out.send(chunk, emit)
}
