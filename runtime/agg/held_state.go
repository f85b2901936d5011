package agg

import (
	"iter"

	"github.com/eventflux/eventflux-go/runtime/snap"
)

// appendHeld and loadHeld encode the state of the aggregators that keep
// their held values (Min/Max, MinFIFO/MaxFIFO, First/Last): the header,
// the number of values, then the values in the holder's order.
func appendHeld[T any](dst []byte, tag byte, n int, vals iter.Seq[T]) ([]byte, error) {
	dst, err := appendHeader[T](dst, tag)
	if err != nil {
		return dst, err
	}
	dst = appendCounts(dst, int64(n))
	for v := range vals {
		dst = appendValue(dst, v)
	}
	return dst, nil
}

// loadHeld decodes the values and, only when all of them decode, hands them
// to refill, which replaces the holder's values; on error the holder keeps
// its state.
func loadHeld[T any](src []byte, tag byte, refill func([]T)) ([]byte, error) {
	r := snap.NewReader(src)
	readHeader[T](r, tag)
	n := r.Int()
	if r.Err() == nil && (n < 0 || n > int64(len(r.Rest()))) {
		r.Fail(snap.ErrTruncated)
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	vals := make([]T, 0, n)
	for range n {
		vals = append(vals, readValue[T](r))
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	refill(vals)
	return r.Rest(), nil
}
