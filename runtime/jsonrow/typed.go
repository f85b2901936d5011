package jsonrow

import (
	"math"
	"strconv"

	"github.com/eventflux/eventflux-go/runtime"
)

// The typed readers read one value into a column type: its Go value, and
// null for a JSON null (NULL). A value that does not fit gets the error
// runtime.ValueOf gives for it (a *runtime.ConvertError), a non-scalar or a
// number out of float64 range an *Error, bad JSON the syntax error. Each
// takes the common cases directly and leaves every other one to
// runtime.ValueOf itself, so they cannot disagree with it.

// String reads a STRING value.
func (r *Reader) String() (v string, null bool, err error) {
	k, text := r.scalar()
	switch k {
	case kindString:
		return string(text), false, nil
	case kindNull:
		return "", true, nil
	}
	val, err := r.convert(k, text, runtime.String)
	return val.S, val.Null, err
}

// Int reads an INT value: an integral number within int32 range.
func (r *Reader) Int() (v int32, null bool, err error) {
	k, text := r.scalar()
	switch k {
	case kindNumber:
		if i, ok := parseInt(text); ok && i >= math.MinInt32 && i <= math.MaxInt32 {
			return int32(i), false, nil
		}
	case kindNull:
		return 0, true, nil
	}
	val, err := r.convert(k, text, runtime.Int)
	return int32(val.I), val.Null, err
}

// BigInt reads a BIGINT value: an integral number within int64 range.
func (r *Reader) BigInt() (v int64, null bool, err error) {
	k, text := r.scalar()
	switch k {
	case kindNumber:
		if i, ok := parseInt(text); ok {
			return i, false, nil
		}
	case kindNull:
		return 0, true, nil
	}
	val, err := r.convert(k, text, runtime.BigInt)
	return val.I, val.Null, err
}

// Float reads a FLOAT value: any number, read as float64 and rounded to
// float32 (beyond float32 range it becomes an infinity, as in ValueOf).
func (r *Reader) Float() (v float32, null bool, err error) {
	k, text := r.scalar()
	switch k {
	case kindNumber:
		if f, ok := parseFloat(text); ok {
			return float32(f), false, nil
		}
	case kindNull:
		return 0, true, nil
	}
	val, err := r.convert(k, text, runtime.Float)
	return float32(val.F), val.Null, err
}

// Double reads a DOUBLE value: any number within float64 range.
func (r *Reader) Double() (v float64, null bool, err error) {
	k, text := r.scalar()
	switch k {
	case kindNumber:
		if f, ok := parseFloat(text); ok {
			return f, false, nil
		}
	case kindNull:
		return 0, true, nil
	}
	val, err := r.convert(k, text, runtime.Double)
	return val.F, val.Null, err
}

// Bool reads a BOOL value: true or false.
func (r *Reader) Bool() (v bool, null bool, err error) {
	k, text := r.scalar()
	switch k {
	case kindTrue:
		return true, false, nil
	case kindFalse:
		return false, false, nil
	case kindNull:
		return false, true, nil
	}
	val, err := r.convert(k, text, runtime.Bool)
	return val.Bool(), val.Null, err
}

// Value reads one value as the Go value the driver's generic path hands
// runtime.App.Send for a column of type t: nil, string, bool, int64 (an
// integer literal within int64 range, for INT and BIGINT columns only) or
// float64. Its errors are those of the reading itself: a non-scalar, a
// number out of float64 range, bad JSON.
func (r *Reader) Value(t runtime.Type) (any, error) {
	k, text := r.scalar()
	return r.generic(k, text, t)
}

func (r *Reader) generic(k kind, text []byte, t runtime.Type) (any, error) {
	switch k {
	case kindString:
		return string(text), nil
	case kindTrue:
		return true, nil
	case kindFalse:
		return false, nil
	case kindNull:
		return nil, nil
	case kindNumber:
		if t == runtime.Int || t == runtime.BigInt {
			if i, ok := parseInt(text); ok {
				return i, nil
			}
		}
		f, ok := parseFloat(text)
		if !ok {
			return nil, outOfRange(text)
		}
		return f, nil
	case kindContainer:
		return nil, errNotScalar
	}
	return nil, r.err
}

// convert is the exact path: the generic value, converted by ValueOf.
func (r *Reader) convert(k kind, text []byte, t runtime.Type) (runtime.Value, error) {
	x, err := r.generic(k, text, t)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.ValueOf(x, t)
}

// parseInt is strconv.ParseInt(text, 10, 64) on a JSON number, without
// converting short texts to a string.
func parseInt(text []byte) (int64, bool) {
	digits := text
	neg := len(digits) > 0 && digits[0] == '-'
	if neg {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		for _, c := range digits {
			if !isDigit(c) {
				return 0, false
			}
		}
		i, err := strconv.ParseInt(string(text), 10, 64)
		return i, err == nil
	}
	var n int64
	for _, c := range digits {
		if !isDigit(c) {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// parseFloat is strconv.ParseFloat(text, 64); false when out of range.
func parseFloat(text []byte) (float64, bool) {
	f, err := strconv.ParseFloat(string(text), 64)
	return f, err == nil
}
