package agg

// And is and(b): TRUE iff at least one TRUE and no FALSE is held; FALSE when
// empty (never NULL).
type And struct{ trues, falses int64 }

func (a *And) Add(b bool) {
	if b {
		a.trues++
	} else {
		a.falses++
	}
}

func (a *And) Remove(b bool) {
	if b {
		if a.trues > 0 {
			a.trues--
		}
	} else if a.falses > 0 {
		a.falses--
	}
}

func (a *And) Reset()     { *a = And{} }
func (a And) Value() bool { return a.trues > 0 && a.falses == 0 }

func (a *And) AppendState(dst []byte) ([]byte, error) {
	return appendCounts(append(dst, tagAnd), a.trues, a.falses), nil
}

func (a *And) LoadState(src []byte) ([]byte, error) {
	v, rest, err := loadCounts(src, tagAnd, 2, 0)
	if err != nil {
		return src, err
	}
	*a = And{trues: v[0], falses: v[1]}
	return rest, nil
}
