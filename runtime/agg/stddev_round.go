package agg

import (
	"math"
	"math/bits"
)

// roundStdDev returns √(D·2^(64·base))/n as a float64, for D > 0 given as
// 64-bit words (least significant first, the top one nonzero) and n ≥ 1.
// D's top 128 bits become a double-double (error below 2⁻¹⁰⁶), and the
// square root and the division run in double-double with FMA (errors of a
// few 2⁻¹⁰⁴), so before the one final rounding the value is within 2⁻¹⁰⁰
// of √D/n relatively: the result is within ulp/2 + 2⁻¹⁰⁰·σ of σ.
func roundStdDev(d []uint64, base int, n int64) float64 {
	// D's top 128 bits hi:lo from its three top words w2:w1:w0, shifted
	// so that hi's top bit is set (shifts by 64 give 0).
	t := len(d) - 1
	var w [3]uint64
	for k := range w {
		if i := t - k; i >= 0 {
			w[2-k] = d[i]
		}
	}
	lz := uint(bits.LeadingZeros64(w[2]))
	hi, lo := w[2]<<lz|w[1]>>(64-lz), w[1]<<lz|w[0]>>(64-lz)
	// D ≈ (hi·2^64 + lo)·2^e; the bits dropped are below 2^-127 of it.
	e := 64*(t-1+base) - int(lz)

	// hi:lo as a double-double h + l: hi's top 53 bits, then the rest.
	s, e1 := twoSum(float64(hi&0x7ff)*0x1p64, float64(lo))
	h, e2 := twoSum(float64(hi>>11)*0x1p75, s)
	h, l := fastTwoSum(h, e1+e2)
	if e&1 != 0 { // an even exponent halves exactly
		h, l, e = 2*h, 2*l, e-1
	}

	// √(h + l): one Newton step from √h; h − r² is exact with FMA.
	r := math.Sqrt(h)
	rl := (math.FMA(-r, r, h) + l) / (2 * r)
	r, rl = fastTwoSum(r, rl)

	// (r + rl) / n, n as a double-double (exact below 2^53).
	nh := float64(n)
	var nl float64
	if n >= 1<<53 {
		nl = float64(int64(uint64(n) - uint64(nh)))
	}
	q := r / nh
	p := q * nh
	rem := ((r - p) - math.FMA(q, nh, -p)) + rl - q*nl
	y, k := q+rem/nh, e/2
	if k < -1022 || k > 1023 { // a result near the ends of the range
		return math.Ldexp(y, k)
	}
	return y * math.Float64frombits(uint64(k+1023)<<52) // exact: y ≥ 1, so the product is normal
}

// twoSum returns a+b rounded and its exact error (Knuth).
func twoSum(a, b float64) (float64, float64) {
	s := a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}

// fastTwoSum is twoSum for |a| ≥ |b| (Dekker).
func fastTwoSum(a, b float64) (float64, float64) {
	s := a + b
	return s, b - (s - a)
}
