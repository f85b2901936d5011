package agg

// SumFloat is sum(x) over FLOAT or DOUBLE input: a DOUBLE, NULL when empty.
type SumFloat struct{ run floatRun }

func (s *SumFloat) Add(v float64)    { s.run.add(v) }
func (s *SumFloat) Remove(v float64) { s.run.remove(v) }
func (s *SumFloat) Reset()           { *s = SumFloat{} }

func (s *SumFloat) Value() (float64, bool) {
	if s.run.n == 0 {
		return 0, false
	}
	return s.run.sum.value(), true
}

func (s *SumFloat) AppendState(dst []byte) ([]byte, error) {
	return s.run.appendState(dst, tagSumFloat), nil
}

func (s *SumFloat) LoadState(src []byte) ([]byte, error) {
	return s.run.loadState(src, tagSumFloat)
}

// Mean is avg over the same values: the code generator reads avg(x) off a
// sum(x) of the same query instead of keeping a second, identical run.
func (s *SumFloat) Mean() (float64, bool) {
	if s.run.n == 0 {
		return 0, false
	}
	return s.run.sum.value() / float64(s.run.n), true
}
