package interp

import (
	"fmt"
	"sort"

	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/key"
	"github.com/eventflux/eventflux-go/runtime/rate"
	"github.com/eventflux/eventflux-go/runtime/snap"
	"github.com/eventflux/eventflux-go/runtime/window"
)

// Snapshots are in the format runtime/snap defines (its package doc), the
// one generated code writes too: either backend restores the other's.

// Snapshot captures all state between chunks (§12.1): trigger deadlines and,
// per query in statement order, window contents, aggregate state per group
// and rate-limiter state.
func (a *App) Snapshot() ([]byte, error) { return snap.AppendApp(a.triggers, a.snapQueries()) }

// Restore replaces all state with a snapshot's; deadlines already due fire
// right away (§12.2). It is all or nothing: the snapshot is decoded into a
// fresh instance of the app first, so one that fails halfway leaves this
// app as it was.
func (a *App) Restore(b []byte) error {
	fresh, err := New(a.plan)
	if err != nil {
		return err
	}
	if err := snap.LoadApp(b, fresh.triggers, fresh.snapQueries()); err != nil {
		return err
	}
	if err := snap.LoadApp(b, a.triggers, a.snapQueries()); err != nil {
		a.sched.RescheduleAll() // whatever was loaded has new deadlines
		return fmt.Errorf("interp: a snapshot that restored into a fresh app failed on this one: %w", err)
	}
	// The loaded state has new deadlines.
	a.sched.RescheduleAll()
	a.sched.FireDue()
	return nil
}

func (a *App) snapQueries() []snap.Query {
	out := make([]snap.Query, len(a.queries))
	for i, q := range a.queries {
		out[i] = q
	}
	return out
}

// stateCodecs are a query's payload codecs: its window rows and its
// output rows (the rate limiter's), in runtime/snap's row encoding.
type stateCodecs struct {
	winTypes, outTypes []rt.Type
	win                window.Codec[rt.Row]
	out                rate.Codec[rt.Row]
}

func newStateCodecs(winTypes, outTypes []rt.Type) stateCodecs {
	return stateCodecs{
		winTypes: winTypes, outTypes: outTypes,
		win: window.RowCodec(winTypes),
		out: rate.Codec[rt.Row]{
			Append: func(dst []byte, row rt.Row) []byte { return snap.AppendRow(dst, outTypes, row) },
			Read:   func(r *snap.Reader) rt.Row { return r.Row(outTypes) },
		},
	}
}

func (q *query) AppendState(dst []byte) ([]byte, error) {
	dst = append(dst, 'Q')
	dst = snap.AppendTypes(dst, q.codecs.winTypes...)
	dst = snap.AppendTypes(dst, q.sel.keyTypes...)
	dst = snap.AppendTypes(dst, q.codecs.outTypes...)
	dst = snap.AppendBool(dst, q.win != nil)
	if q.win != nil {
		var err error
		if dst, err = q.win.AppendState(dst, q.codecs.win); err != nil {
			return nil, err
		}
	}
	dst, err := q.sel.appendState(dst)
	if err != nil {
		return nil, err
	}
	dst = snap.AppendBool(dst, q.rate != nil)
	if q.rate != nil {
		dst = q.rate.AppendState(dst, q.codecs.out, q.groupCodec())
	}
	return dst, nil
}

func (q *query) LoadState(r *snap.Reader) {
	r.Expect("Q")
	r.ExpectTypes("the window row", q.codecs.winTypes...)
	r.ExpectTypes("the GROUP BY key", q.sel.keyTypes...)
	r.ExpectTypes("the output row", q.codecs.outTypes...)
	if r.Bool() != (q.win != nil) && r.Err() == nil {
		r.Failf("%w: a window in one and not the other", snap.ErrMismatch)
		return
	}
	if q.win != nil && r.Err() == nil {
		rest, err := q.win.LoadState(r.Rest(), q.codecs.win)
		if err != nil {
			r.Fail(err)
			return
		}
		r.SetRest(rest)
	}
	q.sel.loadState(r)
	if r.Bool() != (q.rate != nil) && r.Err() == nil {
		r.Failf("%w: an output rate limit in one and not the other", snap.ErrMismatch)
		return
	}
	if q.rate != nil {
		q.rate.LoadState(r, q.codecs.out, q.groupCodec())
	}
}

// groupCodec names a group by its key (nil: a RESET row's missing group).
func (q *query) groupCodec() rate.Codec[*group] {
	return rate.Codec[*group]{
		Append: func(dst []byte, g *group) []byte {
			dst = snap.AppendBool(dst, g != nil)
			if g != nil && q.sel.grouped {
				dst = append(dst, g.key...)
			}
			return dst
		},
		Read: func(r *snap.Reader) *group {
			if !r.Bool() {
				return nil
			}
			return q.sel.groupByKey(q.sel.readKey(r))
		},
	}
}

// readKey reads a GROUP BY key (runtime/key) as the bytes it maps groups by.
func (s *selector) readKey(r *snap.Reader) string {
	var b []byte
	for _, t := range s.keyTypes {
		b = key.ReadValue(b, r, t)
	}
	return string(b)
}

func (s *selector) groupByKey(key string) *group {
	if !s.grouped {
		return s.global
	}
	if g, ok := s.groups[key]; ok {
		return g
	}
	g := s.newGroup(key)
	s.groups[key] = g
	return g
}

func (s *selector) appendState(dst []byte) ([]byte, error) {
	if !s.grouped {
		return appendGroup(dst, s.global)
	}
	keys := make([]string, 0, len(s.groups))
	for k := range s.groups {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the format's order: by key bytes
	dst = snap.AppendCount(dst, len(keys))
	for _, k := range keys {
		dst = append(dst, k...)
		var err error
		if dst, err = appendGroup(dst, s.groups[k]); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

func appendGroup(dst []byte, g *group) ([]byte, error) {
	dst = snap.AppendInt(dst, g.held)
	for _, st := range g.aggs {
		sn := st.state()
		if sn == nil {
			continue
		}
		var err error
		if dst, err = sn.AppendState(dst); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

func (s *selector) loadState(r *snap.Reader) {
	if !s.grouped {
		loadGroup(r, s.global)
		return
	}
	s.groups = map[string]*group{}
	n := r.Count()
	for i := 0; i < n && r.Err() == nil; i++ {
		k := s.readKey(r)
		if _, dup := s.groups[k]; dup && r.Err() == nil {
			r.Failf("snapshot: the same group key twice")
			return
		}
		loadGroup(r, s.groupByKey(k))
	}
}

func loadGroup(r *snap.Reader, g *group) {
	g.held = r.Int()
	for _, st := range g.aggs {
		sn := st.state()
		if sn == nil || r.Err() != nil {
			continue
		}
		rest, err := sn.LoadState(r.Rest())
		if err != nil {
			r.Fail(err)
			return
		}
		r.SetRest(rest)
	}
}
