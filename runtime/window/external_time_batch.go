package window

import "github.com/eventflux/eventflux-go/runtime"

// ExternalTimeBatch is `externalTimeBatch(tsAttr, t)` (§3.4): periods of t
// measured on the tsAttr value, flushed when a later event arrives.
type ExternalTimeBatch[T any] struct {
	untimed[T]
	// OnError is called for each event dropped because its timestamp
	// attribute is NULL (§0.3.16); processing continues. Nil ignores them.
	OnError func(error)

	ts      func(T) (int64, bool)
	t       int64
	started bool
	start   int64 // start of the current period, once started
	b       batches[T]
	out     output[T]
}

// NewExternalTimeBatch returns an externalTimeBatch window; ts reads the
// timestamp attribute, ok=false meaning NULL. t < 1 counts as 1.
func NewExternalTimeBatch[T any](ts func(T) (int64, bool), t int64) *ExternalTimeBatch[T] {
	return &ExternalTimeBatch[T]{ts: ts, t: max(t, 1)}
}

// Arrive handles each event with attribute value v: the first fixes the
// grid; while v >= start + t the window flushes (stamped start + t, each
// flush its own chunk, §0.3.5) and start moves on by t; then the event is
// buffered. Periods that would flush nothing are skipped in one step
// (§0.3.17).
func (w *ExternalTimeBatch[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	for _, e := range in {
		v, ok := w.ts(e.Data)
		if !ok {
			reportNull(w.OnError, "externalTimeBatch", e.Ts)
			continue
		}
		if !w.started {
			w.started, w.start = true, v
		}
		for end := addSat(w.start, w.t); v >= end; end = addSat(w.start, w.t) {
			if w.b.empty() {
				// The period containing v starts at the last grid point <= v.
				w.start = subSat(stepPast(end, v, w.t), w.t)
				break
			}
			w.start = end
			w.b.flush(&w.out, end, emit)
		}
		w.b.cur = append(w.b.cur, e)
	}
}

// AppendState writes t, whether the first event fixed the grid, the
// current period's start and both batches.
func (w *ExternalTimeBatch[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	return w.state().appendState(dst, c)
}

// LoadState replaces the grid and the batches.
func (w *ExternalTimeBatch[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	return w.state().loadState(src, c)
}

func (w *ExternalTimeBatch[T]) state() gridState[T] {
	return gridState[T]{tag: tagExternalTimeBatch, t: w.t, started: &w.started, at: &w.start, b: &w.b}
}
