package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// timedState is the state layout of the windows that hold one timed ring
// under one time parameter (time, delay, externalTime): the parameter, then
// the held events in ring order. Their times are not written; timeOf
// recomputes them on load.
type timedState[T any] struct {
	tag     byte
	param   string // the parameter's name in errors
	t       int64
	held    *ring[timed[T]]
	ordered bool // the ring is kept in time order (insertByTime)
	timeOf  func(runtime.Event[T]) (int64, bool)
}

func (s timedState[T]) appendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, s.tag)
	dst = snap.AppendInt(dst, s.t)
	return appendTimedEvents(dst, s.held, c), nil
}

// loadState replaces the held events only when the whole state loads.
func (s timedState[T]) loadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, s.tag)
	r.param(s.tag, s.param, s.t)
	held := readTimedEvents(r, c, s.tag, r.Count(), s.ordered, s.timeOf)
	if r.Err() != nil {
		return src, r.Err()
	}
	*s.held = held
	return r.Rest(), nil
}
