package agg

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"eventflux/runtime"
)

// Snapshotter is implemented by every aggregator: AppendState appends its
// state to dst; LoadState replaces the state with the one at the start of
// src and returns the bytes after it. A state written by one aggregator
// type only loads into the same type (same value type for generic ones).
type Snapshotter interface {
	AppendState(dst []byte) ([]byte, error)
	LoadState(src []byte) (rest []byte, err error)
}

// Tags open every state so that loading into the wrong aggregator fails
// instead of silently misreading (a rebuilt app that does not fit, §12.2).
const (
	tagCount byte = iota + 1
	tagSumInt
	tagSumFloat
	tagAvgInt
	tagAvgFloat
	tagMin
	tagMax
	tagMinForever
	tagMaxForever
	tagDistinctCount
	tagStdDev
	tagFirst
	tagLast
	tagAnd
	tagOr
	tagMinFIFO
	tagMaxFIFO
)

var errTruncated = errors.New("agg: snapshot state is truncated")

// Value kinds of generic aggregators' type parameter.
const (
	kindInt byte = iota + 1
	kindInt32
	kindInt64
	kindFloat32
	kindFloat64
	kindString
	kindBool
	kindValue
)

// valueKind names T for the snapshot header; false when T cannot be encoded.
func valueKind[T any]() (byte, bool) {
	var zero T
	switch any(zero).(type) {
	case int:
		return kindInt, true
	case int32:
		return kindInt32, true
	case int64:
		return kindInt64, true
	case float32:
		return kindFloat32, true
	case float64:
		return kindFloat64, true
	case string:
		return kindString, true
	case bool:
		return kindBool, true
	case runtime.Value:
		return kindValue, true
	}
	return 0, false
}

func appendHeader[T any](dst []byte, tag byte) ([]byte, error) {
	kind, ok := valueKind[T]()
	if !ok {
		var zero T
		return dst, fmt.Errorf("agg: cannot snapshot values of type %T", zero)
	}
	return append(dst, tag, kind), nil
}

// appendValue encodes v; T must be a type valueKind accepts (checked by
// appendHeader before any value is written).
func appendValue[T any](dst []byte, v T) []byte {
	switch x := any(v).(type) {
	case int:
		return binary.AppendVarint(dst, int64(x))
	case int32:
		return binary.AppendVarint(dst, int64(x))
	case int64:
		return binary.AppendVarint(dst, x)
	case float32:
		return binary.LittleEndian.AppendUint32(dst, math.Float32bits(x))
	case float64:
		return appendFloat(dst, x)
	case string:
		return appendString(dst, x)
	case bool:
		return appendBool(dst, x)
	case runtime.Value:
		dst = appendBool(dst, x.Null)
		dst = binary.AppendVarint(dst, x.I)
		dst = appendFloat(dst, x.F)
		return appendString(dst, x.S)
	}
	return dst
}

func appendFloat(dst []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(dst, math.Float64bits(f))
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

func appendBool(dst []byte, b bool) []byte {
	if b {
		return append(dst, 1)
	}
	return append(dst, 0)
}

// stateReader decodes a state; the first error sticks and later reads
// return zero values, so decoders check err once at the end.
type stateReader struct {
	b   []byte
	err error
}

func (r *stateReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *stateReader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.fail(errTruncated)
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *stateReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(errTruncated)
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a non-negative element count, bounded by the bytes left so a
// corrupt state cannot make the loader allocate without limit.
func (r *stateReader) count() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)) {
		r.fail(errTruncated)
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *stateReader) float() float64 {
	if r.err != nil || len(r.b) < 8 {
		r.fail(errTruncated)
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return f
}

func (r *stateReader) str() string {
	n := r.count()
	if r.err != nil || n > len(r.b) {
		r.fail(errTruncated)
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *stateReader) bool() bool { return r.byte() != 0 }

// header checks the tag (and, for generic aggregators, the value kind).
func (r *stateReader) header(tag byte) {
	if got := r.byte(); r.err == nil && got != tag {
		r.fail(fmt.Errorf("agg: snapshot state has tag %d, expected %d", got, tag))
	}
}

func readHeader[T any](r *stateReader, tag byte) {
	r.header(tag)
	want, ok := valueKind[T]()
	if !ok {
		var zero T
		r.fail(fmt.Errorf("agg: cannot restore values of type %T", zero))
		return
	}
	if got := r.byte(); r.err == nil && got != want {
		r.fail(fmt.Errorf("agg: snapshot state holds value kind %d, expected %d", got, want))
	}
}

func readValue[T any](r *stateReader) T {
	var zero T
	var out any
	switch any(zero).(type) {
	case int:
		out = int(r.varint())
	case int32:
		out = int32(r.varint())
	case int64:
		out = r.varint()
	case float32:
		if r.err != nil || len(r.b) < 4 {
			r.fail(errTruncated)
			return zero
		}
		out = math.Float32frombits(binary.LittleEndian.Uint32(r.b))
		r.b = r.b[4:]
	case float64:
		out = r.float()
	case string:
		out = r.str()
	case bool:
		out = r.bool()
	case runtime.Value:
		null := r.bool()
		i := r.varint()
		f := r.float()
		out = runtime.Value{Null: null, I: i, F: f, S: r.str()}
	default:
		return zero
	}
	if r.err != nil {
		return zero
	}
	return out.(T)
}
