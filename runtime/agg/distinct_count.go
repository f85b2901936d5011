package agg

import (
	"bytes"
	"slices"

	"github.com/eventflux/eventflux-go/runtime/snap"
)

// DistinctCount is distinctCount(x): the number of distinct values held,
// where NULL counts as one value of its own (§9.6). Values that are not
// equal to themselves (NaN) cannot be map keys, so they are counted apart as one more distinct value.
type DistinctCount[K comparable] struct {
	counts map[K]int64
	nulls  int64
	nans   int64
}

func (d *DistinctCount[K]) Add(k K) {
	if k != k {
		d.nans++
		return
	}
	if d.counts == nil {
		d.counts = make(map[K]int64)
	}
	d.counts[k]++
}

func (d *DistinctCount[K]) Remove(k K) {
	if k != k {
		if d.nans > 0 {
			d.nans--
		}
		return
	}
	switch c := d.counts[k]; {
	case c > 1:
		d.counts[k] = c - 1
	case c == 1:
		delete(d.counts, k)
	}
}

func (d *DistinctCount[K]) AddNull() { d.nulls++ }

func (d *DistinctCount[K]) RemoveNull() {
	if d.nulls > 0 {
		d.nulls--
	}
}

func (d *DistinctCount[K]) Reset() {
	clear(d.counts)
	d.nulls, d.nans = 0, 0
}

func (d *DistinctCount[K]) Value() int64 {
	n := int64(len(d.counts))
	if d.nulls > 0 {
		n++
	}
	if d.nans > 0 {
		n++
	}
	return n
}

func (d *DistinctCount[K]) AppendState(dst []byte) ([]byte, error) {
	dst, err := appendHeader[K](dst, tagDistinctCount)
	if err != nil {
		return dst, err
	}
	dst = appendCounts(dst, d.nulls, d.nans, int64(len(d.counts)))
	// In the order of the values' encodings (distinct and prefix-free):
	// one state, one snapshot, whatever the map's order.
	entries := make([][]byte, 0, len(d.counts))
	for k, c := range d.counts {
		entries = append(entries, appendCounts(appendValue(nil, k), c))
	}
	slices.SortFunc(entries, bytes.Compare)
	for _, e := range entries {
		dst = append(dst, e...)
	}
	return dst, nil
}

func (d *DistinctCount[K]) LoadState(src []byte) ([]byte, error) {
	r := snap.NewReader(src)
	readHeader[K](r, tagDistinctCount)
	v := readCounts(r, 3)
	for _, n := range v[:3] {
		checkCount(r, n)
	}
	if v[2] > int64(len(r.Rest())) {
		r.Fail(snap.ErrTruncated)
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	counts := make(map[K]int64, v[2])
	for range v[2] {
		k := readValue[K](r)
		c := r.Int()
		if c <= 0 {
			r.Fail(snap.ErrTruncated)
		}
		if r.Err() != nil {
			return src, r.Err()
		}
		counts[k] = c
	}
	*d = DistinctCount[K]{counts: counts, nulls: v[0], nans: v[1]}
	return r.Rest(), nil
}
