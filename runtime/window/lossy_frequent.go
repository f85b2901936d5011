package window

import (
	"math"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// LossyFrequent is `lossyFrequent(support [, error] [, attr…])` (§3.3):
// lossy counting; it holds the latest event of each key whose count reaches
// (support - error)·N.
type LossyFrequent[T any, K comparable] struct {
	untimed[T]
	threshold float64 // support - error
	width     int64   // bucket width ceil(1/error); 0: never prune
	key       func(T) K
	total     int64              // N, events seen
	entries   []lossyEntry[T, K] // in order of key insertion
	index     map[K]int          // key -> position in entries
	out       output[T]
}

type lossyEntry[T any, K comparable] struct {
	key    K
	count  int64
	bucket int64            // bucket id when the key was (re)inserted, minus one
	held   bool             // ev is in the window
	ev     runtime.Event[T] // the key's latest event
}

// NewLossyFrequent returns a lossyFrequent window. errorBound <= 0 (or NaN)
// means the default support/10; when that is not positive either, counts
// are never pruned.
func NewLossyFrequent[T any, K comparable](support, errorBound float64, key func(T) K) *LossyFrequent[T, K] {
	if !(errorBound > 0) {
		errorBound = support / 10
	}
	w := &LossyFrequent[T, K]{threshold: support - errorBound, key: key, index: make(map[K]int)}
	if errorBound > 0 {
		width := math.Ceil(1 / errorBound)
		if width < math.MaxInt64 {
			w.width = int64(width)
		}
	}
	return w
}

// Arrive applies §3.3 per event, all in one chunk: the key's count rises (a
// new key starts at 1 in bucket ceil(N/w)-1); at or above the threshold the
// event is held (EXPIRED previous, CURRENT new), below it the held event of
// the key, if any, is EXPIRED and dropped. Every w events, keys with
// count + bucket <= the current bucket are pruned (EXPIRED when held, in
// order of key insertion). EXPIRED events are stamped now.
func (w *LossyFrequent[T, K]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		w.total++
		bucket := w.currentBucket()
		k := w.key(e.Data)
		i, ok := w.index[k]
		if !ok {
			i = len(w.entries)
			w.index[k] = i
			w.entries = append(w.entries, lossyEntry[T, K]{key: k, bucket: bucket - 1})
		}
		en := &w.entries[i]
		en.count++
		if en.held {
			chunk = append(chunk, expired(en.ev, now))
		}
		// ev stays set when the key falls below the threshold: a snapshot
		// recomputes the key from it (K has no codec).
		en.ev = e
		en.held = float64(en.count) >= w.threshold*float64(w.total)
		if en.held {
			chunk = append(chunk, current(e))
		}
		if w.width > 0 && w.total%w.width == 0 {
			chunk = w.prune(bucket, now, chunk)
		}
	}
	w.out.send(chunk, emit)
}

// currentBucket is ceil(N/w), or 1 when counts are never pruned.
func (w *LossyFrequent[T, K]) currentBucket() int64 {
	if w.width == 0 {
		return 1
	}
	return (w.total + w.width - 1) / w.width
}

func (w *LossyFrequent[T, K]) prune(bucket, now int64, chunk []runtime.Event[T]) []runtime.Event[T] {
	kept := w.entries[:0]
	for _, en := range w.entries {
		if en.count+en.bucket > bucket {
			w.index[en.key] = len(kept)
			kept = append(kept, en)
			continue
		}
		delete(w.index, en.key)
		if en.held {
			chunk = append(chunk, expired(en.ev, now))
		}
	}
	clear(w.entries[len(kept):])
	w.entries = kept
	return chunk
}

// AppendState writes the parameters, N and, in order of key insertion,
// each key's count, bucket, whether its event is held and its latest event
// (from which the key is recomputed on load).
func (w *LossyFrequent[T, K]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagLossyFrequent)
	dst = snap.AppendFloat(dst, w.threshold)
	dst = snap.AppendInt(dst, w.width)
	dst = snap.AppendInt(dst, w.total)
	dst = snap.AppendCount(dst, len(w.entries))
	for _, en := range w.entries {
		dst = snap.AppendInt(dst, en.count)
		dst = snap.AppendInt(dst, en.bucket)
		dst = snap.AppendBool(dst, en.held)
		dst = appendEvent(dst, en.ev, c)
	}
	return dst, nil
}

// LoadState replaces the counters and N; every key is counted at least once
// and no key appears twice.
func (w *LossyFrequent[T, K]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagLossyFrequent)
	if th := r.Float(); r.Err() == nil && math.Float64bits(th) != math.Float64bits(w.threshold) {
		r.failf("snapshot of a lossyFrequent window with threshold %v does not fit one with threshold %v", th, w.threshold)
	}
	r.param(tagLossyFrequent, "bucket width", w.width)
	total := r.Int()
	n := r.Count()
	if r.Err() == nil && (total < 0 || int64(n) > total) {
		r.failf("lossyFrequent window state holds %d keys after %d events", n, total)
	}
	entries := make([]lossyEntry[T, K], 0, n)
	index := make(map[K]int, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		en := lossyEntry[T, K]{count: r.Int(), bucket: r.Int(), held: r.Bool()}
		en.ev = readEvent(r, c)
		if r.Err() == nil && (en.count < 1 || en.count > total) {
			r.failf("lossyFrequent window state holds a key counted %d times of %d events", en.count, total)
		}
		if r.Err() != nil {
			break
		}
		en.key = w.key(en.ev.Data)
		distinctKey(r, tagLossyFrequent, index, en.key, i)
		entries = append(entries, en)
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	w.total, w.entries, w.index = total, entries, index
	return r.Rest(), nil
}
