package difftest

import (
	"time"

	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/internal/gobuild/harness"
	rt "github.com/eventflux/eventflux-go/runtime"
)

// recording is everything one backend did with one case: whether it built,
// the schemas it reports, and every event written to every stream a query
// writes, per stream in arrival order.
type recording struct {
	buildErr string // "" when the app built
	panicked string // the panic value and where it happened
	stack    string
	timedOut bool
	streams  []rt.StreamInfo
	written  []string           // the written streams, in definition order
	events   map[string][]event // by stream
	sendErrs []string           // "step N: error", in step order
	// snapshots are the snapshots the run's persist steps took, in order;
	// now is its clock at the end (a restart onto another backend resumes
	// from the last snapshot at that clock).
	snapshots [][]byte
	now       int64
}

type event struct {
	ts  int64
	row []any
}

// execute runs the steps on a fresh app of b, in process. The run itself
// is the harness's, which the generated-code programs run too (gen.go).
func execute(b conformance.Backend, sql string, steps []Step, timeout time.Duration) *recording {
	build := func() (rt.App, error) { return b.Build(sql) }
	return fromTrace(harness.RunDiffCase(build, diffCase(steps), timeout))
}

// diffCase is a case's run in the harness's terms.
func diffCase(steps []Step) *harness.DiffCase {
	c := &harness.DiffCase{Stream: InputStream, Start: StartClock, Steps: make([]harness.DiffStep, len(steps))}
	for i, s := range steps {
		c.Steps[i] = harness.DiffStep{Sleep: s.Sleep, Ts: s.Ts, HasTs: s.HasTs, Rows: s.Rows, Persist: s.Persist, Restore: s.Restore, Restart: s.Restart}
	}
	return c
}

func fromTrace(tr *harness.Trace) *recording {
	rec := &recording{buildErr: tr.BuildErr, panicked: tr.Panicked, stack: tr.Stack, timedOut: tr.TimedOut,
		streams: tr.Streams, written: tr.Written, sendErrs: tr.Errors, events: make(map[string][]event, len(tr.Events)),
		snapshots: tr.Snapshots, now: tr.Now}
	for name, evs := range tr.Events {
		out := make([]event, len(evs))
		for i, e := range evs {
			out[i] = event{e.Ts, e.Row}
		}
		rec.events[name] = out
	}
	return rec
}
