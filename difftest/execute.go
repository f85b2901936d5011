package difftest

import (
	"fmt"
	"runtime/debug"
	"time"

	"eventflux/conformance"
	rt "eventflux/runtime"
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
}

type event struct {
	ts  int64
	row []any
}

// execute runs the steps on a fresh app of b. A panic is caught and
// recorded; a run longer than timeout is abandoned (Go cannot stop it).
func execute(b conformance.Backend, sql string, steps []Step, timeout time.Duration) *recording {
	done := make(chan *recording, 1)
	go func() {
		rec := &recording{events: map[string][]event{}}
		where := "build"
		defer func() {
			if p := recover(); p != nil {
				rec.panicked = fmt.Sprintf("panic during %s: %v", where, p)
				rec.stack = string(debug.Stack())
			}
			done <- rec
		}()
		app, err := b.Build(sql)
		if err != nil {
			rec.buildErr = err.Error()
			return
		}
		if app == nil {
			rec.buildErr = "the backend returned no app and no error"
			return
		}
		where = "Streams"
		rec.streams = app.Streams()
		for _, s := range rec.streams {
			if !s.Written {
				continue
			}
			name := s.Name
			rec.written = append(rec.written, name)
			where = "Subscribe"
			if err := app.Subscribe(name, func(ts int64, row []any) {
				// The producer may reuse row after the call.
				rec.events[name] = append(rec.events[name], event{ts, append([]any(nil), row...)})
			}); err != nil {
				rec.sendErrs = append(rec.sendErrs, fmt.Sprintf("subscribe %s: %v", name, err))
			}
		}
		where = "Start"
		if err := app.Start(StartClock); err != nil {
			rec.sendErrs = append(rec.sendErrs, fmt.Sprintf("start: %v", err))
			return
		}
		for i, s := range steps {
			where = fmt.Sprintf("step %d", i+1)
			if s.Sleep > 0 {
				app.AdvanceTo(app.Now() + s.Sleep)
				continue
			}
			ts := app.Now()
			if s.HasTs {
				ts = s.Ts
			}
			if err := app.Send(InputStream, ts, s.Rows); err != nil {
				rec.sendErrs = append(rec.sendErrs, fmt.Sprintf("step %d: %v", i+1, err))
			}
		}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case rec := <-done:
		return rec
	case <-timer.C:
		return &recording{timedOut: true, panicked: fmt.Sprintf("timed out after %v", timeout)}
	}
}
