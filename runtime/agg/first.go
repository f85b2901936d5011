package agg

// First is first(x): the oldest value still held; NULL when empty. Remove(v)
// removes the oldest held occurrence of a value equal to v.
type First[T comparable] struct{ q heldSeq[T] }

func (f *First[T]) Add(v T)          { f.q.add(v) }
func (f *First[T]) Remove(v T)       { f.q.remove(v) }
func (f *First[T]) Reset()           { f.q.reset() }
func (f *First[T]) Value() (T, bool) { return f.q.front() }

func (f *First[T]) AppendState(dst []byte) ([]byte, error) {
	return f.q.appendState(dst, tagFirst)
}

func (f *First[T]) LoadState(src []byte) ([]byte, error) {
	return f.q.loadState(src, tagFirst)
}
