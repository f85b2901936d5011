package agg

// AvgInt is avg(x) over INT or BIGINT input: the sum is kept exactly in
// int64 (so removal is exact) and divided only when read; DOUBLE, NULL when
// empty.
type AvgInt struct{ sum, n int64 }

func (a *AvgInt) Add(v int64) { a.sum += v; a.n++ }

func (a *AvgInt) Remove(v int64) {
	if a.n == 0 {
		return
	}
	a.sum -= v
	a.n--
}

func (a *AvgInt) Reset() { *a = AvgInt{} }

func (a AvgInt) Value() (float64, bool) {
	if a.n == 0 {
		return 0, false
	}
	return float64(a.sum) / float64(a.n), true
}

func (a *AvgInt) AppendState(dst []byte) ([]byte, error) {
	return appendCounts(append(dst, tagAvgInt), a.sum, a.n), nil
}

func (a *AvgInt) LoadState(src []byte) ([]byte, error) {
	v, rest, err := loadCounts(src, tagAvgInt, 2, 1)
	if err != nil {
		return src, err
	}
	*a = AvgInt{sum: v[0], n: v[1]}
	return rest, nil
}
