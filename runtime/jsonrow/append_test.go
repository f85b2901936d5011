package jsonrow

import (
	"math"
	"testing"
)

func TestAppend(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{string(AppendString(nil, "IBM")), `"IBM"`},
		{string(AppendString(nil, "q\"\\\n\r\t\x01\x1f<é>&\x7f\xff😀")), `"q\"\\\n\r\t\u0001\u001f<é>&` + "\x7f" + `\ufffd😀"`},
		{string(AppendString(nil, "")), `""`},
		{string(AppendInt(nil, math.MinInt64)), `-9223372036854775808`},
		{string(AppendBool(AppendNull(nil), false)), `nullfalse`},
		{string(AppendFloat(nil, 0.1)), `0.1`},
		{string(AppendFloat(nil, 1e-7)), `1e-07`},
		{string(AppendFloat(nil, float32(math.Inf(-1)))), `null`},
		{string(AppendFloat(nil, float32(math.Copysign(0, -1)))), `-0`},
		{string(AppendDouble(nil, 0.1)), `0.1`},
		{string(AppendDouble(nil, 101.5)), `101.5`},
		{string(AppendDouble(nil, 1e21)), `1e+21`},
		{string(AppendDouble(nil, 123456789)), `1.23456789e+08`},
		{string(AppendDouble(nil, math.NaN())), `null`},
		{string(AppendDouble(nil, math.Inf(1))), `null`},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
}

// Reading a typical event takes no allocation beyond its strings.
func TestReadAllocations(t *testing.T) {
	data := []byte(`{"symbol": "IBM", "price": 101.5, "volume": 100, "ratio": 0.3333333333333333, "n": -12, "ok": true}`)
	var dst []byte
	allocs := testing.AllocsPerRun(200, func() {
		r := NewReader(data)
		if !r.Object() {
			t.Fatal("no object")
		}
		for r.NextKey() {
			var err error
			switch string(r.Key()) {
			case "symbol":
				_, _, err = r.String()
			case "price", "ratio":
				_, _, err = r.Double()
			case "volume":
				_, _, err = r.BigInt()
			case "n":
				_, _, err = r.Int()
			case "ok":
				_, _, err = r.Bool()
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if !r.End() {
			t.Fatal(r.Err())
		}
		dst = AppendDouble(AppendString(dst[:0], "IBM"), 101.5)
	})
	if allocs != 1 { // the string "IBM"
		t.Errorf("%.1f allocations, want 1", allocs)
	}
}
