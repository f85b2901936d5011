package runtime

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// The heap scheduler must fire in exactly the order of a scheduler that
// polls every source at every look (the design it replaced): the tests run
// random workloads on both and compare what fired, when.

// pollScheduler is the reference: no queue, every look asks every source.
type pollScheduler struct {
	now     int64
	sources []*pollTimer // registration order
	open    []*pollTimer
	firing  int
}

type pollTimer struct {
	src   TimerSource
	opens int
	gone  bool
}

func (s *pollScheduler) earliest() (*pollTimer, int64, bool) {
	var best *pollTimer
	var bestD int64
	for _, t := range s.sources {
		if d, ok := t.src.NextDeadline(); ok && (best == nil || d < bestD) {
			best, bestD = t, d
		}
	}
	return best, bestD, best != nil
}

func (s *pollScheduler) fire(t *pollTimer, d int64) {
	if d > s.now {
		s.now = d
	}
	s.firing++
	s.open = append(s.open, t)
	t.opens++
	t.src.Fire(s.now)
	s.open = s.open[:len(s.open)-1]
	t.opens--
	s.firing--
}

func (s *pollScheduler) advanceTo(t int64) {
	for {
		src, d, ok := s.earliest()
		if !ok || d > t {
			break
		}
		s.fire(src, d)
	}
	if t > s.now {
		s.now = t
	}
}

// testScheduler is what the workloads drive; h is the scheduler's handle.
type testScheduler interface {
	now() int64
	register(src TimerSource) any
	unregister(h any)
	touch(h any)
	rescheduleAll()
	enter(h any)
	leave(h any, d int64, ok bool)
	update(h any, d int64, ok bool)
	catch(h any)
	due(t int64) bool
	advanceTo(t int64)
	fireDue()
}

type heapAdapter struct{ s *Scheduler }

func (a heapAdapter) now() int64                     { return a.s.Now() }
func (a heapAdapter) register(src TimerSource) any   { return a.s.Register(src) }
func (a heapAdapter) unregister(h any)               { a.s.Unregister(h.(*Timer)) }
func (a heapAdapter) touch(h any)                    { a.s.Touch(h.(*Timer)) }
func (a heapAdapter) rescheduleAll()                 { a.s.RescheduleAll() }
func (a heapAdapter) enter(h any)                    { a.s.Enter(h.(*Timer)) }
func (a heapAdapter) leave(h any, d int64, ok bool)  { h.(*Timer).Leave(d, ok) }
func (a heapAdapter) update(h any, d int64, ok bool) { h.(*Timer).Update(d, ok) }
func (a heapAdapter) catch(h any)                    { a.s.Catch(h.(*Timer)) }
func (a heapAdapter) due(t int64) bool               { return a.s.Due(t) }
func (a heapAdapter) advanceTo(t int64)              { a.s.AdvanceTo(t) }
func (a heapAdapter) fireDue()                       { a.s.FireDue() }

type pollAdapter struct{ s *pollScheduler }

func (a pollAdapter) now() int64 { return a.s.now }
func (a pollAdapter) register(src TimerSource) any {
	t := &pollTimer{src: src}
	a.s.sources = append(a.s.sources, t)
	return t
}
func (a pollAdapter) unregister(h any) {
	t := h.(*pollTimer)
	if i := slices.Index(a.s.sources, t); i >= 0 {
		a.s.sources = slices.Delete(a.s.sources, i, i+1)
	}
	t.gone = true
}
func (a pollAdapter) touch(any)      {}
func (a pollAdapter) rescheduleAll() {}
func (a pollAdapter) enter(h any) {
	t := h.(*pollTimer)
	a.s.open = append(a.s.open, t)
	t.opens++
}
func (a pollAdapter) leave(h any, _ int64, _ bool) {
	t := h.(*pollTimer)
	n := len(a.s.open) - 1
	if n < 0 || a.s.open[n] != t {
		panic("reference: Leave does not match Enter")
	}
	a.s.open = a.s.open[:n]
	t.opens--
}
func (a pollAdapter) update(any, int64, bool) {}
func (a pollAdapter) catch(h any) {
	t := h.(*pollTimer)
	if a.s.firing == 0 {
		return
	}
	for !t.gone && t.opens == 0 {
		d, ok := t.src.NextDeadline()
		if !ok || d > a.s.now {
			return
		}
		a.s.fire(t, d)
	}
}
func (a pollAdapter) due(t int64) bool {
	_, d, ok := a.s.earliest()
	return ok && d <= t
}
func (a pollAdapter) advanceTo(t int64) { a.s.advanceTo(t) }
func (a pollAdapter) fireDue()          { a.s.advanceTo(a.s.now) }

