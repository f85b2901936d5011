package interp

import (
	"fmt"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/rate"
	"github.com/eventflux/eventflux-go/runtime/window"
)

// query is one running continuous query: window → filter → selector →
// rate limiter → target, per §0.1.
type query struct {
	app *App
	win window.Window[rt.Row]
	// project narrows input rows (PruneColumns); pre filters before the
	// window (PushFilterBelowWindow), filter after it.
	project []int
	pre     evalFn
	filter  evalFn
	ctx     evalCtx
	sel     *selector
	rate    *rate.Limiter[rt.Row, *group]
	rateIn  []rate.Row[rt.Row, *group]
	target  *junction
	codecs  stateCodecs // snapshot encodings of its window and output rows

	filtered []rt.Event[rt.Row] // after-window filter output
	preKept  []rt.Event[rt.Row] // pre-window filter output (the window reads it while emitting)
	out      []rt.Event[rt.Row]
	busy     bool // inside receive or a window timer (see enter)
	// winTimer and rateTimer are the scheduler's handles of a timed window
	// and a periodic rate limiter (nil without).
	winTimer, rateTimer *rt.Timer
}

// enter marks the query busy. A row it writes can come back into it before
// the write returns (a cycle, or a callback sending into the app); the
// outer call still holds slices of the reusable buffers, so a nested call
// gets fresh ones. The caller restores busy to the returned value.
func (q *query) enter() (nested bool) {
	nested = q.busy
	if nested {
		q.preKept, q.filtered, q.out, q.rateIn = nil, nil, nil, nil
		q.sel.cands, q.sel.rows = nil, nil
	}
	q.busy = true
	return nested
}

func newQuery(a *App, pq *plan.Query) (*query, error) {
	q := &query{app: a}
	q.ctx.now = a.sched.Now
	var src *junction
	var ps *plan.PhysicalSelect
	var rl *plan.PhysicalRateLimit
	var row *plan.Layout // what the scan delivers
	var winTypes, outTypes []rt.Type
	for _, op := range pq.Physical.Ops() {
		switch op := op.(type) {
		case *plan.PhysicalScan:
			src = a.juncs[op.Scan.Bind.Rel.Name]
			row = op.Out
		case *plan.PhysicalProject:
			cols, err := slots(op.Out.Cols, row)
			if err != nil {
				return nil, err
			}
			q.project = cols
		case *plan.PhysicalFilter:
			f, err := compileOver(op.Filter.Cond, op.In)
			if err != nil {
				return nil, err
			}
			if op.BeforeWindow {
				q.pre = f
			} else {
				q.filter = f
			}
		case *plan.PhysicalWindow:
			w, err := newWindow(op.Window.Spec, op.Row, func(err error) {
				a.reportError(fmt.Errorf("query %d: %w", pq.Index, err))
			})
			if err != nil {
				return nil, err
			}
			q.win = w
			winTypes = layoutTypes(op.Row)
		case *plan.PhysicalSelect:
			ps = op
		case *plan.PhysicalRateLimit:
			rl = op
		case *plan.PhysicalInsert:
			q.target = a.juncs[op.Insert.Target.Name]
			for _, c := range op.Insert.Target.Columns {
				outTypes = append(outTypes, rt.Type(c.Type))
			}
		default:
			return nil, fmt.Errorf("operator %s is not implemented by the interpreter", op.Name())
		}
	}
	if ps == nil || src == nil || q.target == nil {
		return nil, fmt.Errorf("malformed plan: a query needs a scan, a selector and a target")
	}
	q.codecs = newStateCodecs(winTypes, outTypes)
	s, err := newSelector(ps, a.sched.Now)
	if err != nil {
		return nil, err
	}
	q.sel = s
	if rl != nil {
		cfg := rate.Config{Mode: rateModes[rl.RateLimit.Mode], Events: rl.RateLimit.Events, Period: rl.RateLimit.Millis,
			Grouped: rl.Grouped, Windowed: rl.Windowed, Aggregating: rl.Aggregating}
		q.rate = rate.New[rt.Row, *group](cfg, sameRow, q.writeLimited)
	}
	src.queries = append(src.queries, q)
	return q, nil
}

func layoutTypes(l *plan.Layout) []rt.Type {
	out := make([]rt.Type, len(l.Cols))
	for i, c := range l.Cols {
		out[i] = rt.Type(c.T)
	}
	return out
}

