package hand

import "github.com/eventflux/eventflux-go/bench/internal/ticks"

// W3Row is a row of W3: sum, avg, min and max of the last 1,000 prices.
type W3Row struct {
	Total, Mean, Low, High float64
}

const w3Length = 1000

// W3 is bench/apps/w3.sql: a sliding window over the last 1,000 prices,
// one row per tick. Min and max come from monotonic deques (amortized O(1)).
type W3 struct {
	out    func(ts int64, r *W3Row)
	prices [w3Length]float64 // ring of the held prices
	seq    int               // ticks seen; the oldest held is seq-held
	held   int
	sum    compensatedSum
	// mins and maxs hold sequence numbers of candidate extremes, oldest
	// first, prices increasing (mins) or decreasing (maxs).
	mins, maxs deque
	row        W3Row
}

// NewW3 calls out with every output row; r is only valid during the call.
func NewW3(out func(ts int64, r *W3Row)) *W3 {
	return &W3{out: out, mins: newDeque(w3Length + 1), maxs: newDeque(w3Length + 1)}
}

// Send processes one tick stamped ts.
func (w *W3) Send(ts int64, t *ticks.Tick) {
	if w.held == w3Length {
		w.sum.add(-w.prices[w.seq%w3Length])
		w.held--
	}
	oldest := w.seq - w.held
	w.mins.dropFrontBefore(oldest)
	w.maxs.dropFrontBefore(oldest)

	p := t.Price
	w.prices[w.seq%w3Length] = p
	w.sum.add(p)
	w.held++
	for w.mins.len() > 0 && w.prices[w.mins.back()%w3Length] > p {
		w.mins.popBack()
	}
	w.mins.pushBack(w.seq)
	for w.maxs.len() > 0 && w.prices[w.maxs.back()%w3Length] < p {
		w.maxs.popBack()
	}
	w.maxs.pushBack(w.seq)
	w.seq++

	total := w.sum.value()
	w.row = W3Row{
		Total: total,
		Mean:  total / float64(w.held),
		Low:   w.prices[w.mins.front()%w3Length],
		High:  w.prices[w.maxs.front()%w3Length],
	}
	w.out(ts, &w.row)
}

// deque is a fixed-capacity ring of sequence numbers.
type deque struct {
	buf        []int
	head, size int
}

func newDeque(capacity int) deque { return deque{buf: make([]int, capacity)} }

func (d *deque) len() int   { return d.size }
func (d *deque) front() int { return d.buf[d.head] }
func (d *deque) back() int  { return d.buf[(d.head+d.size-1)%len(d.buf)] }
func (d *deque) popBack()   { d.size-- }
func (d *deque) pushBack(v int) {
	d.buf[(d.head+d.size)%len(d.buf)] = v
	d.size++
}

func (d *deque) dropFrontBefore(seq int) {
	for d.size > 0 && d.buf[d.head] < seq {
		d.head = (d.head + 1) % len(d.buf)
		d.size--
	}
}
