package window

import "github.com/eventflux/eventflux-go/runtime"

// timed is a held event with the time that orders it in its window (an
// expiry or release deadline, or a timestamp).
type timed[T any] struct {
	at int64
	ev runtime.Event[T]
}

// insertByTime keeps r ordered by at, equal times in arrival order. In-order
// input appends in O(1); a late event costs as many moves as the events
// it overtakes.
func insertByTime[T any](r *ring[timed[T]], x timed[T]) int {
	i := r.len()
	for i > 0 && r.at(i-1).at > x.at {
		i--
	}
	if i == r.len() {
		r.pushBack(x)
		return i
	}
	r.insert(i, x)
	return i
}
