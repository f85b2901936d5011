package agg

import (
	"encoding/binary"
	"fmt"
)

// appendCounts and readCounts encode the integer fields of the scalar
// aggregators.
func appendCounts(dst []byte, vals ...int64) []byte {
	for _, v := range vals {
		dst = binary.AppendVarint(dst, v)
	}
	return dst
}

func readCounts(r *stateReader, n int) [4]int64 {
	var out [4]int64
	for i := range n {
		out[i] = r.varint()
	}
	return out
}

// checkCount rejects a negative element count from a corrupt state.
func checkCount(r *stateReader, n int64) {
	if n < 0 {
		r.fail(fmt.Errorf("agg: snapshot state has negative count %d", n))
	}
}
