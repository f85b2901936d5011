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
	q    []T
	head int
}

// addMin appends v after dropping the held values above it; addMax after
// dropping those below it. The comparisons are cmp.Compare's, spelled out
// (x != x is NaN) because the generic call costs more than the deque.
func (d *fifoExtremes[T]) addMin(v T) {
	vNaN := v != v
	for len(d.q) > d.head {
		back := d.q[len(d.q)-1]
		if !(back > v || (vNaN && back == back)) {
			break
		}
		d.q = d.q[:len(d.q)-1]
	}
	d.push(v)
}

func (d *fifoExtremes[T]) addMax(v T) {
	vNaN := v != v
	for len(d.q) > d.head {
		back := d.q[len(d.q)-1]
		if !(back < v || (back != back && !vNaN)) {
			break
		}
		d.q = d.q[:len(d.q)-1]
	}
	d.push(v)
}

func (d *fifoExtremes[T]) add(v T, max bool) {
	if max {
		d.addMax(v)
	} else {
		d.addMin(v)
	}
}

func (d *fifoExtremes[T]) push(v T) {
	if d.head > 0 && d.head == len(d.q) {
		d.q, d.head = d.q[:0], 0
	}
	if d.head > 64 && d.head*2 > len(d.q) { // reclaim the consumed front
		n := copy(d.q, d.q[d.head:])
		d.q, d.head = d.q[:n], 0
	}
	d.q = append(d.q, v)
}

// remove drops the oldest held value v; only the front can equal it, every
// other oldest value was dominated and already dropped.
func (d *fifoExtremes[T]) remove(v T) {
	if d.head < len(d.q) {
		if f := d.q[d.head]; f == v || (f != f && v != v) {
			d.head++
		}
	}
}

func (d *fifoExtremes[T]) reset() { d.q, d.head = d.q[:0], 0 }

func (d *fifoExtremes[T]) best() (T, bool) {
	if d.head < len(d.q) {
		return d.q[d.head], true
	}
	var zero T
	return zero, false
}

func (d *fifoExtremes[T]) appendState(dst []byte, tag byte) ([]byte, error) {
	live := d.q[d.head:]
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
