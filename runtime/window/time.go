package window

import "github.com/eventflux/eventflux-go/runtime"

// Time is `time(t)` (§3.3): each event is held until its timestamp + t.
type Time[T any] struct {
	t    int64
	held ring[timed[T]] // by expiry deadline, then arrival
	out  output[T]
}

// NewTime returns a time(t) window (t in ms; negative counts as 0).
func NewTime[T any](t int64) *Time[T] { return &Time[T]{t: max(t, 0)} }

// Arrive holds and emits every event as CURRENT, as one chunk. Expiries are
// timers, fired by the caller before the chunk (§0.3.13).
func (w *Time[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for i := range in {
		e := &in[i]
		// Copies go through pointers: a struct passed by value costs
		// extra whole-event moves on this per-event path.
		at := addSat(e.Ts, w.t)
		if n := w.held.len(); n == 0 || w.held.at(n-1).at <= at {
			slot := w.held.pushSlot()
			slot.at, slot.ev = at, *e
		} else {
			insertByTime(&w.held, timed[T]{at: at, ev: *e})
		}
		chunk = append(chunk, *e)
		chunk[len(chunk)-1].Kind = runtime.Current
	}
	w.out.send(chunk, emit)
}

// Hold is Arrive for one event stamped ts, without an output chunk, for
// generated code that runs its selector per event: it returns the held
// event's slot, stamped ts and CURRENT, for the caller to fill in before
// anything else touches the window; the chunk Arrive would emit is [*slot].
func (w *Time[T]) Hold(ts int64) *runtime.Event[T] {
	at := addSat(ts, w.t)
	var slot *timed[T]
	if n := w.held.len(); n == 0 || w.held.at(n-1).at <= at {
		slot = w.held.pushSlot()
		slot.at = at
	} else {
		slot = w.held.at(insertByTime(&w.held, timed[T]{at: at}))
	}
	slot.ev.Ts, slot.ev.Kind = ts, runtime.Current
	return &slot.ev
}

// NextDeadline is the earliest expiry.
func (w *Time[T]) NextDeadline() (int64, bool) {
	if w.held.len() == 0 {
		return 0, false
	}
	return w.held.front().at, true
}

// Fire expires every event due at or before now as one EXPIRED chunk
// stamped now.
func (w *Time[T]) Fire(now int64, emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for w.held.len() > 0 && w.held.front().at <= now {
		chunk = append(chunk, w.held.front().ev)
		e := &chunk[len(chunk)-1]
		e.Ts, e.Kind = now, runtime.Expired
		w.held.dropFront()
	}
	w.out.send(chunk, emit)
}

// AppendState writes t and the held events in expiry order; the expiry
// deadlines are recomputed from the timestamps on load.
func (w *Time[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	return w.state().appendState(dst, c)
}

// LoadState replaces the held events; NextDeadline is then the earliest
// restored expiry.
func (w *Time[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	return w.state().loadState(src, c)
}

func (w *Time[T]) state() timedState[T] {
	return timedState[T]{tag: tagTime, param: "time", t: w.t, held: &w.held, ordered: true, timeOf: w.expiry}
}

func (w *Time[T]) expiry(e runtime.Event[T]) (int64, bool) { return addSat(e.Ts, w.t), true }
