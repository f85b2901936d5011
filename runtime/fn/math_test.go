package fn

import (
	"math"
	"testing"
)

func TestRound(t *testing.T) {
	tests := []struct {
		x    float64
		d    int64
		want float64
	}{
		{3.5, 0, 4}, {-2.5, 0, -3}, {3.7, 0, 4}, {3.2, 0, 3}, {85.6, 0, 86}, {29.97, 0, 30},
		{0.49999999999999994, 0, 0},
		{1250.0, -2, 1300}, {1249.9, -2, 1200}, {-1250.0, -2, -1300}, {1350, -2, 1400}, {5, -1, 10}, {4.9, -1, 0},
		{3.14159, 2, 3.14}, {2.5, 1, 2.5}, {-0.125, 2, -0.13}, {0.125, 2, 0.13},
		{1.005, 2, 1.01}, {2.675, 2, 2.68}, {1.0049999, 2, 1.0},
		{9.995, 2, 10}, {-9.995, 2, -10}, {0.0005, 3, 0.001}, {0.0004, 3, 0},
		{123456789.123456789, 4, 123456789.1235},
		{1e300, 2, 1e300}, {1e-300, 2, 0}, {5e-324, 400, 5e-324}, {7, 1000, 7}, {7, -1000, 0}, {7, math.MinInt64, 0},
		{0.5, -1, 0}, {5, -1, 10}, {50, -2, 100}, {123.456, -400, 0},
	}
	for _, tt := range tests {
		if got := RoundTo(tt.x, tt.d); got != tt.want {
			t.Errorf("RoundTo(%v, %d) = %v, want %v", tt.x, tt.d, got, tt.want)
		}
		if got := Round(tt.x); tt.d == 0 && got != tt.want {
			t.Errorf("Round(%v) = %v, want %v", tt.x, got, tt.want)
		}
	}
	if got := RoundTo(math.NaN(), 2); !math.IsNaN(got) {
		t.Errorf("Round(NaN) = %v", got)
	}
	if got := RoundTo(math.Inf(-1), -3); !math.IsInf(got, -1) {
		t.Errorf("Round(-Inf) = %v", got)
	}
}

func TestTrunc(t *testing.T) {
	tests := []struct {
		x    float64
		d    int64
		want float64
	}{
		{-3.7, 0, -3}, {3.789, 0, 3}, {9.99, 0, 9}, {3.14159, 2, 3.14}, {0.29, 2, 0.29}, {-0.29, 2, -0.29},
		{2.9999999999999996, 2, 2.99}, {3.0, 2, 3}, {2.5, 2, 2.5}, {1999.9, -3, 1000}, {-1999.9, -3, -1000},
		{0.999, -1, 0}, {123456789012, -3, 123456789000}, {1e20 + 12345, -3, 1.0000000000000002e20}, {1.23456789e-10, 12, 1.23e-10},
	}
	for _, tt := range tests {
		if got := TruncTo(tt.x, tt.d); got != tt.want {
			t.Errorf("TruncTo(%v, %d) = %v, want %v", tt.x, tt.d, got, tt.want)
		}
		if got := Trunc(tt.x); tt.d == 0 && got != tt.want {
			t.Errorf("Trunc(%v) = %v, want %v", tt.x, got, tt.want)
		}
	}
}

// TestRoundMatchesDecimal checks the fast path against the digit-by-digit
// decimal rounding on many values.
func TestRoundMatchesDecimal(t *testing.T) {
	x := 0.0
	for i := range 20000 {
		x = x*1.37 + float64(i%97)/8.0 - 3.3
		if math.Abs(x) > 1e9 {
			x = float64(i%1000) / 7
		}
		for d := int64(-3); d <= 6; d++ {
			if d == 0 {
				continue
			}
			for _, trunc := range []bool{false, true} {
				if got, want := roundAt(x, d, trunc), roundDecimal(x, int(d), trunc); got != want {
					t.Fatalf("x=%v d=%d trunc=%v: fast %v, decimal %v", x, d, trunc, got, want)
				}
			}
		}
	}
}

