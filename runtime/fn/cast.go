package fn

import (
	"math"
	"strconv"
	"strings"
)

// Casts of §2.7, one function per (from, to) pair, named FromToTo or
// FormatFrom (to STRING). A failed parse or an out-of-range value is NULL
// (ok=false). Casts from STRING to a number trim whitespace first
// (§0.3.20). The widenings are functions too, although each is one Go
// conversion: the interpreter and generated code then call the same code
// for every pair, and each inlines to the conversion.

// StringToInt64 parses an optionally signed decimal integer ("  42 ", "+7");
// anything else ("2.75", "1e3", "") or a value outside BIGINT is NULL.
func StringToInt64(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	// Accumulate the magnitude in uint64; 1<<63 is allowed only when negative.
	const limit = 1 << 63
	var u uint64
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		if u > (limit-uint64(c))/10 {
			return 0, false
		}
		u = u*10 + uint64(c)
	}
	if neg {
		return int64(-u), true // -(1<<63) wraps to MinInt64 exactly
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

// StringToInt32 is StringToInt64 range-checked to INT.
func StringToInt32(s string) (int32, bool) {
	v, ok := StringToInt64(s)
	if !ok {
		return 0, false
	}
	return Int64ToInt32(v)
}

// StringToFloat64 parses decimal and exponent forms ("1e3", "-.5", "5.",
// "2.5E-3"), trimmed. Choice: "NaN", "Infinity", hexadecimal floats and
// digit separators are not numbers here (NULL), and neither is a value
// beyond the DOUBLE range; values too small for it round to zero.
func StringToFloat64(s string) (float64, bool) { return parseFloat(s, 64) }

// StringToFloat32 is StringToFloat64 rounded to FLOAT; beyond the FLOAT
// range is NULL.
func StringToFloat32(s string) (float32, bool) {
	f, ok := parseFloat(s, 32)
	return float32(f), ok
}

func parseFloat(s string, bits int) (float64, bool) {
	s = strings.TrimSpace(s)
	if !isDecimal(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, bits)
	if err != nil {
		return 0, false
	}
	return f, true
}

// isDecimal accepts [+-] (digits [. digits*] | . digits) [(e|E) [+-] digits].
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	intDigits := digitRun(s, i)
	i += intDigits
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		i++
		fracDigits = digitRun(s, i)
		i += fracDigits
	}
	if intDigits+fracDigits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		expDigits := digitRun(s, i)
		if expDigits == 0 {
			return false
		}
		i += expDigits
	}
	return i == len(s)
}

func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// StringToBool accepts true/1/yes and false/0/no, case-insensitive and
// (choice, like the numeric casts) trimmed; anything else is NULL.
func StringToBool(s string) (bool, bool) {
	s = strings.TrimSpace(s)
	switch {
	case strings.EqualFold(s, "true"), s == "1", strings.EqualFold(s, "yes"):
		return true, true
	case strings.EqualFold(s, "false"), s == "0", strings.EqualFold(s, "no"):
		return false, true
	}
	return false, false
}

// FormatInt32 is INT → STRING: decimal text (456 → "456").
func FormatInt32(v int32) string { return strconv.FormatInt(int64(v), 10) }

// FormatInt64 is BIGINT → STRING: decimal text.
func FormatInt64(v int64) string { return strconv.FormatInt(v, 10) }

// FormatFloat64 is DOUBLE → STRING: the shortest text that reads back as
// v, without exponent or trailing ".0" (100.0 → "100", 3.5 → "3.5"). NaN
// and infinities print as Go does ("NaN", "+Inf", "-Inf").
func FormatFloat64(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// FormatFloat32 is FLOAT → STRING, shortest for float32 (3.3 → "3.3").
func FormatFloat32(v float32) string { return strconv.FormatFloat(float64(v), 'f', -1, 32) }

// FormatBool is BOOL → STRING.
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Float64ToInt64 truncates toward zero (9.99 → 9, -9.99 → -9); NaN,
// infinities and values outside BIGINT are NULL.
func Float64ToInt64(f float64) (int64, bool) {
	t := math.Trunc(f)
	if !(t >= -(1<<63) && t < 1<<63) { // also false for NaN
		return 0, false
	}
	return int64(t), true
}

// Float64ToInt32 truncates toward zero into INT, as Float64ToInt64.
func Float64ToInt32(f float64) (int32, bool) {
	t := math.Trunc(f)
	if !(t >= math.MinInt32 && t <= math.MaxInt32) {
		return 0, false
	}
	return int32(t), true
}

// Float32ToInt64 is FLOAT → BIGINT, as Float64ToInt64 (widening a FLOAT to
// DOUBLE is exact).
func Float32ToInt64(f float32) (int64, bool) { return Float64ToInt64(float64(f)) }

// Float32ToInt32 is FLOAT → INT, as Float64ToInt32.
func Float32ToInt32(f float32) (int32, bool) { return Float64ToInt32(float64(f)) }

// Float64ToFloat32 rounds to the nearest FLOAT; a finite value that
// overflows FLOAT is NULL. NaN and infinities carry over.
func Float64ToFloat32(f float64) (float32, bool) {
	r := float32(f)
	if math.IsInf(float64(r), 0) && !math.IsInf(f, 0) {
		return 0, false
	}
	return r, true
}

// Int64ToInt32 range-checks a BIGINT into INT.
func Int64ToInt32(v int64) (int32, bool) {
	if v < math.MinInt32 || v > math.MaxInt32 {
		return 0, false
	}
	return int32(v), true
}

// Int32ToInt64 is INT → BIGINT (exact).
func Int32ToInt64(v int32) int64 { return int64(v) }

// Int32ToFloat32 is INT → FLOAT, rounded to nearest (§2.3: may round).
func Int32ToFloat32(v int32) float32 { return float32(v) }

// Int64ToFloat32 is BIGINT → FLOAT, rounded to nearest.
func Int64ToFloat32(v int64) float32 { return float32(v) }

// Int32ToFloat64 is INT → DOUBLE (exact).
func Int32ToFloat64(v int32) float64 { return float64(v) }

// Int64ToFloat64 is BIGINT → DOUBLE, rounded to nearest.
func Int64ToFloat64(v int64) float64 { return float64(v) }

// Float32ToFloat64 is FLOAT → DOUBLE (exact).
func Float32ToFloat64(f float32) float64 { return float64(f) }

// Int32ToBool is INT → BOOL: ≠0 is true.
func Int32ToBool(v int32) bool { return v != 0 }

// Int64ToBool is BIGINT → BOOL: ≠0 is true.
func Int64ToBool(v int64) bool { return v != 0 }
