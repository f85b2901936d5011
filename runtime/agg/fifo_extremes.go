package agg

import (
	"cmp"
	"slices"
)

// MinFIFO and MaxFIFO are min(x)/max(x) for windows that remove values in
// the order they were added (length, lengthBatch, timeBatch, externalTime*,
// hop, or no window): a monotonic deque gives O(1) amortized updates where
// Min/Max must pay for arbitrary removal. The optimizer chooses them only
// for such windows; a removal out of insertion order would give wrong
// results. Order and equality are cmp.Compare's (NaN lowest).
type MinFIFO[T cmp.Ordered] struct{ d fifoExtremes[T] }

// MaxFIFO is MinFIFO for the largest value.
type MaxFIFO[T cmp.Ordered] struct{ d fifoExtremes[T] }

func (m *MinFIFO[T]) Add(v T)          { m.d.addMin(v) }
func (m *MinFIFO[T]) Remove(v T)       { m.d.remove(v) }
func (m *MinFIFO[T]) Reset()           { m.d.reset() }
func (m *MinFIFO[T]) Value() (T, bool) { return m.d.best() }
func (m *MinFIFO[T]) AppendState(dst []byte) ([]byte, error) {
	return m.d.appendState(dst, tagMinFIFO)
}
func (m *MinFIFO[T]) LoadState(src []byte) ([]byte, error) {
	return m.d.loadState(src, tagMinFIFO, false)
}

func (m *MaxFIFO[T]) Add(v T)          { m.d.addMax(v) }
func (m *MaxFIFO[T]) Remove(v T)       { m.d.remove(v) }
func (m *MaxFIFO[T]) Reset()           { m.d.reset() }
func (m *MaxFIFO[T]) Value() (T, bool) { return m.d.best() }
func (m *MaxFIFO[T]) AppendState(dst []byte) ([]byte, error) {
	return m.d.appendState(dst, tagMaxFIFO)
}
func (m *MaxFIFO[T]) LoadState(src []byte) ([]byte, error) {
	return m.d.loadState(src, tagMaxFIFO, true)
}

// fifoExtremes keeps, in insertion order, the values that can still become
// the best: each is better than everything added after it. The front is
// the best held value.
type fifoExtremes[T cmp.Ordered] struct {
	buf        []T // buf[head:tail] are the held candidates
	head, tail int
}

// addMin appends v after dropping the held values above it; addMax after
// dropping those below it. The comparisons are cmp.Compare's, spelled out
// (x != x is NaN) because the generic call costs more than the deque; the
// bounds live in ints so a pop stores no slice header.
func (d *fifoExtremes[T]) addMin(v T) {
	vNaN := v != v
	t := d.tail
	for t > d.head {
		back := d.buf[t-1]
		if !(back > v || (vNaN && back == back)) {
			break
		}
		t--
	}
	d.push(t, v)
}

func (d *fifoExtremes[T]) addMax(v T) {
	vNaN := v != v
	t := d.tail
	for t > d.head {
		back := d.buf[t-1]
		if !(back < v || (back != back && !vNaN)) {
			break
		}
		t--
	}
	d.push(t, v)
}

func (d *fifoExtremes[T]) add(v T, max bool) {
	if max {
		d.addMax(v)
	} else {
		d.addMin(v)
	}
}

// push stores v at t, the new back.
func (d *fifoExtremes[T]) push(t int, v T) {
	if t == d.head {
		t, d.head = 0, 0
	}
	if t == len(d.buf) {
		if d.head > 0 && d.head*2 >= len(d.buf) { // reclaim the consumed front
			t = copy(d.buf, d.buf[d.head:t])
			d.head = 0
		} else {
			grown := make([]T, max(16, 2*len(d.buf)))
			t = copy(grown, d.buf[d.head:t])
			d.buf, d.head = grown, 0
		}
	}
	d.buf[t] = v
	d.tail = t + 1
}

// remove drops the oldest held value v; only the front can equal it, every
// other oldest value was dominated and already dropped.
func (d *fifoExtremes[T]) remove(v T) {
	if d.head < d.tail {
		if f := d.buf[d.head]; f == v || (f != f && v != v) {
			d.head++
		}
	}
}

func (d *fifoExtremes[T]) reset() { d.head, d.tail = 0, 0 }

func (d *fifoExtremes[T]) best() (T, bool) {
	if d.head < d.tail {
		return d.buf[d.head], true
	}
	var zero T
	return zero, false
}

func (d *fifoExtremes[T]) appendState(dst []byte, tag byte) ([]byte, error) {
	live := d.buf[d.head:d.tail]
	return appendHeld(dst, tag, len(live), slices.Values(live))
}

func (d *fifoExtremes[T]) loadState(src []byte, tag byte, max bool) ([]byte, error) {
	return loadHeld(src, tag, func(vals []T) {
		d.reset()
		for _, v := range vals {
			d.add(v, max)
		}
	})
}
