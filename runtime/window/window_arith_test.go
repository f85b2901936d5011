package window

import (
	"math"
	"testing"
)

func TestSaturatingArithmetic(t *testing.T) {
	const maxI, minI = math.MaxInt64, math.MinInt64
	tests := []struct {
		name      string
		got, want int64
	}{
		{"add", addSat(5, 7), 12},
		{"add overflow", addSat(maxI-1, 5), maxI},
		{"add underflow", addSat(minI+1, -5), minI},
		{"sub", subSat(5, 7), -2},
		{"sub overflow", subSat(maxI, -1), maxI},
		{"sub underflow", subSat(minI, 1), minI},
		{"sub MinInt64 from non-negative", subSat(0, minI), maxI},
		{"sub MinInt64 from negative", subSat(-1, minI), maxI},
		{"stepPast already past", stepPast(100, 50, 10), 100},
		{"stepPast on the limit", stepPast(100, 100, 10), 110},
		{"stepPast many steps", stepPast(0, 1_000_000_005, 10), 1_000_000_010},
		{"stepPast across the int64 range", stepPast(minI, maxI-5, 1<<62), maxI},
		{"stepPast exact from negative", stepPast(-25, 0, 10), 5},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %d, want %d", tt.name, tt.got, tt.want)
		}
	}
}
