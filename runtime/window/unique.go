package window

import "github.com/eventflux/eventflux-go/runtime"

// Unique is `unique(attr…)` (§3.3): it holds the latest event per key.
type Unique[T any, K comparable] struct {
	untimed[T]
	key   func(T) K
	index map[K]int          // key -> position in held
	held  []runtime.Event[T] // latest event per key, keys in order of appearance
	out   output[T]
}

// NewUnique returns a unique window; key computes the (composite) key, with
// NULL a key value of its own (§0.3.16).
func NewUnique[T any, K comparable](key func(T) K) *Unique[T, K] {
	return &Unique[T, K]{key: key, index: make(map[K]int)}
}

// Arrive emits, per arriving event, [EXPIRED(held event of the same key)]
// stamped now, then CURRENT(new); one chunk (§0.3.13).
func (w *Unique[T, K]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		k := w.key(e.Data)
		if i, ok := w.index[k]; ok {
			chunk = append(chunk, expired(w.held[i], now))
			w.held[i] = e
		} else {
			w.index[k] = len(w.held)
			w.held = append(w.held, e)
		}
		chunk = append(chunk, current(e))
	}
	w.out.send(chunk, emit)
}

// AppendState writes the held events in order of key appearance, so equal
// states give equal snapshots; keys are recomputed on load.
func (w *Unique[T, K]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	return appendEvents(appendHeader(dst, tagUnique), w.held, c), nil
}

// LoadState replaces the map; two events of one key fail the load.
func (w *Unique[T, K]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagUnique)
	held := readEvents(r, c)
	index := make(map[K]int, len(held))
	for i := 0; r.Err() == nil && i < len(held); i++ {
		distinctKey(r, tagUnique, index, w.key(held[i].Data), i)
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	w.index, w.held = index, held
	return r.Rest(), nil
}
