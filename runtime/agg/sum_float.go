package agg

// SumFloat is sum(x) over FLOAT or DOUBLE input: a DOUBLE, NULL when empty.
type SumFloat struct {
	sum floatSum
	n   int64
}

func (s *SumFloat) Add(v float64) { s.sum.add(v); s.n++ }

func (s *SumFloat) Remove(v float64) {
	if s.n == 0 {
		return
	}
	s.n--
	if s.n == 0 {
		// Start the next run from an exact zero.
		s.sum = floatSum{}
		return
	}
	s.sum.remove(v)
}

func (s *SumFloat) Reset() { *s = SumFloat{} }

func (s *SumFloat) Value() (float64, bool) {
	if s.n == 0 {
		return 0, false
	}
	return s.sum.value(), true
}

func (s *SumFloat) AppendState(dst []byte) ([]byte, error) {
	dst = appendCounts(append(dst, tagSumFloat), s.n)
	return s.sum.appendState(dst), nil
}

func (s *SumFloat) LoadState(src []byte) ([]byte, error) {
	r := stateReader{b: src}
	r.header(tagSumFloat)
	n := r.varint()
	checkCount(&r, n)
	var sum floatSum
	sum.readState(&r)
	if r.err != nil {
		return src, r.err
	}
	*s = SumFloat{sum: sum, n: n}
	return r.b, nil
}
