package runtime

import (
	"math"
	"strconv"
)

// Value is one dynamically held column value, used by the interpreter and at
// the generic App boundary. The static type is known from the schema, so a
// Value carries no type tag: INT, BIGINT and BOOL (0/1) live in I, FLOAT
// (a float32 widened exactly) and DOUBLE in F, STRING in S.
type Value struct {
	I    int64
	F    float64
	S    string
	Null bool
}

// Row is one event's values in schema order.
type Row = []Value

var NullValue = Value{Null: true}

func IntValue(v int64) Value     { return Value{I: v} }
func FloatValue(v float64) Value { return Value{F: v} }
func StringValue(v string) Value { return Value{S: v} }
func BoolValue(v bool) Value {
	if v {
		return Value{I: 1}
	}
	return Value{}
}

// Bool reads a BOOL value (NULL reads as false).
func (v Value) Bool() bool { return !v.Null && v.I != 0 }

// Any converts v of type t into a plain Go value: nil, string, int32,
// int64, float32, float64 or bool.
func (v Value) Any(t Type) any {
	if v.Null {
		return nil
	}
	switch t {
	case String:
		return v.S
	case Int:
		return int32(v.I)
	case BigInt:
		return v.I
	case Float:
		return float32(v.F)
	case Double:
		return v.F
	case Bool:
		return v.I != 0
	}
	return nil
}

// Format renders v of type t as text (used by explain and diagnostics).
func (v Value) Format(t Type) string {
	if v.Null {
		return "NULL"
	}
	switch t {
	case String:
		return strconv.Quote(v.S)
	case Int, BigInt:
		return strconv.FormatInt(v.I, 10)
	case Float:
		return strconv.FormatFloat(v.F, 'g', -1, 32)
	case Double:
		return strconv.FormatFloat(v.F, 'g', -1, 64)
	case Bool:
		return strconv.FormatBool(v.I != 0)
	}
	return "?"
}

// ValueOf converts a Go value into a Value of column type t, with the
// boundary conversions of LANGUAGE.md §2.3: any numeric into any numeric
// column (narrowing truncates; out of range is an error here, because at
// the boundary a value that cannot be converted is a mapping error, not a
// NULL). Accepted inputs: nil, string, bool, all Go integer and float
// kinds, and json.Number-like values via fmt.Stringer are not accepted.
func ValueOf(x any, t Type) (Value, error) {
	if x == nil {
		return NullValue, nil
	}
	switch t {
	case String:
		if s, ok := x.(string); ok {
			return Value{S: s}, nil
		}
	case Bool:
		if b, ok := x.(bool); ok {
			return BoolValue(b), nil
		}
	case Int, BigInt, Float, Double:
		var f float64
		var i int64
		isInt := false
		switch n := x.(type) {
		case int:
			i, isInt = int64(n), true
		case int8:
			i, isInt = int64(n), true
		case int16:
			i, isInt = int64(n), true
		case int32:
			i, isInt = int64(n), true
		case int64:
			i, isInt = n, true
		case uint8:
			i, isInt = int64(n), true
		case uint16:
			i, isInt = int64(n), true
		case uint32:
			i, isInt = int64(n), true
		case float32:
			f = float64(n)
		case float64:
			f = n
		default:
			return Value{}, &ConvertError{Value: x, Type: t}
		}
		switch t {
		case Int, BigInt:
			if !isInt {
				if f != math.Trunc(f) || math.IsNaN(f) || math.IsInf(f, 0) || f < -9.223372036854775808e18 || f >= 9.223372036854775808e18 {
					return Value{}, &ConvertError{Value: x, Type: t}
				}
				i = int64(f)
			}
			if t == Int && (i < math.MinInt32 || i > math.MaxInt32) {
				return Value{}, &ConvertError{Value: x, Type: t}
			}
			return Value{I: i}, nil
		case Float:
			if isInt {
				f = float64(i)
			}
			return Value{F: float64(float32(f))}, nil
		case Double:
			if isInt {
				f = float64(i)
			}
			return Value{F: f}, nil
		}
	}
	return Value{}, &ConvertError{Value: x, Type: t}
}

// ConvertError reports a value that cannot be converted into a column type.
type ConvertError struct {
	Value any
	Type  Type
}

func (e *ConvertError) Error() string {
	return "cannot convert " + describe(e.Value) + " to " + e.Type.String()
}

func describe(x any) string {
	switch v := x.(type) {
	case string:
		return "string " + strconv.Quote(v)
	case bool:
		return "boolean " + strconv.FormatBool(v)
	case float64:
		return "number " + strconv.FormatFloat(v, 'g', -1, 64)
	case nil:
		return "null"
	}
	return "value"
}
