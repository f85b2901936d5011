package window

import "github.com/eventflux/eventflux-go/runtime"

// Delay is `delay(t)` (§3.6): each event is released t ms after its
// timestamp as a CURRENT event stamped with the release time.
type Delay[T any] struct {
	t    int64
	held ring[timed[T]] // by release deadline, then arrival
	out  output[T]
}

// NewDelay returns a delay(t) window (t < 0 counts as 0).
func NewDelay[T any](t int64) *Delay[T] { return &Delay[T]{t: max(t, 0)} }

// Arrive holds the events; arrivals produce no output.
func (w *Delay[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	for _, e := range in {
		insertByTime(&w.held, timed[T]{at: addSat(e.Ts, w.t), ev: e})
	}
}

// NextDeadline is the earliest release.
func (w *Delay[T]) NextDeadline() (int64, bool) {
	if w.held.len() == 0 {
		return 0, false
	}
	return w.held.front().at, true
}

// Fire releases every event due at or before now as one CURRENT chunk, each
// event stamped now.
func (w *Delay[T]) Fire(now int64, emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for w.held.len() > 0 && w.held.front().at <= now {
		e := w.held.popFront().ev
		chunk = append(chunk, runtime.Event[T]{Ts: now, Kind: runtime.Current, Data: e.Data})
	}
	w.out.send(chunk, emit)
}

// AppendState writes t and the held events in release order.
func (w *Delay[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	return w.state().appendState(dst, c)
}

// LoadState replaces the delay queue; release times are recomputed.
func (w *Delay[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	return w.state().loadState(src, c)
}

func (w *Delay[T]) state() timedState[T] {
	return timedState[T]{tag: tagDelay, param: "delay", t: w.t, held: &w.held, ordered: true, timeOf: w.release}
}

func (w *Delay[T]) release(e runtime.Event[T]) (int64, bool) { return addSat(e.Ts, w.t), true }
