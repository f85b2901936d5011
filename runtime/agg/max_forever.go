package agg

import "cmp"

// MaxForever is maxForever(x): the largest value ever added; NULL until the
// first value. Remove and Reset are deliberate no-ops (§9.6).
type MaxForever[T cmp.Ordered] struct {
	v   T
	has bool
}

func (m *MaxForever[T]) Add(v T) {
	if !m.has || cmp.Less(m.v, v) {
		m.v, m.has = v, true
	}
}

func (m *MaxForever[T]) Remove(T) {}
func (m *MaxForever[T]) Reset()   {}

func (m MaxForever[T]) Value() (T, bool) { return m.v, m.has }

func (m *MaxForever[T]) AppendState(dst []byte) ([]byte, error) {
	return appendForever(dst, tagMaxForever, m.v, m.has)
}

func (m *MaxForever[T]) LoadState(src []byte) ([]byte, error) {
	return loadForever(src, tagMaxForever, &m.v, &m.has)
}
