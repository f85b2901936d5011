package conformance

import (
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/eventflux/eventflux-go/runtime"
)

// DefaultTimeout bounds one case, so a hung backend cannot stop the suite.
const DefaultTimeout = 20 * time.Second

// Outcome is the verdict on one case.
type Outcome uint8

const (
	Passed Outcome = iota
	Failed
	Disputed // failed, and listed in the disputes file
	Skipped
)

func (o Outcome) String() string {
	switch o {
	case Passed:
		return "PASS"
	case Failed:
		return "FAIL"
	case Disputed:
		return "DISPUTED"
	}
	return "SKIP"
}

// CaseResult is what running one case on one backend gave.
type CaseResult struct {
	Case     *Case
	Outcome  Outcome
	Failures []string         // why it failed, one message each
	Stack    string           // of a panic inside the backend
	Columns  []runtime.Column // the collect schema, when known
	Rows     []Recorded       // the events recorded on the collect stream
	Dispute  *Dispute         // the disputes-file entry naming this case, if any
}

// RunCase runs one case on a fresh app of b. A panic inside the backend and
// a case running longer than timeout (DefaultTimeout when <= 0) fail the
// case; the hung goroutine is abandoned, since Go cannot stop it.
func RunCase(b Backend, c *Case, timeout time.Duration) CaseResult {
	res := CaseResult{Case: c}
	switch {
	case c.Skipped:
		res.Outcome = Skipped
		return res
	case c.Invalid != "":
		res.Outcome = Failed
		res.Failures = []string{"invalid case: " + c.Invalid}
		return res
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	x := &execution{backend: b, c: c, where: "build"}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if r := recover(); r != nil {
				x.mu.Lock()
				x.failures = append(x.failures, fmt.Sprintf("panic during %s: %v", x.where, r))
				x.stack = string(debug.Stack())
				x.mu.Unlock()
			}
		}()
		x.run()
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		x.mu.Lock()
		x.failures = append(x.failures, fmt.Sprintf("timed out after %v during %s", timeout, x.where))
		x.mu.Unlock()
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	res.Failures = append([]string(nil), x.failures...)
	res.Rows = append([]Recorded(nil), x.rows...)
	res.Columns = x.cols
	res.Stack = x.stack
	if len(res.Failures) > 0 {
		res.Outcome = Failed
	}
	return res
}

// execution is the state of one case run. mu guards what the runner reads
// back after a timeout while the abandoned goroutine may still write.
type execution struct {
	backend Backend
	c       *Case

	app      runtime.App
	schemas  map[string][]runtime.Column
	snapshot []byte
	persist  bool // a snapshot was taken

	mu       sync.Mutex
	where    string
	rows     []Recorded
	cols     []runtime.Column
	failures []string
	stack    string
}

func (x *execution) fail(format string, args ...any) {
	x.mu.Lock()
	x.failures = append(x.failures, fmt.Sprintf(format, args...))
	x.mu.Unlock()
}

func (x *execution) at(where string) {
	x.mu.Lock()
	x.where = where
	x.mu.Unlock()
}

func (x *execution) record(ts int64, row []any) {
	// The producer may reuse row after the call.
	kept := append([]any(nil), row...)
	x.mu.Lock()
	x.rows = append(x.rows, Recorded{Ts: ts, Row: kept})
	x.mu.Unlock()
}

