package window

import (
	"errors"
	"fmt"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// Codec encodes and decodes one event payload of type T. Read returns the
// bytes after the payload; it must return an error, never panic, on bytes
// it cannot decode.
type Codec[T any] struct {
	Append func(dst []byte, v T) []byte
	Read   func(src []byte) (v T, rest []byte, err error)
}

// Snapshotter is implemented by every window (§12.1). AppendState appends
// the window's state to dst; LoadState replaces the whole state with the one
// at the start of src and returns the bytes after it. A state only loads
// into a window of the same type built with the same parameters; on error
// the window keeps its previous state. Snapshots are taken between chunks,
// never from inside an emit.
type Snapshotter[T any] interface {
	AppendState(dst []byte, c Codec[T]) ([]byte, error)
	LoadState(src []byte, c Codec[T]) (rest []byte, err error)
}

// stateVersion follows the tag in every state; a layout change bumps it so
// that an old snapshot fails to load instead of being misread.
const stateVersion byte = 1

// Tags open every state so that loading into the wrong window type fails
// (a rebuilt app that does not fit, §12.2).
const (
	tagLength byte = iota + 1
	tagLengthBatch
	tagTime
	tagTimeBatch
	tagHop
	tagTimeLength
	tagBatch
	tagDelay
	tagExternalTime
	tagExternalTimeBatch
	tagSession
	tagSort
	tagUnique
	tagFirstUnique
	tagFrequent
	tagLossyFrequent
	tagCron
	tagEnd // one past the last tag
)

var tagNames = [tagEnd]string{
	tagLength:            "length",
	tagLengthBatch:       "lengthBatch",
	tagTime:              "time",
	tagTimeBatch:         "timeBatch",
	tagHop:               "hop",
	tagTimeLength:        "timeLength",
	tagBatch:             "batch",
	tagDelay:             "delay",
	tagExternalTime:      "externalTime",
	tagExternalTimeBatch: "externalTimeBatch",
	tagSession:           "session",
	tagSort:              "sort",
	tagUnique:            "unique",
	tagFirstUnique:       "firstUnique",
	tagFrequent:          "frequent",
	tagLossyFrequent:     "lossyFrequent",
	tagCron:              "cron",
}

var errNoCodec = errors.New("window: snapshot codec lacks Append or Read")

func (c Codec[T]) check() error {
	if c.Append == nil || c.Read == nil {
		return errNoCodec
	}
	return nil
}

func appendHeader(dst []byte, tag byte) []byte { return append(dst, tag, stateVersion) }

// appendEvent writes a held event's timestamp and payload. The kind is not
// written: held events are CURRENT and every output sets its own kind.
func appendEvent[T any](dst []byte, e runtime.Event[T], c Codec[T]) []byte {
	return c.Append(snap.AppendInt(dst, e.Ts), e.Data)
}

func appendEvents[T any](dst []byte, evs []runtime.Event[T], c Codec[T]) []byte {
	dst = snap.AppendCount(dst, len(evs))
	for _, e := range evs {
		dst = appendEvent(dst, e, c)
	}
	return dst
}

// appendTimedEvents writes the events of a timed ring; their times are
// recomputed on load.
func appendTimedEvents[T any](dst []byte, held *ring[timed[T]], c Codec[T]) []byte {
	dst = snap.AppendCount(dst, held.len())
	for i := range held.len() {
		dst = appendEvent(dst, held.at(i).ev, c)
	}
	return dst
}

func appendBatches[T any](dst []byte, b *batches[T], c Codec[T]) []byte {
	dst = appendEvents(dst, b.prev, c)
	return appendEvents(dst, b.cur, c)
}

// stateReader decodes a window state: snap.Reader's primitives, whose
// first error sticks, plus the window's own checks.
type stateReader struct{ snap.Reader }

func (r *stateReader) failf(format string, args ...any) {
	r.Failf("window: "+format, args...)
}

// newStateReader checks the codec and the header (tag and version).
func newStateReader[T any](src []byte, c Codec[T], tag byte) *stateReader {
	r := &stateReader{Reader: *snap.NewReader(src)}
	if err := c.check(); err != nil {
		r.Fail(err)
		return r
	}
	got := r.Byte()
	if r.Err() != nil {
		return r
	}
	if got != tag {
		if got == 0 || got >= tagEnd {
			r.failf("snapshot state has unknown window tag %d, expected a %s window", got, tagNames[tag])
		} else {
			r.failf("snapshot state of a %s window cannot load into a %s window", tagNames[got], tagNames[tag])
		}
		return r
	}
	if v := r.Byte(); r.Err() == nil && v != stateVersion {
		r.failf("%s window state has version %d, this build reads version %d", tagNames[tag], v, stateVersion)
	}
	return r
}

// param checks a window parameter stored with the state: a snapshot of
// length(3) does not fit length(2) (§12.2).
func (r *stateReader) param(tag byte, name string, want int64) {
	if got := r.Int(); r.Err() == nil && got != want {
		r.failf("snapshot of a %s window with %s %d does not fit one with %s %d", tagNames[tag], name, got, name, want)
	}
}

// bounded reads a count of held events that the window caps at limit.
func (r *stateReader) bounded(tag byte, what string, limit int) int {
	n := r.Count()
	if r.Err() == nil && n > limit {
		r.failf("%s window state holds %d %s, more than its limit %d", tagNames[tag], n, what, limit)
		return 0
	}
	return n
}

// readPayload decodes one payload with the codec, wrapping its error.
func readPayload[T any](r *stateReader, c Codec[T]) T {
	var zero T
	if r.Err() != nil {
		return zero
	}
	v, rest, err := c.Read(r.Rest())
	switch {
	case err != nil:
		r.Fail(fmt.Errorf("window: snapshot payload: %w", err))
		return zero
	case len(rest) > len(r.Rest()):
		r.failf("snapshot payload codec returned more bytes than it was given")
		return zero
	}
	r.SetRest(rest)
	return v
}

// readEvent decodes a held event; it comes back CURRENT, as it arrived.
func readEvent[T any](r *stateReader, c Codec[T]) runtime.Event[T] {
	ts := r.Int()
	data := readPayload(r, c)
	if r.Err() != nil {
		return runtime.Event[T]{}
	}
	return runtime.Event[T]{Ts: ts, Kind: runtime.Current, Data: data}
}

func readEvents[T any](r *stateReader, c Codec[T]) []runtime.Event[T] {
	n := r.Count()
	if n == 0 {
		return nil
	}
	evs := make([]runtime.Event[T], 0, n)
	for range n {
		e := readEvent(r, c)
		if r.Err() != nil {
			return nil
		}
		evs = append(evs, e)
	}
	return evs
}

func readBatches[T any](r *stateReader, c Codec[T]) batches[T] {
	prev := readEvents(r, c)
	return batches[T]{prev: prev, cur: readEvents(r, c)}
}

// readTimedEvents decodes n events into a ring ordered by time, which
// timeOf recomputes for each event (false: the event has none). Ordered
// rings must come back in non-decreasing time, as insertByTime keeps them.
func readTimedEvents[T any](r *stateReader, c Codec[T], tag byte, n int, ordered bool, timeOf func(runtime.Event[T]) (int64, bool)) ring[timed[T]] {
	var held ring[timed[T]]
	for i := range n {
		e := readEvent(r, c)
		if r.Err() != nil {
			return ring[timed[T]]{}
		}
		at, ok := timeOf(e)
		if !ok {
			r.failf("%s window state holds an event without a time", tagNames[tag])
			return ring[timed[T]]{}
		}
		if ordered && i > 0 && held.at(i-1).at > at {
			r.failf("%s window state holds events out of time order", tagNames[tag])
			return ring[timed[T]]{}
		}
		held.pushBack(timed[T]{at: at, ev: e})
	}
	return held
}

// distinctKey records k for the event at position i, failing on a key seen
// before: the window's key function does not fit the state.
func distinctKey[K comparable](r *stateReader, tag byte, index map[K]int, k K, i int) {
	if _, dup := index[k]; dup {
		r.failf("%s window state holds two entries with the same key", tagNames[tag])
		return
	}
	index[k] = i
}

// Every window is a Snapshotter.
var (
	_ Snapshotter[int64] = (*Length[int64])(nil)
	_ Snapshotter[int64] = (*LengthBatch[int64])(nil)
	_ Snapshotter[int64] = (*Time[int64])(nil)
	_ Snapshotter[int64] = (*TimeBatch[int64])(nil)
	_ Snapshotter[int64] = (*Hop[int64])(nil)
	_ Snapshotter[int64] = (*TimeLength[int64])(nil)
	_ Snapshotter[int64] = (*Batch[int64])(nil)
	_ Snapshotter[int64] = (*Delay[int64])(nil)
	_ Snapshotter[int64] = (*ExternalTime[int64])(nil)
	_ Snapshotter[int64] = (*ExternalTimeBatch[int64])(nil)
	_ Snapshotter[int64] = (*Session[int64, int64])(nil)
	_ Snapshotter[int64] = (*Sort[int64])(nil)
	_ Snapshotter[int64] = (*Unique[int64, int64])(nil)
	_ Snapshotter[int64] = (*FirstUnique[int64, int64])(nil)
	_ Snapshotter[int64] = (*Frequent[int64, int64])(nil)
	_ Snapshotter[int64] = (*LossyFrequent[int64, int64])(nil)
	_ Snapshotter[int64] = (*Cron[int64])(nil)
)
