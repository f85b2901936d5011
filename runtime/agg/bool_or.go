package agg

// Or is or(b): TRUE iff at least one TRUE is held; FALSE when empty (never
// NULL). Only TRUE values matter, so only they are counted.
type Or struct{ trues int64 }

func (o *Or) Add(b bool) {
	if b {
		o.trues++
	}
}

func (o *Or) Remove(b bool) {
	if b && o.trues > 0 {
		o.trues--
	}
}

func (o *Or) Reset()     { o.trues = 0 }
func (o Or) Value() bool { return o.trues > 0 }

func (o *Or) AppendState(dst []byte) ([]byte, error) {
	return appendCounts(append(dst, tagOr), o.trues), nil
}

func (o *Or) LoadState(src []byte) ([]byte, error) {
	v, rest, err := loadCounts(src, tagOr, 1, 0)
	if err != nil {
		return src, err
	}
	o.trues = v[0]
	return rest, nil
}
