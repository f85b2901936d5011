package window

import (
	"encoding/binary"
	"errors"
	"math"

	"eventflux/runtime"
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
	dst = appendCount(dst, len(row))
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
			dst = appendInt(dst, v.I)
		}
		if flags&rowF != 0 {
			dst = appendFloat(dst, v.F)
		}
		if flags&rowS != 0 {
			dst = appendString(dst, v.S)
		}
	}
	return dst
}

func readRow(src []byte) (runtime.Row, []byte, error) {
	n, k := binary.Uvarint(src)
	// Every value takes at least its flag byte.
	if k <= 0 || n > uint64(len(src)-k) {
		return nil, src, errRowTruncated
	}
	r := stateReader{b: src[k:]}
	row := make(runtime.Row, n)
	for i := range row {
		flags := r.byte()
		if r.err == nil && flags&^rowAll != 0 {
			return nil, src, errRowFlags
		}
		v := &row[i]
		v.Null = flags&rowNull != 0
		if flags&rowI != 0 {
			v.I = r.varint()
		}
		if flags&rowF != 0 {
			v.F = r.float()
		}
		if flags&rowS != 0 {
			v.S = r.str()
		}
		if r.err != nil {
			return nil, src, errRowTruncated
		}
	}
	return row, r.b, nil
}
