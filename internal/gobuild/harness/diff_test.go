package harness

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/runtime"
)

// echoApp writes every row sent into In to Out as it came, through one
// reused buffer (as generated code does); a first value "panic" panics,
// "hang" never returns and "reject" is a send error.
type echoApp struct {
	now int64
	sub func(ts int64, row []any)
	buf []any
}

func newEcho() runtime.App { return &echoApp{} }

func (a *echoApp) Streams() []runtime.StreamInfo {
	return []runtime.StreamInfo{
		{Name: "In", Columns: []runtime.Column{{Name: "v", Type: runtime.String}}},
		{Name: "Out", Columns: []runtime.Column{{Name: "v", Type: runtime.String}}, Written: true},
	}
}

func (a *echoApp) Start(now int64) error {
	if now < 0 {
		return errors.New("negative clock")
	}
	a.now = now
	return nil
}

func (a *echoApp) Now() int64        { return a.now }
func (a *echoApp) AdvanceTo(t int64) { a.now = max(a.now, t) }

func (a *echoApp) Send(stream string, ts int64, rows [][]any) error {
	a.AdvanceTo(ts)
	for _, row := range rows {
		switch row[0] {
		case "panic":
			panic("boom")
		case "hang":
			for {
				time.Sleep(time.Hour)
			}
		case "reject":
			return errors.New("rejected")
		}
		a.buf = append(a.buf[:0], row...)
		if a.sub != nil {
			a.sub(ts, a.buf)
		}
	}
	return nil
}

func (a *echoApp) Subscribe(stream string, fn func(ts int64, row []any)) error {
	if stream != "Out" {
		return errors.New("no stream " + stream)
	}
	a.sub = fn
	return nil
}

func (a *echoApp) Snapshot() ([]byte, error) { return nil, errors.New("no snapshots") }
func (a *echoApp) Restore([]byte) error      { return errors.New("no snapshots") }

var negZero = math.Copysign(0, -1)

// odd is a row of every value kind the wire must keep exactly.
var odd = []any{"x", float32(math.NaN()), math.Inf(-1), negZero, int32(-7), int64(math.MinInt64), true, nil, float32(0.1)}

func TestRunDiffCase(t *testing.T) {
	steps := []DiffStep{
		{Rows: [][]any{{"a"}, {"b"}}},
		{Sleep: 250},
		{Rows: [][]any{{"reject"}}},
		{Rows: [][]any{odd}, Ts: 40, HasTs: true},
	}
	tr := RunDiffCase(func() (runtime.App, error) { return newEcho(), nil }, &DiffCase{Stream: "In", Start: 1000, Steps: steps}, time.Second)
	want := []Event{{1000, []any{"a"}}, {1000, []any{"b"}}, {40, odd}}
	if !sameEvents(tr.Events["Out"], want) {
		t.Errorf("events %v, want %v", tr.Events["Out"], want)
	}
	if got := strings.Join(tr.Errors, "|"); got != "step 3: rejected" {
		t.Errorf("errors %q", got)
	}
	if tr.BuildErr != "" || tr.Panicked != "" || !reflect.DeepEqual(tr.Written, []string{"Out"}) || len(tr.Streams) != 2 {
		t.Errorf("trace %+v", tr)
	}

	tests := []struct {
		name  string
		build func() (runtime.App, error)
		c     DiffCase
		check func(tr *Trace) bool
	}{
		{"build error", func() (runtime.App, error) { return nil, errors.New("E202") }, DiffCase{},
			func(tr *Trace) bool { return tr.BuildErr == "E202" }},
		{"no app", func() (runtime.App, error) { return nil, nil }, DiffCase{},
			func(tr *Trace) bool { return tr.BuildErr == "the backend returned no app and no error" }},
		{"start error", func() (runtime.App, error) { return newEcho(), nil }, DiffCase{Stream: "In", Start: -1, Steps: steps},
			func(tr *Trace) bool {
				return strings.Join(tr.Errors, "|") == "start: negative clock" && len(tr.Events) == 0
			}},
		{"panic in step 2", func() (runtime.App, error) { return newEcho(), nil },
			DiffCase{Stream: "In", Steps: []DiffStep{{Rows: [][]any{{"a"}}}, {Rows: [][]any{{"panic"}}}}},
			func(tr *Trace) bool {
				return tr.Panicked == "panic during step 2: boom" && strings.Contains(tr.Stack, "echoApp") && len(tr.Events["Out"]) == 1
			}},
		{"panic in build", func() (runtime.App, error) { panic("no") }, DiffCase{},
			func(tr *Trace) bool { return tr.Panicked == "panic during build: no" }},
		{"hang", func() (runtime.App, error) { return newEcho(), nil }, DiffCase{Stream: "In", Steps: []DiffStep{{Rows: [][]any{{"hang"}}}}},
			func(tr *Trace) bool { return tr.TimedOut && tr.Panicked == "timed out after 50ms" }},
	}
	for _, tt := range tests {
		if tr := RunDiffCase(tt.build, &tt.c, 50*time.Millisecond); !tt.check(tr) {
			t.Errorf("%s: trace %+v", tt.name, tr)
		}
	}
}

