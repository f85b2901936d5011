package runtime

import "math"

// TimerSource is anything that wants to act when the clock reaches a
// deadline: a time window, a batch window's flush, a rate limiter's period.
type TimerSource interface {
	// NextDeadline is the earliest pending deadline, if any.
	NextDeadline() (int64, bool)
	// Fire handles everything due at now (the source's deadline, or the
	// current clock for a deadline already in the past).
	Fire(now int64)
}

// Scheduler owns the engine clock and fires timers in deadline order
// (LANGUAGE.md §10.2). It queues the registered sources by (deadline,
// registration order) in a 4-ary min-heap: the next deadline is an O(1)
// look, a changed deadline costs O(log n), however many sources there are
// (a partition creates one per key). Ties break by registration order,
// which is the statement order of their queries and, within a query,
// upstream before downstream (§0.3.2, §0.3.15).
//
// A source stays the single source of truth for its deadline; the queue
// caches it, so whoever changes a source tells the scheduler:
//
//   - Enter before a chunk reaches the source, Timer.Leave after it (a
//     query's receive paths). While a delivery is open the source's
//     deadline is in flux and the scheduler re-reads it whenever it looks
//     at the queue: the delivery's output can reach a callback that sends
//     into the app, and so advances the clock. A delivery that emits
//     nothing needs no span: Timer.Update after it.
//   - Touch after any other change made from outside the source's Fire.
//   - RescheduleAll after state was replaced wholesale (Start, Restore).
//
// The scheduler re-reads a source's deadline itself after firing it. With
// these calls the firing order is exactly that of polling every source at
// every step, which the order tests check against a polling reference.
// The zero Scheduler is ready to use, with the clock at 0.
type Scheduler struct {
	now int64
	// first is the earliest queued deadline (math.MaxInt64 for none), so
	// that Due is one compare. The zero Scheduler's 0 only makes Due
	// answer true until the first registration or AdvanceTo.
	first  int64
	queue  []entry  // 4-ary min-heap on (d, seq) of the timers with a deadline
	all    []*Timer // every registered timer, for RescheduleAll
	open   []*Timer // timers between Enter and Leave, or firing; innermost last
	firing int      // depth of Fire calls in progress (see Catch)
	seq    uint64   // the next registration number
}

// Timer is a registered source's handle.
type Timer struct {
	s     *Scheduler
	src   TimerSource
	d     int64  // the deadline last read (queued while armed)
	armed bool   // the source has a deadline; then pos >= 0
	opens int32  // open Enter…Leave spans and Fire calls
	seq   uint64 // registration number: breaks deadline ties
	pos   int    // index in the queue; -1 without a deadline
	slot  int    // index in all; -1 once unregistered
}

// entry is one queued deadline. The key sits next to the timer pointer so
// that a sift compares without loading the timers (with a million sources
// cache misses dominate).
type entry struct {
	d   int64
	seq uint64
	t   *Timer
}

// NewScheduler starts the clock at now.
func NewScheduler(now int64) *Scheduler { return &Scheduler{now: now, first: math.MaxInt64} }

func (s *Scheduler) Now() int64 { return s.now }

// Pending is the number of registered sources that have a deadline.
func (s *Scheduler) Pending() int { return len(s.queue) }

// Register adds a timer source and queues its current deadline, if any.
// Call in statement order: registration order breaks deadline ties.
func (s *Scheduler) Register(src TimerSource) *Timer {
	t := &Timer{s: s, src: src, seq: s.seq, pos: -1, slot: len(s.all)}
	s.seq++
	s.all = append(s.all, t)
	s.Touch(t)
	return t
}

// Unregister removes a source for good (a partition purging an idle key).
// It may be called at any time, also from inside the source's own Fire or
// delivery; the handle is inert afterwards (Touch, Leave and Catch do
// nothing more than close an open span).
func (s *Scheduler) Unregister(t *Timer) {
	if t.slot < 0 {
		return
	}
	if t.armed {
		t.armed = false
		s.remove(t.pos)
		s.retop()
	}
	last := len(s.all) - 1
	moved := s.all[last]
	s.all[t.slot], moved.slot = moved, t.slot
	s.all[last] = nil
	s.all = s.all[:last]
	t.slot, t.src = -1, nil
}

