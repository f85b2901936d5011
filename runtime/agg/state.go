package agg

import (
	"fmt"

	"github.com/eventflux/eventflux-go/runtime/snap"
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
	tagStdDevFloat // exact moments; tagStdDev is the layout before them
	tagStdDevInt
)

// Value kinds of generic aggregators' type parameter. The kind says what a
// value is, not the Go width holding it: an INT aggregator of generated code
// (int32) and of the interpreter (int64) write the same state, as do FLOAT
// ones (float32, float64), so a state restores into either.
const (
	kindInteger byte = iota + 1 // varint
	kindFloat                   // 8-byte float64
	kindString
	kindBool
)

// valueKind names T for the snapshot header; false when T cannot be encoded.
func valueKind[T any]() (byte, bool) {
	var zero T
	switch any(zero).(type) {
	case int, int32, int64:
		return kindInteger, true
	case float32, float64:
		return kindFloat, true
	case string:
		return kindString, true
	case bool:
		return kindBool, true
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
		return snap.AppendInt(dst, int64(x))
	case int32:
		return snap.AppendInt(dst, int64(x))
	case int64:
		return snap.AppendInt(dst, x)
	case float32:
		return snap.AppendFloat(dst, float64(x))
	case float64:
		return snap.AppendFloat(dst, x)
	case string:
		return snap.AppendString(dst, x)
	case bool:
		return snap.AppendBool(dst, x)
	}
	return dst
}

// readTag checks the tag that opens a state.
func readTag(r *snap.Reader, tag byte) {
	if got := r.Byte(); r.Err() == nil && got != tag {
		r.Failf("agg: snapshot state has tag %d, expected %d", got, tag)
	}
}

// readHeader checks the tag and the value kind of a generic aggregator.
func readHeader[T any](r *snap.Reader, tag byte) {
	readTag(r, tag)
	want, ok := valueKind[T]()
	if !ok {
		var zero T
		r.Failf("agg: cannot restore values of type %T", zero)
		return
	}
	if got := r.Byte(); r.Err() == nil && got != want {
		r.Failf("agg: snapshot state holds value kind %d, expected %d", got, want)
	}
}

// readValue decodes a value; one that T cannot hold exactly (an INT out of
// the int32 range, a FLOAT no float32 holds) fails.
func readValue[T any](r *snap.Reader) T {
	var zero T
	var out any
	switch any(zero).(type) {
	case int:
		out = int(r.Int())
	case int32:
		out = r.Int32()
	case int64:
		out = r.Int()
	case float32:
		out = r.Float32()
	case float64:
		out = r.Float()
	case string:
		out = r.String()
	case bool:
		out = r.Bool()
	default:
		return zero
	}
	if r.Err() != nil {
		return zero
	}
	return out.(T)
}