// TestDiffMainRoundTrip runs cases through the wire protocol and gets the
// traces of an in-process run back, floats bit for bit.
func TestDiffMainRoundTrip(t *testing.T) {
	cases := []*DiffCase{
		{Stream: "In", Start: 5, Steps: []DiffStep{{Rows: [][]any{odd, {"b"}}}, {Sleep: 3}, {Rows: [][]any{{"reject"}}, Ts: 2, HasTs: true}}},
		{Stream: "In", Start: 7, Steps: []DiffStep{{Rows: [][]any{{"panic"}}}}},
		{Stream: "Nope", Start: 7, Steps: []DiffStep{{Rows: [][]any{}}, {Rows: nil}}},
	}
	apps := []func() runtime.App{newEcho, newEcho}
	var in bytes.Buffer
	for i, c := range cases {
		if err := WriteDiffCase(&in, i%2, c); err != nil {
			t.Fatal(err)
		}
	}
	var out, errw bytes.Buffer
	if code := DiffMain(apps, nil, &in, &out, &errw); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	got, err := ReadTraces(&out)
	if err != nil || len(got) != len(cases) {
		t.Fatalf("ReadTraces: %d traces, %v", len(got), err)
	}
	for i, c := range cases {
		want := RunDiffCase(func() (runtime.App, error) { return newEcho(), nil }, c, time.Second)
		g := got[i]
		if !sameEvents(g.Events["Out"], want.Events["Out"]) {
			t.Errorf("case %d: events %v, want %v", i, g.Events["Out"], want.Events["Out"])
		}
		if !reflect.DeepEqual(g.Streams, want.Streams) || !reflect.DeepEqual(g.Written, want.Written) ||
			!reflect.DeepEqual(g.Errors, want.Errors) || g.Panicked != want.Panicked || g.BuildErr != want.BuildErr {
			t.Errorf("case %d: trace %+v, want %+v", i, g, want)
		}
	}
}

func TestDiffMainStops(t *testing.T) {
	hang := &DiffCase{Stream: "In", Steps: []DiffStep{{Rows: [][]any{{"hang"}}}}}
	after := &DiffCase{Stream: "In", Steps: []DiffStep{{Rows: [][]any{{"a"}}}}}
	tests := []struct {
		name   string
		input  func(w *bytes.Buffer)
		code   int
		traces int
	}{
		{"timeout", func(w *bytes.Buffer) {
			WriteDiffCase(w, 0, after)
			WriteDiffCase(w, 0, hang)
			WriteDiffCase(w, 0, after)
		}, DiffTimedOut, 2},
		{"no such app", func(w *bytes.Buffer) { WriteDiffCase(w, 0, after); WriteDiffCase(w, 1, after) }, 1, 1},
		{"bad JSON", func(w *bytes.Buffer) { w.WriteString(`{"app": "x"}`) }, 1, 0},
		{"bad value", func(w *bytes.Buffer) { w.WriteString(`{"app": 0, "steps": [{"rows": [["q:1"]]}]}`) }, 1, 0},
	}
	for _, tt := range tests {
		var in, out, errw bytes.Buffer
		tt.input(&in)
		code := DiffMain([]func() runtime.App{newEcho}, []string{"-timeout", "50ms"}, &in, &out, &errw)
		traces, err := ReadTraces(&out)
		if code != tt.code || len(traces) != tt.traces || err != nil {
			t.Errorf("%s: exit %d with %d traces (%v), want %d with %d; stderr %s", tt.name, code, len(traces), err, tt.code, tt.traces, errw.String())
		}
	}
	var out, errw bytes.Buffer
	if code := DiffMain(nil, []string{"-timeout", "x"}, strings.NewReader(""), &out, &errw); code != 2 {
		t.Errorf("bad flag: exit %d", code)
	}
	if _, err := ReadTraces(strings.NewReader("{\"events\": {\"Out\": [{\"ts\": 1, \"values\": [\"z:1\"]}]}}\n")); err == nil {
		t.Errorf("ReadTraces accepted an unknown value tag")
	}
}

// sameEvents compares events exactly, floats bit for bit.
func sameEvents(a, b []Event) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Ts != b[i].Ts || len(a[i].Row) != len(b[i].Row) {
			return false
		}
		for j, x := range a[i].Row {
			y := b[i].Row[j]
			switch x := x.(type) {
			case float64:
				if y, ok := y.(float64); !ok || math.Float64bits(x) != math.Float64bits(y) {
					return false
				}
			case float32:
				if y, ok := y.(float32); !ok || math.Float32bits(x) != math.Float32bits(y) {
					return false
				}
			default:
				if x != y {
					return false
				}
			}
		}
	}
	return true
}

// countApp writes to Out how many rows it has taken since its state was
// last replaced; its snapshot is that count, and a restart that loses
// state would show.
type countApp struct {
	echoApp
	n int64
}