// world is one random workload on one scheduler. Every decision comes from
// r in call order, so two worlds that see the same calls make the same
// decisions; the first difference in firing order shows in the log.
type world struct {
	s       testScheduler
	r       *rand.Rand
	srcs    []*fakeSource
	log     []string
	instant int64 // the clock of the last fire
	burst   int   // fires at that instant (bounds re-arming at the clock)
	depth   int   // nesting of deliveries and fires
}

// fakeSource holds a multiset of deadlines; Fire drops the due ones and
// then acts on the world at random.
type fakeSource struct {
	w         *world
	id        int
	h         any
	deadlines []int64
	gone      bool
}

func (f *fakeSource) NextDeadline() (int64, bool) {
	if len(f.deadlines) == 0 {
		return 0, false
	}
	return slices.Min(f.deadlines), true
}

func (f *fakeSource) Fire(now int64) {
	w := f.w
	w.logf("fire %d@%d", f.id, now)
	if now == w.instant {
		w.burst++
	} else {
		w.instant, w.burst = now, 0
	}
	f.deadlines = slices.DeleteFunc(f.deadlines, func(d int64) bool { return d <= now })
	w.depth++
	defer func() { w.depth-- }()
	for n := w.r.IntN(3); n > 0; n-- {
		w.act(f, now)
	}
}

func (w *world) logf(format string, args ...any) { w.log = append(w.log, fmt.Sprintf(format, args...)) }

// deadline draws a deadline near now: ties, the clock itself and the past
// are common. Deadlines at or before the clock are rationed per instant so
// every burst ends.
func (w *world) deadline(now int64) int64 {
	offsets := []int64{-100, -1, 0, 1, 10, 10, 50, 100, 100, 250, 1000}
	if w.burst > 40 {
		offsets = offsets[3:]
	}
	return now + offsets[w.r.IntN(len(offsets))]
}

func (w *world) live() *fakeSource {
	var live []*fakeSource
	for _, f := range w.srcs {
		if !f.gone {
			live = append(live, f)
		}
	}
	if len(live) == 0 {
		return nil
	}
	return live[w.r.IntN(len(live))]
}

func (w *world) add() *fakeSource {
	f := &fakeSource{w: w, id: len(w.srcs)}
	for n := w.r.IntN(3); n > 0; n-- {
		f.deadlines = append(f.deadlines, w.deadline(w.s.now()))
	}
	w.srcs = append(w.srcs, f)
	f.h = w.s.register(f)
	return f
}

// deliver is a chunk reaching f the way a query's receive takes it:
// §0.3.22 first, then the change inside an Enter…Leave span, which may
// nest further deliveries or a send from a callback (advanceTo).
func (w *world) deliver(f *fakeSource) {
	w.s.catch(f.h)
	if w.r.IntN(4) == 0 { // an arrival that emits nothing: no span, Update after it
		f.deadlines = append(f.deadlines, w.deadline(w.s.now()))
		d, ok := f.NextDeadline()
		w.s.update(f.h, d, ok)
		return
	}
	w.s.enter(f.h)
	w.depth++
	now := w.s.now()
	switch w.r.IntN(5) {
	case 0:
		f.deadlines = f.deadlines[:0]
	case 1:
		if len(f.deadlines) > 0 {
			f.deadlines = f.deadlines[1:]
		}
		fallthrough
	default:
		for n := 1 + w.r.IntN(2); n > 0; n-- {
			f.deadlines = append(f.deadlines, w.deadline(now))
		}
	}
	if w.depth < 4 {
		switch w.r.IntN(8) {
		case 0:
			if g := w.live(); g != nil && g != f {
				w.deliver(g)
			}
		case 1:
			w.s.advanceTo(now + []int64{0, 1, 100}[w.r.IntN(3)])
		case 2:
			w.logf("due %v", w.s.due(now))
		}
	}
	w.depth--
	if f.gone { // unregistered meanwhile: the span still closes
		w.s.leave(f.h, 0, false)
		return
	}
	d, ok := f.NextDeadline()
	w.s.leave(f.h, d, ok)
}

