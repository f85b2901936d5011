package harness

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

func TestValuesRoundTrip(t *testing.T) {
	nan32 := math.Float32frombits(0x7fc00001) // a NaN payload survives too
	for _, tc := range []struct {
		value   any
		encoded any
	}{
		{nil, nil},
		{"", "s:"},
		{"a:b\n\"é", "s:a:b\n\"é"},
		{true, "b:true"},
		{int32(-2147483648), "i:-2147483648"},
		{int64(9007199254740993), "l:9007199254740993"},
		{float32(0.1), "f:3dcccccd"},
		{nan32, "f:7fc00001"},
		{0.1, "d:3fb999999999999a"},
		{math.Inf(-1), "d:fff0000000000000"},
		{math.Copysign(0, -1), "d:8000000000000000"},
		{7, "?:int"},
	} {
		enc := EncodeValue(tc.value)
		if enc != tc.encoded {
			t.Errorf("EncodeValue(%#v) = %#v, want %#v", tc.value, enc, tc.encoded)
		}
		// Through JSON, as between the harness and efc.
		data, err := json.Marshal(enc)
		if err != nil {
			t.Fatal(err)
		}
		var back any
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		got, err := DecodeValue(back)
		if err != nil {
			t.Errorf("DecodeValue(%s): %v", data, err)
			continue
		}
		want := tc.value
		if _, ok := want.(int); ok {
			want = Foreign("int")
		}
		same := reflect.DeepEqual(got, want)
		switch w := want.(type) {
		case float32:
			g, ok := got.(float32)
			same = ok && math.Float32bits(g) == math.Float32bits(w)
		case float64:
			g, ok := got.(float64)
			same = ok && math.Float64bits(g) == math.Float64bits(w)
		}
		if !same {
			t.Errorf("round trip of %#v gave %#v", tc.value, got)
		}
	}
	for _, bad := range []any{"", "x", "sx", "z:1", "i:2147483648", "l:1.5", "f:100000000", "b:yes", 5.0, true} {
		if v, err := DecodeValue(bad); err == nil {
			t.Errorf("DecodeValue(%#v) = %#v, want an error", bad, v)
		}
	}
}
