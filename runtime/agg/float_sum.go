package agg

import (
	"math"

	"github.com/eventflux/eventflux-go/runtime/snap"
)

// floatSum is a float64 sum that stays accurate under removal: finite values
// go into a compensated (Neumaier) sum so that adding then removing a large
// value gives the small ones back, and infinities and NaNs are counted apart
// so that removing them restores a finite sum instead of leaving NaN.
type floatSum struct {
	hi, lo                 float64
	nans, posInfs, negInfs int64
}

func (s *floatSum) add(x float64) {
	if x-x != 0 { // only Inf and NaN
		s.countNonFinite(x, 1)
		return
	}
	s.accumulate(x)
}

func (s *floatSum) remove(x float64) {
	if x-x != 0 {
		s.countNonFinite(x, -1)
		return
	}
	s.accumulate(-x)
}

func (s *floatSum) accumulate(x float64) {
	t := s.hi + x
	if math.Abs(s.hi) >= math.Abs(x) {
		s.lo += (s.hi - t) + x
	} else {
		s.lo += (x - t) + s.hi
	}
	s.hi = t
}

func (s *floatSum) countNonFinite(x float64, d int64) {
	switch {
	case x != x:
		s.nans += d
	case x > 0:
		s.posInfs += d
	default:
		s.negInfs += d
	}
}

func (s *floatSum) value() float64 {
	if s.nans > 0 || s.posInfs > 0 && s.negInfs > 0 {
		return math.NaN()
	}
	if s.posInfs > 0 {
		return math.Inf(1)
	}
	if s.negInfs > 0 {
		return math.Inf(-1)
	}
	return s.hi + s.lo
}

func (s *floatSum) appendState(dst []byte) []byte {
	dst = snap.AppendFloat(dst, s.hi)
	dst = snap.AppendFloat(dst, s.lo)
	return appendCounts(dst, s.nans, s.posInfs, s.negInfs)
}

func (s *floatSum) readState(r *snap.Reader) {
	s.hi = r.Float()
	s.lo = r.Float()
	v := readCounts(r, 3)
	for _, n := range v[:3] {
		checkCount(r, n)
	}
	s.nans, s.posInfs, s.negInfs = v[0], v[1], v[2]
}
