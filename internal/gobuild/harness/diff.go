package harness

import (
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/eventflux/eventflux-go/runtime"
)

// The differential tester (difftest) runs generated apps in batches: it
// generates the apps of a batch into the packages of one program whose
// main calls DiffMain (diffmain.go). RunDiffCase is the run both sides of
// the comparison share: difftest calls it in process for the interpreter,
// the program calls it for generated code, so the two can differ only by
// what the apps do.

// DiffCase is one run of an app: steps sent into one stream from a clock
// started at Start.
//
// A run can also be the second half of a restart onto another backend
// (difftest's cross-backend runs): with Restarted, the run is step
// StepBase of a longer run, a restart (FORMAT.md): the app is built, started
// at Start and, when Resume is not nil, restored from it (the latest
// snapshot the first half took, on whichever backend); Steps follow,
// numbered from StepBase+1 in error messages.
type DiffCase struct {
	Stream    string
	Start     int64
	Steps     []DiffStep
	Restarted bool
	StepBase  int
	Resume    []byte
}

// DiffStep is a sleep (Sleep > 0: the clock advances by Sleep), a chunk of
// rows stamped Ts when HasTs, else at the clock, or one of the persistence
// steps of FORMAT.md: Persist takes a snapshot, Restore restores the latest
// one, Restart builds a fresh app, starts it at the clock and restores the
// latest snapshot, if any.
type DiffStep struct {
	Sleep   int64
	Ts      int64
	HasTs   bool
	Rows    [][]any
	Persist bool
	Restore bool
	Restart bool
}

// Trace is everything one app did in one DiffCase: whether it built, the
// streams it reports, every event written to a stream some query writes,
// per stream in arrival order, and the errors of its calls in step order.
type Trace struct {
	BuildErr string // "" when the app built
	Panicked string // the panic value and where it happened
	Stack    string
	TimedOut bool
	Streams  []runtime.StreamInfo
	Written  []string // the written streams, in definition order
	Events   map[string][]Event
	Errors   []string // "subscribe S: …", "start: …", "step N: …", "step N persist: …"
	// Snapshots are the snapshots the Persist steps took, in order; Now is
	// the clock after the last step. A restart onto another backend
	// resumes from the last snapshot at that clock.
	Snapshots [][]byte
	Now       int64
}

// Event is one recorded event; Row is a copy the app cannot reuse.
type Event struct {
	Ts  int64
	Row []any
}

// RunDiffCase builds an app and runs c on it. A panic is caught and
// recorded with where it happened; a run longer than timeout is abandoned
// and reported as TimedOut (Go cannot stop it: its goroutine keeps
// running, so a program should exit soon after).
func RunDiffCase(build func() (runtime.App, error), c *DiffCase, timeout time.Duration) *Trace {
	done := make(chan *Trace, 1)
	go func() { done <- runCase(build, c) }()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case tr := <-done:
		return tr
	case <-timer.C:
		return &Trace{TimedOut: true, Panicked: fmt.Sprintf("timed out after %v", timeout)}
	}
}

func runCase(build func() (runtime.App, error), c *DiffCase) (tr *Trace) {
	tr = &Trace{Events: map[string][]Event{}}
	r := &diffRun{tr: tr, build: build, c: c, where: "build"}
	defer func() {
		if p := recover(); p != nil {
			tr.Panicked = fmt.Sprintf("panic during %s: %v", r.where, p)
			tr.Stack = string(debug.Stack())
		}
	}()
	r.run()
	return tr
}

// diffRun is the state of one case run: the current app (a restart
// replaces it) and the latest snapshot.
type diffRun struct {
	tr     *Trace
	build  func() (runtime.App, error)
	c      *DiffCase
	where  string
	app    runtime.App
	latest []byte // nil: none taken
}

func (r *diffRun) run() {
	tr, c := r.tr, r.c
	app, err := r.build()
	if err != nil {
		tr.BuildErr = err.Error()
		return
	}
	if app == nil {
		tr.BuildErr = "the backend returned no app and no error"
		return
	}
	r.where = "Streams"
	tr.Streams = app.Streams()
	for _, s := range tr.Streams {
		if s.Written {
			tr.Written = append(tr.Written, s.Name)
		}
	}
	if c.Restarted {
		r.latest = c.Resume
		r.where = fmt.Sprintf("step %d", c.StepBase)
		if !r.attach(app, c.Start, fmt.Sprintf("step %d restart: ", c.StepBase)) {
			return
		}
	} else if !r.attach(app, c.Start, "") {
		return
	}
	for i, s := range c.Steps {
		n := c.StepBase + i + 1
		r.where = fmt.Sprintf("step %d", n)
		r.step(n, s)
	}
	tr.Now = r.app.Now()
}

// attach makes app the current one: it subscribes the recorder to every
// written stream (before Start, so that AT START triggers are recorded),
// starts it at now and, in a restart, restores the latest snapshot. Errors
// are prefixed with what; false when the run cannot go on.
func (r *diffRun) attach(app runtime.App, now int64, what string) bool {
	tr := r.tr
	r.app = app
	for _, name := range tr.Written {
		r.where = "Subscribe"
		if err := app.Subscribe(name, func(ts int64, row []any) {
			// The producer may reuse row after the call.
			tr.Events[name] = append(tr.Events[name], Event{ts, append([]any(nil), row...)})
		}); err != nil {
			tr.Errors = append(tr.Errors, fmt.Sprintf("%ssubscribe %s: %v", what, name, err))
		}
	}
	r.where = "Start"
	if err := app.Start(now); err != nil {
		tr.Errors = append(tr.Errors, fmt.Sprintf("%sstart: %v", what, err))
		return false
	}
	if what != "" && r.latest != nil {
		r.where = "Restore"
		if err := app.Restore(r.latest); err != nil {
			tr.Errors = append(tr.Errors, fmt.Sprintf("%srestore: %v", what, err))
		}
	}
	return true
}

func (r *diffRun) step(n int, s DiffStep) {
	tr, app := r.tr, r.app
	switch {
	case s.Sleep > 0:
		app.AdvanceTo(app.Now() + s.Sleep)
	case s.Persist:
		snap, err := app.Snapshot()
		if err != nil {
			tr.Errors = append(tr.Errors, fmt.Sprintf("step %d persist: %v", n, err))
			return
		}
		r.latest = append([]byte(nil), snap...)
		tr.Snapshots = append(tr.Snapshots, r.latest)
	case s.Restore:
		if r.latest == nil {
			tr.Errors = append(tr.Errors, fmt.Sprintf("step %d restore: no snapshot was taken before", n))
			return
		}
		if err := app.Restore(r.latest); err != nil {
			tr.Errors = append(tr.Errors, fmt.Sprintf("step %d restore: %v", n, err))
		}
	case s.Restart:
		now := app.Now()
		fresh, err := r.build()
		if err == nil && fresh == nil {
			err = errors.New("the backend returned no app and no error")
		}
		if err != nil {
			tr.Errors = append(tr.Errors, fmt.Sprintf("step %d restart: build: %v", n, err))
			return
		}
		r.attach(fresh, now, fmt.Sprintf("step %d restart: ", n))
	default:
		ts := app.Now()
		if s.HasTs {
			ts = s.Ts
		}
		if err := app.Send(r.c.Stream, ts, s.Rows); err != nil {
			tr.Errors = append(tr.Errors, fmt.Sprintf("step %d: %v", n, err))
		}
	}
}
