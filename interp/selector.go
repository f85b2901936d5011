package interp

import (
	"slices"

	"github.com/eventflux/eventflux-go/plan"
	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/agg"
	"github.com/eventflux/eventflux-go/runtime/key"
	"github.com/eventflux/eventflux-go/runtime/sel"
)

// selector runs §4.5 per chunk: aggregate updates, candidate rows, HAVING,
// the per-chunk reduction, ORDER BY, OFFSET and LIMIT.
type selector struct {
	items    []evalFn
	aggArgs  []evalFn // nil entry: count()
	aggNew   []aggFactory
	shared   []int // per slot: the sum slot an avg reads off, or -1 (plan.AggChoice.SharedSum)
	groupBy  []evalFn
	keyTypes []rt.Type // of groupBy, for the key encoding (runtime/key)
	having   evalFn
	orderBy  []evalFn
	orderCmp []func(a, b rt.Value) int
	desc     []bool
	limit    int64
	offset   int64
	// The §4.5 rules the optimizer chose (plan.PhysicalSelect).
	keepCur, keepExp, passReset bool
	reduce                      plan.ReduceMode
	ordered                     bool
	grouped                     bool
	countsHeld                  bool // plan.PhysicalSelect.CountsHeld
	cachedGroup                 bool // plan.PhysicalSelect.CachedGroup: groups are found as rows enter the window
	arriving                    evalCtx

	global *group            // the single group when there is no GROUP BY
	groups map[string]*group // by key bytes (runtime/key)
	keyBuf []byte
	ctx    evalCtx

	cands []candidate
	rows  []candidate
	ep    sel.Epoch // the reduction's chunk numbers
}

type group struct {
	mark sel.Mark // its slot in the chunk being reduced
	key  string
	aggs []aggState
	vals []rt.Value
	held int64 // events currently contributing (for snapshot emptiness)
}

// candidate is one row the selector may write.
type candidate struct {
	row   rt.Row
	ts    int64
	kind  rt.Kind
	group *group
	order []rt.Value
}

func newSelector(ps *plan.PhysicalSelect, now func() int64) (*selector, error) {
	s := ps.Selector
	x := &selector{limit: s.Limit, offset: s.Offset, grouped: ps.Grouped(), groups: map[string]*group{},
		keepCur: ps.KeepCurrent, keepExp: ps.KeepExpired, passReset: ps.Reset, reduce: ps.Reduce, ordered: ps.Ordered,
		countsHeld: ps.CountsHeld(), cachedGroup: ps.CachedGroup}
	x.ctx.now, x.arriving.now = now, now
	var err error
	if x.items, err = compileAllIn(itemExprs(s.Items), ps.In); err != nil {
		return nil, err
	}
	for i, a := range s.Aggs {
		x.shared = append(x.shared, ps.Aggs[i].SharedSum)
		if ps.Aggs[i].SharedSum >= 0 {
			// Read off the sum's state, as generated code does.
			x.aggArgs = append(x.aggArgs, nil)
			x.aggNew = append(x.aggNew, func() aggState { return &sharedAvg{} })
			continue
		}
		var arg evalFn
		if a.Arg != nil {
			if arg, err = compileOver(a.Arg, ps.In); err != nil {
				return nil, err
			}
		}
		f, err := newAggFactory(ps.Aggs[i], a)
		if err != nil {
			return nil, err
		}
		x.aggArgs = append(x.aggArgs, arg)
		x.aggNew = append(x.aggNew, f)
	}
	if x.groupBy, err = compileAllIn(s.GroupBy, ps.In); err != nil {
		return nil, err
	}
	for _, e := range s.GroupBy {
		x.keyTypes = append(x.keyTypes, rt.Type(e.Type()))
	}
	if s.Having != nil {
		if x.having, err = compileOver(s.Having, ps.In); err != nil {
			return nil, err
		}
	}
	for _, k := range s.OrderBy {
		f, err := compileOver(k.Expr, ps.In)
		if err != nil {
			return nil, err
		}
		x.orderBy = append(x.orderBy, f)
		x.orderCmp = append(x.orderCmp, orderFn(k.Expr.Type()))
		x.desc = append(x.desc, k.Desc)
	}
	if !x.grouped {
		x.global = x.newGroup("")
	}
	return x, nil
}

func itemExprs(items []plan.NamedExpr) []plan.Expr {
	out := make([]plan.Expr, len(items))
	for i, it := range items {
		out[i] = it.Expr
	}
	return out
}

func (s *selector) newGroup(key string) *group {
	g := &group{key: key, aggs: make([]aggState, len(s.aggNew)), vals: make([]rt.Value, len(s.aggNew))}
	for i, f := range s.aggNew {
		g.aggs[i] = f()
	}
	for i, j := range s.shared {
		if j >= 0 {
			g.aggs[i].(*sharedAvg).sum = g.aggs[j].state().(*agg.SumFloat)
		}
	}
	return g
}

