package driver

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/eventflux/eventflux-go/runtime"
)

func wallClockMs() int64 { return time.Now().UnixMilli() }

// driver feeds JSON-line events into an App and prints what it writes.
// mu serializes every App call: the App is not goroutine-safe and the
// wall-clock ticker calls it from its own goroutine.
type driver struct {
	opts    Options
	app     runtime.App
	jsonApp runtime.JSONApp // the app's own JSON codecs, when it has them
	inputs  map[string]*inputStream
	out     *bufio.Writer
	errw    io.Writer
	mu      sync.Mutex
	started bool
	dirty   bool // output written since the last flush

	read, rejected, written int
}

var errUnknownCollect = errors.New("the app has no stream")

// newDriver subscribes to the collected streams; a --collect name the app
// does not have is an error.
func newDriver(app runtime.App, stdout, stderr io.Writer, opts Options) (*driver, error) {
	if opts.WallClock == nil {
		opts.WallClock = wallClockMs
	}
	if opts.Tick <= 0 {
		opts.Tick = 10 * time.Millisecond
	}
	infos := app.Streams()
	d := &driver{opts: opts, app: app, inputs: newInputStreams(infos), out: bufio.NewWriterSize(stdout, 64*1024), errw: stderr}
	d.jsonApp, _ = app.(runtime.JSONApp)
	byName := map[string]runtime.StreamInfo{}
	for _, s := range infos {
		byName[s.Name] = s
	}
	var collected []runtime.StreamInfo
	if opts.Collect == nil {
		for _, s := range infos {
			if s.Written {
				collected = append(collected, s)
			}
		}
	}
	for _, name := range opts.Collect {
		s, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("--collect: %w %q", errUnknownCollect, name)
		}
		collected = append(collected, s)
	}
	for _, s := range collected {
		o := newOutputStream(s)
		var err error
		if d.jsonApp != nil {
			err = d.jsonApp.SubscribeJSON(s.Name, func(ts int64, data []byte) {
				d.out.Write(o.appendLine(d.out.AvailableBuffer(), ts, data))
				d.written++
				d.dirty = true
			})
		} else {
			err = app.Subscribe(s.Name, func(ts int64, row []any) {
				d.out.Write(o.encode(ts, row))
				d.written++
				d.dirty = true
			})
		}
		if err != nil {
			return nil, fmt.Errorf("subscribe to %s: %v", s.Name, err)
		}
	}
	return d, nil
}

// serve reads events until EOF. Malformed lines are reported and skipped;
// the error is for what stops the run (reading, starting, writing).
func (d *driver) serve(in io.Reader) error {
	if !d.opts.Playback {
		if err := d.start(d.opts.WallClock()); err != nil {
			return err
		}
		stop := d.tickWallClock()
		defer stop()
	}
	r, closeInput, err := openInput(in)
	if err != nil {
		return fmt.Errorf("line 1: %w", err)
	}
	defer closeInput()
	var long []byte // a line longer than r's buffer, assembled
	for n := 1; ; n++ {
		// The line is read in place: handle is done with it (values
		// copied) before the next read.
		line, readErr := r.ReadSlice('\n')
		if readErr == bufio.ErrBufferFull {
			long = append(long[:0], line...)
			for readErr == bufio.ErrBufferFull {
				line, readErr = r.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if readErr != nil && readErr != io.EOF {
			// The line was cut short by the failure: never send a part,
			// but print what the lines before it produced.
			d.mu.Lock()
			d.out.Flush()
			d.mu.Unlock()
			return fmt.Errorf("line %d: %w", n, readErr)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if err := d.handle(n, line); err != nil {
				return err
			}
		}
		if readErr == io.EOF {
			break
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.started {
		// No event at all: still start, so AT START triggers show.
		if err := d.start(d.opts.WallClock()); err != nil {
			return err
		}
	}
	return d.out.Flush()
}

// start starts the app; callers hold mu or run before the ticker exists.
func (d *driver) start(now int64) error {
	d.started = true
	if err := d.app.Start(now); err != nil {
		return fmt.Errorf("start: %v", err)
	}
	return nil
}

// handle sends one line's event. Only a failure to start stops the run.
func (d *driver) handle(n int, line []byte) error {
	d.read++
	if d.jsonApp != nil && d.started {
		// Before the start, the generic path decides: whether a line starts
		// the clock depends on its columns being well-formed, which only
		// decoding them tells. (Only this goroutine sets started.)
		d.handleJSON(n, line)
		return nil
	}
	ev, err := parseEvent(line, d.inputs)
	if err != nil {
		d.reject(n, err)
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.started {
		// Playback starts the clock at the first event's time.
		now := ev.ts
		if !ev.hasTs {
			now = d.opts.WallClock()
		}
		if err := d.start(now); err != nil {
			return err
		}
	}
	if err := d.app.Send(ev.stream.name, d.stamp(ev), ev.stream.batch); err != nil {
		d.reject(n, err)
	}
	if !d.opts.Playback {
		d.flush()
	}
	return nil
}

// stamp is the time of an event: its own, else the clock's (playback) or
// the wall clock's. Callers hold mu.
func (d *driver) stamp(ev inputEvent) int64 {
	if ev.hasTs {
		return ev.ts
	}
	if !d.opts.Playback {
		return d.opts.WallClock()
	}
	return d.app.Now()
}

func (d *driver) reject(n int, err error) {
	var se *runtime.SendError
	if errors.As(err, &se) && len(se.Rows) == 1 {
		err = se.Rows[0].Err // the line is the row: "row 0" says nothing
	}
	d.rejected++
	fmt.Fprintf(d.errw, "line %d: %v\n", n, err)
}

// flush writes pending output right away (wall-clock mode is interactive);
// callers hold mu.
func (d *driver) flush() {
	if d.dirty {
		d.out.Flush()
		d.dirty = false
	}
}

// tickWallClock advances the app's clock to the wall clock every tick so
// timers fire while no event arrives. It returns a function that stops it.
func (d *driver) tickWallClock() (stop func()) {
	done, quit := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(d.opts.Tick)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				d.mu.Lock()
				if now := d.opts.WallClock(); now > d.app.Now() {
					d.app.AdvanceTo(now)
				}
				d.flush()
				d.mu.Unlock()
			}
		}
	}()
	return func() { close(quit); <-done }
}

func (d *driver) summary() string {
	return fmt.Sprintf("%s: %d events read, %d rejected, %d events written", d.opts.Name, d.read, d.rejected, d.written)
}
