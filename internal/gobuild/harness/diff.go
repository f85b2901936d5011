package harness

import (
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
type DiffCase struct {
	Stream string
	Start  int64
	Steps  []DiffStep
}

// DiffStep is a sleep (Sleep > 0: the clock advances by Sleep) or a chunk
// of rows stamped Ts when HasTs, else at the clock.
type DiffStep struct {
	Sleep int64
	Ts    int64
	HasTs bool
	Rows  [][]any
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
	Errors   []string // "subscribe S: …", "start: …", "step N: …"
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
	where := "build"
	defer func() {
		if p := recover(); p != nil {
			tr.Panicked = fmt.Sprintf("panic during %s: %v", where, p)
			tr.Stack = string(debug.Stack())
		}
	}()
	app, err := build()
	if err != nil {
		tr.BuildErr = err.Error()
		return tr
	}
	if app == nil {
		tr.BuildErr = "the backend returned no app and no error"
		return tr
	}
	where = "Streams"
	tr.Streams = app.Streams()
	for _, s := range tr.Streams {
		if !s.Written {
			continue
		}
		name := s.Name
		tr.Written = append(tr.Written, name)
		where = "Subscribe"
		if err := app.Subscribe(name, func(ts int64, row []any) {
			// The producer may reuse row after the call.
			tr.Events[name] = append(tr.Events[name], Event{ts, append([]any(nil), row...)})
		}); err != nil {
			tr.Errors = append(tr.Errors, fmt.Sprintf("subscribe %s: %v", name, err))
		}
	}
	where = "Start"
	if err := app.Start(c.Start); err != nil {
		tr.Errors = append(tr.Errors, fmt.Sprintf("start: %v", err))
		return tr
	}
	for i, s := range c.Steps {
		where = fmt.Sprintf("step %d", i+1)
		if s.Sleep > 0 {
			app.AdvanceTo(app.Now() + s.Sleep)
			continue
		}
		ts := app.Now()
		if s.HasTs {
			ts = s.Ts
		}
		if err := app.Send(c.Stream, ts, s.Rows); err != nil {
			tr.Errors = append(tr.Errors, fmt.Sprintf("step %d: %v", i+1, err))
		}
	}
	return tr
}
