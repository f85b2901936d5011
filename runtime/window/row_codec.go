package window

import (
	"errors"
	"math"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// RowCodec encodes runtime.Row payloads, the interpreter's T: the number
// of values, then per value a flag byte saying which fields are set (NULL,
// I, F, S) followed by those fields, so zero fields cost nothing.
func RowCodec() Codec[runtime.Row] {
	return Codec[runtime.Row]{Append: appendRow, Read: readRow}
}

const (
	rowNull byte = 1 << iota
	rowI
	rowF
	rowS
	rowAll = rowNull | rowI | rowF | rowS
)

var (
	errRowTruncated = errors.New("row is truncated")
	errRowFlags     = errors.New("row value has unknown flags")
)

func appendRow(dst []byte, row runtime.Row) []byte {
	dst = snap.AppendCount(dst, len(row))
	for _, v := range row {
		var flags byte
		if v.Null {
			flags |= rowNull
		}
		if v.I != 0 {
			flags |= rowI
		}
		if v.F != 0 || math.Signbit(v.F) {
			flags |= rowF
		}
		if v.S != "" {
			flags |= rowS
		}
		dst = append(dst, flags)
		if flags&rowI != 0 {
			dst = snap.AppendInt(dst, v.I)
		}
		if flags&rowF != 0 {
			dst = snap.AppendFloat(dst, v.F)
		}
		if flags&rowS != 0 {
			dst = snap.AppendString(dst, v.S)
		}
	}
	return dst
}

func readRow(src []byte) (runtime.Row, []byte, error) {
	r := snap.NewReader(src)
	// Count is bounded by the bytes left: every value takes at least its
	// flag byte.
	n := r.Count()
	if r.Err() != nil {
		return nil, src, errRowTruncated
	}
	row := make(runtime.Row, n)
	for i := range row {
		flags := r.Byte()
		if r.Err() == nil && flags&^rowAll != 0 {
			return nil, src, errRowFlags
		}
		v := &row[i]
		v.Null = flags&rowNull != 0
		if flags&rowI != 0 {
			v.I = r.Int()
		}
		if flags&rowF != 0 {
			v.F = r.Float()
		}
		if flags&rowS != 0 {
			v.S = r.String()
		}
		if r.Err() != nil {
			return nil, src, errRowTruncated
		}
	}
	return row, r.Rest(), nil
}
