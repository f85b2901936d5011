package agg

import (
	"encoding/binary"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/runtime/snap"
)

// exactStdDev is the reference: n, Σx and Σx² of the held values as exact
// rationals, σ = √(nΣx² − (Σx)²)/n at 300 bits, rounded to nearest.
type exactStdDev struct {
	n, nonFinite int
	s1, s2       big.Rat
}

func (e *exactStdDev) update(x *big.Rat, sign int) {
	sq := new(big.Rat).Mul(x, x)
	if sign < 0 {
		x, sq = new(big.Rat).Neg(x), sq.Neg(sq)
	}
	e.n += sign
	e.s1.Add(&e.s1, x)
	e.s2.Add(&e.s2, sq)
}

func (e *exactStdDev) float(x float64, sign int) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		e.nonFinite += sign
		return
	}
	e.update(new(big.Rat).SetFloat64(x), sign)
}

func (e *exactStdDev) int(x int64, sign int) { e.update(new(big.Rat).SetInt64(x), sign) }

func (e *exactStdDev) value() (float64, bool) {
	switch {
	case e.nonFinite > 0:
		return math.NaN(), true
	case e.n == 0:
		return 0, false
	}
	n := new(big.Rat).SetInt64(int64(e.n))
	d := new(big.Rat).Mul(n, &e.s2)
	d.Sub(d, new(big.Rat).Mul(&e.s1, &e.s1))
	f := new(big.Float).SetPrec(300).SetRat(d)
	f.Sqrt(f)
	f.Quo(f, new(big.Float).SetPrec(300).SetInt64(int64(e.n)))
	v, _ := f.Float64()
	return v, true
}

// sameStdDev reports whether got is the correctly rounded σ (want), or for
// a subnormal σ within one unit of 2^-1074.
func sameStdDev(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	if got == want {
		return true
	}
	return want < 0x1p-1022 && math.Abs(got-want) <= 0x1p-1074
}

// stdDevModel drives a StdDev or StdDevInt and the reference together.
type stdDevModel[T int64 | float64] struct {
	t   *testing.T
	agg interface {
		Add(T)
		Remove(T)
		Value() (float64, bool)
	}
	ref  exactStdDev
	held []T
	step int
}

func (m *stdDevModel[T]) apply(x T, sign int) {
	switch v := any(x).(type) {
	case int64:
		m.ref.int(v, sign)
	case float64:
		m.ref.float(v, sign)
	}
	if sign > 0 {
		m.agg.Add(x)
	} else {
		m.agg.Remove(x)
	}
	m.step++
	got, ok := m.agg.Value()
	want, wantOK := m.ref.value()
	if ok != wantOK || ok && !sameStdDev(got, want) {
		m.t.Fatalf("step %d (%v %v, %d held): stdDev = %v (%v), want %v (%v)", m.step, map[int]string{1: "add", -1: "remove"}[sign], x, len(m.held), got, ok, want, wantOK)
	}
}

func (m *stdDevModel[T]) add(x T) {
	m.held = append(m.held, x)
	m.apply(x, 1)
}

// remove takes out the held value at i.
func (m *stdDevModel[T]) remove(i int) {
	x := m.held[i]
	m.held = append(m.held[:i], m.held[i+1:]...)
	m.apply(x, -1)
}

// slide runs a length window of size w over xs.
func (m *stdDevModel[T]) slide(w int, xs ...T) {
	for _, x := range xs {
		m.add(x)
		if len(m.held) > w {
			m.remove(0)
		}
	}
}

func newFloatModel(t *testing.T) *stdDevModel[float64] {
	return &stdDevModel[float64]{t: t, agg: &StdDev{}}
}

func newIntModel(t *testing.T) *stdDevModel[int64] {
	return &stdDevModel[int64]{t: t, agg: &StdDevInt{}}
}

// The case: a large value leaving a length(3) window.
func TestStdDevLargeValueLeaves(t *testing.T) {
	var s StdDevInt
	for _, v := range []int64{2147483647, 3, 20} {
		s.Add(v)
	}
	s.Add(7)
	s.Remove(2147483647)
	if v, ok := s.Value(); !ok || v != 7.2571803523590805 {
		t.Fatalf("stdDev(3, 20, 7) = %v, want 7.2571803523590805", v)
	}
	var f StdDev
	for _, v := range []float64{2147483647, 3, 20, 7} {
		f.Add(v)
	}
	f.Remove(2147483647)
	if v, ok := f.Value(); !ok || v != 7.2571803523590805 {
		t.Fatalf("float stdDev(3, 20, 7) = %v, want 7.2571803523590805", v)
	}
}

