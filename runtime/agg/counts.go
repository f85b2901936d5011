package agg

import "github.com/eventflux/eventflux-go/runtime/snap"

// appendCounts and readCounts encode the integer fields of the scalar
// aggregators.
func appendCounts(dst []byte, vals ...int64) []byte {
	for _, v := range vals {
		dst = snap.AppendInt(dst, v)
	}
	return dst
}

func readCounts(r *snap.Reader, n int) [4]int64 {
	var out [4]int64
	for i := range n {
		out[i] = r.Int()
	}
	return out
}

// checkCount rejects a negative element count from a corrupt state.
func checkCount(r *snap.Reader, n int64) {
	if n < 0 {
		r.Failf("agg: snapshot state has negative count %d", n)
	}
}

// loadCounts reads the state of an aggregator made only of integer fields:
// its tag, then n fields of which those from firstCount on are element
// counts (never negative).
func loadCounts(src []byte, tag byte, n, firstCount int) (v [4]int64, rest []byte, err error) {
	r := snap.NewReader(src)
	readTag(r, tag)
	v = readCounts(r, n)
	for _, c := range v[firstCount:n] {
		checkCount(r, c)
	}
	if r.Err() != nil {
		return v, src, r.Err()
	}
	return v, r.Rest(), nil
}
