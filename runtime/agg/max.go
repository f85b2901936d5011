package agg

import "cmp"

// Max is max(x) over a window: the largest value held, falling back to the
// next one when it expires; NULL when empty. Use the zero value.
type Max[T cmp.Ordered] struct{ h extremes[T] }

func (m *Max[T]) Add(v T) {
	m.h.max = true
	m.h.add(v)
}

func (m *Max[T]) Remove(v T) {
	m.h.max = true
	m.h.remove(v)
}

func (m *Max[T]) Reset()           { m.h.reset() }
func (m *Max[T]) Value() (T, bool) { return m.h.best() }

func (m *Max[T]) AppendState(dst []byte) ([]byte, error) {
	m.h.max = true
	return m.h.appendState(dst, tagMax)
}

func (m *Max[T]) LoadState(src []byte) ([]byte, error) {
	m.h.max = true
	return m.h.loadState(src, tagMax)
}
