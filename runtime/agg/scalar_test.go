package agg

import (
	"math"
	"testing"
)

// op is one step of an aggregator's input: CURRENT (add), EXPIRED
// (remove) or RESET.
type op[T any] struct {
	kind byte // '+', '-', 'R'
	v    T
}

func add[T any](v T) op[T] { return op[T]{'+', v} }
func rem[T any](v T) op[T] { return op[T]{'-', v} }
func reset[T any]() op[T]  { return op[T]{kind: 'R'} }

// result is an expected Value() after a step; null means ok=false.
type result[T any] struct {
	v    T
	null bool
}

func val[T any](v T) result[T] { return result[T]{v: v} }
func null[T any]() result[T]   { return result[T]{null: true} }

// updatable is what every step drives; nullable adds the checked value.
type updatable[T any] interface {
	Add(T)
	Remove(T)
	Reset()
}

type nullable[T any] interface {
	updatable[T]
	Value() (T, bool)
}

// applyTo performs the step on each aggregator.
func (o op[T]) applyTo(aggs ...updatable[T]) {
	for _, a := range aggs {
		switch o.kind {
		case '+':
			a.Add(o.v)
		case '-':
			a.Remove(o.v)
		default:
			a.Reset()
		}
	}
}

// runNullable applies ops one by one and checks Value() after each.
func runNullable[T comparable](t *testing.T, a nullable[T], ops []op[T], want []result[T]) {
	t.Helper()
	if len(ops) != len(want) {
		t.Fatalf("test table: %d ops, %d results", len(ops), len(want))
	}
	for i, o := range ops {
		o.applyTo(a)
		got, ok := a.Value()
		if want[i].null {
			if ok {
				t.Fatalf("step %d (%c %v): got %v, want NULL", i, o.kind, o.v, got)
			}
			continue
		}
		if !ok || got != want[i].v {
			t.Fatalf("step %d (%c %v): got %v (ok=%v), want %v", i, o.kind, o.v, got, ok, want[i].v)
		}
	}
}

func TestCount(t *testing.T) {
	var c Count
	steps := []struct {
		kind byte
		want int64
	}{
		{'+', 1}, {'+', 2}, {'+', 3}, {'-', 2}, {'R', 0}, {'-', 0}, {'+', 1},
	}
	if c.Value() != 0 {
		t.Fatalf("empty count = %d, want 0", c.Value())
	}
	for i, s := range steps {
		switch s.kind {
		case '+':
			c.Add()
		case '-':
			c.Remove()
		default:
			c.Reset()
		}
		if got := c.Value(); got != s.want {
			t.Fatalf("step %d (%c): count = %d, want %d", i, s.kind, got, s.want)
		}
	}
}

