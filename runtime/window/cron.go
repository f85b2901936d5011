package window

import (
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/cron"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// Cron is `cron('expr')` (§0.2, §3.4): a batch window flushed at each fire
// time of a Quartz-style cron expression (UTC).
type Cron[T any] struct {
	schedule *cron.Schedule
	armed    bool  // a flush is scheduled
	next     int64 // the next fire time, when armed
	b        batches[T]
	out      output[T]
}

// NewCron parses expr and returns a cron window.
func NewCron[T any](expr string) (Window[T], error) {
	s, err := cron.Parse(expr)
	if err != nil {
		return nil, err
	}
	return &Cron[T]{schedule: s}, nil
}

// Arrive buffers the events silently. The timer is armed only while the
// window holds something: a flush of two empty batches emits nothing, so an
// idle window needs no timer, and arming at the first fire time after now
// gives the same output as a timer that ran all along.
func (w *Cron[T]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	if len(in) == 0 {
		return
	}
	w.b.cur = append(w.b.cur, in...)
	if !w.armed {
		w.arm(now)
	}
}

func (w *Cron[T]) arm(after int64) {
	w.next = w.schedule.Next(after)
	w.armed = w.next != cron.Never
}

// NextDeadline is the next fire time while the window holds events.
func (w *Cron[T]) NextDeadline() (int64, bool) { return w.next, w.armed }

// Fire flushes at every fire time up to now, each flush its own chunk
// stamped now, and disarms once both batches are empty.
func (w *Cron[T]) Fire(now int64, emit runtime.Emit[T]) {
	for w.armed && w.next <= now {
		w.arm(w.next)
		w.b.flush(&w.out, now, emit)
		if w.b.empty() {
			w.armed = false
		}
	}
}

// AppendState writes the expression, the armed fire time and both batches.
func (w *Cron[T]) AppendState(dst []byte, c Codec[T]) ([]byte, error) {
	if err := c.check(); err != nil {
		return dst, err
	}
	dst = appendHeader(dst, tagCron)
	dst = snap.AppendString(dst, w.schedule.String())
	dst = snap.AppendBool(dst, w.armed)
	dst = snap.AppendInt(dst, w.next)
	return appendBatches(dst, &w.b, c), nil
}

// LoadState replaces the batches and the armed fire time, which
// NextDeadline then reports.
func (w *Cron[T]) LoadState(src []byte, c Codec[T]) ([]byte, error) {
	r := newStateReader(src, c, tagCron)
	if expr := r.String(); r.Err() == nil && expr != w.schedule.String() {
		r.failf("snapshot of cron window %q does not fit cron window %q", expr, w.schedule.String())
	}
	armed := r.Bool()
	next := r.Int()
	b := readBatches(r, c)
	if r.Err() != nil {
		return src, r.Err()
	}
	w.armed, w.next, w.b = armed, next, b
	return r.Rest(), nil
}
