package window

import "github.com/eventflux/eventflux-go/runtime"

// TimeBatch is `timeBatch(t)` and `tumbling(t)` (§3.4): periods of t ms on
// a grid aligned to the first event's timestamp, flushed at every boundary.
type TimeBatch[T any] struct {
	t       int64
	started bool
	next    int64 // the next boundary, once started
	b       batches[T]
	out     output[T]
}

// NewTimeBatch returns a timeBatch(t) window; t < 1 counts as 1 ms (the
// compiler rejects it, §3.1).
func NewTimeBatch[T any](t int64) *TimeBatch[T] { return &TimeBatch[T]{t: max(t, 1)} }

// Arrive buffers the events silently; the first one ever fixes the grid.
func (w *TimeBatch[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	if len(in) == 0 {
		return
	}
	if !w.started {
		w.started = true
		w.next = addSat(in[0].Ts, w.t)
	}
	w.b.cur = append(w.b.cur, in...)
}

// Push is Arrive for a chunk of one event stamped ts, for a caller that
// fills the payload in place through the returned pointer, before anything
// else touches the window.
func (w *TimeBatch[T]) Push(ts int64) *T {
	if !w.started {
		w.started = true
		w.next = addSat(ts, w.t)
	}
	w.b.cur = append(w.b.cur, runtime.Event[T]{Ts: ts})
	return &w.b.cur[len(w.b.cur)-1].Data
}

// NextDeadline is the next boundary; the grid runs forever once started.
func (w *TimeBatch[T]) NextDeadline() (int64, bool) { return w.next, w.started }

// Fire flushes at every boundary up to now, each flush its own chunk stamped
// now; boundaries that would flush nothing are skipped in one step.
func (w *TimeBatch[T]) Fire(now int64, emit runtime.Emit[T]) {
	for w.started && w.next <= now {
		if w.b.empty() {
			w.next = stepPast(w.next, now, w.t)
			return
		}
		w.next = addSat(w.next, w.t)
		w.b.flush(&w.out, now, emit)
	}
}

// AppendState writes t, whether the grid has started, the next boundary
// and both batches.
func (w *TimeBatch[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	return w.state().appendState(dst, c)
}

// LoadState replaces the grid and the batches; NextDeadline is then the
// restored boundary.
func (w *TimeBatch[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	return w.state().loadState(src, c)
}

func (w *TimeBatch[T]) state() gridState[T] {
	return gridState[T]{tag: tagTimeBatch, t: w.t, started: &w.started, at: &w.next, b: &w.b}
}
