package snap

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/eventflux/eventflux-go/runtime"
)

// A row is its NULL bitmask, then each column of its layout (see the
// package doc). Generated code writes its typed rows with the column
// functions below; AppendRow and Reader.Row do the same for the
// interpreter's dynamic rows, column by column alike.

// AppendIntCol writes an INT, BIGINT or OBJECT column; 0 when NULL.
func AppendIntCol(dst []byte, v int64, null bool) []byte {
	if null {
		v = 0
	}
	return AppendInt(dst, v)
}

// AppendFloatCol writes a FLOAT or DOUBLE column; +0 when NULL.
func AppendFloatCol(dst []byte, v float64, null bool) []byte {
	if null {
		v = 0
	}
	return AppendFloat(dst, v)
}

// AppendStringCol writes a STRING column; "" when NULL.
func AppendStringCol(dst []byte, v string, null bool) []byte {
	if null {
		v = ""
	}
	return AppendString(dst, v)
}

// AppendBoolCol writes a BOOL column; false when NULL.
func AppendBoolCol(dst []byte, v, null bool) []byte {
	return AppendBool(dst, v && !null)
}

// Nulls reads the NULL bitmask of a row of n columns.
func (r *Reader) Nulls(n int) uint64 {
	m := r.Uint()
	if r.err == nil && n < 64 && m>>n != 0 {
		r.Failf("snapshot: a row of %d columns has NULL bit %d set", n, bits.Len64(m)-1)
		return 0
	}
	return m
}

// IntCol, Int32Col, FloatCol, Float32Col, StringCol and BoolCol read one
// column; a NULL column must hold its zero value.
func (r *Reader) IntCol(null bool) int64 {
	v := r.Int()
	r.zeroUnder(null, v == 0)
	return v
}

func (r *Reader) Int32Col(null bool) int32 {
	v := r.Int32()
	r.zeroUnder(null, v == 0)
	return v
}

func (r *Reader) FloatCol(null bool) float64 {
	v := r.Float()
	r.zeroUnder(null, v == 0 && !math.Signbit(v))
	return v
}

func (r *Reader) Float32Col(null bool) float32 {
	v := r.Float32()
	r.zeroUnder(null, v == 0 && !math.Signbit(float64(v)))
	return v
}

func (r *Reader) StringCol(null bool) string {
	v := r.String()
	r.zeroUnder(null, v == "")
	return v
}

func (r *Reader) BoolCol(null bool) bool {
	v := r.Bool()
	r.zeroUnder(null, !v)
	return v
}

func (r *Reader) zeroUnder(null, zero bool) {
	if null && !zero && r.err == nil {
		r.Failf("snapshot: a NULL column holds a value")
	}
}

// AppendRow writes a dynamic row laid out as types.
func AppendRow(dst []byte, types []runtime.Type, row runtime.Row) []byte {
	var nulls uint64
	for i, v := range row {
		if v.Null {
			nulls |= 1 << i
		}
	}
	dst = AppendUint(dst, nulls)
	for i, t := range types {
		v := row[i]
		switch t {
		case runtime.String:
			dst = AppendStringCol(dst, v.S, v.Null)
		case runtime.Float, runtime.Double:
			dst = AppendFloatCol(dst, v.F, v.Null)
		case runtime.Bool:
			dst = AppendBoolCol(dst, v.I != 0, v.Null)
		default:
			dst = AppendIntCol(dst, v.I, v.Null)
		}
	}
	return dst
}

// Row reads a dynamic row laid out as types: the values the interpreter
// holds (BOOL as I 0/1, FLOAT widened in F, NULL as runtime.NullValue).
func (r *Reader) Row(types []runtime.Type) runtime.Row {
	nulls := r.Nulls(len(types))
	row := make(runtime.Row, len(types))
	for i, t := range types {
		null := nulls&(1<<i) != 0
		var v runtime.Value
		switch t {
		case runtime.String:
			v.S = r.StringCol(null)
		case runtime.Int:
			v.I = int64(r.Int32Col(null))
		case runtime.Float:
			v.F = float64(r.Float32Col(null))
		case runtime.Double:
			v.F = r.FloatCol(null)
		case runtime.Bool:
			if r.BoolCol(null) {
				v.I = 1
			}
		default:
			v.I = r.IntCol(null)
		}
		if null {
			v = runtime.NullValue
		}
		row[i] = v
	}
	if r.err != nil {
		return nil
	}
	return row
}

// AppendTypes writes a layout's column types, the shape a restore checks.
func AppendTypes(dst []byte, types ...runtime.Type) []byte {
	dst = AppendCount(dst, len(types))
	for _, t := range types {
		dst = append(dst, byte(t))
	}
	return dst
}

// ExpectTypes reads a layout written by AppendTypes and fails with
// ErrMismatch, naming what, unless it is types.
func (r *Reader) ExpectTypes(what string, types ...runtime.Type) {
	n := r.Count()
	got := make([]runtime.Type, 0, n)
	for range n {
		got = append(got, runtime.Type(r.Byte()))
	}
	if r.err != nil {
		return
	}
	same := len(got) == len(types)
	for i := 0; same && i < len(got); i++ {
		same = got[i] == types[i]
	}
	if !same {
		r.Fail(fmt.Errorf("%w: %s has columns %v in the snapshot, %v in the app", ErrMismatch, what, got, types))
	}
}