// Touch re-reads t's deadline after its source changed outside Fire and
// outside an Enter…Leave span.
func (s *Scheduler) Touch(t *Timer) {
	if t.slot < 0 {
		return
	}
	d, ok := t.src.NextDeadline()
	s.set(t, d, ok)
}

// RescheduleAll re-reads every source's deadline, after their state was
// replaced wholesale (Start, Restore): O(n).
func (s *Scheduler) RescheduleAll() {
	clear(s.queue)
	s.queue = s.queue[:0]
	for _, t := range s.all {
		d, ok := t.src.NextDeadline()
		t.d, t.armed, t.pos = d, ok, -1
		if ok {
			t.pos = len(s.queue)
			s.queue = append(s.queue, entry{d: d, seq: t.seq, t: t})
		}
	}
	for i := (len(s.queue) - 2) / 4; i >= 0 && len(s.queue) > 1; i-- { // heapify
		s.down(i)
	}
	s.retop()
}

// Enter opens a delivery into t's source: until the matching Leave the
// scheduler re-reads its deadline whenever it looks at the queue.
func (s *Scheduler) Enter(t *Timer) {
	s.open = append(s.open, t)
	t.opens++
}

// Leave closes the innermost Enter, which must be t's, with the source's
// deadline now: d, ok = NextDeadline(), read by the caller (generated code
// reads its typed window without an interface call). An unchanged
// deadline, the common case, costs two compares.
func (t *Timer) Leave(d int64, ok bool) {
	s := t.s
	n := len(s.open) - 1
	if n < 0 || s.open[n] != t || d != t.d || ok != t.armed {
		s.leave(t, d, ok)
		return
	}
	s.open = s.open[:n]
	t.opens--
}

// Update queues the source's deadline d, ok = NextDeadline() after a change
// nothing could observe while it happened: an arrival into a window that
// emits nothing on arrival runs no callback, so it needs no Enter…Leave
// span (generated code on its per-event path).
func (t *Timer) Update(d int64, ok bool) {
	if d != t.d || ok != t.armed {
		t.s.set(t, d, ok)
	}
}

func (s *Scheduler) leave(t *Timer, d int64, ok bool) {
	n := len(s.open) - 1
	if n < 0 || s.open[n] != t {
		panic("runtime: Timer.Leave does not match the innermost Enter")
	}
	s.open = s.open[:n]
	t.opens--
	s.set(t, d, ok)
}

// Catch applies §0.3.22 before a chunk reaches t's source: while a timer
// fires (the chunk is timer output, or follows from it), a deadline of t
// at or before the clock fires first, then the chunk is processed. A
// source that is itself firing or being delivered into (a cycle) is left
// to the call already handling it. Outside timers nothing happens: the
// clock check before an event has fired everything due, and what a step
// leaves in the past fires after it (§10.3).
func (s *Scheduler) Catch(t *Timer) {
	if s.firing != 0 {
		s.catch(t)
	}
}

//go:noinline
func (s *Scheduler) catch(t *Timer) {
	for t.opens == 0 && t.armed && t.d <= s.now {
		s.fire(t)
	}
}

// Due reports whether some deadline is at or before t: an O(1) look at
// the earliest.
func (s *Scheduler) Due(t int64) bool {
	if len(s.open) != 0 {
		s.refresh()
	}
	return s.first <= t
}

// AdvanceTo moves the clock to t (never backwards), firing every deadline
// d <= t in order; while a timer fires, the clock reads its deadline (or the
// current clock for one already past). Work a timer triggers completes
// before the next timer fires.
func (s *Scheduler) AdvanceTo(t int64) {
	if t >= s.first || len(s.open) != 0 {
		s.advance(t)
	} else if t > s.now { // nothing due: only the clock moves (inlines into Send)
		s.now = t
	}
}

func (s *Scheduler) advance(t int64) {
	for {
		if len(s.open) != 0 {
			s.refresh()
		}
		if len(s.queue) == 0 || s.queue[0].d > t {
			break
		}
		s.fire(s.queue[0].t)
	}
	if t > s.now {
		s.now = t
	}
	s.retop() // a no-op but for the zero Scheduler's first look
}

