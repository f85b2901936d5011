package window

import "github.com/eventflux/eventflux-go/runtime"

// batches is the state every batch window shares: the batch being filled
// and the previous one, which expires at the next flush.
type batches[T any] struct {
	prev []runtime.Event[T]
	cur  []runtime.Event[T]
	// omitExpired leaves the EXPIRED part out of a flush that also carries
	// RESET: for a consumer that writes no expired rows, removing the old
	// batch from aggregates that RESET clears next is wasted work.
	omitExpired bool
}

func (b *batches[T]) empty() bool { return len(b.prev) == 0 && len(b.cur) == 0 }

// flush emits EXPIRED(prev)… stamped at, then RESET and CURRENT(cur)… when
// cur is non-empty (§3.4); cur becomes the previous batch. The state is
// complete before emit runs, so a consumer may re-enter the window.
func (b *batches[T]) flush(out *output[T], at int64, emit runtime.Emit[T]) {
	if b.omitExpired && len(b.cur) > 0 && !out.busy {
		b.flushInPlace(out, at, emit)
		return
	}
	chunk := out.begin()
	if !b.omitExpired || len(b.cur) == 0 {
		for _, e := range b.prev {
			chunk = append(chunk, expired(e, at))
		}
	}
	if len(b.cur) > 0 {
		chunk = append(chunk, runtime.Event[T]{Ts: at, Kind: runtime.Reset})
		for _, e := range b.cur {
			chunk = append(chunk, current(e))
		}
	}
	if out.busy {
		// Nested in an emit that may be reading prev (flushInPlace): leave
		// that buffer alone.
		b.prev, b.cur = b.cur, nil
	} else {
		clear(b.prev)
		b.prev, b.cur = b.cur, b.prev[:0]
	}
	out.send(chunk, emit)
}

// flushInPlace is flush for a consumer that skips the expired part: it
// emits RESET as a chunk of its own, then the new batch where it is held,
// without copying it. A consumer that writes no EXPIRED rows sees the same
// as with one chunk RESET, CURRENT…: RESET alone yields no row.
func (b *batches[T]) flushInPlace(out *output[T], at int64, emit runtime.Emit[T]) {
	clear(b.prev)
	b.prev, b.cur = b.cur, b.prev[:0]
	batch := b.prev
	for i := range batch {
		batch[i].Kind = runtime.Current
	}
	out.reset[0] = runtime.Event[T]{Ts: at, Kind: runtime.Reset}
	out.busy = true // a nested flush must not reuse batch's buffer
	emit(out.reset[:])
	emit(batch)
	out.busy = false
}

// OmitExpiredBeforeReset makes flushes that carry a RESET leave out the
// EXPIRED events of the previous batch. Only for consumers that write no
// EXPIRED rows and whose aggregates RESET clears (the code generator
// decides); flushes without a new batch still expire it.
func (w *LengthBatch[T]) OmitExpiredBeforeReset()       { w.b.omitExpired = true }
func (w *TimeBatch[T]) OmitExpiredBeforeReset()         { w.b.omitExpired = true }
func (w *ExternalTimeBatch[T]) OmitExpiredBeforeReset() { w.b.omitExpired = true }
func (w *Hop[T]) OmitExpiredBeforeReset()               { w.b.omitExpired = true }
func (w *Batch[T]) OmitExpiredBeforeReset()             { w.b.omitExpired = true }
