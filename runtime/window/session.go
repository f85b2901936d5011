package window

import "github.com/eventflux/eventflux-go/runtime"

// Session is `session(gap [, key [, allowedLatency]])` (§3.5): per key, an
// open session collects events while each arrives within gap of the
// session; gap after its last event the session closes and all its events
// expire as one chunk. With allowedLatency > 0 a session that timed out
// stays reopenable for late events until end + allowedLatency, and only then
// expires (§10.3).
type Session[T any, K comparable] struct {
	gap, latency int64
	key          func(T) K
	keys         map[K]*sessionKey[T, K]
	keySeq       uint64           // numbers keys in order of first appearance
	timers       []*session[T, K] // min-heap on (deadline, start, key order)
	free         []*session[T, K] // recycled sessions, to reuse their buffers
	out          output[T]
}

// sessionKey is one key's sessions: at most one open and one closing.
type sessionKey[T any, K comparable] struct {
	key     K
	seq     uint64
	open    *session[T, K]
	closing *session[T, K] // timed out, reopenable until its deadline
}

type session[T any, K comparable] struct {
	owner    *sessionKey[T, K]
	start    int64 // earliest event timestamp
	end      int64 // last event timestamp + gap
	deadline int64 // end when open, end + latency when closing
	events   []runtime.Event[T]
	timer    int // index in the timers heap
}

// NewSession returns a session window. Without a key attribute, key returns
// a constant. gap < 0 counts as 0; allowedLatency is clamped to [0, gap]
// (Siddhi rejects a latency above the gap).
func NewSession[T any, K comparable](gap int64, key func(T) K, allowedLatency int64) *Session[T, K] {
	gap = max(gap, 0)
	return &Session[T, K]{
		gap:     gap,
		latency: min(max(allowedLatency, 0), gap),
		key:     key,
		keys:    make(map[K]*sessionKey[T, K]),
	}
}

// Arrive emits each accepted event as CURRENT at once, in one chunk with
// the EXPIRED events of sessions the arrivals close. An event stamped ts
// first closes its key's open session if ts is past that session's end;
// then it joins the open session when ts >= start - gap, else a closing
// session whose [start - gap, end) holds ts, else opens a new session when
// no session of its key lies ahead of it; otherwise it is too late and is
// dropped (Siddhi). A late event that brings the closing and the open
// session within gap of each other merges them.
func (w *Session[T, K]) Arrive(now int64, in []runtime.Event[T], emit runtime.Emit[T]) {
	chunk := w.out.begin()
	for _, e := range in {
		key := w.key(e.Data)
		k := w.keyState(key)
		ts := e.Ts
		if s := k.open; s != nil && ts >= s.end {
			// Its timer is due but has not fired yet (an earlier event of
			// this chunk opened it with a past deadline). Expiring it may
			// drop the key, which this event brings straight back.
			chunk = w.timeOut(s, now, chunk)
			w.keys[key] = k
		}
		switch s, c := k.open, k.closing; {
		case s != nil && ts >= s.start-w.gap:
			w.join(s, e)
			w.mergeClosing(k)
		case c != nil && ts >= c.start-w.gap && ts < c.end:
			w.join(c, e)
			w.mergeClosing(k)
		case s == nil && (c == nil || ts >= c.end):
			k.open = w.newSession(k, e)
		default:
			continue // too late for any session of its key
		}
		chunk = append(chunk, current(e))
	}
	w.out.send(chunk, emit)
}

// NextDeadline is the earliest session end (or end + latency).
func (w *Session[T, K]) NextDeadline() (int64, bool) {
	if len(w.timers) == 0 {
		return 0, false
	}
	return w.timers[0].deadline, true
}

// Fire handles the sessions due at or before now in order of deadline, then
// session start, then key first appearance (§0.3.15); each expiring session
// is its own EXPIRED chunk stamped now.
func (w *Session[T, K]) Fire(now int64, emit runtime.Emit[T]) {
	for len(w.timers) > 0 && w.timers[0].deadline <= now {
		chunk := w.timeOut(w.timers[0], now, w.out.begin())
		w.out.send(chunk, emit)
	}
}

// timeOut handles s reaching its deadline: an open session with latency
// starts closing (expiring a still-closing older one); otherwise its events
// are appended to chunk as EXPIRED at now and the session is gone.
func (w *Session[T, K]) timeOut(s *session[T, K], now int64, chunk []runtime.Event[T]) []runtime.Event[T] {
	k := s.owner
	if s == k.open && w.latency > 0 {
		if k.closing != nil {
			chunk = w.expire(k.closing, now, chunk)
		}
		k.open, k.closing = nil, s
		s.deadline = addSat(s.end, w.latency)
		w.fixTimer(s)
		return chunk
	}
	return w.expire(s, now, chunk)
}

