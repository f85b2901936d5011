package agg

import (
	"math/bits"

	"github.com/eventflux/eventflux-go/runtime/snap"
)

// exactSum is an exact sum of binary numbers ±m·2^e (m up to 128 bits): a
// two's-complement integer of 64-bit words, word i weighing 2^(64·(lo+i)).
// The words cover only what the values held so far reach, plus one word of
// headroom for the sum of up to 2^63 of them: four words for integers or
// floats of similar magnitudes, at most about 35 for the whole float64
// range (70 for squares). An add touches three words and carries on only
// while there is a carry.
type exactSum struct {
	words []uint64
	lo    int
}

// add adds (neg: subtracts) (hi·2^64 + lo64)·2^exp.
func (s *exactSum) add(hi, lo64 uint64, exp int, neg bool) {
	d, sh := exp>>6, uint(exp&63) // exp may be negative: floor division
	// The value shifted by sh, in three words (shifts by 64 give 0).
	v0, v1, v2 := lo64<<sh, hi<<sh|lo64>>(64-sh), hi>>(64-sh)
	i := d - s.lo
	if i < 0 || i+3 >= len(s.words) {
		s.cover(d, d+2)
		i = d - s.lo
	}
	w := s.words[i : i+3]
	var c uint64
	if !neg {
		w[0], c = bits.Add64(w[0], v0, 0)
		w[1], c = bits.Add64(w[1], v1, c)
		w[2], c = bits.Add64(w[2], v2, c)
		for i += 3; c != 0 && i < len(s.words); i++ {
			s.words[i], c = bits.Add64(s.words[i], 0, c)
		}
		return
	}
	w[0], c = bits.Sub64(w[0], v0, 0)
	w[1], c = bits.Sub64(w[1], v1, c)
	w[2], c = bits.Sub64(w[2], v2, c)
	for i += 3; c != 0 && i < len(s.words); i++ {
		s.words[i], c = bits.Sub64(s.words[i], 0, c)
	}
}

// cover makes the words reach words first..last and one word of headroom
// above (sign-extended).
func (s *exactSum) cover(first, last int) {
	if len(s.words) == 0 {
		s.lo = first
		s.words = append(s.words[:0], make([]uint64, last-first+2)...)
		return
	}
	if first < s.lo {
		grow := s.lo - first
		s.words = append(s.words, make([]uint64, grow)...)
		copy(s.words[grow:], s.words[:len(s.words)-grow])
		clear(s.words[:grow])
		s.lo = first
	}
	if need := last + 2 - s.lo; need > len(s.words) {
		var ext uint64
		if s.negative() {
			ext = ^uint64(0)
		}
		for len(s.words) < need {
			s.words = append(s.words, ext)
		}
	}
}

func (s *exactSum) negative() bool {
	return len(s.words) > 0 && int64(s.words[len(s.words)-1]) < 0
}

func (s *exactSum) zero() bool {
	for _, w := range s.words {
		if w != 0 {
			return false
		}
	}
	return true
}

func (s *exactSum) reset() {
	s.words = s.words[:0]
	s.lo = 0
}

// magnitude returns |sum| without zero words at either end, with the
// index of its lowest word (the value is Σ m[i]·2^(64·(lo+i))): the sum's
// own words when it is positive (read only), else negated into scratch.
func (s *exactSum) magnitude(scratch []uint64) (m, newScratch []uint64, lo int) {
	m = s.words
	if s.negative() {
		scratch = append(scratch[:0], s.words...)
		c := uint64(1)
		for i, w := range scratch {
			scratch[i], c = bits.Add64(^w, 0, c)
		}
		m = scratch
	}
	for len(m) > 0 && m[len(m)-1] == 0 {
		m = m[:len(m)-1]
	}
	skip := 0
	for skip < len(m) && m[skip] == 0 {
		skip++
	}
	return m[skip:], scratch, s.lo + skip
}

func (s *exactSum) appendState(dst []byte) []byte {
	dst = snap.AppendInt(dst, int64(s.lo))
	dst = snap.AppendCount(dst, len(s.words))
	for _, w := range s.words {
		dst = snap.AppendUint(dst, w)
	}
	return dst
}

// readState reads what appendState wrote; the words must lie within
// [minLo, maxHi).
func (s *exactSum) readState(r *snap.Reader, minLo, maxHi int) {
	lo := r.Int()
	n := r.Count()
	if r.Err() != nil {
		return
	}
	if n > 0 && (lo < int64(minLo) || lo+int64(n) > int64(maxHi)) {
		r.Failf("agg: snapshot sum covers words %d to %d, outside %d to %d", lo, lo+int64(n), minLo, maxHi)
		return
	}
	words := make([]uint64, n)
	for i := range words {
		words[i] = r.Uint()
	}
	if r.Err() != nil {
		return
	}
	s.words, s.lo = words, int(lo)
}

// mulWords sets dst to a·b (64-bit words, least significant first).
func mulWords(dst, a, b []uint64) []uint64 {
	dst = append(dst[:0], make([]uint64, len(a)+len(b))...)
	for i, x := range a {
		var carry uint64
		for j, y := range b {
			hi, lo := bits.Mul64(x, y)
			var c uint64
			lo, c = bits.Add64(lo, dst[i+j], 0)
			hi += c
			lo, c = bits.Add64(lo, carry, 0)
			dst[i+j], carry = lo, hi+c
		}
		dst[i+len(b)] = carry
	}
	return dst
}

// subWords sets dst to a·2^(64·ia) − b·2^(64·ib), where ia or ib is 0,
// and reports false when that is negative.
func subWords(dst, a []uint64, ia int, b []uint64, ib int) ([]uint64, bool) {
	n := max(len(a)+ia, len(b)+ib)
	dst = append(dst[:0], make([]uint64, n)...)
	copy(dst[ia:], a)
	var borrow uint64
	for k, y := range b {
		dst[ib+k], borrow = bits.Sub64(dst[ib+k], y, borrow)
	}
	for k := ib + len(b); borrow != 0 && k < n; k++ {
		dst[k], borrow = bits.Sub64(dst[k], 0, borrow)
	}
	return dst, borrow == 0
}
