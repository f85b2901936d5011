// Package sel holds the per-chunk rules of the selector (LANGUAGE.md §4.5
// steps 3–4, §4.7): the reduction of a chunk's candidates per group, the
// ORDER BY comparison of keys (NULL and NaN included) and OFFSET/LIMIT.
// (Without GROUP BY the reduction keeps the chunk's last candidate,
// rows[len(rows)-1:], which needs no helper.) The
// interpreter and generated code call these same functions, generic over
// their candidate types, so each rule has one implementation.
package sel

import "cmp"

// Mark is a group's slot in the chunk being reduced; a group embeds one.
type Mark struct {
	epoch uint64
	slot  int
}

// Epoch numbers chunks, so marks left by an earlier chunk read as unset
// without clearing every group.
type Epoch struct{ n uint64 }

// Next starts a new chunk.
func (e *Epoch) Next() { e.n++ }

// Slot returns m's slot in the current chunk. The first time a group is
// seen in the chunk it takes slot next and first is true.
func (e *Epoch) Slot(m *Mark, next int) (slot int, first bool) {
	if m.epoch != e.n {
		m.epoch, m.slot = e.n, next
		return next, true
	}
	return m.slot, false
}

// LastPerGroup is §4.5 step 3 with GROUP BY: each group's last candidate,
// groups in the order of their first candidate in the chunk (§0.3.6). It
// appends to kept (a buffer the caller reuses) and returns it; mark gives
// a candidate's group mark.
func LastPerGroup[C any](e *Epoch, rows, kept []C, mark func(*C) *Mark) []C {
	e.Next()
	for i := range rows {
		c := &rows[i]
		if s, first := e.Slot(mark(c), len(kept)); first {
			kept = append(kept, *c)
		} else {
			kept[s] = *c
		}
	}
	return kept
}

// Page applies OFFSET and LIMIT (§4.7) to a chunk's n ordered rows: the
// rows kept are rows[lo:hi]. A negative limit is no limit.
func Page(n int, offset, limit int64) (lo, hi int) {
	lo, hi = min(int(max(offset, 0)), n), n
	if limit >= 0 && int(limit) < hi-lo {
		hi = lo + int(limit)
	}
	return lo, hi
}

// Order compares two non-NULL keys of ORDER BY or a sort window. Values
// that are unordered (NaN) compare equal to everything, so a stable sort
// keeps their rows where they were.
func Order[T cmp.Ordered](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// OrderBool orders FALSE before TRUE.
func OrderBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// Nulls orders NULL first (in ascending order; DESC negates the whole
// comparison, so NULL comes last there). decided is false when neither
// key is NULL and the values must be compared.
func Nulls(aNull, bNull bool) (c int, decided bool) {
	switch {
	case aNull && bNull:
		return 0, true
	case aNull:
		return -1, true
	case bNull:
		return 1, true
	}
	return 0, false
}
