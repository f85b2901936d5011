package agg

import "cmp"

// Min is min(x) over a window: the smallest value held, falling back to the
// next one when it expires; NULL when empty. Use the zero value.
type Min[T cmp.Ordered] struct{ h extremes[T] }

func (m *Min[T]) Add(v T)                                { m.h.add(v) }
func (m *Min[T]) Remove(v T)                             { m.h.remove(v) }
func (m *Min[T]) Reset()                                 { m.h.reset() }
func (m *Min[T]) Value() (T, bool)                       { return m.h.best() }
func (m *Min[T]) AppendState(dst []byte) ([]byte, error) { return m.h.appendState(dst, tagMin) }
func (m *Min[T]) LoadState(src []byte) ([]byte, error)   { return m.h.loadState(src, tagMin) }
