package agg

import (
	"errors"
	"math"
	"math/bits"

	"github.com/eventflux/eventflux-go/runtime/snap"
)

// StdDev is stdDev(x) over FLOAT or DOUBLE input, StdDevInt over INT or
// BIGINT: the population standard deviation √(Σ(x−μ)²/n) as a DOUBLE;
// NULL when empty, 0.0 for one value (§9.6).
//
// Both keep n, Σx and Σx² exactly (exactSum: every float64 is an exact
// binary fraction, every int64 an integer, and their squares are exact in
// 106 or 126 bits), so a removal takes away exactly what the add put in and
// the state depends only on the values held, never on their history. Value
// computes D = nΣx² − (Σx)² = n²σ² exactly and rounds √D/n once through
// double-double arithmetic (stddev_round.go): the result is within half an
// ulp plus 2⁻¹⁰⁰·σ of the exact σ, so it is the correctly rounded σ unless
// σ lies within 2⁻¹⁰⁰·σ of a rounding midpoint, and always less than one
// ulp from σ (one unit of 2⁻¹⁰⁷⁴ for a subnormal σ).
//
// Add and Remove touch three words of each sum (and carry on while there
// is a carry): O(1), no allocation once the words reach the magnitudes
// held. Value is O(k²) in the 64-bit words k that Σx spans: two to four for
// integers or floats of similar magnitudes, about 35 at most (the whole
// float64 range); it allocates nothing once its scratch words have grown.
//
// NaN and ±Inf are counted apart: while one is held the result is NaN,
// and removing it gives back the exact result of the finite values.
type StdDev struct{ m moments }

func (s *StdDev) Add(x float64)    { s.m.addFloat(x, false) }
func (s *StdDev) Remove(x float64) { s.m.addFloat(x, true) }
func (s *StdDev) Reset()           { s.m.reset() }

func (s *StdDev) Value() (float64, bool) { return s.m.stdDev() }

func (s *StdDev) AppendState(dst []byte) ([]byte, error) {
	return s.m.appendState(dst, tagStdDevFloat), nil
}

func (s *StdDev) LoadState(src []byte) ([]byte, error) { return s.m.loadState(src, tagStdDevFloat) }

// StdDevInt is stdDev(x) over INT or BIGINT input (see StdDev): the values
// are summed as integers, never through float64, so values near
// ±9223372036854775807 keep every bit.
type StdDevInt struct{ m moments }

func (s *StdDevInt) Add(x int64)    { s.m.addInt(x, false) }
func (s *StdDevInt) Remove(x int64) { s.m.addInt(x, true) }
func (s *StdDevInt) Reset()         { s.m.reset() }

func (s *StdDevInt) Value() (float64, bool) { return s.m.stdDev() }

func (s *StdDevInt) AppendState(dst []byte) ([]byte, error) {
	return s.m.appendState(dst, tagStdDevInt), nil
}

func (s *StdDevInt) LoadState(src []byte) ([]byte, error) { return s.m.loadState(src, tagStdDevInt) }

// moments are the exact n, Σx, Σx² of the finite values held, with
// scratch digits for Value.
type moments struct {
	n, nonFinite int64
	s1, s2       exactSum
	a, p, q, d   []uint64 // Value's scratch words
}

func (m *moments) addFloat(x float64, remove bool) {
	if x-x != 0 { // only Inf and NaN
		if !remove {
			m.nonFinite++
		} else if m.nonFinite > 0 {
			m.nonFinite--
		}
		return
	}
	if !m.count(remove) {
		return
	}
	b := math.Float64bits(x)
	exp, mant := int(b>>52&0x7ff), b&(1<<52-1)
	if exp == 0 {
		exp = 1 // subnormal
	} else {
		mant |= 1 << 52
	}
	if mant == 0 {
		return // ±0 adds nothing to the sums
	}
	// x = ±mant·2^e; without mant's trailing zeros, integral values land
	// on the integer cells and the sums span fewer cells.
	e := exp - 1075
	tz := bits.TrailingZeros64(mant)
	mant >>= uint(tz)
	e += tz
	m.s1.add(0, mant, e, (b>>63 != 0) != remove)
	hi, lo := bits.Mul64(mant, mant)
	m.s2.add(hi, lo, 2*e, remove)
}

func (m *moments) addInt(x int64, remove bool) {
	if !m.count(remove) {
		return
	}
	mag := uint64(x)
	if x < 0 {
		mag = -mag // also right for MinInt64: 2^63
	}
	m.s1.add(0, mag, 0, (x < 0) != remove)
	hi, lo := bits.Mul64(mag, mag)
	m.s2.add(hi, lo, 0, remove)
}

