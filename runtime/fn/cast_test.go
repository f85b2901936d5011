package fn

import (
	"math"
	"testing"
)

func TestStringToInt(t *testing.T) {
	tests := []struct {
		s    string
		want int64
		ok64 bool
		ok32 bool
	}{
		{"123", 123, true, true},
		{"  42 ", 42, true, true},
		{"\t-17\n", -17, true, true},
		{"+7", 7, true, true},
		{"-0", 0, true, true},
		{"007", 7, true, true},
		{"2.75", 0, false, false},
		{"12x", 0, false, false},
		{"1e3", 0, false, false},
		{"", 0, false, false},
		{"   ", 0, false, false},
		{"+", 0, false, false},
		{"-", 0, false, false},
		{"1 2", 0, false, false},
		{"--1", 0, false, false},
		{"1_000", 0, false, false},
		{"٣", 0, false, false}, // only ASCII digits
		{"2147483647", 2147483647, true, true},
		{"-2147483648", -2147483648, true, true},
		{"2147483648", 2147483648, true, false},
		{"-2147483649", -2147483649, true, false},
		{"9223372036854775807", math.MaxInt64, true, false},
		{"-9223372036854775808", math.MinInt64, true, false},
		{"9223372036854775808", 0, false, false},
		{"-9223372036854775809", 0, false, false},
		{"99999999999999999999999", 0, false, false},
	}
	for _, tt := range tests {
		got, ok := StringToInt64(tt.s)
		if ok != tt.ok64 || ok && got != tt.want {
			t.Errorf("StringToInt64(%q) = %d, %v; want %d, %v", tt.s, got, ok, tt.want, tt.ok64)
		}
		got32, ok := StringToInt32(tt.s)
		if ok != tt.ok32 || ok && int64(got32) != tt.want {
			t.Errorf("StringToInt32(%q) = %d, %v; want %d, %v", tt.s, got32, ok, tt.want, tt.ok32)
		}
	}
}

func TestStringToFloat(t *testing.T) {
	tests := []struct {
		s    string
		want float64
		ok   bool
	}{
		{"123.45", 123.45, true},
		{"1e3", 1000, true},
		{" 2.5E-3 ", 0.0025, true},
		{"-.5", -0.5, true},
		{"5.", 5, true},
		{"+7", 7, true},
		{"42", 42, true},
		{"1e-400", 0, true}, // underflow rounds to zero
		{"1e400", 0, false},
		{"", 0, false},
		{".", 0, false},
		{"e3", 0, false},
		{"1e", 0, false},
		{"1e+", 0, false},
		{"NaN", 0, false},
		{"Infinity", 0, false},
		{"inf", 0, false},
		{"0x1p3", 0, false},
		{"1_0", 0, false},
		{"1.2.3", 0, false},
		{"12x", 0, false},
	}
	for _, tt := range tests {
		got, ok := StringToFloat64(tt.s)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("StringToFloat64(%q) = %v, %v; want %v, %v", tt.s, got, ok, tt.want, tt.ok)
		}
	}
	if f, ok := StringToFloat32("123.45"); !ok || f != float32(123.45) {
		t.Errorf("StringToFloat32(123.45) = %v", f)
	}
	if _, ok := StringToFloat32("3.5e38"); ok {
		t.Error("StringToFloat32 beyond FLOAT range must be NULL")
	}
	if f, ok := StringToFloat32("3.4e38"); !ok || f != 3.4e38 {
		t.Errorf("StringToFloat32(3.4e38) = %v, %v", f, ok)
	}
}

