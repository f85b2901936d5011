package fn

import "math"

// AbsInt32 is abs over INT; the most negative value wraps to itself
// (two's complement, §0.3.20).
func AbsInt32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// AbsInt64 is abs over BIGINT, wrapping like AbsInt32.
func AbsInt64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// AbsFloat32 is abs over FLOAT (the sign bit cleared: abs(-0.0) = 0.0).
func AbsFloat32(x float32) float32 { return math.Float32frombits(math.Float32bits(x) &^ (1 << 31)) }

// AbsFloat64 is abs over DOUBLE.
func AbsFloat64(x float64) float64 { return math.Abs(x) }

// The DOUBLE functions of §9.1 that are IEEE operations (§2.6: sqrt(-1)
// is NaN, ln(0) is -Infinity, asin(2) is NaN). They are named wrappers so
// that the interpreter and generated code call the same function; each
// inlines to the math call.

// Ceil is ceil(x): ceil(-3.7) = -3.0.
func Ceil(x float64) float64 { return math.Ceil(x) }

// Floor is floor(x): floor(-3.2) = -4.0.
func Floor(x float64) float64 { return math.Floor(x) }

// Sqrt is sqrt(x).
func Sqrt(x float64) float64 { return math.Sqrt(x) }

// Exp is exp(x).
func Exp(x float64) float64 { return math.Exp(x) }

// Ln is ln(x) and log(x), the natural logarithm.
func Ln(x float64) float64 { return math.Log(x) }

// Log10 is log10(x).
func Log10(x float64) float64 { return math.Log10(x) }

// Power is power(b, e) and pow(b, e).
func Power(b, e float64) float64 { return math.Pow(b, e) }

// Sin, Cos, Tan, Asin, Acos and Atan are the trigonometric functions, in
// radians; asin and acos outside [-1, 1] are NaN.
func Sin(x float64) float64  { return math.Sin(x) }
func Cos(x float64) float64  { return math.Cos(x) }
func Tan(x float64) float64  { return math.Tan(x) }
func Asin(x float64) float64 { return math.Asin(x) }
func Acos(x float64) float64 { return math.Acos(x) }
func Atan(x float64) float64 { return math.Atan(x) }

// Sign is sign(x): -1, 0 or 1 (INT); NaN gives 0.
func Sign(x float64) int32 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// ModFloat is mod(a, b) and DOUBLE a % b: the remainder with the sign of a;
// b = 0 gives NULL (§2.6).
func ModFloat(a, b float64) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return math.Mod(a, b), true
}

// ModFloat32 is FLOAT % FLOAT. The remainder is exactly representable, so
// computing it in float64 gives the float32 result exactly.
func ModFloat32(a, b float32) (float32, bool) {
	if b == 0 {
		return 0, false
	}
	return float32(math.Mod(float64(a), float64(b))), true
}

// ModInt64 is BIGINT % BIGINT: sign follows the dividend (-17 % 5 = -2);
// b = 0 gives NULL; MinInt64 % -1 is 0 (no trap).
func ModInt64(a, b int64) (int64, bool) {
	if b == 0 {
		return 0, false
	}
	return a % b, true
}

// ModInt32 is INT % INT, as ModInt64.
func ModInt32(a, b int32) (int32, bool) {
	if b == 0 {
		return 0, false
	}
	return a % b, true
}

// DivFloat is '/': always DOUBLE (10 / 4 = 2.5); a zero divisor (0 or -0.0)
// gives NULL (§2.6).
func DivFloat(a, b float64) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return a / b, true
}

// Maximum is maximum(a, b, …) over its non-NULL arguments (the caller drops
// NULLs); no argument left gives NULL. A NaN argument makes the result NaN,
// as math.Max does, whatever its position.
func Maximum(xs ...float64) (float64, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	m := xs[0]
	for _, x := range xs[1:] {
		m = math.Max(m, x)
	}
	return m, true
}

// Minimum is minimum(a, b, …), as Maximum.
func Minimum(xs ...float64) (float64, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	m := xs[0]
	for _, x := range xs[1:] {
		m = math.Min(m, x)
	}
	return m, true
}

// FloatKey is the grouping identity of a FLOAT or DOUBLE value: -0.0 and
// 0.0 are one key (they are equal), and every NaN is the same key (a
// group must find itself again), which Go's == gives neither of.
func FloatKey(f float64) uint64 {
	switch {
	case f == 0:
		return 0
	case f != f:
		return 0x7ff8000000000001
	}
	return math.Float64bits(f)
}
