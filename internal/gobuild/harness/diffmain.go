package harness

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/eventflux/eventflux-go/runtime"
)

// DiffTimedOut is DiffMain's exit status after a case timed out: its
// goroutine still runs, so the program stops and the caller starts it
// again on the cases after.
const DiffTimedOut = 3

// DiffMain runs a difftest program's command line:
//
//	program [-timeout D] < cases
//
// stdin is a stream of JSON requests (WriteDiffCase); for each, in order,
// DiffMain builds apps[request's app] and runs the case (RunDiffCase), and
// writes the trace as one JSON line (ReadTraces) in one write, so the
// traces of the cases before a crash survive it. It returns the exit
// status: 0 when every case ran, DiffTimedOut, 1 on a bad request, 2 on
// bad flags.
func DiffMain(apps []func() runtime.App, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("difftest program", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", 10*time.Second, "time limit of one case")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dec := json.NewDecoder(bufio.NewReader(stdin))
	for n := 1; ; n++ {
		var req diffRequest
		if err := dec.Decode(&req); err == io.EOF {
			return 0
		} else if err != nil {
			fmt.Fprintf(stderr, "difftest program: request %d: %v\n", n, err)
			return 1
		}
		c, err := req.decode()
		if err == nil && (req.App < 0 || req.App >= len(apps)) {
			err = fmt.Errorf("app %d of %d", req.App, len(apps))
		}
		if err != nil {
			fmt.Fprintf(stderr, "difftest program: request %d: %v\n", n, err)
			return 1
		}
		newApp := apps[req.App]
		tr := RunDiffCase(func() (runtime.App, error) { return newApp(), nil }, c, *timeout)
		line, err := json.Marshal(encodeTrace(tr))
		if err != nil {
			// Only an unencodable panic value could get here; keep its text.
			line, _ = json.Marshal(diffReply{Panicked: fmt.Sprintf("unencodable trace: %v", err)})
		}
		if _, err := stdout.Write(append(line, '\n')); err != nil {
			fmt.Fprintf(stderr, "difftest program: %v\n", err)
			return 1
		}
		if tr.TimedOut {
			return DiffTimedOut
		}
	}
}

// diffRequest is one case on the wire; values are EncodeValue's.
type diffRequest struct {
	App       int        `json:"app"`
	Stream    string     `json:"stream"`
	Start     int64      `json:"start"`
	Steps     []diffStep `json:"steps"`
	Restarted bool       `json:"restarted,omitempty"`
	StepBase  int        `json:"stepBase,omitempty"`
	Resume    []byte     `json:"resume,omitempty"`
}

type diffStep struct {
	Sleep   int64   `json:"sleep,omitempty"`
	Ts      *int64  `json:"ts,omitempty"`
	Rows    [][]any `json:"rows"`
	Persist bool    `json:"persist,omitempty"`
	Restore bool    `json:"restore,omitempty"`
	Restart bool    `json:"restart,omitempty"`
}

// diffReply is a Trace on the wire.
type diffReply struct {
	BuildErr  string               `json:"buildErr,omitempty"`
	Panicked  string               `json:"panicked,omitempty"`
	Stack     string               `json:"stack,omitempty"`
	TimedOut  bool                 `json:"timedOut,omitempty"`
	Streams   []runtime.StreamInfo `json:"streams"`
	Written   []string             `json:"written"`
	Events    map[string][]Row     `json:"events"`
	Errors    []string             `json:"errors"`
	Snapshots [][]byte             `json:"snapshots,omitempty"`
	Now       int64                `json:"now"`
}

// WriteDiffCase writes the request running c on the program's app number
// app.
func WriteDiffCase(w io.Writer, app int, c *DiffCase) error {
	req := diffRequest{App: app, Stream: c.Stream, Start: c.Start, Steps: make([]diffStep, len(c.Steps)),
		Restarted: c.Restarted, StepBase: c.StepBase, Resume: c.Resume}
	for i, s := range c.Steps {
		st := diffStep{Sleep: s.Sleep, Persist: s.Persist, Restore: s.Restore, Restart: s.Restart}
		if s.HasTs {
			ts := s.Ts
			st.Ts = &ts
		}
		if s.Rows != nil {
			st.Rows = make([][]any, len(s.Rows))
			for j, row := range s.Rows {
				st.Rows[j] = encodeRow(row)
			}
		}
		req.Steps[i] = st
	}
	data, err := json.Marshal(req)
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

func (r *diffRequest) decode() (*DiffCase, error) {
	c := &DiffCase{Stream: r.Stream, Start: r.Start, Steps: make([]DiffStep, len(r.Steps)),
		Restarted: r.Restarted, StepBase: r.StepBase, Resume: r.Resume}
	for i, s := range r.Steps {
		st := DiffStep{Sleep: s.Sleep, Persist: s.Persist, Restore: s.Restore, Restart: s.Restart}
		if s.Ts != nil {
			st.Ts, st.HasTs = *s.Ts, true
		}
		if s.Rows != nil {
			st.Rows = make([][]any, len(s.Rows))
			for j, row := range s.Rows {
				var err error
				if st.Rows[j], err = decodeRow(row); err != nil {
					return nil, fmt.Errorf("step %d: %v", i+1, err)
				}
			}
		}
		c.Steps[i] = st
	}
	return c, nil
}

func encodeTrace(tr *Trace) diffReply {
	rep := diffReply{BuildErr: tr.BuildErr, Panicked: tr.Panicked, Stack: tr.Stack, TimedOut: tr.TimedOut,
		Streams: tr.Streams, Written: tr.Written, Errors: tr.Errors, Events: map[string][]Row{},
		Snapshots: tr.Snapshots, Now: tr.Now}
	for name, evs := range tr.Events {
		rows := make([]Row, len(evs))
		for i, e := range evs {
			rows[i] = Row{Ts: e.Ts, Values: encodeRow(e.Row)}
		}
		rep.Events[name] = rows
	}
	return rep
}

// ReadTraces reads the traces a difftest program wrote, in case order. A
// line it cannot decode ends the reading with an error; the traces before
// it are returned, as those of a program that died mid-line are.
func ReadTraces(r io.Reader) ([]*Trace, error) {
	var out []*Trace
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		tr, err := decodeTrace(sc.Bytes())
		if err != nil {
			return out, fmt.Errorf("trace %d: %v", len(out)+1, err)
		}
		out = append(out, tr)
	}
	return out, sc.Err()
}

func decodeTrace(line []byte) (*Trace, error) {
	var rep diffReply
	if err := json.Unmarshal(line, &rep); err != nil {
		return nil, err
	}
	tr := &Trace{BuildErr: rep.BuildErr, Panicked: rep.Panicked, Stack: rep.Stack, TimedOut: rep.TimedOut,
		Streams: rep.Streams, Written: rep.Written, Errors: rep.Errors, Events: map[string][]Event{},
		Snapshots: rep.Snapshots, Now: rep.Now}
	for name, rows := range rep.Events {
		evs := make([]Event, len(rows))
		for i, r := range rows {
			row, err := decodeRow(r.Values)
			if err != nil {
				return nil, fmt.Errorf("stream %s event %d: %v", name, i, err)
			}
			evs[i] = Event{Ts: r.Ts, Row: row}
		}
		tr.Events[name] = evs
	}
	return tr, nil
}

func encodeRow(row []any) []any {
	out := make([]any, len(row))
	for i, v := range row {
		out[i] = EncodeValue(v)
	}
	return out
}

func decodeRow(row []any) ([]any, error) {
	out := make([]any, len(row))
	var errs []error
	for i, v := range row {
		x, err := DecodeValue(v)
		out[i] = x
		errs = append(errs, err)
	}
	return out, errors.Join(errs...)
}