func TestSumInt(t *testing.T) {
	tests := []struct {
		name string
		ops  []op[int64]
		want []result[int64]
	}{
		{"add remove to empty", []op[int64]{add[int64](10), add[int64](20), rem[int64](10), rem[int64](20)},
			[]result[int64]{val[int64](10), val[int64](30), val[int64](20), null[int64]()}},
		{"zero sum is not NULL", []op[int64]{add[int64](5), add[int64](-5)},
			[]result[int64]{val[int64](5), val[int64](0)}},
		{"wraps like BIGINT arithmetic", []op[int64]{add[int64](math.MaxInt64), add[int64](1), rem[int64](1)},
			[]result[int64]{val[int64](math.MaxInt64), val[int64](math.MinInt64), val[int64](math.MaxInt64)}},
		{"reset then add", []op[int64]{add[int64](7), reset[int64](), add[int64](3)},
			[]result[int64]{val[int64](7), null[int64](), val[int64](3)}},
		{"remove from empty ignored", []op[int64]{rem[int64](4), add[int64](1)},
			[]result[int64]{null[int64](), val[int64](1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runNullable(t, &SumInt{}, tt.ops, tt.want) })
	}
}

func TestSumFloat(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		ops  []op[float64]
		want []result[float64]
	}{
		{"basic", []op[float64]{add(1.5), add(2.25), rem(1.5), rem(2.25)},
			[]result[float64]{val(1.5), val(3.75), val(2.25), null[float64]()}},
		{"small value survives removal of a huge one", []op[float64]{add(1e20), add(1.0), rem(1e20)},
			[]result[float64]{val(1e20), val(1e20), val(1.0)}},
		{"compensated: no decimal drift", []op[float64]{add(0.1), add(0.2), add(0.3), rem(0.1), rem(0.2)},
			[]result[float64]{val(0.1), val(0.30000000000000004), val(0.6), val(0.5), val(0.3)}},
		{"infinity leaves cleanly", []op[float64]{add(1.0), add(inf), rem(inf)},
			[]result[float64]{val(1.0), val(inf), val(1.0)}},
		{"reset", []op[float64]{add(2.0), reset[float64](), add(4.0)},
			[]result[float64]{val(2.0), null[float64](), val(4.0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runNullable(t, &SumFloat{}, tt.ops, tt.want) })
	}
	t.Run("opposite infinities are NaN", func(t *testing.T) {
		var s SumFloat
		s.Add(inf)
		s.Add(math.Inf(-1))
		if v, ok := s.Value(); !ok || !math.IsNaN(v) {
			t.Fatalf("got %v, %v; want NaN", v, ok)
		}
		s.Remove(math.Inf(-1))
		if v, _ := s.Value(); v != inf {
			t.Fatalf("after removing -Inf got %v, want +Inf", v)
		}
	})
}

func TestAvgInt(t *testing.T) {
	ops := []op[int64]{add[int64](1), add[int64](2), add[int64](4), rem[int64](1), rem[int64](2), rem[int64](4), add[int64](-3), reset[int64]()}
	want := []result[float64]{val(1.0), val(1.5), val(7.0 / 3), val(3.0), val(4.0), null[float64](), val(-3.0), null[float64]()}
	var a AvgInt
	for i, o := range ops {
		o.applyTo(&a)
		got, ok := a.Value()
		if want[i].null != !ok || ok && got != want[i].v {
			t.Fatalf("step %d: got %v (ok=%v), want %+v", i, got, ok, want[i])
		}
	}
}

func TestAvgFloat(t *testing.T) {
	tests := []struct {
		name string
		ops  []op[float64]
		want []result[float64]
	}{
		{"window of prices", []op[float64]{add(100.0), add(200.0), add(150.0), rem(100.0), rem(200.0), rem(150.0)},
			[]result[float64]{val(100.0), val(150.0), val(150.0), val(175.0), val(150.0), null[float64]()}},
		{"reset", []op[float64]{add(3.0), reset[float64](), add(5.0), add(6.0)},
			[]result[float64]{val(3.0), null[float64](), val(5.0), val(5.5)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runNullable(t, &AvgFloat{}, tt.ops, tt.want) })
	}
}

func TestStdDev(t *testing.T) {
	const tol = 1e-12
	type step struct {
		o    op[float64]
		want float64
		null bool
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"population formula", []step{
			{add(10.0), 0, false},
			{add(20.0), 5, false},
			{add(30.0), 8.16496580927726, false},
			{add(40.0), 11.180339887498949, false},
		}},
		{"sliding length 3 (persistence case)", []step{
			{add(10.0), 0, false},
			{add(20.0), 5, false},
			{add(30.0), 8.16496580927726, false},
			{rem(10.0), 5, false},
			{add(100.0), 35.590260840104376, false},
			{rem(20.0), 35, false},
			{rem(30.0), 0, false},
			{rem(100.0), 0, true},
		}},
		{"removal of the middle value", []step{
			{add(1.0), 0, false}, {add(5.0), 2, false}, {add(9.0), 3.265986323710904, false},
			{rem(5.0), 4, false},
		}},
		{"identical values give exactly zero", []step{
			{add(0.1), 0, false}, {add(0.1), 0, false}, {add(0.1), 0, false}, {rem(0.1), 0, false},
		}},
		{"large offset keeps precision", []step{
			{add(1e9 + 1), 0, false}, {add(1e9 + 2), 0.5, false}, {add(1e9 + 3), 0.816496580927726, false},
			{rem(1e9 + 1), 0.5, false},
		}},
		{"reset", []step{{add(2.0), 0, false}, {add(4.0), 1, false}, {reset[float64](), 0, true}, {add(7.0), 0, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s StdDev
			for i, st := range tt.steps {
				st.o.applyTo(&s)
				got, ok := s.Value()
				if st.null {
					if ok {
						t.Fatalf("step %d: got %v, want NULL", i, got)
					}
					continue
				}
				if !ok || math.Abs(got-st.want) > tol*math.Max(1, st.want) {
					t.Fatalf("step %d: got %v (ok=%v), want %v", i, got, ok, st.want)
				}
			}
		})
	}
	t.Run("NaN held then removed", func(t *testing.T) {
		var s StdDev
		s.Add(1)
		s.Add(math.NaN())
		if v, ok := s.Value(); !ok || !math.IsNaN(v) {
			t.Fatalf("got %v, want NaN", v)
		}
		s.Remove(math.NaN())
		s.Add(3)
		if v, _ := s.Value(); v != 1 {
			t.Fatalf("got %v, want 1", v)
		}
	})
}

func TestAndOr(t *testing.T) {
	type step struct {
		o       op[bool]
		and, or bool
	}
	steps := []step{
		{op[bool]{kind: 'R'}, false, false}, // empty: FALSE, not NULL
		{add(true), true, true},
		{add(true), true, true},
		{add(false), false, true},
		{rem(true), false, true},
		{rem(false), true, true},
		{rem(true), false, false},
		{add(false), false, false},
		{rem(false), false, false},
		{rem(false), false, false}, // removing what is not held is ignored
		{add(true), true, true},
		{reset[bool](), false, false},
	}
	var a And
	var o Or
	for i, s := range steps {
		s.o.applyTo(&a, &o)
		if a.Value() != s.and || o.Value() != s.or {
			t.Fatalf("step %d (%c %v): and=%v or=%v, want and=%v or=%v", i, s.o.kind, s.o.v, a.Value(), o.Value(), s.and, s.or)
		}
	}
}

// SumFloat.Mean, which generated code reads avg(x) from when a sum(x) of
// the same query keeps the run, equals AvgFloat bit for bit.
func TestSumFloatMeanIsAvgFloat(t *testing.T) {
	var s SumFloat
	var a AvgFloat
	var held []float64
	vals := []float64{1.5, -2.25, 1e300, 3, -1e300, 0.1, math.Inf(1), 7, math.Copysign(0, -1), 2}
	for step := 0; step < 400; step++ {
		if v := vals[step%len(vals)]; step%3 != 2 || len(held) == 0 {
			s.Add(v)
			a.Add(v)
			held = append(held, v)
		} else {
			s.Remove(held[0])
			a.Remove(held[0])
			held = held[1:]
		}
		if step%97 == 96 {
			s.Reset()
			a.Reset()
			held = held[:0]
		}
		m, okM := s.Mean()
		v, okV := a.Value()
		if okM != okV || math.Float64bits(m) != math.Float64bits(v) && !(math.IsNaN(m) && math.IsNaN(v)) {
			t.Fatalf("step %d: Mean() = %v, %v; AvgFloat = %v, %v", step, m, okM, v, okV)
		}
	}
}
