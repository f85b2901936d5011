package agg

import (
	"math"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

func TestMinMax(t *testing.T) {
	tests := []struct {
		name     string
		ops      []op[int64]
		min, max []result[int64]
	}{
		{"length window of 3",
			[]op[int64]{add[int64](5), add[int64](3), add[int64](8), rem[int64](5), add[int64](1), rem[int64](3), rem[int64](8), rem[int64](1)},
			[]result[int64]{val[int64](5), val[int64](3), val[int64](3), val[int64](3), val[int64](1), val[int64](1), val[int64](1), null[int64]()},
			[]result[int64]{val[int64](5), val[int64](5), val[int64](8), val[int64](8), val[int64](8), val[int64](8), val[int64](1), null[int64]()}},
		{"removing the extreme falls back",
			[]op[int64]{add[int64](2), add[int64](9), add[int64](4), rem[int64](2), rem[int64](9)},
			[]result[int64]{val[int64](2), val[int64](2), val[int64](2), val[int64](4), val[int64](4)},
			[]result[int64]{val[int64](2), val[int64](9), val[int64](9), val[int64](9), val[int64](4)}},
		{"duplicates: one copy leaves",
			[]op[int64]{add[int64](7), add[int64](7), add[int64](9), rem[int64](7), rem[int64](9), rem[int64](7)},
			[]result[int64]{val[int64](7), val[int64](7), val[int64](7), val[int64](7), val[int64](7), null[int64]()},
			[]result[int64]{val[int64](7), val[int64](7), val[int64](9), val[int64](9), val[int64](7), null[int64]()}},
		{"reset, and removals of values not held",
			[]op[int64]{add[int64](6), reset[int64](), rem[int64](6), add[int64](4), rem[int64](1), rem[int64](99)},
			[]result[int64]{val[int64](6), null[int64](), null[int64](), val[int64](4), val[int64](4), val[int64](4)},
			[]result[int64]{val[int64](6), null[int64](), null[int64](), val[int64](4), val[int64](4), val[int64](4)}},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/min", func(t *testing.T) { runNullable(t, &Min[int64]{}, tt.ops, tt.min) })
		t.Run(tt.name+"/max", func(t *testing.T) { runNullable(t, &Max[int64]{}, tt.ops, tt.max) })
	}
}

func TestMinMaxStrings(t *testing.T) {
	ops := []op[string]{add("pear"), add("apple"), add("zebra"), rem("apple"), rem("zebra")}
	runNullable(t, &Min[string]{}, ops, []result[string]{val("pear"), val("apple"), val("apple"), val("pear"), val("pear")})
	runNullable(t, &Max[string]{}, ops, []result[string]{val("pear"), val("pear"), val("zebra"), val("zebra"), val("pear")})
}

func TestMinMaxNaN(t *testing.T) {
	// NaN orders below every number (cmp.Compare) and equals itself, so it
	// can be removed again.
	nan := math.NaN()
	var mn Min[float64]
	var mx Max[float64]
	for _, v := range []float64{2, nan, 5} {
		mn.Add(v)
		mx.Add(v)
	}
	if v, _ := mn.Value(); !math.IsNaN(v) {
		t.Fatalf("min = %v, want NaN", v)
	}
	if v, _ := mx.Value(); v != 5 {
		t.Fatalf("max = %v, want 5", v)
	}
	mn.Remove(nan)
	if v, _ := mn.Value(); v != 2 {
		t.Fatalf("min after removing NaN = %v, want 2", v)
	}
}

func TestForever(t *testing.T) {
	ops := []op[float64]{add(100.0), add(50.0), add(75.0), rem(50.0), reset[float64](), add(150.0)}
	runNullable(t, &MinForever[float64]{}, ops, []result[float64]{val(100.0), val(50.0), val(50.0), val(50.0), val(50.0), val(50.0)})
	runNullable(t, &MaxForever[float64]{}, ops, []result[float64]{val(100.0), val(100.0), val(100.0), val(100.0), val(100.0), val(150.0)})
	var empty MinForever[int32]
	if _, ok := empty.Value(); ok {
		t.Fatal("minForever without input must be NULL")
	}
}

func TestFirstLast(t *testing.T) {
	tests := []struct {
		name        string
		ops         []op[string]
		first, last []result[string]
	}{
		{"length window of 2",
			[]op[string]{add("IBM"), add("MSFT"), rem("IBM"), add("GOOG"), rem("MSFT"), rem("GOOG")},
			[]result[string]{val("IBM"), val("IBM"), val("MSFT"), val("MSFT"), val("GOOG"), null[string]()},
			[]result[string]{val("IBM"), val("MSFT"), val("MSFT"), val("GOOG"), val("GOOG"), null[string]()}},
		{"removal from the middle (sort window)",
			[]op[string]{add("a"), add("b"), add("c"), rem("b"), rem("a"), rem("c")},
			[]result[string]{val("a"), val("a"), val("a"), val("a"), val("c"), null[string]()},
			[]result[string]{val("a"), val("b"), val("c"), val("c"), val("c"), null[string]()}},
		{"removing the newest moves last back",
			[]op[string]{add("a"), add("b"), add("c"), rem("c"), rem("b")},
			[]result[string]{val("a"), val("a"), val("a"), val("a"), val("a")},
			[]result[string]{val("a"), val("b"), val("c"), val("b"), val("a")}},
		{"equal values: the oldest occurrence leaves",
			// a1 x a2 ; remove a (a1) -> first is x; remove x -> first is a2.
			[]op[string]{add("a"), add("x"), add("a"), rem("a"), rem("x"), rem("a")},
			[]result[string]{val("a"), val("a"), val("a"), val("x"), val("a"), null[string]()},
			[]result[string]{val("a"), val("x"), val("a"), val("a"), val("a"), null[string]()}},
		{"reset and unknown removals",
			[]op[string]{add("a"), rem("zz"), reset[string](), rem("a"), add("b")},
			[]result[string]{val("a"), val("a"), null[string](), null[string](), val("b")},
			[]result[string]{val("a"), val("a"), null[string](), null[string](), val("b")}},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/first", func(t *testing.T) { runNullable(t, &First[string]{}, tt.ops, tt.first) })
		t.Run(tt.name+"/last", func(t *testing.T) { runNullable(t, &Last[string]{}, tt.ops, tt.last) })
	}
}

func TestDistinctCount(t *testing.T) {
	var d DistinctCount[string]
	type step struct {
		kind byte // '+', '-', 'n' add NULL, 'N' remove NULL, 'R'
		v    string
		want int64
	}
	steps := []step{
		{'R', "", 0},
		{'+', "IBM", 1}, {'+', "MSFT", 2}, {'+', "IBM", 2},
		{'n', "", 3}, {'n', "", 3},
		{'-', "IBM", 3}, {'-', "IBM", 2}, {'N', "", 2}, {'N', "", 1},
		{'-', "nothing", 1}, {'N', "", 1},
		{'R', "", 0}, {'+', "x", 1},
	}
	for i, s := range steps {
		switch s.kind {
		case '+':
			d.Add(s.v)
		case '-':
			d.Remove(s.v)
		case 'n':
			d.AddNull()
		case 'N':
			d.RemoveNull()
		default:
			d.Reset()
		}
		if got := d.Value(); got != s.want {
			t.Fatalf("step %d (%c %q): distinctCount = %d, want %d", i, s.kind, s.v, got, s.want)
		}
	}

	var f DistinctCount[float64]
	for _, v := range []float64{math.NaN(), math.NaN(), 1} {
		f.Add(v)
	}
	if f.Value() != 2 {
		t.Fatalf("NaN, NaN, 1: distinctCount = %d, want 2", f.Value())
	}
	f.Remove(math.NaN())
	f.Remove(math.NaN())
	if f.Value() != 1 {
		t.Fatalf("after removing both NaN: %d, want 1", f.Value())
	}
}

// TestHeldMatchesModel drives the removal-heavy aggregators with long
// pseudo-random add/remove runs (removing arbitrary held values, as sort and
// unique windows do) and compares each result with a naive recomputation.
func TestHeldMatchesModel(t *testing.T) {
	seed := uint64(42)
	next := func(n int) int {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(n))
	}
	var (
		mn    Min[int32]
		mx    Max[int32]
		first First[int32]
		last  Last[int32]
		dc    DistinctCount[int32]
		sd    StdDev
		held  []int32
	)
	for step := range 20000 {
		if len(held) > 0 && (next(3) == 0 || len(held) > 60) {
			i := next(len(held))
			if next(2) == 0 {
				i = 0 // FIFO expiry is the common case
			}
			v := held[i]
			// The model removes the oldest occurrence of v, as the
			// aggregators do.
			for j, h := range held {
				if h == v {
					held = append(held[:j], held[j+1:]...)
					break
				}
			}
			mn.Remove(v)
			mx.Remove(v)
			first.Remove(v)
			last.Remove(v)
			dc.Remove(v)
			sd.Remove(float64(v))
		} else {
			v := int32(next(25))
			held = append(held, v)
			mn.Add(v)
			mx.Add(v)
			first.Add(v)
			last.Add(v)
			dc.Add(v)
			sd.Add(float64(v))
		}
		checkModel(t, step, held, &mn, &mx, &first, &last, &dc, &sd)
	}
}

