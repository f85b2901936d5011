package agg

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// FIFO min/max agree with a naive scan of the held values over random
// sliding windows, including duplicates, NaN, resets and snapshots.
func TestFIFOExtremesMatchNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var mn MinFIFO[float64]
	var mx MaxFIFO[float64]
	var held []float64
	for step := 0; step < 20000; step++ {
		switch r := rng.IntN(100); {
		case r < 55 || len(held) == 0:
			v := float64(rng.IntN(20))
			if rng.IntN(50) == 0 {
				v = math.NaN()
			}
			held = append(held, v)
			mn.Add(v)
			mx.Add(v)
		case r < 98:
			v := held[0]
			held = held[1:]
			mn.Remove(v)
			mx.Remove(v)
		case r < 99:
			held = held[:0]
			mn.Reset()
			mx.Reset()
		default:
			b, err := mn.AppendState(nil)
			if err != nil {
				t.Fatal(err)
			}
			var fresh MinFIFO[float64]
			if _, err := fresh.LoadState(b); err != nil {
				t.Fatal(err)
			}
			mn = fresh
		}
		wantMin, wantMax, ok := naiveExtremes(held)
		gotMin, okMin := mn.Value()
		gotMax, okMax := mx.Value()
		if okMin != ok || okMax != ok || (ok && (!same(gotMin, wantMin) || !same(gotMax, wantMax))) {
			t.Fatalf("step %d held %v: min %v,%v max %v,%v; want %v %v %v", step, held, gotMin, okMin, gotMax, okMax, wantMin, wantMax, ok)
		}
	}
}

func same(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }

func naiveExtremes(xs []float64) (float64, float64, bool) {
	if len(xs) == 0 {
		return 0, 0, false
	}
	s := slices.Clone(xs)
	slices.Sort(s) // NaN first, like cmp.Compare
	return s[0], s[len(s)-1], true
}

func TestFIFOExtremesAllocFree(t *testing.T) {
	var m MinFIFO[float64]
	for i := 0; i < 2000; i++ {
		m.Add(float64(i % 37))
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		m.Remove(float64(i % 37))
		m.Add(float64((i + 2000) % 37))
		i++
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per update", allocs)
	}
}
