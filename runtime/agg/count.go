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
	r := stateReader{b: src}
	r.header(tagCount)
	v := readCounts(&r, 1)
	checkCount(&r, v[0])
	if r.err != nil {
		return src, r.err
	}
	c.n = v[0]
	return r.b, nil
}
