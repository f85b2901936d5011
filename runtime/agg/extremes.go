package agg

import (
	"cmp"
	"slices"
)

// extremes is a multiset that answers "best held value" (smallest for min,
// largest for max) under arbitrary removal, without hashing: held values sit
// in a binary heap, removed values that are not at the top wait in a second
// heap until they surface there (lazy deletion). When the waiting heap grows
// too large relative to the held one, both are sorted and subtracted in
// place, which bounds memory at about twice the held values; steady state
// allocates nothing.
//
// Order and equality are cmp.Compare's, a total order (NaN below every
// number and equal to itself).
type extremes[T cmp.Ordered] struct {
	live    []T // heap of values added and not yet matched by a removal
	removed []T // heap of removals waiting for their value to reach the top
	max     bool
}

// compactMin is the size under which the waiting heap is never compacted.
const compactMin = 16

func (h *extremes[T]) better(a, b T) bool {
	if h.max {
		return cmp.Less(b, a)
	}
	return cmp.Less(a, b)
}

func (h *extremes[T]) held() int { return len(h.live) - len(h.removed) }

func (h *extremes[T]) add(v T) {
	h.live = h.push(h.live, v)
}

func (h *extremes[T]) remove(v T) {
	if h.held() <= 0 {
		return
	}
	switch c := cmp.Compare(v, h.live[0]); {
	case c == 0:
		h.live = h.pop(h.live)
		h.settle()
	case h.better(v, h.live[0]):
		// Better than the best held value: cannot be held.
	default:
		h.removed = h.push(h.removed, v)
		if len(h.removed) > compactMin && 2*len(h.removed) > len(h.live) {
			h.compact()
		}
	}
}

// settle drops the top of both heaps while they match, so that the top of
// live is always a held value.
func (h *extremes[T]) settle() {
	for len(h.removed) > 0 && len(h.live) > 0 && cmp.Compare(h.live[0], h.removed[0]) == 0 {
		h.live = h.pop(h.live)
		h.removed = h.pop(h.removed)
	}
}

func (h *extremes[T]) best() (T, bool) {
	if len(h.live) == 0 {
		var zero T
		return zero, false
	}
	return h.live[0], true
}

func (h *extremes[T]) reset() {
	clear(h.live)
	clear(h.removed)
	h.live, h.removed = h.live[:0], h.removed[:0]
}

// compact subtracts the waiting removals from live. Both are sorted best
// first; a sorted slice is a valid heap, so no re-heapify is needed.
// Removals that match nothing (caller errors) are dropped.
func (h *extremes[T]) compact() {
	order := cmp.Compare[T]
	if h.max {
		order = descending[T]
	}
	slices.SortFunc(h.live, order)
	slices.SortFunc(h.removed, order)
	kept, j := 0, 0
	for _, v := range h.live {
		for j < len(h.removed) && h.better(h.removed[j], v) {
			j++
		}
		if j < len(h.removed) && cmp.Compare(h.removed[j], v) == 0 {
			j++
			continue
		}
		h.live[kept] = v
		kept++
	}
	clear(h.live[kept:])
	clear(h.removed)
	h.live, h.removed = h.live[:kept], h.removed[:0]
}

func descending[T cmp.Ordered](a, b T) int { return cmp.Compare(b, a) }

func (h *extremes[T]) push(heap []T, v T) []T {
	heap = append(heap, v)
	i := len(heap) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if !h.better(heap[i], heap[parent]) {
			break
		}
		heap[i], heap[parent] = heap[parent], heap[i]
		i = parent
	}
	return heap
}

func (h *extremes[T]) pop(heap []T) []T {
	last := len(heap) - 1
	heap[0] = heap[last]
	var zero T
	heap[last] = zero
	heap = heap[:last]
	i := 0
	for {
		l := 2*i + 1
		if l >= len(heap) {
			break
		}
		child := l
		if r := l + 1; r < len(heap) && h.better(heap[r], heap[l]) {
			child = r
		}
		if !h.better(heap[child], heap[i]) {
			break
		}
		heap[i], heap[child] = heap[child], heap[i]
		i = child
	}
	return heap
}

// appendState writes the held values (after compacting, so exactly them).
func (h *extremes[T]) appendState(dst []byte, tag byte) ([]byte, error) {
	if len(h.removed) > 0 {
		h.compact()
	}
	return appendHeld(dst, tag, len(h.live), slices.Values(h.live))
}

func (h *extremes[T]) loadState(src []byte, tag byte) ([]byte, error) {
	return loadHeld(src, tag, func(vals []T) {
		h.reset()
		for _, v := range vals {
			h.add(v)
		}
	})
}
