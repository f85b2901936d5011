package window

import "math"

// Timestamps near the int64 limits must not wrap around into the past:
// deadlines saturate instead.

func addSat(a, b int64) int64 {
	s := a + b
	if b > 0 && s < a {
		return math.MaxInt64
	}
	if b < 0 && s > a {
		return math.MinInt64
	}
	return s
}

func subSat(a, b int64) int64 {
	if b == math.MinInt64 {
		if a >= 0 {
			return math.MaxInt64
		}
		return a - b
	}
	return addSat(a, -b)
}

// stepPast returns the first from + k·step (k >= 1) that is > limit, or
// from itself when it already is; step > 0. It jumps in O(1) however many
// steps lie in between, saturating at math.MaxInt64.
func stepPast(from, limit, step int64) int64 {
	if from > limit {
		return from
	}
	k := (uint64(limit)-uint64(from))/uint64(step) + 1
	if k > uint64(math.MaxInt64)/uint64(step) {
		return math.MaxInt64
	}
	return addSat(from, int64(k*uint64(step)))
}