func checkModel(t *testing.T, step int, held []int32, mn *Min[int32], mx *Max[int32], first *First[int32], last *Last[int32], dc *DistinctCount[int32], sd *StdDev) {
	t.Helper()
	gotMin, okMin := mn.Value()
	gotMax, okMax := mx.Value()
	gotFirst, okFirst := first.Value()
	gotLast, okLast := last.Value()
	gotSD, okSD := sd.Value()
	if len(held) == 0 {
		if okMin || okMax || okFirst || okLast || okSD || dc.Value() != 0 {
			t.Fatalf("step %d: empty window must give NULL/0", step)
		}
		return
	}
	lo, hi := held[0], held[0]
	distinct := map[int32]bool{}
	var sum float64
	for _, v := range held {
		lo, hi = min(lo, v), max(hi, v)
		distinct[v] = true
		sum += float64(v)
	}
	mean := sum / float64(len(held))
	var ss float64
	for _, v := range held {
		ss += (float64(v) - mean) * (float64(v) - mean)
	}
	wantSD := math.Sqrt(ss / float64(len(held)))
	switch {
	case gotMin != lo:
		t.Fatalf("step %d: min %d, want %d", step, gotMin, lo)
	case gotMax != hi:
		t.Fatalf("step %d: max %d, want %d", step, gotMax, hi)
	case gotFirst != held[0]:
		t.Fatalf("step %d: first %d, want %d", step, gotFirst, held[0])
	case gotLast != held[len(held)-1]:
		t.Fatalf("step %d: last %d, want %d", step, gotLast, held[len(held)-1])
	case dc.Value() != int64(len(distinct)):
		t.Fatalf("step %d: distinctCount %d, want %d", step, dc.Value(), len(distinct))
	case math.Abs(gotSD-wantSD) > 1e-9:
		t.Fatalf("step %d: stdDev %v, want %v", step, gotSD, wantSD)
	}
}

