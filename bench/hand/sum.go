package hand

import "math"

// compensatedSum is a Neumaier sum. Sliding sums add and remove values
// forever, so plain float addition would drift; the engine compensates
// too, which also makes both give bit-identical results.
type compensatedSum struct{ hi, lo float64 }

func (s *compensatedSum) add(x float64) {
	t := s.hi + x
	if math.Abs(s.hi) >= math.Abs(x) {
		s.lo += (s.hi - t) + x
	} else {
		s.lo += (x - t) + s.hi
	}
	s.hi = t
}

func (s *compensatedSum) value() float64 { return s.hi + s.lo }
