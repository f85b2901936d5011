package agg

import (
	"math"

	"github.com/eventflux/eventflux-go/runtime/snap"
)

// StdDev is stdDev(x): the population standard deviation √(Σ(x−μ)²/n) as a
// DOUBLE; NULL when empty, 0.0 for one value. It runs Welford's update both
// ways (adding and removing a value), with the mean taken from a
// compensated sum so that it does not drift under long add/remove runs.
// Infinities and NaNs are kept out of the running moments (the result is
// NaN while one is held), so they do not poison the state after removal.
type StdDev struct {
	n         int64 // finite values held
	nonFinite int64
	sum       floatSum
	mean, m2  float64
}

func (s *StdDev) Add(x float64) {
	if x-x != 0 {
		s.nonFinite++
		return
	}
	s.n++
	if s.n == 1 {
		s.sum = floatSum{}
		s.sum.add(x)
		s.mean, s.m2 = x, 0
		return
	}
	old := s.mean
	s.sum.add(x)
	s.mean = s.sum.value() / float64(s.n)
	s.m2 += (x - old) * (x - s.mean)
}

func (s *StdDev) Remove(x float64) {
	if x-x != 0 {
		if s.nonFinite > 0 {
			s.nonFinite--
		}
		return
	}
	if s.n == 0 {
		return
	}
	s.n--
	switch s.n {
	case 0:
		s.sum, s.mean, s.m2 = floatSum{}, 0, 0
	case 1:
		// One value left: its deviation is exactly zero.
		s.sum.remove(x)
		s.mean, s.m2 = s.sum.value(), 0
	default:
		old := s.mean
		s.sum.remove(x)
		s.mean = s.sum.value() / float64(s.n)
		s.m2 -= (x - old) * (x - s.mean)
		if s.m2 < 0 { // rounding noise around a zero spread
			s.m2 = 0
		}
	}
}

func (s *StdDev) Reset() { *s = StdDev{} }

func (s *StdDev) Value() (float64, bool) {
	if s.nonFinite > 0 {
		return math.NaN(), true
	}
	if s.n == 0 {
		return 0, false
	}
	return math.Sqrt(s.m2 / float64(s.n)), true
}

func (s *StdDev) AppendState(dst []byte) ([]byte, error) {
	dst = appendCounts(append(dst, tagStdDev), s.n, s.nonFinite)
	dst = s.sum.appendState(dst)
	dst = snap.AppendFloat(dst, s.mean)
	return snap.AppendFloat(dst, s.m2), nil
}

func (s *StdDev) LoadState(src []byte) ([]byte, error) {
	r := snap.NewReader(src)
	readTag(r, tagStdDev)
	v := readCounts(r, 2)
	checkCount(r, v[0])
	checkCount(r, v[1])
	var st StdDev
	st.n, st.nonFinite = v[0], v[1]
	st.sum.readState(r)
	st.mean = r.Float()
	st.m2 = r.Float()
	if r.Err() != nil {
		return src, r.Err()
	}
	*s = st
	return r.Rest(), nil
}
