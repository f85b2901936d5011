package fn

import (
	"math"
	"strconv"
)

// Round is round(x): half away from zero to an integer (round(3.5) = 4.0,
// round(-2.5) = -3.0); RoundTo(x, 0) is the same.
func Round(x float64) float64 { return math.Round(x) }

// RoundTo is round(x, d): half away from zero at d decimals; a negative d
// rounds to tens, hundreds, … (round(1250.0, -2) = 1300.0, §0.3.20).
//
// Choice: the rounding applies to the decimal value the user sees (the
// shortest text that reads back as x), so round(1.005, 2) = 1.01 and
// round(2.675, 2) = 2.68, although the binary doubles nearest those
// literals lie just below the halfway point.
func RoundTo(x float64, d int64) float64 { return roundAt(x, d, false) }

// Trunc is trunc(x): toward zero (trunc(-3.7) = -3.0); TruncTo(x, 0) is
// the same.
func Trunc(x float64) float64 { return math.Trunc(x) }

// TruncTo is trunc(x, d): toward zero at d decimals, on the decimal value
// as RoundTo (trunc(0.29, 2) = 0.29, not 0.28).
func TruncTo(x float64, d int64) float64 { return roundAt(x, d, true) }

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// fastMargin: below 2^31 the scaled value is off from the exact decimal
// product by at most about 2^-22, so a fraction farther than this from the
// decision point decides the same way as exact decimal arithmetic.
const fastMargin = 1e-6

func roundAt(x float64, d int64, trunc bool) float64 {
	if d == 0 {
		if trunc {
			return math.Trunc(x)
		}
		return math.Round(x)
	}
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) || d > 400 {
		return x
	}
	if d < -400 {
		return math.Copysign(0, x)
	}
	if d >= -22 && d <= 22 {
		if r, ok := roundFast(x, d, trunc); ok {
			return r
		}
	}
	return roundDecimal(x, int(d), trunc)
}

// roundFast scales by an exact power of ten and decides on the binary
// fraction when that provably agrees with the decimal rule; the result
// N/10^d (or N·10^-d) is then one correctly rounded operation, the same
// double as parsing the decimal result.
func roundFast(x float64, d int64, trunc bool) (float64, bool) {
	var y, p float64
	if d > 0 {
		p = pow10[d]
		y = x * p
	} else {
		p = pow10[-d]
		y = x / p
	}
	if math.Abs(y) >= 1<<31 {
		return 0, false
	}
	f := math.Abs(y - math.Trunc(y))
	var n float64
	switch {
	case trunc && f == 0:
		// Exactly integral after scaling: x is that decimal only if
		// scaling back gives x again (2.9999999999999996 scales to 300).
		if scale(y, d, p) != x {
			return 0, false
		}
		return x, true
	case trunc && f > fastMargin && f < 1-fastMargin:
		n = math.Trunc(y)
	case !trunc && math.Abs(f-0.5) > fastMargin:
		n = math.Round(y)
	default:
		return 0, false
	}
	if n == 0 {
		return math.Copysign(0, x), true
	}
	return scale(n, d, p), true
}

func scale(n float64, d int64, p float64) float64 {
	if d > 0 {
		return n / p
	}
	return n * p
}

// roundDecimal rounds the shortest decimal representation of x digit by
// digit and parses the result back.
func roundDecimal(x float64, d int, trunc bool) float64 {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], x, 'e', -1, 64) // [-]d[.ddd]e±dd
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	var digits [24]byte
	n, exp := 0, 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == 'e' {
			e, _ := strconv.Atoi(string(b[i+1:]))
			exp = e
			break
		}
		if c != '.' {
			digits[n] = c
			n++
		}
	}
	// x = 0.d1…dn × 10^(exp+1); keep the first k digits.
	k := exp + 1 + d
	if k >= n {
		return x
	}
	up := false
	if k >= 0 && !trunc {
		up = digits[k] >= '5'
	}
	if k < 0 {
		k = 0
	}
	out := make([]byte, 0, 32)
	if neg {
		out = append(out, '-')
	}
	kept := digits[:k]
	if up {
		i := k - 1
		for ; i >= 0 && kept[i] == '9'; i-- {
			kept[i] = '0'
		}
		if i >= 0 {
			kept[i]++
		} else {
			out = append(out, '1') // all nines (or nothing kept): carry out
		}
	} else if k == 0 {
		return math.Copysign(0, x)
	}
	out = append(out, kept...)
	out = append(out, 'e')
	out = strconv.AppendInt(out, int64(exp+1-k), 10)
	r, err := strconv.ParseFloat(string(out), 64)
	if err != nil && !math.IsInf(r, 0) {
		return x
	}
	return r
}
