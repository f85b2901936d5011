package sel

import (
	"math"
	"slices"
	"testing"
)

type cand struct {
	v int
	g *group
}

type group struct{ mark Mark }

func TestLastPerGroupKeepsFirstAppearanceOrder(t *testing.T) {
	a, b, c := &group{}, &group{}, &group{}
	var e Epoch
	rows := []cand{{1, a}, {2, b}, {3, a}, {4, c}, {5, b}}
	got := LastPerGroup(&e, rows, nil, func(x *cand) *Mark { return &x.g.mark })
	want := []int{3, 5, 4}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, w := range want {
		if got[i].v != w {
			t.Fatalf("row %d: got %d, want %d (%v)", i, got[i].v, w, got)
		}
	}
	// The next chunk starts afresh: marks of the previous one do not leak.
	got = LastPerGroup(&e, []cand{{6, c}, {7, a}}, got[:0], func(x *cand) *Mark { return &x.g.mark })
	if len(got) != 2 || got[0].v != 6 || got[1].v != 7 {
		t.Fatalf("second chunk: %v", got)
	}
}

func TestPage(t *testing.T) {
	cases := []struct {
		off, lim int64
		want     []int
	}{{0, -1, []int{1, 2, 3, 4}}, {1, -1, []int{2, 3, 4}}, {1, 2, []int{2, 3}}, {5, 1, []int{}}, {0, 0, []int{}}, {3, 9, []int{4}}}
	for _, c := range cases {
		rows := []int{1, 2, 3, 4}
		lo, hi := Page(len(rows), c.off, c.lim)
		if got := rows[lo:hi]; !slices.Equal(got, c.want) {
			t.Errorf("Page(off %d, lim %d) = %v, want %v", c.off, c.lim, got, c.want)
		}
	}
}

func TestOrder(t *testing.T) {
	nan := math.NaN()
	if Order(1.0, 2.0) != -1 || Order(2.0, 1.0) != 1 || Order(nan, 1.0) != 0 || Order(1.0, nan) != 0 || Order(nan, nan) != 0 {
		t.Fatal("Order over floats with NaN")
	}
	if Order("a", "b") != -1 || OrderBool(false, true) != -1 || OrderBool(true, false) != 1 || OrderBool(true, true) != 0 {
		t.Fatal("Order over strings and bools")
	}
	for _, c := range []struct {
		a, b     bool
		c        int
		decision bool
	}{{true, true, 0, true}, {true, false, -1, true}, {false, true, 1, true}, {false, false, 0, false}} {
		if got, d := Nulls(c.a, c.b); got != c.c || d != c.decision {
			t.Errorf("Nulls(%t, %t) = %d, %t", c.a, c.b, got, d)
		}
	}
}
