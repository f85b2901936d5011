package window

import "github.com/eventflux/eventflux-go/runtime/snap"

// gridState is the state layout of the batch windows on a time grid
// (timeBatch, externalTimeBatch): the period, whether the grid started,
// the grid instant the window tracks, then both batches.
type gridState[T any] struct {
	tag     byte
	t       int64
	started *bool
	at      *int64
	b       *batches[T]
}

func (s gridState[T]) appendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, s.tag)
	dst = snap.AppendInt(dst, s.t)
	dst = snap.AppendBool(dst, *s.started)
	dst = snap.AppendInt(dst, *s.at)
	return appendBatches(dst, s.b, c), nil
}

// loadState replaces the grid and the batches only when the whole state
// loads; events before the grid started cannot have been held.
func (s gridState[T]) loadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, s.tag)
	r.param(s.tag, "period", s.t)
	started := r.Bool()
	at := r.Int()
	b := readBatches(r, c)
	if r.Err() == nil && !started && !b.empty() {
		r.failf("%s window state holds events before its grid started", tagNames[s.tag])
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	*s.started, *s.at, *s.b = started, at, b
	return r.Rest(), nil
}
