package conformance

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

func TestValueEqual(t *testing.T) {
	n := func(s string) json.Number { return json.Number(s) }
	for _, tc := range []struct {
		want any
		got  any
		typ  runtime.Type
		eq   bool
	}{
		{n("7"), int32(7), runtime.Int, true},
		{n("7"), int32(8), runtime.Int, false},
		{n("7.0"), int32(7), runtime.Int, true},
		{n("7.5"), int32(7), runtime.Int, false},
		{n("9007199254740993"), int64(9007199254740993), runtime.BigInt, true},
		{n("9007199254740992"), int64(9007199254740993), runtime.BigInt, false},
		{n("0.1"), float32(0.1), runtime.Float, true},
		{n("0.100000001"), float32(0.1), runtime.Float, true},
		{n("0.1001"), float32(0.1), runtime.Float, false},
		{n("2"), float32(2), runtime.Float, true},
		{n("0.3"), 0.1 + 0.2, runtime.Double, true},
		{n("1000000000"), 1000000000.5, runtime.Double, true},
		{n("1000000000"), 1000000002.0, runtime.Double, false},
		{n("0"), 1e-300, runtime.Double, false},
		{n("0"), 0.0, runtime.Double, true},
		{n("2"), 2.0, runtime.Double, true},
		{n("1"), math.NaN(), runtime.Double, false},
		{n("1"), "1", runtime.String, false},
		{"1", "1", runtime.String, true},
		{"a", "A", runtime.String, false},
		{true, true, runtime.Bool, true},
		{true, false, runtime.Bool, false},
		{true, int32(1), runtime.Int, false},
		{nil, nil, runtime.Int, true},
		{nil, int32(0), runtime.Int, false},
		{n("0"), nil, runtime.Int, false},
		{"", nil, runtime.String, false},
		{n("3"), int64(3), runtime.Object, true},
		{n("3.0000000000001"), 3.0, runtime.Object, true},
	} {
		if got := valueEqual(tc.want, tc.got, tc.typ); got != tc.eq {
			t.Errorf("valueEqual(%v, %#v, %v) = %v, want %v", tc.want, tc.got, tc.typ, got, tc.eq)
		}
	}
}

func TestGoValue(t *testing.T) {
	n := func(s string) json.Number { return json.Number(s) }
	for _, tc := range []struct {
		in   any
		typ  runtime.Type
		want any
	}{
		{n("7"), runtime.Int, int64(7)},
		{n("9007199254740993"), runtime.BigInt, int64(9007199254740993)},
		{n("7.0"), runtime.Int, 7.0},
		{n("7"), runtime.Double, 7.0},
		{n("0.1"), runtime.Float, 0.1},
		{n("1e400"), runtime.Double, "1e400"},
		{"x", runtime.Int, "x"},
		{nil, runtime.Double, nil},
		{true, runtime.Bool, true},
	} {
		if got := goValue(tc.in, tc.typ); got != tc.want {
			t.Errorf("goValue(%v, %v) = %#v, want %#v", tc.in, tc.typ, got, tc.want)
		}
	}
}

func TestContractViolation(t *testing.T) {
	cols := []runtime.Column{{Name: "s", Type: runtime.String}, {Name: "v", Type: runtime.Int}}
	for _, tc := range []struct {
		row  []any
		want string
	}{
		{[]any{"a", int32(1)}, ""},
		{[]any{nil, nil}, ""},
		{[]any{"a", int64(1)}, "event 0 column 1 (v INT) holds a Go int64; the App contract requires int32"},
		{[]any{"a"}, "event 0 has 1 values, the collect stream has 2 columns"},
	} {
		if got := contractViolation(cols, []Recorded{{Row: tc.row}}); got != tc.want {
			t.Errorf("contractViolation(%v) = %q, want %q", tc.row, got, tc.want)
		}
	}
}

func TestPassRate(t *testing.T) {
	for _, tc := range []struct {
		t    Tally
		want string
	}{
		{Tally{Passed: 3, Failed: 1}, "pass rate: 75.0% of non-stretch cases (3/4; 0 disputed)"},
		{Tally{Passed: 1, Failed: 1, Disputed: 1, StretchPassed: 5}, "pass rate: 33.3% of non-stretch cases (1/3; 1 disputed)"},
		{Tally{StretchPassed: 2, Skipped: 1}, "pass rate: no non-stretch case was run"},
	} {
		if got := passRate(tc.t); got != tc.want {
			t.Errorf("passRate(%+v) = %q, want %q", tc.t, got, tc.want)
		}
	}
}
