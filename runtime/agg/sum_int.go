package agg

// SumInt is sum(x) over INT or BIGINT input: an exact 64-bit sum that wraps
// around on overflow like integer arithmetic (§9.6); NULL when empty.
type SumInt struct{ sum, n int64 }

func (s *SumInt) Add(v int64) { s.sum += v; s.n++ }

func (s *SumInt) Remove(v int64) {
	if s.n == 0 {
		return
	}
	s.sum -= v
	s.n--
}

func (s *SumInt) Reset() { *s = SumInt{} }

func (s SumInt) Value() (int64, bool) { return s.sum, s.n > 0 }

func (s *SumInt) AppendState(dst []byte) ([]byte, error) {
	return appendCounts(append(dst, tagSumInt), s.sum, s.n), nil
}

func (s *SumInt) LoadState(src []byte) ([]byte, error) {
	v, rest, err := loadCounts(src, tagSumInt, 2, 1)
	if err != nil {
		return src, err
	}
	*s = SumInt{sum: v[0], n: v[1]}
	return rest, nil
}
