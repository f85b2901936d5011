package agg

// Last is last(x): the newest value still held; NULL when empty. Remove(v)
// removes the oldest held occurrence of a value equal to v.
type Last[T comparable] struct{ q heldSeq[T] }

func (l *Last[T]) Add(v T)          { l.q.add(v) }
func (l *Last[T]) Remove(v T)       { l.q.remove(v) }
func (l *Last[T]) Reset()           { l.q.reset() }
func (l *Last[T]) Value() (T, bool) { return l.q.back() }

func (l *Last[T]) AppendState(dst []byte) ([]byte, error) {
	return l.q.appendState(dst, tagLast)
}

func (l *Last[T]) LoadState(src []byte) ([]byte, error) {
	return l.q.loadState(src, tagLast)
}
