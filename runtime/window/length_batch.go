package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// LengthBatch is `lengthBatch(n)` (§3.4): arrivals are buffered silently and
// flushed when the buffer reaches n events.
type LengthBatch[T any] struct {
	untimed[T]
	n   int
	b   batches[T]
	out output[T]
}

// NewLengthBatch returns a lengthBatch(n) window; n < 1 counts as 1 (the
// compiler rejects it, §3.1).
func NewLengthBatch[T any](n int) *LengthBatch[T] { return &LengthBatch[T]{n: max(n, 1)} }

// Arrive buffers the events; every n-th event flushes, stamped with that
// event's timestamp, each flush its own chunk (§0.3.5).
func (w *LengthBatch[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	for _, e := range in {
		w.b.cur = append(w.b.cur, e)
		if len(w.b.cur) >= w.n {
			w.b.flush(&w.out, e.Ts, emit)
		}
	}
}

// AppendState writes n, the previous batch and the batch being filled.
func (w *LengthBatch[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagLengthBatch)
	dst = snap.AppendInt(dst, int64(w.n))
	return appendBatches(dst, &w.b, c), nil
}

// LoadState replaces both batches; the one being filled holds fewer than n.
func (w *LengthBatch[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagLengthBatch)
	r.param(tagLengthBatch, "length", int64(w.n))
	b := readBatches(r, c)
	if r.Err() == nil && len(b.cur) >= w.n {
		r.failf("lengthBatch window state holds a full unflushed batch of %d events", len(b.cur))
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	w.b = b
	return r.Rest(), nil
}
