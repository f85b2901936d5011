// Package fakeapp is a tiny scripted runtime.App for testing drivers (the
// conformance runner, efc) without a compiler: each script line defines a
// stream or wires one fixed behaviour between two streams.
//
//	stream NAME [col:TYPE ...]   define a stream (TYPE as runtime.Type.String)
//	copy FROM TO                 write every event of FROM to TO, converted to TO's types
//	double FROM TO               like copy, with numeric values doubled
//	count FROM TO                write the running count of FROM events (TO has one BIGINT column); persisted
//	tick TO MS                   write the fire time to TO (one BIGINT column) every MS ms from start
//	panic FROM                   panic when an event reaches FROM
//	hang FROM                    block forever when an event reaches FROM
//
// Lines are separated by newlines or ';'.
package fakeapp

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventflux/eventflux-go/runtime"
)

type ruleKind uint8

const (
	ruleCopy ruleKind = iota
	ruleDouble
	ruleCount
	ruleTick
	rulePanic
	ruleHang
)

type rule struct {
	kind   ruleKind
	from   int // stream index (not for tick)
	to     int // stream index (not for panic, hang)
	period int64
}

// App is the scripted app.
type App struct {
	streams []runtime.StreamInfo
	byName  map[string]int
	rules   []rule
	subs    [][]func(ts int64, row []any)

	started bool
	clock   int64
	state   state
	out     []any // reused for every emitted row
}

// state is everything Snapshot captures.
type state struct {
	Counts    []int64 `json:"counts"`     // per rule (count rules only)
	NextTicks []int64 `json:"next_ticks"` // per rule (tick rules only)
}

var typeByName = map[string]runtime.Type{
	"STRING": runtime.String, "INT": runtime.Int, "BIGINT": runtime.BigInt,
	"FLOAT": runtime.Float, "DOUBLE": runtime.Double, "BOOL": runtime.Bool,
}

// New builds an app from a script.
func New(script string) (*App, error) {
	a := &App{byName: map[string]int{}}
	lines := strings.FieldsFunc(script, func(r rune) bool { return r == '\n' || r == ';' })
	for n, line := range lines {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if err := a.statement(f); err != nil {
			return nil, fmt.Errorf("fakeapp: line %d: %v", n+1, err)
		}
	}
	if len(a.streams) == 0 {
		return nil, errors.New("fakeapp: empty app")
	}
	a.subs = make([][]func(int64, []any), len(a.streams))
	a.state.Counts = make([]int64, len(a.rules))
	a.state.NextTicks = make([]int64, len(a.rules))
	return a, nil
}

func (a *App) statement(f []string) error {
	stream := func(name string) (int, error) {
		i, ok := a.byName[name]
		if !ok {
			return 0, fmt.Errorf("unknown stream %q", name)
		}
		return i, nil
	}
	pair := func() (rule, error) {
		if len(f) != 3 {
			return rule{}, fmt.Errorf("%s takes FROM TO", f[0])
		}
		from, err := stream(f[1])
		if err != nil {
			return rule{}, err
		}
		to, err := stream(f[2])
		if err != nil {
			return rule{}, err
		}
		a.streams[to].Written = true
		return rule{from: from, to: to}, nil
	}
	switch f[0] {
	case "stream":
		if len(f) < 2 {
			return errors.New("stream takes a name")
		}
		if _, dup := a.byName[f[1]]; dup {
			return fmt.Errorf("stream %q defined twice", f[1])
		}
		info := runtime.StreamInfo{Name: f[1]}
		for _, col := range f[2:] {
			name, typ, ok := strings.Cut(col, ":")
			t, known := typeByName[typ]
			if !ok || !known {
				return fmt.Errorf("bad column %q", col)
			}
			info.Columns = append(info.Columns, runtime.Column{Name: name, Type: t})
		}
		a.byName[f[1]] = len(a.streams)
		a.streams = append(a.streams, info)
	case "copy", "double", "count":
		r, err := pair()
		if err != nil {
			return err
		}
		r.kind = map[string]ruleKind{"copy": ruleCopy, "double": ruleDouble, "count": ruleCount}[f[0]]
		a.rules = append(a.rules, r)
	case "tick":
		if len(f) != 3 {
			return errors.New("tick takes TO MS")
		}
		to, err := stream(f[1])
		if err != nil {
			return err
		}
		period, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || period <= 0 {
			return fmt.Errorf("bad period %q", f[2])
		}
		a.streams[to].Written = true
		a.rules = append(a.rules, rule{kind: ruleTick, to: to, period: period})
	case "panic", "hang":
		if len(f) != 2 {
			return fmt.Errorf("%s takes FROM", f[0])
		}
		from, err := stream(f[1])
		if err != nil {
			return err
		}
		kind := rulePanic
		if f[0] == "hang" {
			kind = ruleHang
		}
		a.rules = append(a.rules, rule{kind: kind, from: from})
	default:
		return fmt.Errorf("unknown statement %q", f[0])
	}
	return nil
}

// Streams implements runtime.App.
func (a *App) Streams() []runtime.StreamInfo { return a.streams }

// Start implements runtime.App.
func (a *App) Start(now int64) error {
	if a.started {
		return errors.New("fakeapp: started twice")
	}
	a.started, a.clock = true, now
	for i, r := range a.rules {
		if r.kind == ruleTick {
			a.state.NextTicks[i] = now + r.period
		}
	}
	return nil
}

