package agg

// AvgFloat is avg(x) over FLOAT or DOUBLE input: DOUBLE, NULL when empty.
type AvgFloat struct{ run floatRun }

func (a *AvgFloat) Add(v float64)    { a.run.add(v) }
func (a *AvgFloat) Remove(v float64) { a.run.remove(v) }
func (a *AvgFloat) Reset()           { *a = AvgFloat{} }

func (a *AvgFloat) Value() (float64, bool) {
	if a.run.n == 0 {
		return 0, false
	}
	return a.run.sum.value() / float64(a.run.n), true
}

func (a *AvgFloat) AppendState(dst []byte) ([]byte, error) {
	return a.run.appendState(dst, tagAvgFloat), nil
}

func (a *AvgFloat) LoadState(src []byte) ([]byte, error) {
	return a.run.loadState(src, tagAvgFloat)
}