// count moves n; false for a removal from an empty state (a caller error,
// ignored). When the last value leaves, the sums restart empty, which
// they are already unless a value that was not held was removed.
func (m *moments) count(remove bool) bool {
	if !remove {
		m.n++
		return true
	}
	if m.n == 0 {
		return false
	}
	if m.n--; m.n == 0 {
		m.s1.reset()
		m.s2.reset()
		return false
	}
	return true
}

func (m *moments) reset() {
	m.n, m.nonFinite = 0, 0
	m.s1.reset()
	m.s2.reset()
}

func (m *moments) stdDev() (float64, bool) {
	switch {
	case m.nonFinite > 0:
		return math.NaN(), true
	case m.n == 0:
		return 0, false
	case m.n == 1:
		return 0, true
	}
	if m.s2.negative() {
		return 0, true // only after removals of values never added
	}
	var a, b []uint64
	var la, lb int
	a, m.a, la = m.s1.magnitude(m.a)
	b, _, lb = m.s2.magnitude(nil) // never negative here
	if len(a) == 0 {
		la = lb / 2
	}
	// D = n·Σx² − (Σx)², both at the word scale of the smaller.
	m.p = mulWords(m.p, a, a)
	n := [1]uint64{uint64(m.n)}
	m.q = mulWords(m.q, b, n[:])
	base := min(2*la, lb)
	var ok bool
	m.d, ok = subWords(m.d, m.q, lb-base, m.p, 2*la-base)
	if !ok {
		return 0, true // only after removals of values never added
	}
	d := m.d
	for len(d) > 0 && d[len(d)-1] == 0 {
		d = d[:len(d)-1]
	}
	if len(d) == 0 {
		return 0, true // every value held is the same
	}
	return roundStdDev(d, base, m.n), true
}

// stdDevVersion follows the tag of a state; the layout before exact
// moments (tag tagStdDev, Welford's mean and M2) was version 1.
const stdDevVersion byte = 2

// Word ranges a state may cover (exactSum words, 64 bits each): Σx of
// float64 values reaches from 2^-1074 to 2^1087 (2^63 values below
// 2^1024), Σx² from 2^-2148 to 2^2111, plus headroom.
const (
	sum1MinLo, sum1MaxHi = -20, 20
	sum2MinLo, sum2MaxHi = -36, 36
)

func (m *moments) appendState(dst []byte, tag byte) []byte {
	dst = appendCounts(append(dst, tag, stdDevVersion), m.n, m.nonFinite)
	dst = m.s1.appendState(dst)
	return m.s2.appendState(dst)
}

func (m *moments) loadState(src []byte, tag byte) ([]byte, error) {
	r := snap.NewReader(src)
	switch got := r.Byte(); {
	case r.Err() != nil:
	case got == tagStdDev:
		r.Failf("agg: stdDev state of version 1 (Welford's moments) cannot be restored exactly: take a new snapshot")
	case got != tag:
		r.Failf("agg: snapshot state has tag %d, expected %d", got, tag)
	}
	if v := r.Byte(); r.Err() == nil && v != stdDevVersion {
		r.Failf("agg: stdDev state has version %d, this build reads version %d", v, stdDevVersion)
	}
	v := readCounts(r, 2)
	checkCount(r, v[0])
	checkCount(r, v[1])
	var st moments
	st.n, st.nonFinite = v[0], v[1]
	st.s1.readState(r, sum1MinLo, sum1MaxHi)
	st.s2.readState(r, sum2MinLo, sum2MaxHi)
	if r.Err() != nil {
		return src, r.Err()
	}
	switch {
	case st.n == 0 && (!st.s1.zero() || !st.s2.zero()):
		return src, errors.New("agg: stdDev state holds no values but nonzero sums")
	case st.s2.negative():
		return src, errors.New("agg: stdDev state has a negative sum of squares")
	case tag == tagStdDevInt && (st.nonFinite != 0 || (len(st.s1.words) > 0 && st.s1.lo < 0) || (len(st.s2.words) > 0 && st.s2.lo < 0)):
		return src, errors.New("agg: integer stdDev state holds non-integer or non-finite values")
	}
	// Keep the scratch digits; take the loaded sums.
	m.n, m.nonFinite, m.s1, m.s2 = st.n, st.nonFinite, st.s1, st.s2
	return r.Rest(), nil
}
