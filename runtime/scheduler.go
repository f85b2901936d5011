package runtime

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
// (LANGUAGE.md §10.2). Sources are polled rather than queued: an app has a
// handful of them, polling keeps every source's state the single source of
// truth (nothing to cancel or re-register after a restore), and ties break
// by registration order, which is the statement order of their queries and,
// within a query, upstream before downstream (§0.3.2, §0.3.15).
type Scheduler struct {
	now     int64
	sources []TimerSource
}

// NewScheduler starts the clock at now.
func NewScheduler(now int64) *Scheduler { return &Scheduler{now: now} }

func (s *Scheduler) Now() int64 { return s.now }

// Register adds a timer source; call in statement order.
func (s *Scheduler) Register(src TimerSource) { s.sources = append(s.sources, src) }

// AdvanceTo moves the clock to t (never backwards), firing every deadline
// d <= t in order; while a timer fires, the clock reads its deadline (or the
// current clock for one already past). Work a timer triggers completes
// before the next timer fires.
func (s *Scheduler) AdvanceTo(t int64) {
	if len(s.sources) == 0 { // the common stateless app: only the clock moves
		if t > s.now {
			s.now = t
		}
		return
	}
	s.advanceTimed(t)
}

// advanceTimed is AdvanceTo with timer sources; kept apart so the stateless
// fast path above inlines into every Send.
func (s *Scheduler) advanceTimed(t int64) {
	for {
		src, d, ok := s.earliest()
		if !ok || d > t {
			break
		}
		if d > s.now {
			s.now = d
		}
		src.Fire(s.now)
	}
	if t > s.now {
		s.now = t
	}
}

// MoveTo moves the clock to t (never backwards) without polling the timer
// sources: for generated code that has checked that no deadline is at or
// before t.
func (s *Scheduler) MoveTo(t int64) {
	if t > s.now {
		s.now = t
	}
}

// FireDue fires the deadlines at or before the current clock (§10.3: a
// deadline in the past fires right after the current step).
func (s *Scheduler) FireDue() { s.AdvanceTo(s.now) }

func (s *Scheduler) earliest() (TimerSource, int64, bool) {
	var best TimerSource
	var bestD int64
	found := false
	for _, src := range s.sources {
		d, ok := src.NextDeadline()
		if ok && (!found || d < bestD) {
			best, bestD, found = src, d, true
		}
	}
	return best, bestD, found
}
