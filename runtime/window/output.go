package window

import "github.com/eventflux/eventflux-go/runtime"

// output is a window's reusable output chunk. A consumer may feed events
// back into the same window while it handles a chunk (a query whose output
// loops to its own input); such a nested emission gets a fresh buffer so it
// never overwrites the chunk the outer consumer is still reading.
type output[T any] struct {
	buf   []runtime.Event[T]
	busy  bool                // an emit of buf (or of a batch in place) is in progress
	reset [1]runtime.Event[T] // a lone RESET chunk (batches.flushInPlace)
}

// begin returns an empty chunk to append to.
func (o *output[T]) begin() []runtime.Event[T] {
	if o.busy {
		return nil
	}
	return o.buf[:0]
}

// send emits chunk (obtained from begin) unless it is empty.
func (o *output[T]) send(chunk []runtime.Event[T], emit runtime.Emit[T]) {
	if o.busy {
		if len(chunk) > 0 {
			emit(chunk)
		}
		return
	}
	o.buf = chunk[:0] // keep the grown capacity
	if len(chunk) == 0 {
		return
	}
	o.busy = true
	emit(chunk)
	o.busy = false
	clear(chunk) // do not pin payloads that left the window
}
