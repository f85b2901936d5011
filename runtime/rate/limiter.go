// Package rate is output rate limiting (LANGUAGE.md §4.8, §0.3.9, §0.3.19),
// generic over the row type so the interpreter and generated code share it.
package rate

import "github.com/eventflux/eventflux-go/runtime"

// Mode is the OUTPUT behaviour word.
type Mode uint8

const (
	All Mode = iota
	First
	Last
	Snapshot
)

// Row is one selector row on its way out. Group identifies its GROUP BY
// group (any comparable value; ignored without GROUP BY). Empty reports
// that, after this row's event, its group (or the whole window, without
// GROUP BY) holds no events: snapshots then drop it.
type Row[R any, G comparable] struct {
	Row   R
	Ts    int64
	Kind  runtime.Kind
	Group G
	Empty bool
}

// Config is a limiter's shape, from the query.
type Config struct {
	Mode        Mode
	Events      int64 // > 0: every n rows
	Period      int64 // > 0: every period (ms), aligned to the query start
	Grouped     bool  // GROUP BY: FIRST/LAST/SNAPSHOT act per group
	Windowed    bool  // the query has a window (snapshot shows its contents)
	Aggregating bool  // aggregates without GROUP BY: snapshot is one row
}

// Limiter buffers, drops or releases rows. It is a runtime.TimerSource when
// Period > 0. Out receives the rows to write; its slice is reused.
type Limiter[R any, G comparable] struct {
	cfg   Config
	out   func(rows []Row[R, G])
	equal func(a, b R) bool

	count   int64
	buf     []Row[R, G]
	seen    map[G]int
	next    int64
	started bool
	one     [1]Row[R, G]

	snapRows   []Row[R, G]
	snapIndex  map[G]int
	snapGroups []Row[R, G]
	last       Row[R, G]
	hasLast    bool
}

// New makes a limiter. equal compares two rows (a windowed SNAPSHOT of a
// plain projection removes the row of each expired event).
func New[R any, G comparable](cfg Config, equal func(a, b R) bool, out func(rows []Row[R, G])) *Limiter[R, G] {
	return &Limiter[R, G]{cfg: cfg, out: out, equal: equal, seen: map[G]int{}, snapIndex: map[G]int{}}
}

// WantsExpired reports whether the selector must pass EXPIRED and RESET rows
// (snapshots track the window's contents).
func (l *Limiter[R, G]) WantsExpired() bool { return l.cfg.Mode == Snapshot }

// Start aligns the periods to the query start.
func (l *Limiter[R, G]) Start(now int64) {
	if l.cfg.Period > 0 {
		l.next, l.started = now+l.cfg.Period, true
	}
}

func (l *Limiter[R, G]) NextDeadline() (int64, bool) { return l.next, l.started }

func (l *Limiter[R, G]) Fire(now int64) {
	for l.next <= now {
		l.next += l.cfg.Period
	}
	switch l.cfg.Mode {
	case All, Last:
		l.flush()
	case First:
		l.count = 0
		clear(l.seen)
	case Snapshot:
		l.snapshot()
	}
}

func (l *Limiter[R, G]) emitOne(r Row[R, G]) {
	l.one[0] = r
	l.out(l.one[:])
}

func (l *Limiter[R, G]) flush() {
	if len(l.buf) > 0 {
		l.out(l.buf)
	}
	l.buf = l.buf[:0]
	clear(l.seen)
	l.count = 0
}

// Process takes the rows of one selector chunk.
func (l *Limiter[R, G]) Process(rows []Row[R, G]) {
	if l.cfg.Mode == Snapshot {
		l.track(rows)
		return
	}
	for _, r := range rows {
		l.count++
		switch l.cfg.Mode {
		case All:
			l.buf = append(l.buf, r)
		case First:
			l.first(r)
		case Last:
			l.keepLast(r)
		}
		if l.cfg.Events > 0 && l.count == l.cfg.Events {
			if l.cfg.Mode == First {
				l.count = 0
				clear(l.seen)
			} else {
				l.flush()
			}
		}
	}
}

// first emits the first row of a block (per group with GROUP BY) at once.
func (l *Limiter[R, G]) first(r Row[R, G]) {
	if l.cfg.Grouped {
		if _, ok := l.seen[r.Group]; !ok {
			l.seen[r.Group] = 0
			l.emitOne(r)
		}
		return
	}
	if _, ok := l.seen[r.Group]; !ok && len(l.seen) == 0 {
		l.seen[r.Group] = 0
		l.emitOne(r)
	}
}

func (l *Limiter[R, G]) keepLast(r Row[R, G]) {
	if !l.cfg.Grouped {
		l.buf = append(l.buf[:0], r)
		return
	}
	if i, ok := l.seen[r.Group]; ok {
		l.buf[i] = r
		return
	}
	l.seen[r.Group] = len(l.buf)
	l.buf = append(l.buf, r)
}

// track follows CURRENT/EXPIRED/RESET rows so a snapshot shows the state.
func (l *Limiter[R, G]) track(rows []Row[R, G]) {
	for _, r := range rows {
		switch {
		case r.Kind == runtime.Reset:
			l.snapRows = l.snapRows[:0]
			l.snapGroups = l.snapGroups[:0]
			clear(l.snapIndex)
			l.hasLast = false
		case l.cfg.Grouped:
			l.trackGroup(r)
		case l.cfg.Aggregating || !l.cfg.Windowed:
			if r.Empty && l.cfg.Windowed {
				l.hasLast = false
				continue
			}
			l.last, l.hasLast = r, true
		case r.Kind == runtime.Expired:
			for i := range l.snapRows {
				if l.equal(l.snapRows[i].Row, r.Row) {
					l.snapRows = append(l.snapRows[:i], l.snapRows[i+1:]...)
					break
				}
			}
		default:
			l.snapRows = append(l.snapRows, r)
		}
	}
}

func (l *Limiter[R, G]) trackGroup(r Row[R, G]) {
	i, ok := l.snapIndex[r.Group]
	if r.Empty {
		if ok {
			l.snapGroups = append(l.snapGroups[:i], l.snapGroups[i+1:]...)
			delete(l.snapIndex, r.Group)
			for g, j := range l.snapIndex {
				if j > i {
					l.snapIndex[g] = j - 1
				}
			}
		}
		return
	}
	if ok {
		l.snapGroups[i] = r
		return
	}
	l.snapIndex[r.Group] = len(l.snapGroups)
	l.snapGroups = append(l.snapGroups, r)
}

func (l *Limiter[R, G]) snapshot() {
	switch {
	case l.cfg.Grouped:
		if len(l.snapGroups) > 0 {
			l.out(l.snapGroups)
		}
	case l.cfg.Aggregating || !l.cfg.Windowed:
		if l.hasLast {
			l.emitOne(l.last)
		}
	default:
		if len(l.snapRows) > 0 {
			l.out(l.snapRows)
		}
	}
}
