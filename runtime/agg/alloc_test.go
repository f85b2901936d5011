package agg

import (
	"math"
	"testing"
)

// slider feeds an aggregator a length-4 window over a few cycling values:
// each step adds one value and removes the value that left the window.
type slider struct {
	vals []float64
	i    int
}

func (s *slider) step(add, remove func(float64)) {
	add(s.vals[s.i%len(s.vals)])
	if s.i >= 4 {
		remove(s.vals[(s.i-4)%len(s.vals)])
	}
	s.i++
}

func TestSteadyStateAllocs(t *testing.T) {
	vals := []float64{5, 1, 9, 3, 7}
	var (
		count  Count
		sumI   SumInt
		sumF   SumFloat
		avgI   AvgInt
		avgF   AvgFloat
		minI   Min[int64]
		maxF   Max[float64]
		minS   Min[string]
		stddev StdDev
		stdInt StdDevInt
		wide   StdDev
		and    And
		or     Or
	)
	strs := []string{"e", "a", "i", "c", "g"}
	cases := []struct {
		name        string
		add, remove func(float64)
	}{
		{"Count", func(float64) { count.Add(); _ = count.Value() }, func(float64) { count.Remove() }},
		{"SumInt", func(v float64) { sumI.Add(int64(v)); sumI.Value() }, func(v float64) { sumI.Remove(int64(v)) }},
		{"SumFloat", func(v float64) { sumF.Add(v); sumF.Value() }, func(v float64) { sumF.Remove(v) }},
		{"AvgInt", func(v float64) { avgI.Add(int64(v)); avgI.Value() }, func(v float64) { avgI.Remove(int64(v)) }},
		{"AvgFloat", func(v float64) { avgF.Add(v); avgF.Value() }, func(v float64) { avgF.Remove(v) }},
		{"Min[int64]", func(v float64) { minI.Add(int64(v)); minI.Value() }, func(v float64) { minI.Remove(int64(v)) }},
		{"Max[float64]", func(v float64) { maxF.Add(v); maxF.Value() }, func(v float64) { maxF.Remove(v) }},
		{"Min[string]", func(v float64) { minS.Add(strs[int(v)%5]); minS.Value() }, func(v float64) { minS.Remove(strs[int(v)%5]) }},
		{"StdDev", func(v float64) { stddev.Add(v); stddev.Value() }, func(v float64) { stddev.Remove(v) }},
		{"StdDevInt", func(v float64) { stdInt.Add(int64(v)); stdInt.Value() }, func(v float64) { stdInt.Remove(int64(v)) }},
		// magnitudes far apart: the sums span many cells
		{"StdDev wide", func(v float64) { wide.Add(math.Ldexp(v, int(v)*200-900)); wide.Value() }, func(v float64) { wide.Remove(math.Ldexp(v, int(v)*200-900)) }},
		{"And", func(v float64) { and.Add(v > 4); and.Value() }, func(v float64) { and.Remove(v > 4) }},
		{"Or", func(v float64) { or.Add(v > 4); or.Value() }, func(v float64) { or.Remove(v > 4) }},
	}
	for _, c := range cases {
		s := &slider{vals: vals}
		for range 200 { // warm up: buffers reach their steady size
			s.step(c.add, c.remove)
		}
		if n := testing.AllocsPerRun(1000, func() { s.step(c.add, c.remove) }); n != 0 {
			t.Errorf("%s: %v allocations per event, want 0", c.name, n)
		}
	}
}

func BenchmarkMinSliding(b *testing.B) {
	var m Min[int64]
	for i := range int64(b.N) {
		m.Add(i * 7919 % 1000)
		if i >= 100 {
			m.Remove((i - 100) * 7919 % 1000)
		}
		m.Value()
	}
}

func BenchmarkFirstSliding(b *testing.B) {
	var f First[int64]
	for i := range int64(b.N) {
		f.Add(i % 1000)
		if i >= 100 {
			f.Remove((i - 100) % 1000)
		}
		f.Value()
	}
}