func TestStringToBool(t *testing.T) {
	tests := []struct {
		s        string
		want, ok bool
	}{
		{"true", true, true}, {"TRUE", true, true}, {"True", true, true}, {"1", true, true}, {"yes", true, true}, {"YES", true, true},
		{"false", false, true}, {"False", false, true}, {"0", false, true}, {"no", false, true}, {"No", false, true},
		{" true ", true, true},
		{"t", false, false}, {"2", false, false}, {"", false, false}, {"yess", false, false}, {"on", false, false},
	}
	for _, tt := range tests {
		got, ok := StringToBool(tt.s)
		if ok != tt.ok || got != tt.want {
			t.Errorf("StringToBool(%q) = %v, %v; want %v, %v", tt.s, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormatFloat(t *testing.T) {
	f64 := []struct {
		v    float64
		want string
	}{
		{100.0, "100"}, {3.5, "3.5"}, {0.1, "0.1"}, {-2.25, "-2.25"}, {1e21, "1000000000000000000000"},
		{1e-7, "0.0000001"}, {0, "0"}, {123.45, "123.45"},
	}
	for _, tt := range f64 {
		if got := FormatFloat64(tt.v); got != tt.want {
			t.Errorf("FormatFloat64(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	f32 := []struct {
		v    float32
		want string
	}{{3.3, "3.3"}, {100, "100"}, {123.45, "123.45"}, {0.1, "0.1"}}
	for _, tt := range f32 {
		if got := FormatFloat32(tt.v); got != tt.want {
			t.Errorf("FormatFloat32(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	if FormatBool(true) != "true" || FormatBool(false) != "false" {
		t.Error("FormatBool")
	}
}

func TestNumericNarrowing(t *testing.T) {
	i64 := []struct {
		f    float64
		want int64
		ok   bool
	}{
		{9.99, 9, true}, {-9.99, -9, true}, {0.5, 0, true}, {-0.5, 0, true},
		{9.223372036854775808e18, 0, false}, {9.2233720368547748e18, 9223372036854774784, true}, {-9.223372036854775808e18, math.MinInt64, true},
		{math.NaN(), 0, false}, {math.Inf(1), 0, false}, {math.Inf(-1), 0, false}, {1e300, 0, false},
	}
	for _, tt := range i64 {
		got, ok := Float64ToInt64(tt.f)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Float64ToInt64(%v) = %d, %v; want %d, %v", tt.f, got, ok, tt.want, tt.ok)
		}
	}
	i32 := []struct {
		f    float64
		want int32
		ok   bool
	}{
		{9.99, 9, true}, {-9.99, -9, true}, {2147483647.9, 2147483647, true}, {-2147483648.9, -2147483648, true},
		{2147483648, 0, false}, {-2147483649, 0, false}, {math.NaN(), 0, false},
	}
	for _, tt := range i32 {
		got, ok := Float64ToInt32(tt.f)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Float64ToInt32(%v) = %d, %v; want %d, %v", tt.f, got, ok, tt.want, tt.ok)
		}
	}
	f32 := []struct {
		f    float64
		want float32
		ok   bool
	}{
		{3.5, 3.5, true}, {0.1, float32(0.1), true}, {math.MaxFloat32, math.MaxFloat32, true},
		{1e39, 0, false}, {-1e39, 0, false}, {math.Inf(1), float32(math.Inf(1)), true}, {1e-50, 0, true},
	}
	for _, tt := range f32 {
		got, ok := Float64ToFloat32(tt.f)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Float64ToFloat32(%v) = %v, %v; want %v, %v", tt.f, got, ok, tt.want, tt.ok)
		}
	}
	if f, ok := Float64ToFloat32(math.NaN()); !ok || f == f {
		t.Error("Float64ToFloat32(NaN) must stay NaN")
	}
	i := []struct {
		v    int64
		want int32
		ok   bool
	}{{12345, 12345, true}, {math.MaxInt32, math.MaxInt32, true}, {math.MinInt32, math.MinInt32, true}, {1 << 31, 0, false}, {math.MinInt64, 0, false}}
	for _, tt := range i {
		got, ok := Int64ToInt32(tt.v)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Int64ToInt32(%d) = %d, %v; want %d, %v", tt.v, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIntegerFormatAndWidening(t *testing.T) {
	if FormatInt32(456) != "456" || FormatInt32(math.MinInt32) != "-2147483648" || FormatInt64(math.MinInt64) != "-9223372036854775808" {
		t.Error("FormatInt32/FormatInt64")
	}
	if Int32ToInt64(math.MinInt32) != math.MinInt32 || Int32ToFloat64(math.MaxInt32) != math.MaxInt32 || Float32ToFloat64(0.1) != float64(float32(0.1)) {
		t.Error("exact widenings")
	}
	// INT and BIGINT → FLOAT round to nearest (16777217 is not a float32).
	if Int32ToFloat32(16777217) != 16777216 || Int64ToFloat32(1<<40+1) != 1<<40 || Int64ToFloat64(1<<53+1) != 1<<53 {
		t.Error("rounding widenings")
	}
	if !Int32ToBool(-1) || Int32ToBool(0) || !Int64ToBool(1<<40) || Int64ToBool(0) {
		t.Error("integer → BOOL is ≠0")
	}
	if v, ok := Float32ToInt32(-9.99); !ok || v != -9 {
		t.Errorf("Float32ToInt32(-9.99) = %d, %v", v, ok)
	}
	if _, ok := Float32ToInt32(3e9); ok {
		t.Error("Float32ToInt32(3e9) must be NULL")
	}
	if v, ok := Float32ToInt64(-3e9); !ok || v != -3e9 {
		t.Errorf("Float32ToInt64(-3e9) = %d, %v", v, ok)
	}
	if _, ok := Float32ToInt64(float32(math.Inf(1))); ok {
		t.Error("Float32ToInt64(+Inf) must be NULL")
	}
}

func TestCastAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() {
		StringToInt64(" 12x ")
		StringToInt32("  42 ")
		StringToFloat64("abc")
		StringToBool("maybe")
	}); n != 0 {
		t.Errorf("casts allocate %v times", n)
	}
}