func TestIntegerEdges(t *testing.T) {
	if AbsInt32(math.MinInt32) != math.MinInt32 || AbsInt32(-5) != 5 || AbsInt32(5) != 5 {
		t.Error("AbsInt32 must wrap the most negative value and negate others")
	}
	if AbsInt64(math.MinInt64) != math.MinInt64 || AbsInt64(-10) != 10 {
		t.Error("AbsInt64 must wrap the most negative value")
	}
	if AbsFloat32(-42.5) != 42.5 || math.Signbit(float64(AbsFloat32(float32(math.Copysign(0, -1))))) {
		t.Error("AbsFloat32")
	}
	signs := []struct {
		x    float64
		want int32
	}{{42.5, 1}, {-42.5, -1}, {0, 0}, {math.Copysign(0, -1), 0}, {math.NaN(), 0}, {math.Inf(-1), -1}}
	for _, s := range signs {
		if got := Sign(s.x); got != s.want {
			t.Errorf("Sign(%v) = %d, want %d", s.x, got, s.want)
		}
	}
}

func TestModDiv(t *testing.T) {
	mods := []struct {
		a, b, want float64
		null       bool
	}{
		{17, 5, 2, false}, {10.5, 3, 1.5, false}, {-17, 5, -2, false}, {17, -5, 2, false},
		{5, 0, 0, true}, {5, math.Copysign(0, -1), 0, true},
	}
	for _, m := range mods {
		got, ok := ModFloat(m.a, m.b)
		if ok == m.null || ok && got != m.want {
			t.Errorf("ModFloat(%v, %v) = %v, %v; want %v (null=%v)", m.a, m.b, got, ok, m.want, m.null)
		}
	}
	if v, ok := ModInt64(-17, 5); !ok || v != -2 {
		t.Errorf("ModInt64(-17, 5) = %d", v)
	}
	if v, ok := ModInt64(math.MinInt64, -1); !ok || v != 0 {
		t.Errorf("ModInt64(MinInt64, -1) = %d, %v; want 0", v, ok)
	}
	if _, ok := ModInt64(1, 0); ok {
		t.Error("ModInt64(1, 0) must be NULL")
	}
	if v, ok := ModInt32(10, 3); !ok || v != 1 {
		t.Errorf("ModInt32(10, 3) = %d", v)
	}
	if _, ok := ModInt32(1, 0); ok {
		t.Error("ModInt32(1, 0) must be NULL")
	}
	if v, ok := ModFloat32(7.5, 2); !ok || v != 1.5 {
		t.Errorf("ModFloat32(7.5, 2) = %v", v)
	}
	if _, ok := ModFloat32(1, 0); ok {
		t.Error("ModFloat32(1, 0) must be NULL")
	}
	if v, ok := DivFloat(10, 4); !ok || v != 2.5 {
		t.Errorf("DivFloat(10, 4) = %v", v)
	}
	if v, ok := DivFloat(10, 2); !ok || v != 5 {
		t.Errorf("DivFloat(10, 2) = %v", v)
	}
	if _, ok := DivFloat(1, 0); ok {
		t.Error("DivFloat(1, 0) must be NULL")
	}
	if _, ok := DivFloat(0, math.Copysign(0, -1)); ok {
		t.Error("DivFloat(0, -0.0) must be NULL")
	}
}

func TestMaximumMinimum(t *testing.T) {
	tests := []struct {
		xs       []float64
		max, min float64
	}{
		{[]float64{10.5, 20.3}, 20.3, 10.5},
		{[]float64{5, 15, 10}, 15, 5},
		{[]float64{-10, -5}, -5, -10},
		{[]float64{7}, 7, 7},
	}
	for _, tt := range tests {
		if got, ok := Maximum(tt.xs...); !ok || got != tt.max {
			t.Errorf("Maximum(%v) = %v", tt.xs, got)
		}
		if got, ok := Minimum(tt.xs...); !ok || got != tt.min {
			t.Errorf("Minimum(%v) = %v", tt.xs, got)
		}
	}
	if _, ok := Maximum(); ok {
		t.Error("Maximum of no (non-NULL) argument must be NULL")
	}
	if _, ok := Minimum(); ok {
		t.Error("Minimum of no (non-NULL) argument must be NULL")
	}
	for _, xs := range [][]float64{{math.NaN(), 1}, {1, math.NaN()}} {
		if got, _ := Maximum(xs...); !math.IsNaN(got) {
			t.Errorf("Maximum(%v) = %v, want NaN in any position", xs, got)
		}
	}
}
