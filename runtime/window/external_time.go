package window

import "github.com/eventflux/eventflux-go/runtime"

// ExternalTime is `externalTime(tsAttr, t)` (§3.3): a time window whose
// clock is the tsAttr value of the arriving events; it has no timers.
type ExternalTime[T any] struct {
	untimed[T]
	// OnError is called for each event dropped because its timestamp
	// attribute is NULL (§0.3.16); processing continues. Nil ignores them.
	OnError func(error)

	ts   func(T) (int64, bool)
	t    int64
	held ring[timed[T]] // arrival order; at = the tsAttr value
	out  output[T]
}

// NewExternalTime returns an externalTime window; ts reads the timestamp
// attribute, ok=false meaning NULL. t < 0 counts as 0.
func NewExternalTime[T any](ts func(T) (int64, bool), t int64) *ExternalTime[T] {
	return &ExternalTime[T]{ts: ts, t: max(t, 0)}
}

// Arrive handles each event with attribute value v: held events at the head
// of the arrival queue with value <= v - t expire (stamped v), then the
// event is held and emitted CURRENT; all in one chunk (§0.3.13). Only the
// head is checked, so a late value stays until the events before it leave.
func (w *ExternalTime[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		v, ok := w.ts(e.Data)
		if !ok {
			reportNull(w.OnError, "externalTime", e.Ts)
			continue
		}
		limit := subSat(v, w.t)
		for w.held.len() > 0 && w.held.front().at <= limit {
			chunk = append(chunk, expired(w.held.popFront().ev, v))
		}
		w.held.pushBack(timed[T]{at: v, ev: e})
		chunk = append(chunk, current(e))
	}
	w.out.send(chunk, emit)
}

// AppendState writes t and the held events in arrival order; their
// attribute times are recomputed with ts on load.
func (w *ExternalTime[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	return w.state().appendState(dst, c)
}

// LoadState replaces the held events; one whose attribute is NULL cannot
// have been held and fails the load.
func (w *ExternalTime[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	return w.state().loadState(src, c)
}

func (w *ExternalTime[T]) state() timedState[T] {
	return timedState[T]{tag: tagExternalTime, param: "time", t: w.t, held: &w.held, ordered: false, timeOf: w.attrTime}
}

func (w *ExternalTime[T]) attrTime(e runtime.Event[T]) (int64, bool) { return w.ts(e.Data) }
