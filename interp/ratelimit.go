package interp

import (
	"eventflux/plan"
	rt "eventflux/runtime"
)

// rateLimiter is OUTPUT … EVERY … (§4.8, §0.3.9, §0.3.19). It receives the
// selector's rows per chunk and writes what passes through out.
type rateLimiter struct {
	mode        plan.RateMode
	events      int64
	period      int64
	grouped     bool
	windowed    bool
	aggregating bool
	out         func(rows []candidate)

	count   int64          // rows seen in the current block
	buf     []candidate    // ALL: collected rows; LAST: latest per group
	seen    map[*group]int // group → index in buf (LAST grouped) or presence (FIRST grouped)
	next    int64          // next period end
	started bool

	// snapshot state
	snapRows   []candidate    // windowed plain projection: rows of held events
	snapLast   map[*group]int // grouped: index into snapGroups
	snapGroups []candidate
	lastRow    *candidate
}

func newRateLimiter(r *plan.RateLimit, out func([]candidate)) *rateLimiter {
	return &rateLimiter{mode: r.Mode, events: r.Events, period: r.Millis, grouped: r.Grouped,
		windowed: r.Windowed, aggregating: r.Aggregating, out: out, seen: map[*group]int{}, snapLast: map[*group]int{}}
}

func (r *rateLimiter) start(now int64) {
	if r.period > 0 {
		r.next = now + r.period
		r.started = true
	}
}

// NextDeadline and Fire make time-based limiters timer sources.
func (r *rateLimiter) NextDeadline() (int64, bool) { return r.next, r.started }

func (r *rateLimiter) Fire(now int64) {
	for r.next <= now {
		r.next += r.period
	}
	switch r.mode {
	case plan.RateAll, plan.RateLast:
		r.flush()
	case plan.RateFirst:
		r.count = 0
		clear(r.seen)
	case plan.RateSnapshot:
		r.snapshot()
	}
}

func (r *rateLimiter) flush() {
	if len(r.buf) > 0 {
		r.out(r.buf)
	}
	r.buf = r.buf[:0]
	clear(r.seen)
	r.count = 0
}

func (r *rateLimiter) process(rows []candidate) {
	if r.mode == plan.RateSnapshot {
		r.track(rows)
		return
	}
	if r.period > 0 {
		r.timed(rows)
		return
	}
	for _, row := range rows {
		r.count++
		switch r.mode {
		case plan.RateAll:
			r.buf = append(r.buf, row)
		case plan.RateFirst:
			if r.grouped {
				if _, ok := r.seen[row.group]; !ok {
					r.seen[row.group] = 0
					r.out([]candidate{row})
				}
			} else if r.count == 1 {
				r.out([]candidate{row})
			}
		case plan.RateLast:
			r.keepLast(row)
		}
		if r.count == r.events {
			if r.mode == plan.RateFirst {
				r.count = 0
				clear(r.seen)
			} else {
				r.flush()
			}
		}
	}
}

func (r *rateLimiter) keepLast(row candidate) {
	if !r.grouped {
		r.buf = append(r.buf[:0], row)
		return
	}
	if i, ok := r.seen[row.group]; ok {
		r.buf[i] = row
		return
	}
	r.seen[row.group] = len(r.buf)
	r.buf = append(r.buf, row)
}

func (r *rateLimiter) timed(rows []candidate) {
	for _, row := range rows {
		switch r.mode {
		case plan.RateAll:
			r.buf = append(r.buf, row)
		case plan.RateFirst:
			if r.grouped {
				if _, ok := r.seen[row.group]; !ok {
					r.seen[row.group] = 0
					r.out([]candidate{row})
				}
			} else if r.count == 0 {
				r.count = 1
				r.out([]candidate{row})
			}
		case plan.RateLast:
			r.keepLast(row)
		}
	}
}

// track follows the selector's CURRENT/EXPIRED/RESET rows so that a
// snapshot can show the state of the window (§0.3.9).
func (r *rateLimiter) track(rows []candidate) {
	for _, row := range rows {
		switch {
		case row.kind == rt.Reset:
			r.snapRows = r.snapRows[:0]
			r.snapGroups = r.snapGroups[:0]
			clear(r.snapLast)
			r.lastRow = nil
		case r.grouped:
			if row.group.held <= 0 {
				if i, ok := r.snapLast[row.group]; ok {
					r.snapGroups = append(r.snapGroups[:i], r.snapGroups[i+1:]...)
					delete(r.snapLast, row.group)
					for g, j := range r.snapLast {
						if j > i {
							r.snapLast[g] = j - 1
						}
					}
				}
				continue
			}
			if i, ok := r.snapLast[row.group]; ok {
				r.snapGroups[i] = row
			} else {
				r.snapLast[row.group] = len(r.snapGroups)
				r.snapGroups = append(r.snapGroups, row)
			}
		case r.aggregating || !r.windowed:
			if row.group != nil && row.group.held <= 0 && r.windowed {
				r.lastRow = nil
				continue
			}
			cp := row
			r.lastRow = &cp
		case row.kind == rt.Expired:
			for i, held := range r.snapRows {
				if sameRow(held.row, row.row) {
					r.snapRows = append(r.snapRows[:i], r.snapRows[i+1:]...)
					break
				}
			}
		default:
			r.snapRows = append(r.snapRows, row)
		}
	}
}

func (r *rateLimiter) snapshot() {
	switch {
	case r.grouped:
		if len(r.snapGroups) > 0 {
			r.out(r.snapGroups)
		}
	case r.aggregating || !r.windowed:
		if r.lastRow != nil {
			r.out([]candidate{*r.lastRow})
		}
	default:
		if len(r.snapRows) > 0 {
			r.out(r.snapRows)
		}
	}
}

func sameRow(a, b rt.Row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
