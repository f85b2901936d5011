package rate

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// Codec encodes one value of a snapshot (a row payload or a group).
type Codec[V any] struct {
	Append func(dst []byte, v V) []byte
	Read   func(r *snap.Reader) V
}

// AppendState appends the limiter's state (§12.1: counters, buffered rows,
// the current period).
func (l *Limiter[R, G]) AppendState(dst []byte, rc Codec[R], gc Codec[G]) []byte {
	dst = append(dst, 'R')
	dst = snap.AppendInt(dst, l.count)
	dst = snap.AppendInt(dst, l.next)
	dst = snap.AppendBool(dst, l.started)
	dst = appendRows(dst, l.buf, rc, gc)
	dst = appendSeen(dst, l.seen, gc)
	dst = appendRows(dst, l.snapRows, rc, gc)
	dst = appendRows(dst, l.snapGroups, rc, gc)
	dst = snap.AppendBool(dst, l.hasLast)
	if l.hasLast {
		dst = appendRows(dst, []Row[R, G]{l.last}, rc, gc)
	}
	return dst
}

// LoadState replaces the limiter's state with the one r reads; on an error
// the limiter keeps its state.
func (l *Limiter[R, G]) LoadState(r *snap.Reader, rc Codec[R], gc Codec[G]) {
	r.Expect("R")
	count, next, started := r.Int(), r.Int(), r.Bool()
	buf := readRows(r, rc, gc)
	n := r.Count()
	seen := map[G]int{}
	for i := 0; i < n && r.Err() == nil; i++ {
		g := gc.Read(r)
		seen[g] = int(r.Int())
	}
	snapRows := readRows(r, rc, gc)
	snapGroups := readRows(r, rc, gc)
	snapIndex := map[G]int{}
	for i, row := range snapGroups {
		snapIndex[row.Group] = i
	}
	var last Row[R, G]
	hasLast := r.Bool()
	if hasLast {
		if rows := readRows(r, rc, gc); len(rows) == 1 {
			last = rows[0]
		} else {
			r.Fail(snap.ErrMismatch)
		}
	}
	if r.Err() != nil {
		return
	}
	l.count, l.next, l.started, l.buf, l.seen = count, next, started, buf, seen
	l.snapRows, l.snapGroups, l.snapIndex, l.last, l.hasLast = snapRows, snapGroups, snapIndex, last, hasLast
}

// appendSeen writes FIRST's and LAST's seen groups ordered by their
// position, then by the group's bytes (FIRST records every group at 0), so
// one state gives one snapshot whatever the map's order.
func appendSeen[G comparable](dst []byte, seen map[G]int, gc Codec[G]) []byte {
	type entry struct {
		group []byte
		index int
	}
	entries := make([]entry, 0, len(seen))
	for g, i := range seen {
		entries = append(entries, entry{gc.Append(nil, g), i})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(a.index, b.index); c != 0 {
			return c
		}
		return bytes.Compare(a.group, b.group)
	})
	dst = snap.AppendCount(dst, len(entries))
	for _, e := range entries {
		dst = append(dst, e.group...)
		dst = snap.AppendInt(dst, int64(e.index))
	}
	return dst
}

func appendRows[R any, G comparable](dst []byte, rows []Row[R, G], rc Codec[R], gc Codec[G]) []byte {
	dst = snap.AppendUint(dst, uint64(len(rows)))
	for _, row := range rows {
		dst = rc.Append(dst, row.Row)
		dst = snap.AppendInt(dst, row.Ts)
		dst = append(dst, byte(row.Kind))
		dst = gc.Append(dst, row.Group)
		dst = snap.AppendBool(dst, row.Empty)
	}
	return dst
}

func readRows[R any, G comparable](r *snap.Reader, rc Codec[R], gc Codec[G]) []Row[R, G] {
	n := r.Count()
	rows := make([]Row[R, G], 0, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		var row Row[R, G]
		row.Row = rc.Read(r)
		row.Ts = r.Int()
		row.Kind = runtime.Kind(r.Byte())
		if r.Err() == nil && row.Kind != runtime.Current && row.Kind != runtime.Expired && row.Kind != runtime.Reset {
			r.Failf("rate: snapshot row has unknown kind %d", row.Kind)
		}
		row.Group = gc.Read(r)
		row.Empty = r.Bool()
		rows = append(rows, row)
	}
	return rows
}