// act is what a firing source does to the world.
func (w *world) act(self *fakeSource, now int64) {
	switch k := w.r.IntN(12); {
	case k < 4: // re-arm itself
		self.deadlines = append(self.deadlines, w.deadline(now))
	case k < 7: // its output reaches another source (or itself, a cycle)
		if g := w.live(); g != nil && w.depth < 4 {
			w.deliver(g)
		}
	case k < 9: // changes another source outside a delivery
		if g := w.live(); g != nil {
			g.deadlines = append(g.deadlines, w.deadline(now))
			w.s.touch(g.h)
		}
	case k < 10:
		if g := w.live(); g != nil {
			w.unregister(g)
		}
	case k < 11:
		w.add()
	default:
		w.unregister(self)
	}
}

func (w *world) unregister(f *fakeSource) {
	if f.gone {
		return
	}
	w.logf("unregister %d", f.id)
	f.gone = true
	w.s.unregister(f.h)
}

// step is one driver action at top level.
func (w *world) step() {
	now := w.s.now()
	switch k := w.r.IntN(14); {
	case k < 4:
		w.s.advanceTo(now + []int64{0, 1, 10, 50, 100, 1000}[w.r.IntN(6)])
	case k < 8: // a send: deliveries, then what they left due fires
		for n := 1 + w.r.IntN(3); n > 0; n-- {
			if f := w.live(); f != nil {
				w.deliver(f)
			}
		}
		w.s.fireDue()
	case k < 9: // a restore: state replaced without touching
		for _, f := range w.srcs {
			if !f.gone && w.r.IntN(2) == 0 {
				f.deadlines = f.deadlines[:0]
				for n := w.r.IntN(3); n > 0; n-- {
					f.deadlines = append(f.deadlines, w.deadline(now))
				}
			}
		}
		w.s.rescheduleAll()
		w.s.fireDue()
	case k < 11:
		w.add()
	case k < 12:
		if f := w.live(); f != nil {
			w.unregister(f)
		}
	default:
		w.logf("due %v", w.s.due(now+int64(w.r.IntN(200))))
	}
	w.logf("now %d", w.s.now())
}

// checkQueue verifies the heap scheduler's invariants: the heap order,
// positions, and a queued deadline equal to the source's for every
// registered timer (none is open between steps).
func checkQueue(t *testing.T, s *Scheduler) {
	t.Helper()
	if len(s.open) != 0 || s.firing != 0 {
		t.Fatalf("open spans between steps: %d open, firing %d", len(s.open), s.firing)
	}
	for i := range s.queue {
		e := &s.queue[i]
		if e.t.pos != i || !e.t.armed || e.t.d != e.d || e.t.seq != e.seq {
			t.Fatalf("queue entry %d out of sync with its timer", i)
		}
		if i > 0 && e.before(&s.queue[(i-1)/4]) {
			t.Fatalf("heap order broken at %d", i)
		}
	}
	armed := 0
	for i, tm := range s.all {
		if tm.slot != i {
			t.Fatalf("timer slot %d out of sync", i)
		}
		d, ok := tm.src.NextDeadline()
		if ok != tm.armed || ok && d != tm.d {
			t.Fatalf("timer %d queues (%d, %v), its source says (%d, %v)", i, tm.d, tm.armed, d, ok)
		}
		if ok {
			armed++
		}
	}
	if armed != len(s.queue) {
		t.Fatalf("%d armed timers, %d queued", armed, len(s.queue))
	}
	if len(s.queue) == 0 && s.first != math.MaxInt64 || len(s.queue) != 0 && s.first != s.queue[0].d {
		t.Fatalf("first = %d, out of sync with the queue", s.first)
	}
}

func TestSchedulerMatchesPolling(t *testing.T) {
	for seed := range uint64(400) {
		const start = 1000
		hs := NewScheduler(start)
		heap := &world{s: heapAdapter{hs}, r: rand.New(rand.NewPCG(seed, 1))}
		poll := &world{s: pollAdapter{&pollScheduler{now: start}}, r: rand.New(rand.NewPCG(seed, 1))}
		for _, w := range []*world{heap, poll} {
			for n := 5 + w.r.IntN(40); n > 0; n-- {
				w.add()
			}
		}
		for i := range 150 {
			heap.step()
			poll.step()
			checkQueue(t, hs)
			if !slices.Equal(heap.log, poll.log) {
				j := 0
				for j < min(len(heap.log), len(poll.log)) && heap.log[j] == poll.log[j] {
					j++
				}
				from := max(0, j-8)
				t.Fatalf("seed %d step %d: logs differ at line %d\nheap: %s\npoll: %s", seed, i, j,
					strings.Join(heap.log[from:min(j+4, len(heap.log))], "; "),
					strings.Join(poll.log[from:min(j+4, len(poll.log))], "; "))
			}
		}
	}
}

