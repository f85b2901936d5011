package agg

// heldSeq keeps the values held by a window in arrival order, so first()
// and last() can answer "oldest/newest value still held" under removal of
// any value (§9.6). Removal is lazy: Remove(v) only records that the oldest
// held occurrence of v is gone (pending); entries are physically dropped
// when they reach either end of the ring, or by a compaction when dead
// entries outnumber live ones. Occurrences of v die oldest first, so
//   - the front entry (value v) is dead iff pending[v] > 0;
//   - the back entry (value v) is dead iff every occurrence of v is
//     pending, since it is the newest one.
//
// Values not equal to themselves (NaN) cannot be map keys and share one
// bookkeeping entry.
type heldSeq[T comparable] struct {
	ring       []T
	head, size int
	occ        map[T]occurrences
	nanOcc     occurrences
	dead       int
}

type occurrences struct{ count, pending int }

func (q *heldSeq[T]) lookup(v T) occurrences {
	if v != v {
		return q.nanOcc
	}
	return q.occ[v]
}

func (q *heldSeq[T]) store(v T, o occurrences) {
	switch {
	case v != v:
		q.nanOcc = o
	case o.count == 0:
		delete(q.occ, v)
	default:
		q.occ[v] = o
	}
}

func (q *heldSeq[T]) at(i int) *T { return &q.ring[(q.head+i)%len(q.ring)] }

func (q *heldSeq[T]) add(v T) {
	if q.size == len(q.ring) {
		q.grow()
	}
	*q.at(q.size) = v
	q.size++
	if q.occ == nil {
		q.occ = make(map[T]occurrences)
	}
	o := q.lookup(v)
	o.count++
	q.store(v, o)
}

func (q *heldSeq[T]) grow() {
	n := 2 * len(q.ring)
	if n == 0 {
		n = 8
	}
	ring := make([]T, n)
	for i := range q.size {
		ring[i] = *q.at(i)
	}
	q.ring, q.head = ring, 0
}

func (q *heldSeq[T]) remove(v T) {
	o := q.lookup(v)
	if o.pending >= o.count {
		return // not held
	}
	o.pending++
	q.store(v, o)
	q.dead++
	q.trim()
	if q.dead > 16 && 2*q.dead > q.size {
		q.compact()
	}
}

// trim drops dead entries from both ends, so that the ends are live.
func (q *heldSeq[T]) trim() {
	for q.size > 0 {
		v := *q.at(0)
		o := q.lookup(v)
		if o.pending == 0 {
			break
		}
		q.drop(v, o, 0)
		q.head = (q.head + 1) % len(q.ring)
		q.size--
	}
	for q.size > 0 {
		v := *q.at(q.size - 1)
		o := q.lookup(v)
		if o.pending < o.count {
			break
		}
		q.drop(v, o, q.size-1)
		q.size--
	}
}

// drop forgets the dead entry at position i, holding value v.
func (q *heldSeq[T]) drop(v T, o occurrences, i int) {
	o.count--
	o.pending--
	q.store(v, o)
	q.dead--
	var zero T
	*q.at(i) = zero
}

// compact removes every dead entry, walking oldest first so that each
// value's pending removals hit its oldest occurrences.
func (q *heldSeq[T]) compact() {
	kept := 0
	for i := range q.size {
		v := *q.at(i)
		if o := q.lookup(v); o.pending > 0 {
			q.drop(v, o, i)
			continue
		}
		*q.at(kept) = v
		kept++
	}
	var zero T
	for i := kept; i < q.size; i++ {
		*q.at(i) = zero
	}
	q.size = kept
}

func (q *heldSeq[T]) front() (T, bool) {
	if q.size == 0 {
		var zero T
		return zero, false
	}
	return *q.at(0), true
}

func (q *heldSeq[T]) back() (T, bool) {
	if q.size == 0 {
		var zero T
		return zero, false
	}
	return *q.at(q.size - 1), true
}

func (q *heldSeq[T]) reset() {
	clear(q.ring)
	clear(q.occ)
	q.head, q.size, q.dead = 0, 0, 0
	q.nanOcc = occurrences{}
}

// appendState writes the held values oldest first.
func (q *heldSeq[T]) appendState(dst []byte, tag byte) ([]byte, error) {
	if q.dead > 0 {
		q.compact()
	}
	return appendHeld(dst, tag, q.size, func(yield func(T) bool) {
		for i := range q.size {
			if !yield(*q.at(i)) {
				return
			}
		}
	})
}

func (q *heldSeq[T]) loadState(src []byte, tag byte) ([]byte, error) {
	return loadHeld(src, tag, func(vals []T) {
		q.reset()
		for _, v := range vals {
			q.add(v)
		}
	})
}
