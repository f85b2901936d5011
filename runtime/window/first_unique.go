package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// FirstUnique is `firstUnique(attr…)` (§3.3): only the first event of each
// key passes, and it never expires.
type FirstUnique[T any, K comparable] struct {
	untimed[T]
	key  func(T) K
	seen map[K]struct{}
	// firsts are the payloads of the events that passed, in order: K has
	// no codec, so a snapshot stores these and recomputes the keys.
	firsts []T
	out    output[T]
}

// NewFirstUnique returns a firstUnique window; key computes the (composite)
// key, with NULL a key value of its own (§0.3.16).
func NewFirstUnique[T any, K comparable](key func(T) K) *FirstUnique[T, K] {
	return &FirstUnique[T, K]{key: key, seen: make(map[K]struct{})}
}

// Arrive emits the events whose key is new as CURRENT, as one chunk; later
// events of a seen key are dropped without a trace. The held events are
// exactly the CURRENT events emitted; only their payloads are kept.
func (w *FirstUnique[T, K]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		k := w.key(e.Data)
		if _, ok := w.seen[k]; ok {
			continue
		}
		w.seen[k] = struct{}{}
		w.firsts = append(w.firsts, e.Data)
		chunk = append(chunk, current(e))
	}
	w.out.send(chunk, emit)
}

// AppendState writes the payloads of the events that passed, in order.
func (w *FirstUnique[T, K]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagFirstUnique)
	dst = snap.AppendCount(dst, len(w.firsts))
	for _, v := range w.firsts {
		dst = c.Append(dst, v)
	}
	return dst, nil
}

// LoadState replaces the set of seen keys, recomputed from the payloads;
// two payloads of one key fail the load.
func (w *FirstUnique[T, K]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagFirstUnique)
	n := r.Count()
	firsts := make([]T, 0, n)
	seen := make(map[K]struct{}, n)
	for range n {
		v := readPayload(r, c)
		if r.Err() != nil {
			break
		}
		k := w.key(v)
		if _, dup := seen[k]; dup {
			r.failf("firstUnique window state holds two events with the same key")
			break
		}
		seen[k] = struct{}{}
		firsts = append(firsts, v)
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	w.seen, w.firsts = seen, firsts
	return r.Rest(), nil
}
