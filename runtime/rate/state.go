package rate

import (
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
	dst = snap.AppendUint(dst, uint64(len(l.seen)))
	for _, g := range sortedSeen(l.seen) {
		dst = gc.Append(dst, g.group)
		dst = snap.AppendInt(dst, int64(g.index))
	}
	dst = appendRows(dst, l.snapRows, rc, gc)
	dst = appendRows(dst, l.snapGroups, rc, gc)
	dst = snap.AppendBool(dst, l.hasLast)
	if l.hasLast {
		dst = appendRows(dst, []Row[R, G]{l.last}, rc, gc)
	}
	return dst
}

// LoadState replaces the limiter's state with the one r reads.
func (l *Limiter[R, G]) LoadState(r *snap.Reader, rc Codec[R], gc Codec[G]) {
	r.Expect("R")
	l.count = r.Int()
	l.next = r.Int()
	l.started = r.Bool()
	l.buf = readRows(r, rc, gc)
	n := r.Count()
	l.seen = map[G]int{}
	for i := 0; i < n && r.Err() == nil; i++ {
		g := gc.Read(r)
		l.seen[g] = int(r.Int())
	}
	l.snapRows = readRows(r, rc, gc)
	l.snapGroups = readRows(r, rc, gc)
	l.snapIndex = map[G]int{}
	for i, row := range l.snapGroups {
		l.snapIndex[row.Group] = i
	}
	l.hasLast = r.Bool()
	if l.hasLast {
		if rows := readRows(r, rc, gc); len(rows) == 1 {
			l.last = rows[0]
		} else {
			r.Fail(snap.ErrMismatch)
		}
	}
}

type seenGroup[G comparable] struct {
	group G
	index int
}

// sortedSeen orders the seen set by its recorded index, then insertion of
// the buffer, so snapshots are deterministic.
func sortedSeen[G comparable](m map[G]int) []seenGroup[G] {
	out := make([]seenGroup[G], 0, len(m))
	for g, i := range m {
		out = append(out, seenGroup[G]{g, i})
	}
	// Insertion sort: the set is small (groups of one block).
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].index < out[j-1].index; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
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
		row.Kind = runtime.Kind(r.Uint())
		row.Group = gc.Read(r)
		row.Empty = r.Bool()
		rows = append(rows, row)
	}
	return rows
}
