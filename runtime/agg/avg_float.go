package agg

// AvgFloat is avg(x) over FLOAT or DOUBLE input: DOUBLE, NULL when empty.
type AvgFloat struct {
	sum floatSum
	n   int64
}

func (a *AvgFloat) Add(v float64) { a.sum.add(v); a.n++ }

func (a *AvgFloat) Remove(v float64) {
	if a.n == 0 {
		return
	}
	a.n--
	if a.n == 0 {
		a.sum = floatSum{}
		return
	}
	a.sum.remove(v)
}

func (a *AvgFloat) Reset() { *a = AvgFloat{} }

func (a *AvgFloat) Value() (float64, bool) {
	if a.n == 0 {
		return 0, false
	}
	return a.sum.value() / float64(a.n), true
}

func (a *AvgFloat) AppendState(dst []byte) ([]byte, error) {
	dst = appendCounts(append(dst, tagAvgFloat), a.n)
	return a.sum.appendState(dst), nil
}

func (a *AvgFloat) LoadState(src []byte) ([]byte, error) {
	r := stateReader{b: src}
	r.header(tagAvgFloat)
	n := r.varint()
	checkCount(&r, n)
	var sum floatSum
	sum.readState(&r)
	if r.err != nil {
		return src, r.err
	}
	*a = AvgFloat{sum: sum, n: n}
	return r.b, nil
}