func TestStdDevIntAdversarial(t *testing.T) {
	const maxI, minI = math.MaxInt64, math.MinInt64
	m := newIntModel(t)
	m.slide(3, maxI, 3, 20, 7, maxI, maxI-1, minI, minI+1, 0, minI, maxI, -1, 1)
	m.slide(2, maxI, maxI, maxI, minI, minI, minI)
	m.slide(4, 1e18+1, 1e18-1, 1e18+3, 1e18, -1e18, 1e18+7)
	m.slide(1, maxI, minI, 5)
	for len(m.held) > 0 {
		m.remove(len(m.held) / 2)
	}
	// INT values (int32 input) widen exactly.
	m.slide(3, math.MaxInt32, math.MinInt32, math.MaxInt32, 3, 20, 7)
}

func TestStdDevFloatAdversarial(t *testing.T) {
	m := newFloatModel(t)
	m.slide(3, 2147483647, 3, 20, 7)
	// Catastrophic cancellation: tiny spreads around large means.
	m.slide(3, 1e16+1, 1e16-1, 1e16+2, 1e16, 1e16+4, 1e16-2)
	m.slide(5, 1e15+0.125, 1e15-0.125, 1e15+0.25, 1e15, 1e15+0.5, 1e15-0.375)
	m.slide(4, 1+0x1p-52, 1, 1-0x1p-53, 1, 1+0x1p-51)
	// Huge and tiny magnitudes mixed, at both ends of the range.
	m.slide(4, 1e308, 1e-308, 5e-324, -1e308, math.MaxFloat64, -math.MaxFloat64, 1, 1e-300, 1e300, 2.5)
	m.slide(2, math.MaxFloat64, math.MaxFloat64, math.MaxFloat64, -math.MaxFloat64)
	m.slide(3, 5e-324, 0, 1e-323, 0x1p-1022, -5e-324, math.SmallestNonzeroFloat64)
	m.slide(2, 0, math.Copysign(0, -1), 0, 3)
	// FLOAT values (float32 input) widen exactly.
	m.slide(3, float64(float32(0.1)), float64(float32(1e38)), float64(float32(-3.4e38)), float64(float32(1e-45)))
	for len(m.held) > 0 {
		m.remove(len(m.held) - 1)
	}
	m.slide(3, 0.1, 0.1, 0.1, 0.1) // identical values: exactly 0
	if v, _ := m.agg.Value(); v != 0 {
		t.Fatalf("identical values: %v", v)
	}
}

// NaN and ±Inf make the result NaN while held; removing them gives back the
// exact result of the finite values.
func TestStdDevNonFinite(t *testing.T) {
	m := newFloatModel(t)
	m.add(1)
	m.add(math.NaN())
	m.add(3)
	m.add(math.Inf(1))
	m.add(math.Inf(-1))
	m.remove(1)
	m.remove(2)
	if v, _ := m.agg.Value(); !math.IsNaN(v) {
		t.Fatalf("-Inf held: %v", v)
	}
	m.remove(2)
	if v, _ := m.agg.Value(); v != 1 {
		t.Fatalf("after the non-finite values left: %v, want 1", v)
	}
	var s StdDev
	s.Add(math.Inf(1))
	if v, ok := s.Value(); !ok || !math.IsNaN(v) {
		t.Fatalf("only +Inf held: %v %v, want NaN", v, ok)
	}
	s.Remove(math.Inf(1))
	if _, ok := s.Value(); ok {
		t.Fatal("empty after the infinity left: want NULL")
	}
}

// Long runs with removals from anywhere (sort and unique windows) over
// values drawn to be hard: mixed magnitudes, near-equal values, extremes.
func TestStdDevLongSliding(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	floats := func() float64 {
		switch r.IntN(6) {
		case 0:
			return math.Ldexp(r.Float64(), r.IntN(2098)-1074) * float64(1-2*r.IntN(2))
		case 1:
			return 1e16 + float64(r.IntN(9)-4)
		case 2:
			return float64(float32(r.NormFloat64() * 1e6))
		case 3:
			return pickOf(r, []float64{math.MaxFloat64, -math.MaxFloat64, 5e-324, 0, 1e308, -1e-308})
		default:
			return math.Round(r.NormFloat64()*1000) / 8
		}
	}
	ints := func() int64 {
		switch r.IntN(4) {
		case 0:
			return math.MaxInt64 - r.Int64N(4)
		case 1:
			return math.MinInt64 + r.Int64N(4)
		case 2:
			return 1e18 + r.Int64N(9) - 4
		default:
			return r.Int64N(2001) - 1000
		}
	}
	fm, im := newFloatModel(t), newIntModel(t)
	for range 6000 {
		w := 1 + r.IntN(40)
		if len(fm.held) > 0 && (len(fm.held) >= w || r.IntN(3) == 0) {
			fm.remove(r.IntN(len(fm.held)))
		} else {
			fm.add(floats())
		}
		if len(im.held) > 0 && (len(im.held) >= w || r.IntN(3) == 0) {
			im.remove(r.IntN(len(im.held)))
		} else {
			im.add(ints())
		}
	}
}