// recordingSource fires into a shared log and re-arms from a script.
type recordingSource struct {
	name   string
	next   []int64 // pending deadlines, earliest first
	log    *[]string
	onFire func(now int64)
}

func (r *recordingSource) NextDeadline() (int64, bool) {
	if len(r.next) == 0 {
		return 0, false
	}
	return r.next[0], true
}

func (r *recordingSource) Fire(now int64) {
	*r.log = append(*r.log, fmt.Sprintf("%s@%d", r.name, now))
	for len(r.next) > 0 && r.next[0] <= now {
		r.next = r.next[1:]
	}
	if r.onFire != nil {
		r.onFire(now)
	}
}

func TestSchedulerRules(t *testing.T) {
	var log []string
	s := NewScheduler(100)
	a := &recordingSource{name: "a", next: []int64{200, 300}, log: &log}
	b := &recordingSource{name: "b", next: []int64{200}, log: &log}
	c := &recordingSource{name: "c", next: []int64{50}, log: &log} // already past
	s.Register(a)
	hb := s.Register(b)
	s.Register(c)
	if !s.Due(100) || s.Pending() != 3 {
		t.Fatalf("Due(100) = %v, Pending = %d; want a past deadline due and 3 pending", s.Due(100), s.Pending())
	}
	s.FireDue() // c's past deadline fires at the current clock
	s.AdvanceTo(250)
	// b is touched after a change: its deadline moves before a's second.
	b.next = []int64{260}
	s.Touch(hb)
	s.AdvanceTo(400)
	want := "c@100 a@200 b@200 b@260 a@300"
	if got := strings.Join(log, " "); got != want {
		t.Errorf("fired %q, want %q (past deadlines at the clock, ties in registration order)", got, want)
	}
	if s.Now() != 400 || s.Pending() != 0 {
		t.Errorf("Now = %d, Pending = %d; want 400, 0", s.Now(), s.Pending())
	}
}

// TestSchedulerCatch: a timer's output reaching a source due at the same
// instant fires that source first (§0.3.22); outside timers it does not.
func TestSchedulerCatch(t *testing.T) {
	var log []string
	s := NewScheduler(0)
	down := &recordingSource{name: "down", next: []int64{100}, log: &log}
	var hd *Timer
	up := &recordingSource{name: "up", next: []int64{100}, log: &log, onFire: func(now int64) {
		s.Catch(hd) // the upstream timer writes into the downstream query
		s.Enter(hd)
		log = append(log, fmt.Sprintf("arrive@%d", now))
		down.next = append(down.next, now+100)
		hd.Leave(down.NextDeadline())
	}}
	s.Register(up)
	hd = s.Register(down)
	s.AdvanceTo(150)
	s.AdvanceTo(250)
	want := "up@100 down@100 arrive@100 down@200"
	if got := strings.Join(log, " "); got != want {
		t.Errorf("fired %q, want %q", got, want)
	}

	log = nil
	down.next = []int64{250}
	s.Touch(hd)
	s.Catch(hd) // no timer is firing: nothing happens
	if len(log) != 0 {
		t.Errorf("Catch outside timers fired %q", log)
	}
}

func TestSchedulerUnregister(t *testing.T) {
	var log []string
	s := NewScheduler(0)
	var hb *Timer
	a := &recordingSource{name: "a", next: []int64{10}, log: &log}
	b := &recordingSource{name: "b", next: []int64{20}, log: &log}
	ha := s.Register(a)
	a.onFire = func(int64) { s.Unregister(ha); s.Unregister(hb) } // itself and another, from inside Fire
	hb = s.Register(b)
	s.AdvanceTo(100)
	if got := strings.Join(log, " "); got != "a@10" || s.Pending() != 0 {
		t.Errorf("fired %q with %d pending; want only a@10, none pending", got, s.Pending())
	}
	s.Touch(ha) // inert
	s.Enter(ha)
	ha.Leave(5, true)
	if s.Pending() != 0 {
		t.Errorf("an unregistered timer was queued again")
	}
}

func TestSchedulerLeaveMismatch(t *testing.T) {
	s := NewScheduler(0)
	a := s.Register(&recordingSource{name: "a", log: new([]string)})
	b := s.Register(&recordingSource{name: "b", log: new([]string)})
	s.Enter(a)
	s.Enter(b)
	defer func() {
		if r := recover(); r == nil {
			t.Error("Leave of an Enter that is not the innermost did not panic")
		}
	}()
	a.Leave(0, false)
}