// rateModes maps the plan's output modes to the limiter's, by name.
var rateModes = map[plan.RateMode]rate.Mode{plan.RateAll: rate.All, plan.RateFirst: rate.First,
	plan.RateLast: rate.Last, plan.RateSnapshot: rate.Snapshot}

func (q *query) start(now int64) {
	if q.rate != nil {
		q.rate.Start(now)
	}
}

// windowTimer lets the scheduler fire a query's window.
type windowTimer struct{ q *query }

func (t windowTimer) NextDeadline() (int64, bool) { return t.q.win.NextDeadline() }
func (t windowTimer) Fire(now int64) {
	nested := t.q.enter()
	t.q.win.Fire(now, t.q.afterWindow)
	t.q.busy = nested
}

// receive processes one chunk. Timer output meets the query's own due
// timers first (§0.3.22, Scheduler.Catch); the window's deadline is read
// back when the chunk is done (Enter…Leave). A rate limiter's deadline
// moves only when it fires.
func (q *query) receive(chunk []rt.Event[rt.Row]) {
	sched := q.app.sched
	if q.winTimer != nil {
		sched.Catch(q.winTimer)
	}
	if q.rateTimer != nil {
		sched.Catch(q.rateTimer)
	}
	if q.winTimer != nil {
		sched.Enter(q.winTimer)
	}
	nested := q.enter()
	q.arrive(chunk)
	q.busy = nested
	if q.winTimer != nil {
		q.winTimer.Leave(q.win.NextDeadline())
	}
}

func (q *query) arrive(chunk []rt.Event[rt.Row]) {
	if q.project != nil {
		narrow := make([]rt.Event[rt.Row], len(chunk))
		for i, ev := range chunk {
			row := make(rt.Row, len(q.project))
			for j, c := range q.project {
				row[j] = ev.Data[c]
			}
			narrow[i] = rt.Event[rt.Row]{Ts: ev.Ts, Kind: ev.Kind, Data: row}
		}
		chunk = narrow
	}
	if q.pre != nil {
		q.preKept = q.keep(q.pre, chunk, q.preKept)
		chunk = q.preKept
	}
	q.sel.arrive(chunk)
	if q.win != nil {
		q.win.Arrive(q.app.sched.Now(), chunk, q.afterWindow)
		return
	}
	q.afterWindow(chunk)
}

// keep appends to buf[:0] the events of chunk that pass cond (RESET always
// passes).
func (q *query) keep(cond evalFn, chunk, buf []rt.Event[rt.Row]) []rt.Event[rt.Row] {
	kept := buf[:0]
	for _, ev := range chunk {
		if ev.Kind != rt.Reset {
			q.ctx.row, q.ctx.ts = ev.Data, ev.Ts
			if !cond(&q.ctx).Bool() {
				continue
			}
		}
		kept = append(kept, ev)
	}
	return kept
}

func (q *query) afterWindow(chunk []rt.Event[rt.Row]) {
	if q.filter != nil {
		q.filtered = q.keep(q.filter, chunk, q.filtered)
		chunk = q.filtered
	}
	rows := q.sel.process(chunk)
	if q.rate != nil {
		in := q.rateIn[:0]
		for _, r := range rows {
			empty := r.group != nil && r.group.held <= 0
			in = append(in, rate.Row[rt.Row, *group]{Row: r.row, Ts: r.ts, Kind: r.kind, Group: r.group, Empty: empty})
		}
		q.rateIn = in
		q.rate.Process(in)
		return
	}
	q.write(rows)
}

func (q *query) writeLimited(rows []rate.Row[rt.Row, *group]) {
	if len(rows) == 0 {
		return
	}
	out := q.out[:0]
	for _, r := range rows {
		out = append(out, rt.Event[rt.Row]{Ts: r.Ts, Kind: rt.Current, Data: r.Row})
	}
	q.out = out
	q.target.deliver(out)
}

func sameRow(a, b rt.Row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (q *query) write(rows []candidate) {
	if len(rows) == 0 {
		return
	}
	out := q.out[:0]
	for _, r := range rows {
		out = append(out, rt.Event[rt.Row]{Ts: r.ts, Kind: rt.Current, Data: r.row})
	}
	q.out = out
	q.target.deliver(out)
}