func pickOf[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// A state snapshot mid-run restores into a fresh aggregator that goes on
// exactly as the original.
func TestStdDevSnapshotContinues(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var a, b StdDev
	var ai, bi StdDevInt
	var held []float64
	var heldI []int64
	for step := range 400 {
		if step%37 == 0 { // b and bi restart from snapshots of a and ai
			st, _ := a.AppendState(nil)
			if rest, err := b.LoadState(append(st, 0xAB)); err != nil || len(rest) != 1 {
				t.Fatalf("step %d: %v (rest %v)", step, err, rest)
			}
			st, _ = ai.AppendState(nil)
			if _, err := bi.LoadState(st); err != nil {
				t.Fatal(err)
			}
		}
		if len(held) > 5 {
			a.Remove(held[0])
			b.Remove(held[0])
			ai.Remove(heldI[0])
			bi.Remove(heldI[0])
			held, heldI = held[1:], heldI[1:]
		}
		x := math.Ldexp(r.Float64(), r.IntN(200)-100)
		xi := r.Int64() - r.Int64()
		held, heldI = append(held, x), append(heldI, xi)
		a.Add(x)
		b.Add(x)
		ai.Add(xi)
		bi.Add(xi)
		va, _ := a.Value()
		vb, _ := b.Value()
		wa, _ := ai.Value()
		wb, _ := bi.Value()
		if va != vb || wa != wb {
			t.Fatalf("step %d: restored %v/%v, original %v/%v", step, vb, wb, va, wa)
		}
	}
}

// sumState is an exactSum's state: its lowest word's index and its words.
type sumState struct {
	lo    int64
	words []uint64
}

// stdDevState writes a state field by field.
func stdDevState(tag byte, n, nonFinite int64, sums ...sumState) []byte {
	b := snap.AppendInt(snap.AppendInt([]byte{tag, stdDevVersion}, n), nonFinite)
	for _, sum := range sums {
		b = snap.AppendCount(snap.AppendInt(b, sum.lo), len(sum.words))
		for _, w := range sum.words {
			b = snap.AppendUint(b, w)
		}
	}
	return b
}

// Malformed states are errors that say what is wrong; they never panic and
// leave the aggregator as it was.
func TestStdDevBadStates(t *testing.T) {
	var good StdDev
	good.Add(1)
	good.Add(2)
	st, _ := good.AppendState(nil)
	if want := stdDevState(tagStdDevFloat, 2, 0, sumState{0, []uint64{3, 0, 0, 0}}, sumState{0, []uint64{5, 0, 0, 0}}); string(st) != string(want) {
		t.Fatalf("state of 1, 2 is %v, want %v", st, want)
	}
	var goodI StdDevInt
	goodI.Add(5)
	stI, _ := goodI.AppendState(nil)
	one := sumState{0, []uint64{1}}
	withByte := func(b []byte, i int, v byte) []byte { c := append([]byte(nil), b...); c[i] = v; return c }
	cases := []struct {
		name  string
		state []byte
		into  Snapshotter
		want  string
	}{
		{"empty", nil, &StdDev{}, "truncated"},
		{"truncated", st[:len(st)-1], &StdDev{}, "truncated"},
		{"version 1 layout", withByte(st, 0, tagStdDev), &StdDev{}, "version 1"},
		{"other aggregator", withByte(st, 0, tagSumFloat), &StdDev{}, "expected"},
		{"future version", withByte(st, 1, 9), &StdDev{}, "version 9, this build reads version 2"},
		{"int state into float", stI, &StdDev{}, "expected"},
		{"float state into int", st, &StdDevInt{}, "expected"},
		{"fractional integer sums", stdDevState(tagStdDevInt, 1, 0, sumState{-1, []uint64{1 << 63, 0}}, sumState{-1, []uint64{1 << 62, 0}}), &StdDevInt{}, "non-integer"},
		{"non-finite integers", stdDevState(tagStdDevInt, 1, 1, one, one), &StdDevInt{}, "non-finite"},
		{"no values, nonzero sums", stdDevState(tagStdDevFloat, 0, 0, one, one), &StdDev{}, "no values"},
		{"negative count", stdDevState(tagStdDevFloat, -1, 0, one, one), &StdDev{}, "negative count"},
		{"words below the range", stdDevState(tagStdDevFloat, 1, 0, sumState{-100, []uint64{1}}, one), &StdDev{}, "outside"},
		{"words above the range", stdDevState(tagStdDevFloat, 1, 0, one, sumState{30, make([]uint64, 10)}), &StdDev{}, "outside"},
		{"negative sum of squares", stdDevState(tagStdDevFloat, 1, 0, one, sumState{0, []uint64{^uint64(0)}}), &StdDev{}, "negative sum of squares"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, _ := c.into.AppendState(nil)
			_, err := c.into.LoadState(c.state)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one mentioning %q", err, c.want)
			}
			if after, _ := c.into.AppendState(nil); string(after) != string(before) {
				t.Fatal("a failed load changed the state")
			}
		})
	}
}

