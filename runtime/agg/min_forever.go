package agg

import "cmp"

// MinForever is minForever(x): the smallest value ever added; NULL until the
// first value. It never forgets: Remove and Reset are deliberate no-ops so
// callers can drive it like any other aggregator.
type MinForever[T cmp.Ordered] struct {
	v   T
	has bool
}

func (m *MinForever[T]) Add(v T) {
	if !m.has || cmp.Less(v, m.v) {
		m.v, m.has = v, true
	}
}

func (m *MinForever[T]) Remove(T) {}
func (m *MinForever[T]) Reset()   {}

func (m MinForever[T]) Value() (T, bool) { return m.v, m.has }

func (m *MinForever[T]) AppendState(dst []byte) ([]byte, error) {
	return appendForever(dst, tagMinForever, m.v, m.has)
}

func (m *MinForever[T]) LoadState(src []byte) ([]byte, error) {
	return loadForever(src, tagMinForever, &m.v, &m.has)
}
