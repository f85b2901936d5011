package window

import "github.com/eventflux/eventflux-go/runtime"

// Batch is `batch()` (§0.2): every arriving chunk is one batch.
type Batch[T any] struct {
	untimed[T]
	b   batches[T]
	out output[T]
}

// NewBatch returns a batch() window.
func NewBatch[T any]() *Batch[T] { return &Batch[T]{} }

// Arrive flushes: EXPIRED(previous chunk)… stamped now, RESET,
// CURRENT(this chunk)…. An empty chunk is not a batch and changes nothing.
func (w *Batch[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	if len(in) == 0 {
		return
	}
	w.b.cur = append(w.b.cur, in...)
	w.b.flush(&w.out, now, emit)
}

// AppendState writes the previous chunk (expired by the next one).
func (w *Batch[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	return appendBatches(appendHeader(dst, tagBatch), &w.b, c), nil
}

// LoadState replaces the batches.
func (w *Batch[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagBatch)
	b := readBatches(r, c)
	if r.Err() != nil {
		return src, r.Err()
	}
	w.b = b
	return r.Rest(), nil
}