// Now implements runtime.App.
func (a *App) Now() int64 { return a.clock }

// AdvanceTo implements runtime.App: due ticks fire in deadline order.
func (a *App) AdvanceTo(t int64) {
	for {
		next, due := -1, int64(0)
		for i, r := range a.rules {
			if r.kind == ruleTick && a.state.NextTicks[i] <= t && (next < 0 || a.state.NextTicks[i] < due) {
				next, due = i, a.state.NextTicks[i]
			}
		}
		if next < 0 {
			break
		}
		a.clock = max(a.clock, due)
		a.state.NextTicks[next] += a.rules[next].period
		a.deliver(a.rules[next].to, due, []runtime.Value{runtime.IntValue(due)}, []runtime.Type{runtime.BigInt})
	}
	a.clock = max(a.clock, t)
}

// Send implements runtime.App.
func (a *App) Send(stream string, ts int64, rows [][]any) error {
	s, ok := a.byName[stream]
	if !ok {
		return fmt.Errorf("fakeapp: unknown stream %q", stream)
	}
	if !a.started {
		return errors.New("fakeapp: not started")
	}
	if ts > a.clock {
		a.AdvanceTo(ts)
	}
	cols := a.streams[s].Columns
	types := make([]runtime.Type, len(cols))
	for i, c := range cols {
		types[i] = c.Type
	}
	var rejected *runtime.SendError
	for i, row := range rows {
		vals, err := convert(row, cols)
		if err != nil {
			if rejected == nil {
				rejected = &runtime.SendError{Stream: stream}
			}
			rejected.Rows = append(rejected.Rows, runtime.RowError{Index: i, Err: err})
			continue
		}
		a.deliver(s, ts, vals, types)
	}
	if rejected != nil {
		return rejected
	}
	return nil
}

func convert(row []any, cols []runtime.Column) ([]runtime.Value, error) {
	if len(row) != len(cols) {
		return nil, fmt.Errorf("%d values for %d columns", len(row), len(cols))
	}
	vals := make([]runtime.Value, len(row))
	for i, x := range row {
		v, err := runtime.ValueOf(x, cols[i].Type)
		if err != nil {
			return nil, fmt.Errorf("column %s: %v", cols[i].Name, err)
		}
		vals[i] = v
	}
	return vals, nil
}

// deliver runs the rules reading stream s, then notifies its subscribers.
func (a *App) deliver(s int, ts int64, vals []runtime.Value, types []runtime.Type) {
	a.notify(s, ts, vals, types)
	for i, r := range a.rules {
		if r.from != s || r.kind == ruleTick {
			continue
		}
		switch r.kind {
		case ruleCopy, ruleDouble:
			a.forward(r, ts, vals, types)
		case ruleCount:
			a.state.Counts[i]++
			a.deliver(r.to, ts, []runtime.Value{runtime.IntValue(a.state.Counts[i])}, []runtime.Type{runtime.BigInt})
		case rulePanic:
			panic("fakeapp: panic rule on " + a.streams[s].Name)
		case ruleHang:
			select {}
		}
	}
}

// forward converts vals (of types) into the target's column types.
func (a *App) forward(r rule, ts int64, vals []runtime.Value, types []runtime.Type) {
	cols := a.streams[r.to].Columns
	out := make([]runtime.Value, len(cols))
	outTypes := make([]runtime.Type, len(cols))
	for i, c := range cols {
		outTypes[i] = c.Type
		if i >= len(vals) {
			out[i] = runtime.NullValue
			continue
		}
		x := vals[i].Any(types[i])
		if r.kind == ruleDouble {
			x = doubled(x)
		}
		v, err := runtime.ValueOf(x, c.Type)
		if err != nil {
			v = runtime.NullValue
		}
		out[i] = v
	}
	a.deliver(r.to, ts, out, outTypes)
}

func doubled(x any) any {
	switch v := x.(type) {
	case int32:
		return 2 * int64(v)
	case int64:
		return 2 * v
	case float32:
		return 2 * v
	case float64:
		return 2 * v
	}
	return x
}

// notify calls the subscribers of s with a row buffer reused across calls,
// as real backends do, so that drivers that keep rows must copy them.
func (a *App) notify(s int, ts int64, vals []runtime.Value, types []runtime.Type) {
	if len(a.subs[s]) == 0 {
		return
	}
	a.out = a.out[:0]
	for i, v := range vals {
		a.out = append(a.out, v.Any(types[i]))
	}
	for _, fn := range a.subs[s] {
		fn(ts, a.out)
	}
}

// Subscribe implements runtime.App.
func (a *App) Subscribe(stream string, fn func(ts int64, row []any)) error {
	s, ok := a.byName[stream]
	if !ok {
		return fmt.Errorf("fakeapp: unknown stream %q", stream)
	}
	a.subs[s] = append(a.subs[s], fn)
	return nil
}

// Snapshot implements runtime.App.
func (a *App) Snapshot() ([]byte, error) { return json.Marshal(a.state) }

// Restore implements runtime.App.
func (a *App) Restore(snapshot []byte) error {
	var st state
	if err := json.Unmarshal(snapshot, &st); err != nil {
		return fmt.Errorf("fakeapp: bad snapshot: %v", err)
	}
	if len(st.Counts) != len(a.rules) || len(st.NextTicks) != len(a.rules) {
		return errors.New("fakeapp: snapshot of another app")
	}
	a.state = st
	return nil
}