// TestHeldMemoryBounded checks that lazy deletion does not grow without
// bound when removals never reach the ends (a sort window keeping the
// smallest values while arrivals keep coming).
func TestHeldMemoryBounded(t *testing.T) {
	var mn Min[int64]
	var first First[int64]
	first.Add(-1)
	mn.Add(-1)
	for i := range int64(100000) {
		mn.Add(i)
		first.Add(i)
		mn.Remove(i)
		first.Remove(i)
	}
	if len(mn.h.live) > 64 || len(mn.h.removed) > 64 {
		t.Fatalf("min holds %d+%d slots for 1 value", len(mn.h.live), len(mn.h.removed))
	}
	if first.q.size > 64 {
		t.Fatalf("first holds %d slots for 1 value", first.q.size)
	}
	if v, _ := first.Value(); v != -1 {
		t.Fatalf("first = %d, want -1", v)
	}
}

func TestFirstOverRuntimeValues(t *testing.T) {
	// The interpreter keeps dynamically typed values.
	var f First[runtime.Value]
	f.Add(runtime.StringValue("a"))
	f.Add(runtime.FloatValue(math.NaN()))
	f.Add(runtime.IntValue(3))
	f.Remove(runtime.StringValue("a"))
	if v, _ := f.Value(); !math.IsNaN(v.F) {
		t.Fatalf("first = %+v, want the NaN value", v)
	}
	f.Remove(runtime.FloatValue(math.NaN()))
	if v, _ := f.Value(); v != runtime.IntValue(3) {
		t.Fatalf("first = %+v, want 3", v)
	}
}
