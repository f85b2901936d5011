package hand

// ring is a growable FIFO queue; it stops allocating once it has reached
// the size the workload needs.
type ring[T any] struct {
	buf        []T
	head, size int
}

func (r *ring[T]) len() int  { return r.size }
func (r *ring[T]) front() *T { return &r.buf[r.head] }

func (r *ring[T]) pushBack(v T) {
	if r.size == len(r.buf) {
		r.grow()
	}
	r.buf[(r.head+r.size)&(len(r.buf)-1)] = v
	r.size++
}

func (r *ring[T]) popFront() T {
	v := r.buf[r.head]
	r.head = (r.head + 1) & (len(r.buf) - 1)
	r.size--
	return v
}

// grow doubles the buffer; lengths stay powers of two so indexes wrap
// with a mask.
func (r *ring[T]) grow() {
	n := max(2*len(r.buf), 64)
	buf := make([]T, n)
	for i := range r.size {
		buf[i] = r.buf[(r.head+i)&(len(r.buf)-1)]
	}
	r.buf, r.head = buf, 0
}
