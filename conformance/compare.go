package conformance

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/eventflux/eventflux-go/runtime"
)

// doubleTolerance is the relative precision of DOUBLE comparisons (FORMAT.md).
const doubleTolerance = 1e-9

// number is a numeric value that remembers whether it is an exact integer.
type number struct {
	i     int64
	f     float64
	isInt bool
}

func numberOf(x any) (number, bool) {
	switch v := x.(type) {
	case int32:
		return number{i: int64(v), f: float64(v), isInt: true}, true
	case int64:
		return number{i: v, f: float64(v), isInt: true}, true
	case int:
		return number{i: int64(v), f: float64(v), isInt: true}, true
	case float32:
		return number{f: float64(v)}, true
	case float64:
		return number{f: v}, true
	case json.Number:
		if i, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return number{i: i, f: float64(i), isInt: true}, true
		}
		if f, err := strconv.ParseFloat(string(v), 64); err == nil {
			return number{f: f}, true
		}
	}
	return number{}, false
}

// valueEqual compares an expected JSON value with a recorded value at the
// precision of the column type t: INT/BIGINT exactly, FLOAT after rounding
// both sides to float32, DOUBLE within a relative 1e-9; null equals only
// null; strings and booleans exactly. Numbers compare numerically whatever
// their literal form (an int expectation against a float column).
func valueEqual(want, got any, t runtime.Type) bool {
	if want == nil || got == nil {
		return want == nil && got == nil
	}
	switch w := want.(type) {
	case string:
		g, ok := got.(string)
		return ok && g == w
	case bool:
		g, ok := got.(bool)
		return ok && g == w
	}
	// Expected values come from JSON: anything else is not a number either.
	if _, isNumber := want.(json.Number); !isNumber {
		return false
	}
	wn, ok := numberOf(want)
	if !ok {
		return false
	}
	gn, ok := numberOf(got)
	if !ok {
		return false
	}
	if wn.isInt && gn.isInt {
		return wn.i == gn.i
	}
	switch t {
	case runtime.Float:
		return float32(wn.f) == float32(gn.f)
	case runtime.Int, runtime.BigInt:
		return wn.f == gn.f
	}
	return closeDouble(wn.f, gn.f)
}

func closeDouble(a, b float64) bool {
	if a == b {
		return true
	}
	if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return false
	}
	return math.Abs(a-b) <= doubleTolerance*math.Max(math.Abs(a), math.Abs(b))
}

// rowEqual compares an expected row with a recorded row column by column.
func rowEqual(want, got []any, cols []runtime.Column) bool {
	if len(want) != len(got) {
		return false
	}
	for i := range want {
		if !valueEqual(want[i], got[i], columnType(cols, i)) {
			return false
		}
	}
	return true
}

func columnType(cols []runtime.Column, i int) runtime.Type {
	if i < len(cols) {
		return cols[i].Type
	}
	return runtime.Object
}