// FuzzStdDev runs op sequences from the fuzzer's bytes against the exact
// reference: each 9 bytes are an op (add, remove of a held value, or a
// snapshot round trip) and a value, read as a float64 and as an int64.
func FuzzStdDev(f *testing.F) {
	seed := func(vals ...uint64) []byte {
		var b []byte
		for i, v := range vals {
			b = append(b, byte(i%3))
			b = binary.LittleEndian.AppendUint64(b, v)
		}
		return b
	}
	f.Add(seed(math.Float64bits(2147483647), math.Float64bits(3), 0, math.Float64bits(20), 1, math.Float64bits(7)))
	f.Add(seed(math.MaxInt64, math.MaxInt64-1, 1<<63, 5, 1, 7))
	f.Add(seed(math.Float64bits(1e16+1), math.Float64bits(1e16-1), math.Float64bits(5e-324), math.Float64bits(math.NaN())))
	f.Fuzz(func(t *testing.T, data []byte) {
		fm, im := newFloatModel(t), newIntModel(t)
		for len(data) >= 9 {
			op, bits := data[0], binary.LittleEndian.Uint64(data[1:9])
			data = data[9:]
			switch {
			case op%4 == 1 && len(fm.held) > 0:
				fm.remove(int(bits % uint64(len(fm.held))))
				im.remove(int(bits % uint64(len(im.held))))
			case op%4 == 2: // go on with restored copies
				f, i := &StdDev{}, &StdDevInt{}
				roundTrip(t, fm.agg.(*StdDev), f)
				roundTrip(t, im.agg.(*StdDevInt), i)
				fm.agg, im.agg = f, i
				fallthrough
			default:
				fm.add(math.Float64frombits(bits))
				im.add(int64(bits))
			}
		}
	})
}

func BenchmarkStdDev(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	floats := make([]float64, 1024)
	ints := make([]int64, len(floats))
	for i := range floats {
		floats[i] = math.Round(100*(50+r.NormFloat64()*10)) / 100 // prices
		ints[i] = r.Int64N(1_000_000)
	}
	const window = 100
	b.Run("float/add+remove+value", func(b *testing.B) {
		var s StdDev
		for i := range b.N {
			s.Add(floats[i%len(floats)])
			if i >= window {
				s.Remove(floats[(i-window)%len(floats)])
			}
			s.Value()
		}
	})
	b.Run("float/add+remove", func(b *testing.B) {
		var s StdDev
		for i := range b.N {
			s.Add(floats[i%len(floats)])
			if i >= window {
				s.Remove(floats[(i-window)%len(floats)])
			}
		}
	})
	b.Run("int/add+remove+value", func(b *testing.B) {
		var s StdDevInt
		for i := range b.N {
			s.Add(ints[i%len(ints)])
			if i >= window {
				s.Remove(ints[(i-window)%len(ints)])
			}
			s.Value()
		}
	})
	b.Run("int/add+remove", func(b *testing.B) {
		var s StdDevInt
		for i := range b.N {
			s.Add(ints[i%len(ints)])
			if i >= window {
				s.Remove(ints[(i-window)%len(ints)])
			}
		}
	})
	b.Run("float-wide-range/add+remove+value", func(b *testing.B) {
		wide := make([]float64, len(floats))
		for i := range wide {
			wide[i] = math.Ldexp(r.Float64(), r.IntN(2000)-1000)
		}
		var s StdDev
		for i := range b.N {
			s.Add(wide[i%len(wide)])
			if i >= window {
				s.Remove(wide[(i-window)%len(wide)])
			}
			s.Value()
		}
	})
}
