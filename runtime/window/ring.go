package window

// ring is a growable FIFO over a power-of-two circular buffer: O(1) at both
// ends, no allocation once it has reached its working size.
type ring[E any] struct {
	buf  []E
	head int
	n    int
}

func (r *ring[E]) len() int { return r.n }

// at returns the i-th element from the front (0 <= i < len).
func (r *ring[E]) at(i int) *E { return &r.buf[(r.head+i)&(len(r.buf)-1)] }

func (r *ring[E]) front() *E { return r.at(0) }

func (r *ring[E]) pushBack(x E) {
	if r.n == len(r.buf) {
		r.grow()
	}
	r.buf[(r.head+r.n)&(len(r.buf)-1)] = x
	r.n++
}

// pushSlot appends a zero element and returns it, for the caller to fill
// in place.
func (r *ring[E]) pushSlot() *E {
	if r.n == len(r.buf) {
		r.grow()
	}
	slot := &r.buf[(r.head+r.n)&(len(r.buf)-1)]
	r.n++
	return slot
}

// dropFront removes the front element, zeroing its slot (see popFront).
func (r *ring[E]) dropFront() {
	var zero E
	r.buf[r.head] = zero
	r.head = (r.head + 1) & (len(r.buf) - 1)
	r.n--
}

// popFront removes and returns the front element; its slot is zeroed so the
// buffer does not pin what the element references.
func (r *ring[E]) popFront() E {
	slot := &r.buf[r.head]
	x := *slot
	var zero E
	*slot = zero
	r.head = (r.head + 1) & (len(r.buf) - 1)
	r.n--
	return x
}

// insert puts x at position i (0 <= i <= len), shifting the elements behind
// it one step back: O(len - i).
func (r *ring[E]) insert(i int, x E) {
	r.pushBack(x)
	for j := r.n - 1; j > i; j-- {
		*r.at(j) = *r.at(j - 1)
	}
	*r.at(i) = x
}

func (r *ring[E]) grow() {
	size := 2 * len(r.buf)
	if size == 0 {
		size = 8
	}
	buf := make([]E, size)
	for i := 0; i < r.n; i++ {
		buf[i] = *r.at(i)
	}
	r.buf, r.head = buf, 0
}
