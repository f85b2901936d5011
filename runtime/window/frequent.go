package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// Frequent is `frequent(k [, attr…])` (§3.3): Misra–Gries top-k, holding
// the latest event of up to k keys.
type Frequent[T any, K comparable] struct {
	untimed[T]
	k       int
	key     func(T) K
	entries []frequentEntry[T, K] // in order of key insertion
	index   map[K]int             // key -> position in entries
	out     output[T]
}

type frequentEntry[T any, K comparable] struct {
	key   K
	count int64
	ev    runtime.Event[T]
}

// NewFrequent returns a frequent(k) window; key computes the key (all
// attributes when the query lists none). k < 0 counts as 0 (holds nothing).
func NewFrequent[T any, K comparable](k int, key func(T) K) *Frequent[T, K] {
	return &Frequent[T, K]{k: max(k, 0), key: key, index: make(map[K]int)}
}

// Arrive applies §3.3 per event, all in one chunk: a held key counts up and
// replaces its event (EXPIRED old, CURRENT new); a new key enters while
// there is room (CURRENT); otherwise every count drops by one, keys at zero
// leave (EXPIRED, oldest key first, §0.3.21) and the new key enters only if
// that made room. EXPIRED events are stamped now.
func (w *Frequent[T, K]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		k := w.key(e.Data)
		if i, ok := w.index[k]; ok {
			en := &w.entries[i]
			en.count++
			chunk = append(chunk, expired(en.ev, now))
			en.ev = e
			chunk = append(chunk, current(e))
			continue
		}
		if len(w.entries) >= w.k {
			chunk = w.decrementAll(now, chunk)
		}
		if len(w.entries) < w.k {
			w.index[k] = len(w.entries)
			w.entries = append(w.entries, frequentEntry[T, K]{key: k, count: 1, ev: e})
			chunk = append(chunk, current(e))
		}
	}
	w.out.send(chunk, emit)
}

// decrementAll lowers every count, removing keys that reach zero.
func (w *Frequent[T, K]) decrementAll(now int64, chunk []runtime.Event[T]) []runtime.Event[T] {
	kept := w.entries[:0]
	for _, en := range w.entries {
		en.count--
		if en.count > 0 {
			w.index[en.key] = len(kept)
			kept = append(kept, en)
			continue
		}
		delete(w.index, en.key)
		chunk = append(chunk, expired(en.ev, now))
	}
	clear(w.entries[len(kept):])
	w.entries = kept
	return chunk
}

// AppendState writes k and, in order of key insertion, each key's count
// with its latest event (from which the key is recomputed on load).
func (w *Frequent[T, K]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagFrequent)
	dst = snap.AppendInt(dst, int64(w.k))
	dst = snap.AppendCount(dst, len(w.entries))
	for _, en := range w.entries {
		dst = snap.AppendInt(dst, en.count)
		dst = appendEvent(dst, en.ev, c)
	}
	return dst, nil
}

// LoadState replaces the counters: at most k keys, each counted at least
// once, no key twice.
func (w *Frequent[T, K]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagFrequent)
	r.param(tagFrequent, "count", int64(w.k))
	n := r.bounded(tagFrequent, "keys", w.k)
	entries := make([]frequentEntry[T, K], 0, n)
	index := make(map[K]int, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		count := r.Int()
		ev := readEvent(r, c)
		if r.Err() == nil && count < 1 {
			r.failf("frequent window state holds a key counted %d times", count)
		}
		if r.Err() != nil {
			break
		}
		k := w.key(ev.Data)
		distinctKey(r, tagFrequent, index, k, i)
		entries = append(entries, frequentEntry[T, K]{key: k, count: count, ev: ev})
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	w.entries, w.index = entries, index
	return r.Rest(), nil
}