func newCount() runtime.App { return &countApp{} }

func (a *countApp) Streams() []runtime.StreamInfo {
	return []runtime.StreamInfo{
		{Name: "In", Columns: []runtime.Column{{Name: "v", Type: runtime.String}}},
		{Name: "Out", Columns: []runtime.Column{{Name: "n", Type: runtime.BigInt}}, Written: true},
	}
}

func (a *countApp) Send(stream string, ts int64, rows [][]any) error {
	a.AdvanceTo(ts)
	for range rows {
		a.n++
		if a.sub != nil {
			a.sub(ts, []any{a.n})
		}
	}
	return nil
}

func (a *countApp) Snapshot() ([]byte, error) { return []byte{'N', byte(a.n)}, nil }

func (a *countApp) Restore(b []byte) error {
	if len(b) != 2 || b[0] != 'N' {
		return errors.New("not a count")
	}
	a.n = int64(b[1])
	return nil
}

// The persistence steps: a snapshot per Persist, Restore and Restart go
// back to the latest one, a restart keeps the clock; a run that is the
// second half of a restart starts restored from Resume, numbering its
// steps after StepBase.
func TestRunDiffCasePersistence(t *testing.T) {
	one := [][]any{{"x"}}
	c := &DiffCase{Stream: "In", Start: 100, Steps: []DiffStep{
		{Rows: one}, {Persist: true}, {Rows: one}, {Rows: one}, {Restore: true}, {Rows: one},
		{Sleep: 50}, {Restart: true}, {Rows: one}, {Persist: true}, {Rows: one},
	}}
	tr := RunDiffCase(func() (runtime.App, error) { return newCount(), nil }, c, time.Second)
	want := []Event{{100, []any{int64(1)}}, {100, []any{int64(2)}}, {100, []any{int64(3)}}, {100, []any{int64(2)}},
		{150, []any{int64(2)}}, {150, []any{int64(3)}}}
	if !sameEvents(tr.Events["Out"], want) || len(tr.Errors) != 0 {
		t.Fatalf("events %v (errors %v), want %v", tr.Events["Out"], tr.Errors, want)
	}
	if !reflect.DeepEqual(tr.Snapshots, [][]byte{{'N', 1}, {'N', 2}}) || tr.Now != 150 {
		t.Fatalf("snapshots %v, now %d", tr.Snapshots, tr.Now)
	}
	half := &DiffCase{Stream: "In", Start: 150, Restarted: true, StepBase: 8, Resume: []byte{'N', 1},
		Steps: []DiffStep{{Rows: one}, {Persist: true}, {Rows: one}, {Restore: true}}}
	tr2 := RunDiffCase(func() (runtime.App, error) { return newCount(), nil }, half, time.Second)
	if !sameEvents(tr2.Events["Out"], want[4:]) || len(tr2.Errors) != 0 || !reflect.DeepEqual(tr2.Snapshots, tr.Snapshots[1:]) {
		t.Fatalf("second half: events %v, errors %v, snapshots %v", tr2.Events["Out"], tr2.Errors, tr2.Snapshots)
	}
	bad := &DiffCase{Stream: "In", Start: 1, Restarted: true, StepBase: 3, Resume: []byte("junk"),
		Steps: []DiffStep{{Restore: true}, {Rows: one}}}
	tr3 := RunDiffCase(func() (runtime.App, error) { return newCount(), nil }, bad, time.Second)
	if got := strings.Join(tr3.Errors, "|"); got != "step 3 restart: restore: not a count|step 4 restore: not a count" {
		t.Errorf("errors %q", got)
	}
	none := &DiffCase{Stream: "In", Steps: []DiffStep{{Restore: true}, {Restart: true}, {Rows: one}}}
	tr4 := RunDiffCase(func() (runtime.App, error) { return newCount(), nil }, none, time.Second)
	if got := strings.Join(tr4.Errors, "|"); got != "step 1 restore: no snapshot was taken before" || !sameEvents(tr4.Events["Out"], []Event{{0, []any{int64(1)}}}) {
		t.Errorf("without a snapshot: errors %q, events %v", got, tr4.Events["Out"])
	}
	// The wire keeps every field of both halves.
	var in, out, errw bytes.Buffer
	for _, c := range []*DiffCase{c, half} {
		if err := WriteDiffCase(&in, 0, c); err != nil {
			t.Fatal(err)
		}
	}
	if code := DiffMain([]func() runtime.App{newCount}, nil, &in, &out, &errw); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	got, err := ReadTraces(&out)
	if err != nil || len(got) != 2 {
		t.Fatalf("ReadTraces: %d traces, %v", len(got), err)
	}
	for i, w := range []*Trace{tr, tr2} {
		if g := got[i]; !sameEvents(g.Events["Out"], w.Events["Out"]) || !reflect.DeepEqual(g.Snapshots, w.Snapshots) || g.Now != w.Now {
			t.Errorf("over the wire, trace %d is %+v, want %+v", i, g, w)
		}
	}
}
