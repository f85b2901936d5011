package window

import "eventflux/runtime"

// batches is the state every batch window shares: the batch being filled
// and the previous one, which expires at the next flush.
type batches[T any] struct {
	prev []runtime.Event[T]
	cur  []runtime.Event[T]
}

func (b *batches[T]) empty() bool { return len(b.prev) == 0 && len(b.cur) == 0 }

// flush emits EXPIRED(prev)… stamped at, then RESET and CURRENT(cur)… when
// cur is non-empty (§3.4); cur becomes the previous batch. The state is
// complete before emit runs, so a consumer may re-enter the window.
func (b *batches[T]) flush(out *output[T], at int64, emit runtime.Emit[T]) {
	chunk := out.begin()
	for _, e := range b.prev {
		chunk = append(chunk, expired(e, at))
	}
	if len(b.cur) > 0 {
		chunk = append(chunk, runtime.Event[T]{Ts: at, Kind: runtime.Reset})
		for _, e := range b.cur {
			chunk = append(chunk, current(e))
		}
	}
	clear(b.prev)
	b.prev, b.cur = b.cur, b.prev[:0]
	out.send(chunk, emit)
}
