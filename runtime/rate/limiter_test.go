package rate

import (
	"slices"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

type out struct{ rows [][]int }

func (o *out) collect(rows []Row[int, string]) {
	var b []int
	for _, r := range rows {
		b = append(b, r.Row)
	}
	o.rows = append(o.rows, b)
}

func feed(l *Limiter[int, string], rows ...Row[int, string]) {
	for _, r := range rows {
		l.Process([]Row[int, string]{r})
	}
}

func cur(v int, g string) Row[int, string] {
	return Row[int, string]{Row: v, Kind: runtime.Current, Group: g}
}

func eq(a, b int) bool { return a == b }

// §4.8's example: OUTPUT LAST EVERY 3 EVENTS over 10..60 writes 30 and 60;
// ALL writes blocks of three; FIRST writes the first of each block at once.
func TestEventBlocks(t *testing.T) {
	cases := []struct {
		mode Mode
		want [][]int
	}{
		{Last, [][]int{{30}, {60}}},
		{All, [][]int{{10, 20, 30}, {40, 50, 60}}},
		{First, [][]int{{10}, {40}}},
	}
	for _, c := range cases {
		var o out
		l := New[int, string](Config{Mode: c.mode, Events: 3}, eq, o.collect)
		feed(l, cur(10, ""), cur(20, ""), cur(30, ""), cur(40, ""), cur(50, ""), cur(60, ""))
		if !slices.EqualFunc(o.rows, c.want, slices.Equal) {
			t.Errorf("mode %d: got %v, want %v", c.mode, o.rows, c.want)
		}
	}
}

// With GROUP BY, LAST emits every n rows the latest row of each group, in
// order of first appearance; FIRST emits each group's first row at once.
func TestGroupedBlocks(t *testing.T) {
	var o out
	l := New[int, string](Config{Mode: Last, Events: 4, Grouped: true}, eq, o.collect)
	feed(l, cur(1, "a"), cur(2, "b"), cur(3, "a"), cur(4, "c"))
	if want := [][]int{{3, 2, 4}}; !slices.EqualFunc(o.rows, want, slices.Equal) {
		t.Errorf("LAST grouped: got %v, want %v", o.rows, want)
	}
	o.rows = nil
	f := New[int, string](Config{Mode: First, Events: 3, Grouped: true}, eq, o.collect)
	feed(f, cur(1, "a"), cur(2, "a"), cur(3, "b"), cur(4, "a"))
	if want := [][]int{{1}, {3}, {4}}; !slices.EqualFunc(o.rows, want, slices.Equal) {
		t.Errorf("FIRST grouped: got %v, want %v", o.rows, want)
	}
}

// Periods are aligned to the start; ALL releases a period's rows at its end
// and nothing when it is empty.
func TestPeriods(t *testing.T) {
	var o out
	l := New[int, string](Config{Mode: All, Period: 1000}, eq, o.collect)
	l.Start(5000)
	if d, ok := l.NextDeadline(); !ok || d != 6000 {
		t.Fatalf("first deadline %d %v, want 6000", d, ok)
	}
	feed(l, cur(1, ""), cur(2, ""))
	l.Fire(6000)
	l.Fire(7000)
	feed(l, cur(3, ""))
	l.Fire(8000)
	if want := [][]int{{1, 2}, {3}}; !slices.EqualFunc(o.rows, want, slices.Equal) {
		t.Errorf("got %v, want %v", o.rows, want)
	}
}

// A windowed SNAPSHOT of a plain projection shows the rows of the events
// the window holds: expired rows leave, RESET clears.
func TestSnapshotTracksWindow(t *testing.T) {
	var o out
	l := New[int, string](Config{Mode: Snapshot, Period: 100, Windowed: true}, eq, o.collect)
	l.Start(0)
	l.Process([]Row[int, string]{cur(1, ""), cur(2, ""), {Row: 1, Kind: runtime.Expired}})
	l.Fire(100)
	l.Process([]Row[int, string]{{Kind: runtime.Reset}, cur(3, "")})
	l.Fire(200)
	if want := [][]int{{2}, {3}}; !slices.EqualFunc(o.rows, want, slices.Equal) {
		t.Errorf("got %v, want %v", o.rows, want)
	}
}

var intCodec = Codec[int]{
	Append: func(dst []byte, v int) []byte { return snap.AppendInt(dst, int64(v)) },
	Read:   func(r *snap.Reader) int { return int(r.Int()) },
}

var groupCodec = Codec[string]{Append: snap.AppendString, Read: func(r *snap.Reader) string { return r.String() }}

// A restored limiter continues exactly like the original; truncated state
// fails with an error instead of panicking.
func TestStateRoundTrip(t *testing.T) {
	var a, b out
	orig := New[int, string](Config{Mode: Last, Events: 3, Grouped: true}, eq, a.collect)
	feed(orig, cur(1, "x"), cur(2, "y"))
	state := orig.AppendState(nil, intCodec, groupCodec)
	restored := New[int, string](Config{Mode: Last, Events: 3, Grouped: true}, eq, b.collect)
	r := snap.NewReader(state)
	restored.LoadState(r, intCodec, groupCodec)
	if r.Err() != nil || len(r.Rest()) != 0 {
		t.Fatalf("load: %v, %d bytes left", r.Err(), len(r.Rest()))
	}
	feed(orig, cur(3, "x"))
	feed(restored, cur(3, "x"))
	if !slices.EqualFunc(a.rows, b.rows, slices.Equal) || len(a.rows) != 1 {
		t.Fatalf("original %v, restored %v", a.rows, b.rows)
	}
	for n := 0; n < len(state); n++ {
		r := snap.NewReader(state[:n])
		New[int, string](Config{Mode: Last, Events: 3}, eq, b.collect).LoadState(r, intCodec, groupCodec)
		if r.Err() == nil {
			t.Fatalf("a %d-byte prefix of a %d-byte state loaded without error", n, len(state))
		}
	}
}