// MoveTo moves the clock to t (never backwards) without looking at the
// timers: for generated code of an app that has none.
func (s *Scheduler) MoveTo(t int64) {
	if t > s.now {
		s.now = t
	}
}

// FireDue fires the deadlines at or before the current clock (§10.3: a
// deadline in the past fires right after the current step).
func (s *Scheduler) FireDue() {
	if s.now >= s.first || len(s.open) != 0 { // inlines into Send
		s.advance(s.now)
	}
}

// fire runs t's source at its deadline (or the clock, when that is later)
// and re-reads its deadline. The source is open while it fires: its own
// work may look at the queue before Fire returns.
func (s *Scheduler) fire(t *Timer) {
	if t.d > s.now {
		s.now = t.d
	}
	s.firing++
	s.Enter(t)
	t.src.Fire(s.now)
	s.open = s.open[:len(s.open)-1] // a stale pointer past len is harmless
	t.opens--
	s.firing--
	if t.slot < 0 {
		return
	}
	// Re-read: firing moved the deadline, usually later. A leaf (3/4 of a
	// 4-ary heap; the root of a one-timer app) that moves later stays put.
	switch d, ok := t.src.NextDeadline(); {
	case d == t.d && ok == t.armed:
	case ok && t.armed && d > t.d && 4*t.pos+1 >= len(s.queue):
		t.d, s.queue[t.pos].d = d, d
		if t.pos == 0 {
			s.first = d
		}
	default:
		s.set(t, d, ok)
	}
}

// refresh re-reads the deadlines of the open timers.
//
//go:noinline
func (s *Scheduler) refresh() {
	for _, t := range s.open {
		s.Touch(t)
	}
}

// set queues t's deadline (d, ok), fixing the heap only when it changed.
func (s *Scheduler) set(t *Timer, d int64, ok bool) {
	switch {
	case t.slot < 0:
	case ok && t.armed: // moved: the common case (a window re-armed by Fire)
		old, i := t.d, t.pos
		t.d, s.queue[i].d = d, d
		if d < old {
			s.up(i)
		} else if 4*i+1 < len(s.queue) {
			s.down(i)
		}
	case ok:
		t.d, t.armed, t.pos = d, true, len(s.queue)
		s.queue = append(s.queue, entry{d: d, seq: t.seq, t: t})
		s.up(t.pos)
	default:
		t.d = d
		if t.armed {
			t.armed = false
			s.remove(t.pos)
		}
	}
	s.retop()
}

// retop refreshes first after the queue changed.
func (s *Scheduler) retop() {
	s.first = math.MaxInt64
	if len(s.queue) != 0 {
		s.first = s.queue[0].d
	}
}

func (a *entry) before(b *entry) bool { return a.d < b.d || (a.d == b.d && a.seq < b.seq) }

// up and down move the hole, not the entry: one write per level, none
// when the entry stays (a re-armed root of a small queue, the usual case).
func (s *Scheduler) up(i int) {
	q := s.queue
	if i == 0 || !q[i].before(&q[(i-1)/4]) {
		return
	}
	e := q[i]
	for i > 0 {
		p := (i - 1) / 4
		if !e.before(&q[p]) {
			break
		}
		q[i] = q[p]
		q[i].t.pos = i
		i = p
	}
	q[i] = e
	e.t.pos = i
}

func (s *Scheduler) down(i int) {
	q := s.queue
	n := len(q)
	if 4*i+1 >= n {
		return
	}
	e := q[i]
	for {
		c := 4*i + 1
		if c >= n {
			break
		}
		m := c
		for j, end := c+1, min(c+4, n); j < end; j++ {
			if q[j].before(&q[m]) {
				m = j
			}
		}
		if !q[m].before(&e) {
			break
		}
		q[i] = q[m]
		q[i].t.pos = i
		i = m
	}
	q[i] = e
	e.t.pos = i
}

// remove takes the entry at i out of the queue.
func (s *Scheduler) remove(i int) {
	q := s.queue
	q[i].t.pos = -1
	last := len(q) - 1
	if i != last {
		q[i] = q[last]
		q[i].t.pos = i
	}
	q[last] = entry{}
	s.queue = q[:last]
	if i != last {
		moved := q[i].t
		s.up(i)
		s.down(moved.pos)
	}
}
