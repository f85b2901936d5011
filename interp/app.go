package interp

import (
	"errors"
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
)

// App runs one checked, optimized plan. It is not safe for concurrent use:
// drivers serialize calls.
type App struct {
	plan     *plan.App
	sched    *rt.Scheduler
	juncs    map[string]*junction
	infos    []rt.StreamInfo
	queries  []*query
	triggers []*rt.Trigger
	started  bool
	sendBuf  []rt.Event[rt.Row]
	sending  bool // inside Send (see Send)
	// runtimeErrors counts data problems reported by queries (§13.3), e.g. a
	// NULL externalTime timestamp; processing goes on.
	runtimeErrors []error
}

// junction is a stream's fan-out point: subscribers see each chunk first,
// then the reading queries process it whole, in statement order (§0.3.14).
type junction struct {
	rel     *plan.Relation
	types   []rt.Type
	queries []*query
	subs    []func(ts int64, row []any)
	slab    []rt.Value // reusable input rows when no reader retains them
}

// retains reports whether a reading query keeps input rows beyond the
// delivery (a window does; selectors copy what they output).
func (j *junction) retains() bool {
	for _, q := range j.queries {
		if q.win != nil {
			return true
		}
	}
	return false
}

func (j *junction) deliver(chunk []rt.Event[rt.Row]) {
	if len(chunk) == 0 {
		return
	}
	for _, sub := range j.subs {
		for i := range chunk {
			sub(chunk[i].Ts, rowToAny(chunk[i].Data, j.types))
		}
	}
	for _, q := range j.queries {
		q.receive(chunk)
	}
}

func rowToAny(r rt.Row, types []rt.Type) []any {
	out := make([]any, len(r))
	for i, v := range r {
		out[i] = v.Any(types[i])
	}
	return out
}

// New instantiates an optimized plan.
func New(p *plan.App) (*App, error) {
	a := &App{plan: p, sched: rt.NewScheduler(0), juncs: map[string]*junction{}}
	trigs := map[*plan.Relation]*rt.Trigger{}
	for _, rel := range p.Relations {
		j := &junction{rel: rel}
		cols := make([]rt.Column, len(rel.Columns))
		for i, c := range rel.Columns {
			j.types = append(j.types, runtimeType(c.Type))
			cols[i] = rt.Column{Name: c.Name, Type: runtimeType(c.Type)}
		}
		a.juncs[rel.Name] = j
		a.infos = append(a.infos, rt.StreamInfo{Name: rel.Name, Kind: streamKinds[rel.Kind], Columns: cols, Written: rel.Written})
		if rel.Kind == plan.TriggerRel {
			t, err := newTrigger(j, rel.Trigger)
			if err != nil {
				return nil, err
			}
			a.triggers = append(a.triggers, t)
			trigs[rel] = t
		}
	}
	for _, pq := range p.Queries {
		q, err := newQuery(a, pq)
		if err != nil {
			return nil, fmt.Errorf("query %d (line %d): %w", pq.Index, pq.Pos.Line, err)
		}
		a.queries = append(a.queries, q)
	}
	// Registration order breaks deadline ties; the plan states it once.
	for _, src := range p.TimerSources() {
		switch src.Part {
		case plan.TimerTrigger:
			a.sched.Register(trigs[src.Trigger])
		case plan.TimerWindow:
			q := a.queries[src.Query.Index]
			q.winTimer = a.sched.Register(windowTimer{q})
		case plan.TimerRate:
			q := a.queries[src.Query.Index]
			q.rateTimer = a.sched.Register(q.rate)
		}
	}
	return a, nil
}

func (a *App) Streams() []rt.StreamInfo { return a.infos }

func (a *App) Now() int64 { return a.sched.Now() }

func (a *App) Start(now int64) error {
	if a.started {
		return errors.New("app already started")
	}
	a.started = true
	a.sched.AdvanceTo(now)
	for _, q := range a.queries {
		q.start(now)
	}
	for _, t := range a.triggers {
		t.Start(now)
	}
	a.sched.RescheduleAll() // rate limiters and triggers armed
	a.sched.FireDue()
	return nil
}

func (a *App) AdvanceTo(t int64) { a.sched.AdvanceTo(t) }

func (a *App) Send(stream string, ts int64, rows [][]any) error {
	if !a.started {
		return errors.New("app not started")
	}
	j, ok := a.juncs[stream]
	if !ok {
		return fmt.Errorf("unknown stream %q", stream)
	}
	if j.rel.Kind == plan.TableRel {
		return fmt.Errorf("sending into table %q is not implemented yet", stream)
	}
	if ts > a.sched.Now() {
		a.sched.AdvanceTo(ts)
	}
	// One slab holds every row of the batch (rows outlive the call inside
	// windows); the chunk slice itself is reused.
	width := len(j.types)
	// A send from a callback of another send (nested) must not reuse the
	// buffers the outer send is still delivering.
	nested := a.sending
	a.sending = true
	defer func() { a.sending = nested }()
	var slab []rt.Value
	if j.retains() || nested {
		slab = make([]rt.Value, width*len(rows))
	} else { // nothing keeps input rows past this call: reuse the slab
		if cap(j.slab) < width*len(rows) {
			j.slab = make([]rt.Value, width*len(rows))
		}
		slab = j.slab[:width*len(rows)]
	}
	chunk := a.sendBuf[:0]
	if nested {
		chunk = nil
	}
	var serr *rt.SendError
	for i, values := range rows {
		row, err := convertRow(values, j.types, j.rel.Columns, slab[i*width:(i+1)*width:(i+1)*width])
		if err != nil {
			if serr == nil {
				serr = &rt.SendError{Stream: stream}
			}
			serr.Rows = append(serr.Rows, rt.RowError{Index: i, Err: err})
			continue
		}
		chunk = append(chunk, rt.Event[rt.Row]{Ts: ts, Kind: rt.Current, Data: row})
	}
	if !nested {
		a.sendBuf = chunk
	}
	j.deliver(chunk)
	a.sched.FireDue()
	if serr != nil {
		return serr
	}
	return nil
}

func convertRow(values []any, types []rt.Type, cols []plan.Column, row rt.Row) (rt.Row, error) {
	if len(values) != len(types) {
		return nil, fmt.Errorf("expected %d values, got %d", len(types), len(values))
	}
	for i, x := range values {
		v, err := rt.ValueOf(x, types[i])
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", cols[i].Name, err)
		}
		row[i] = v
	}
	return row, nil
}

func (a *App) Subscribe(stream string, fn func(ts int64, row []any)) error {
	j, ok := a.juncs[stream]
	if !ok {
		return fmt.Errorf("unknown stream %q", stream)
	}
	j.subs = append(j.subs, fn)
	return nil
}

// RuntimeErrors returns the data problems reported so far (§13.3).
func (a *App) RuntimeErrors() []error { return a.runtimeErrors }

func (a *App) reportError(err error) { a.runtimeErrors = append(a.runtimeErrors, err) }