func (x *execution) run() {
	app, err := x.backend.Build(x.c.App)
	if text, ok := x.c.expectedError(); ok {
		switch {
		case err == nil:
			x.fail("the app built, want a build error containing %q", text)
		case !strings.Contains(err.Error(), text):
			x.fail("build error %q does not contain %q", err.Error(), text)
		}
		return
	}
	if err != nil {
		x.fail("build: %v", err)
		return
	}
	if app == nil {
		x.fail("build: the backend returned no app and no error")
		return
	}
	if !x.attach(app, true) {
		return
	}
	x.at("start")
	if err := app.Start(StartClock); err != nil {
		x.fail("start: %v", err)
		return
	}
	for i, s := range x.c.Steps {
		x.at(fmt.Sprintf("step %d %s", i+1, s.Raw))
		if !x.step(i, s) {
			return
		}
	}
	x.at("checking expectations")
	x.mu.Lock()
	rows, cols := x.rows, x.cols
	x.mu.Unlock()
	if cols != nil {
		if msg := contractViolation(cols, rows); msg != "" {
			x.fail("%s", msg)
		}
	}
	for _, msg := range checkExpectations(x.c, cols, rows) {
		x.fail("%s", msg)
	}
}

// attach makes app the current app: it learns its schemas and subscribes
// the recorder to the collect stream. Subscribing happens before Start so
// that AT START triggers are recorded.
func (x *execution) attach(app runtime.App, first bool) bool {
	x.app = app
	x.schemas = map[string][]runtime.Column{}
	for _, s := range app.Streams() {
		x.schemas[s.Name] = s.Columns
	}
	if x.c.Collect == "" {
		if first && x.c.Types != nil {
			x.fail("the case gives \"types\" but no \"collect\" stream")
		}
		return true
	}
	cols, known := x.schemas[x.c.Collect]
	if known {
		x.mu.Lock()
		x.cols = cols
		x.mu.Unlock()
	}
	if err := app.Subscribe(x.c.Collect, x.record); err != nil {
		x.fail("subscribe to %s: %v", x.c.Collect, err)
		return false
	}
	if first && x.c.Types != nil {
		if msg := checkTypes(x.c.Types, cols); msg != "" {
			x.fail("%s", msg)
		}
	}
	return true
}

// step runs one step; false stops the case (later steps would only add
// noise once state handling has failed). A rejected send does not stop it.
func (x *execution) step(i int, s Step) bool {
	app := x.app
	switch s.Kind {
	case StepSend:
		ts := app.Now()
		if s.HasTs {
			ts = s.Ts
		}
		cols := x.schemas[s.Stream]
		rows := make([][]any, len(s.Rows))
		for j, r := range s.Rows {
			rows[j] = goRow(r, cols)
		}
		if err := app.Send(s.Stream, ts, rows); err != nil {
			x.fail("step %d %s: send rejected: %v", i+1, s.Raw, err)
		}
	case StepSleep:
		app.AdvanceTo(app.Now() + s.Sleep)
	case StepPersist:
		snap, err := app.Snapshot()
		if err != nil {
			x.fail("step %d persist: %v", i+1, err)
			return false
		}
		x.snapshot, x.persist = append([]byte(nil), snap...), true
	case StepRestore:
		if !x.persist {
			x.fail("step %d restore: no snapshot was taken before", i+1)
			return false
		}
		if err := app.Restore(x.snapshot); err != nil {
			x.fail("step %d restore: %v", i+1, err)
			return false
		}
	case StepRestart:
		return x.restart(i)
	case StepQuery:
		x.fail("step %d %s: query steps are not supported yet (runtime.App has no on-demand query)", i+1, s.Raw)
		return false
	}
	return true
}

// restart replaces the app by a fresh build of the same text started at the
// current clock and, when a snapshot exists, restored from it. Without a
// snapshot the new app simply starts empty, as a stopped app would.
func (x *execution) restart(i int) bool {
	now := x.app.Now()
	app, err := x.backend.Build(x.c.App)
	if err != nil {
		x.fail("step %d restart: build: %v", i+1, err)
		return false
	}
	if app == nil {
		x.fail("step %d restart: the backend returned no app and no error", i+1)
		return false
	}
	if !x.attach(app, false) {
		return false
	}
	if err := app.Start(now); err != nil {
		x.fail("step %d restart: start: %v", i+1, err)
		return false
	}
	if x.persist {
		if err := app.Restore(x.snapshot); err != nil {
			x.fail("step %d restart: restore: %v", i+1, err)
			return false
		}
	}
	return true
}