func (s *selector) groupOf(c *evalCtx) *group {
	if !s.grouped {
		return s.global
	}
	s.keyBuf = s.keyBuf[:0]
	for i, f := range s.groupBy {
		s.keyBuf = key.AppendValue(s.keyBuf, s.keyTypes[i], f(c))
	}
	if g, ok := s.groups[string(s.keyBuf)]; ok {
		return g
	}
	key := string(s.keyBuf)
	g := s.newGroup(key)
	s.groups[key] = g
	return g
}

// arrive finds the groups of rows entering the window when the plan
// caches each row's group (CachedGroup): generated code finds them there,
// so a group exists from its first row's arrival on both backends (and
// their snapshots agree).
func (s *selector) arrive(chunk []rt.Event[rt.Row]) {
	if !s.cachedGroup {
		return
	}
	for i := range chunk {
		if chunk[i].Kind != rt.Reset {
			s.arriving.row, s.arriving.ts = chunk[i].Data, chunk[i].Ts
			s.groupOf(&s.arriving)
		}
	}
}

// process runs one chunk and returns the rows to write, in order. The
// returned slice is reused by the next call.
func (s *selector) process(chunk []rt.Event[rt.Row]) []candidate {
	s.cands = s.cands[:0]
	c := &s.ctx
	for i := range chunk {
		ev := &chunk[i]
		if ev.Kind == rt.Reset {
			s.resetAll()
			if s.passReset {
				s.cands = append(s.cands, candidate{kind: rt.Reset, ts: ev.Ts})
			}
			continue
		}
		c.row, c.ts = ev.Data, ev.Ts
		g := s.groupOf(c)
		for j, st := range g.aggs {
			var v rt.Value
			if arg := s.aggArgs[j]; arg != nil {
				v = arg(c)
			}
			if ev.Kind == rt.Current {
				st.add(v)
			} else {
				st.remove(v)
			}
		}
		switch {
		case !s.countsHeld: // a plain projection counts nothing, as generated code
		case ev.Kind == rt.Current:
			g.held++
		default:
			g.held--
		}
		keep := (ev.Kind == rt.Current && s.keepCur) || (ev.Kind == rt.Expired && s.keepExp)
		if !keep {
			continue
		}
		for j, st := range g.aggs {
			g.vals[j] = st.value()
		}
		c.aggs = g.vals
		if s.having != nil && !s.having(c).Bool() {
			continue
		}
		row := make(rt.Row, len(s.items))
		for j, f := range s.items {
			row[j] = f(c)
		}
		cand := candidate{row: row, ts: ev.Ts, kind: ev.Kind, group: g}
		if len(s.orderBy) > 0 {
			cand.order = make([]rt.Value, len(s.orderBy))
			for j, f := range s.orderBy {
				cand.order[j] = f(c)
			}
		}
		s.cands = append(s.cands, cand)
	}
	return s.finish()
}

func (s *selector) resetAll() {
	if !s.grouped {
		for _, st := range s.global.aggs {
			st.reset()
		}
		s.global.held = 0
		return
	}
	// RESET clears every group; forever-aggregates keep their memory, so
	// groups are reset rather than dropped.
	for _, g := range s.groups {
		for _, st := range g.aggs {
			st.reset()
		}
		g.held = 0
	}
}

// orderFn compares two non-NULL ORDER BY or sort-window keys of type t
// with the runtime's one rule (sel.Order).
func orderFn(t plan.Type) func(a, b rt.Value) int {
	switch t {
	case plan.String:
		return func(a, b rt.Value) int { return sel.Order(a.S, b.S) }
	case plan.Float, plan.Double:
		return func(a, b rt.Value) int { return sel.Order(a.F, b.F) }
	case plan.Bool:
		return func(a, b rt.Value) int { return sel.OrderBool(a.I != 0, b.I != 0) }
	}
	return func(a, b rt.Value) int { return sel.Order(a.I, b.I) }
}

// finish applies the reduction and ORDER BY / OFFSET / LIMIT of §4.5, as
// the physical plan says.
func (s *selector) finish() []candidate {
	rows := s.cands
	switch s.reduce {
	case plan.ReduceLast:
		if len(rows) > 1 {
			rows = rows[len(rows)-1:]
		}
	case plan.ReduceLastPerGroup:
		rows = sel.LastPerGroup(&s.ep, rows, s.rows[:0], func(c *candidate) *sel.Mark { return &c.group.mark })
		s.rows = rows
	}
	if !s.ordered {
		return rows
	}
	if len(s.orderBy) > 0 && len(rows) > 1 {
		slices.SortStableFunc(rows, func(a, b candidate) int { return s.compare(a.order, b.order) })
	}
	if s.offset > 0 || s.limit >= 0 {
		lo, hi := sel.Page(len(rows), s.offset, s.limit)
		rows = rows[lo:hi]
	}
	return rows
}

// compare orders rows by the ORDER BY keys (sel: NULL first in ASC, last
// in DESC, NaN keeps its place).
func (s *selector) compare(a, b []rt.Value) int {
	for i := range a {
		c, decided := sel.Nulls(a[i].Null, b[i].Null)
		if !decided {
			c = s.orderCmp[i](a[i], b[i])
		}
		if s.desc[i] {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}
