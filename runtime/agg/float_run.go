package agg

import "github.com/eventflux/eventflux-go/runtime/snap"

// floatRun is the state SumFloat and AvgFloat share: an accurate sum of
// the held values and how many there are.
type floatRun struct {
	sum floatSum
	n   int64
}

func (f *floatRun) add(v float64) { f.sum.add(v); f.n++ }

func (f *floatRun) remove(v float64) {
	if f.n == 0 {
		return
	}
	f.n--
	if f.n == 0 {
		// Start the next run from an exact zero.
		f.sum = floatSum{}
		return
	}
	f.sum.remove(v)
}

func (f *floatRun) appendState(dst []byte, tag byte) []byte {
	dst = appendCounts(append(dst, tag), f.n)
	return f.sum.appendState(dst)
}

func (f *floatRun) loadState(src []byte, tag byte) ([]byte, error) {
	r := snap.NewReader(src)
	readTag(r, tag)
	n := r.Int()
	checkCount(r, n)
	var sum floatSum
	sum.readState(r)
	if r.Err() != nil {
		return src, r.Err()
	}
	*f = floatRun{sum: sum, n: n}
	return r.Rest(), nil
}