func (w *Session[T, K]) expire(s *session[T, K], now int64, chunk []runtime.Event[T]) []runtime.Event[T] {
	for _, e := range s.events {
		chunk = append(chunk, expired(e, now))
	}
	k := s.owner
	if k.open == s {
		k.open = nil
	} else {
		k.closing = nil
	}
	if k.open == nil && k.closing == nil {
		delete(w.keys, k.key)
	}
	w.removeTimer(s)
	w.release(s)
	return chunk
}

func (w *Session[T, K]) keyState(key K) *sessionKey[T, K] {
	k := w.keys[key]
	if k == nil {
		w.keySeq++
		k = &sessionKey[T, K]{key: key, seq: w.keySeq}
		w.keys[key] = k
	}
	return k
}

func (w *Session[T, K]) newSession(k *sessionKey[T, K], e runtime.Event[T]) *session[T, K] {
	var s *session[T, K]
	if n := len(w.free); n > 0 {
		s, w.free = w.free[n-1], w.free[:n-1]
	} else {
		s = &session[T, K]{}
	}
	s.owner = k
	s.start = e.Ts
	s.end = addSat(e.Ts, w.gap)
	s.deadline = s.end
	s.events = append(s.events, e)
	w.pushTimer(s)
	return s
}

func (w *Session[T, K]) release(s *session[T, K]) {
	clear(s.events)
	*s = session[T, K]{events: s.events[:0]}
	w.free = append(w.free, s)
}

// join adds e to s, pushing its end (and its deadline) out when e is later.
func (w *Session[T, K]) join(s *session[T, K], e runtime.Event[T]) {
	s.events = append(s.events, e)
	s.start = min(s.start, e.Ts)
	s.end = max(s.end, addSat(e.Ts, w.gap))
	if s == s.owner.open {
		s.deadline = s.end
	} else {
		s.deadline = addSat(s.end, w.latency)
	}
	w.fixTimer(s)
}

// mergeClosing folds the closing session into the open one once a late
// event has brought them within gap of each other.
func (w *Session[T, K]) mergeClosing(k *sessionKey[T, K]) {
	s, c := k.open, k.closing
	if s == nil || c == nil || c.end <= s.start {
		return
	}
	s.events = append(c.events, s.events...)
	c.events = nil
	s.start = min(s.start, c.start)
	s.end = max(s.end, c.end)
	s.deadline = s.end
	k.closing = nil
	w.fixTimer(s)
	w.removeTimer(c)
	w.release(c)
}

// The timers heap orders sessions by deadline, then start, then key order.

func (w *Session[T, K]) before(a, b *session[T, K]) bool {
	if a.deadline != b.deadline {
		return a.deadline < b.deadline
	}
	if a.start != b.start {
		return a.start < b.start
	}
	return a.owner.seq < b.owner.seq
}

func (w *Session[T, K]) pushTimer(s *session[T, K]) {
	s.timer = len(w.timers)
	w.timers = append(w.timers, s)
	w.up(s.timer)
}

func (w *Session[T, K]) removeTimer(s *session[T, K]) {
	i, last := s.timer, len(w.timers)-1
	if i != last {
		w.swap(i, last)
	}
	w.timers[last] = nil
	w.timers = w.timers[:last]
	if i != last {
		w.fix(i)
	}
}

func (w *Session[T, K]) fixTimer(s *session[T, K]) { w.fix(s.timer) }

func (w *Session[T, K]) fix(i int) {
	if !w.up(i) {
		w.down(i)
	}
}

func (w *Session[T, K]) up(i int) bool {
	moved := false
	for i > 0 {
		parent := (i - 1) / 2
		if !w.before(w.timers[i], w.timers[parent]) {
			break
		}
		w.swap(i, parent)
		i, moved = parent, true
	}
	return moved
}

func (w *Session[T, K]) down(i int) {
	n := len(w.timers)
	for {
		least := i
		for _, c := range [2]int{2*i + 1, 2*i + 2} {
			if c < n && w.before(w.timers[c], w.timers[least]) {
				least = c
			}
		}
		if least == i {
			return
		}
		w.swap(i, least)
		i = least
	}
}

func (w *Session[T, K]) swap(i, j int) {
	w.timers[i], w.timers[j] = w.timers[j], w.timers[i]
	w.timers[i].timer = i
	w.timers[j].timer = j
}
