// Package key is the one encoding of GROUP BY keys (LANGUAGE.md §0.3.16):
// per key column a NULL flag, then the value normalized the way grouping
// compares it — the zero value of its type when NULL, FLOAT and DOUBLE by
// fn.FloatKey bits (so -0.0 meets 0.0 and NaN meets NaN). Equal keys have
// equal bytes and different keys different bytes, so the interpreter keys
// its group map by them; generated code writes them from its typed key
// struct; snapshots name groups by them and list groups in their byte
// order (runtime/snap's format), which is why both backends' snapshots
// agree.
package key

import (
	"encoding/binary"
	"math"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/fn"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

func appendNull(dst []byte, null bool) []byte { return snap.AppendBool(dst, null) }

// AppendInt writes an INT, BIGINT or OBJECT key column.
func AppendInt(dst []byte, v int64, null bool) []byte {
	if null {
		v = 0
	}
	return snap.AppendInt(appendNull(dst, null), v)
}

// AppendFloat writes a FLOAT or DOUBLE key column.
func AppendFloat(dst []byte, v float64, null bool) []byte {
	return AppendFloatBits(dst, fn.FloatKey(v), null)
}

// AppendFloatBits writes a FLOAT or DOUBLE key column already normalized
// by fn.FloatKey, as generated key structs hold them.
func AppendFloatBits(dst []byte, bits uint64, null bool) []byte {
	if null {
		bits = 0
	}
	return binary.LittleEndian.AppendUint64(appendNull(dst, null), bits)
}

// AppendString writes a STRING key column.
func AppendString(dst []byte, v string, null bool) []byte {
	if null {
		v = ""
	}
	return snap.AppendString(appendNull(dst, null), v)
}

// AppendBool writes a BOOL key column.
func AppendBool(dst []byte, v, null bool) []byte {
	return snap.AppendBool(appendNull(dst, null), v && !null)
}

// AppendValue writes a dynamic value of type t (the interpreter's).
func AppendValue(dst []byte, t runtime.Type, v runtime.Value) []byte {
	switch t {
	case runtime.String:
		return AppendString(dst, v.S, v.Null)
	case runtime.Float, runtime.Double:
		return AppendFloat(dst, v.F, v.Null)
	case runtime.Bool:
		return AppendBool(dst, v.I != 0, v.Null)
	}
	return AppendInt(dst, v.I, v.Null)
}

// The readers decode one key column and fail on bytes no key encodes (a
// NULL with a value, an INT out of range, a float that fn.FloatKey does
// not return), so that a decoded key re-encodes to the bytes read.

func ReadInt(r *snap.Reader) (v int64, null bool) {
	null = r.Bool()
	v = r.Int()
	return v, checkZero(r, null, v == 0)
}

func ReadInt32(r *snap.Reader) (v int32, null bool) {
	null = r.Bool()
	v = r.Int32()
	return v, checkZero(r, null, v == 0)
}

func ReadFloatBits(r *snap.Reader) (bits uint64, null bool) {
	null = r.Bool()
	bits = r.Uint64()
	if r.Err() == nil && fn.FloatKey(math.Float64frombits(bits)) != bits {
		r.Failf("snapshot: group key float bits %#x are not normalized", bits)
	}
	return bits, checkZero(r, null, bits == 0)
}

func ReadString(r *snap.Reader) (v string, null bool) {
	null = r.Bool()
	v = r.String()
	return v, checkZero(r, null, v == "")
}

func ReadBool(r *snap.Reader) (v, null bool) {
	null = r.Bool()
	v = r.Bool()
	return v, checkZero(r, null, !v)
}

func checkZero(r *snap.Reader, null, zero bool) bool {
	if null && !zero && r.Err() == nil {
		r.Failf("snapshot: a NULL group key column holds a value")
	}
	return null
}

// ReadValue decodes a key column of type t into the bytes AppendValue
// writes for it, appended to dst.
func ReadValue(dst []byte, r *snap.Reader, t runtime.Type) []byte {
	switch t {
	case runtime.String:
		v, null := ReadString(r)
		return AppendString(dst, v, null)
	case runtime.Int:
		v, null := ReadInt32(r)
		return AppendInt(dst, int64(v), null)
	case runtime.Float, runtime.Double:
		bits, null := ReadFloatBits(r)
		return AppendFloatBits(dst, bits, null)
	case runtime.Bool:
		v, null := ReadBool(r)
		return AppendBool(dst, v, null)
	}
	v, null := ReadInt(r)
	return AppendInt(dst, v, null)
}
