package agg

// Count is count() and count(x) (the caller skips NULL x): BIGINT, 0 when
// empty.
type Count struct{ n int64 }

func (c *Count) Add() { c.n++ }

func (c *Count) Remove() {
	if c.n > 0 {
		c.n--
	}
}

func (c *Count) Reset()      { c.n = 0 }
func (c Count) Value() int64 { return c.n }

func (c *Count) AppendState(dst []byte) ([]byte, error) {
	return appendCounts(append(dst, tagCount), c.n), nil
}

func (c *Count) LoadState(src []byte) ([]byte, error) {
	v, rest, err := loadCounts(src, tagCount, 1, 0)
	if err != nil {
		return src, err
	}
	c.n = v[0]
	return rest, nil
}
