package interp

import (
	"errors"
	"fmt"
	"sort"

	rt "github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/rate"
	"github.com/eventflux/eventflux-go/runtime/snap"
	"github.com/eventflux/eventflux-go/runtime/window"
)

// snapshotMagic opens every interpreter snapshot.
const snapshotMagic = "EFI1"

// Snapshot captures all state between chunks (§12.1): trigger deadlines and,
// per query in statement order, window contents, aggregate state per group
// and rate-limiter state. Components are matched structurally on restore.
func (a *App) Snapshot() ([]byte, error) {
	dst := []byte(snapshotMagic)
	dst = snap.AppendUint(dst, uint64(len(a.triggers)))
	for _, t := range a.triggers {
		next, armed := t.State()
		dst = snap.AppendInt(dst, next)
		dst = snap.AppendBool(dst, armed)
	}
	dst = snap.AppendUint(dst, uint64(len(a.queries)))
	for _, q := range a.queries {
		var err error
		if dst, err = q.appendState(dst); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

// Restore replaces all state with a snapshot's; deadlines already due fire
// right away (§12.2).
func (a *App) Restore(b []byte) error {
	r := snap.NewReader(b)
	r.Expect(snapshotMagic)
	if n := int(r.Uint()); r.Err() == nil && n != len(a.triggers) {
		return snap.ErrMismatch
	}
	for _, t := range a.triggers {
		next, armed := r.Int(), r.Bool()
		if r.Err() == nil {
			t.SetState(next, armed)
		}
	}
	if n := int(r.Uint()); r.Err() == nil && n != len(a.queries) {
		a.sched.RescheduleAll() // the triggers were loaded
		return snap.ErrMismatch
	}
	for _, q := range a.queries {
		q.loadState(r)
	}
	// Whatever was loaded, also before a failure, has new deadlines.
	a.sched.RescheduleAll()
	if err := r.Err(); err != nil {
		if errors.Is(err, snap.ErrMismatch) {
			return err
		}
		return fmt.Errorf("%w: %v", snap.ErrMismatch, err)
	}
	if len(r.Rest()) != 0 {
		return snap.ErrMismatch
	}
	a.sched.FireDue()
	return nil
}

var rowCodec = window.RowCodec()

// rateRowCodec adapts the window row codec to the rate limiter's reader.
var rateRowCodec = rate.Codec[rt.Row]{
	Append: rowCodec.Append,
	Read: func(r *snap.Reader) rt.Row {
		v, rest, err := rowCodec.Read(r.Rest())
		if err != nil {
			r.Fail(err)
			return nil
		}
		r.SetRest(rest)
		return v
	},
}

func (q *query) appendState(dst []byte) ([]byte, error) {
	dst = append(dst, 'Q')
	dst = snap.AppendBool(dst, q.win != nil)
	if q.win != nil {
		var err error
		if dst, err = q.win.AppendState(dst, rowCodec); err != nil {
			return nil, err
		}
	}
	dst, err := q.sel.appendState(dst)
	if err != nil {
		return nil, err
	}
	dst = snap.AppendBool(dst, q.rate != nil)
	if q.rate != nil {
		dst = q.rate.AppendState(dst, rateRowCodec, q.groupCodec())
	}
	return dst, nil
}

func (q *query) loadState(r *snap.Reader) {
	r.Expect("Q")
	if r.Bool() != (q.win != nil) {
		r.Fail(snap.ErrMismatch)
		return
	}
	if q.win != nil && r.Err() == nil {
		rest, err := q.win.LoadState(r.Rest(), rowCodec)
		if err != nil {
			r.Fail(err)
			return
		}
		r.SetRest(rest)
	}
	q.sel.loadState(r)
	if r.Bool() != (q.rate != nil) {
		r.Fail(snap.ErrMismatch)
		return
	}
	if q.rate != nil {
		q.rate.LoadState(r, rateRowCodec, q.groupCodec())
	}
}

// groupCodec names a group by its key (nil: a RESET row's missing group).
func (q *query) groupCodec() rate.Codec[*group] {
	return rate.Codec[*group]{
		Append: func(dst []byte, g *group) []byte {
			if g == nil {
				return snap.AppendBool(dst, false)
			}
			return snap.AppendString(snap.AppendBool(dst, true), g.key)
		},
		Read: func(r *snap.Reader) *group {
			if !r.Bool() {
				return nil
			}
			return q.sel.groupByKey(r.String())
		},
	}
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
	sort.Strings(keys) // deterministic bytes
	dst = snap.AppendUint(dst, uint64(len(keys)))
	for _, k := range keys {
		dst = snap.AppendString(dst, k)
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
		var err error
		if dst, err = st.state().AppendState(dst); err != nil {
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
		g := s.groupByKey(r.String())
		loadGroup(r, g)
	}
}

func loadGroup(r *snap.Reader, g *group) {
	g.held = r.Int()
	for _, st := range g.aggs {
		if r.Err() != nil {
			return
		}
		rest, err := st.state().LoadState(r.Rest())
		if err != nil {
			r.Fail(err)
			return
		}
		r.SetRest(rest)
	}
}
