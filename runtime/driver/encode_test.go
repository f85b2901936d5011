package driver

import (
	"math"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

func TestEncode(t *testing.T) {
	o := newOutputStream(runtime.StreamInfo{Name: "Out", Columns: []runtime.Column{
		{Name: "s", Type: runtime.String}, {Name: "i", Type: runtime.Int}, {Name: "b", Type: runtime.BigInt},
		{Name: "f", Type: runtime.Float}, {Name: "d", Type: runtime.Double}, {Name: "ok", Type: runtime.Bool}}})
	for _, tc := range []struct {
		row  []any
		want string
	}{
		{[]any{"IBM", int32(-7), int64(9007199254740993), float32(0.1), 101.5, true},
			`{"stream":"Out","ts":1700000000000,"data":{"s":"IBM","i":-7,"b":9007199254740993,"f":0.1,"d":101.5,"ok":true}}`},
		{[]any{nil, nil, nil, nil, nil, false},
			`{"stream":"Out","ts":1700000000000,"data":{"s":null,"i":null,"b":null,"f":null,"d":null,"ok":false}}`},
		{[]any{"q\"\\\n\t\x01<é>\xff", int32(0), int64(0), float32(math.Inf(1)), math.NaN(), true},
			`{"stream":"Out","ts":1700000000000,"data":{"s":"q\"\\\n\t\u0001<é>\ufffd","i":0,"b":0,"f":null,"d":null,"ok":true}}`},
		{[]any{"x", int32(1), int64(2), float32(1e-7), 1e21, true},
			`{"stream":"Out","ts":1700000000000,"data":{"s":"x","i":1,"b":2,"f":1e-07,"d":1e+21,"ok":true}}`},
		{[]any{"short"},
			`{"stream":"Out","ts":1700000000000,"data":{"s":"short","i":null,"b":null,"f":null,"d":null,"ok":null}}`},
	} {
		if got := string(o.encode(1700000000000, tc.row)); got != tc.want+"\n" {
			t.Errorf("encode(%q)\n got %s want %s", tc.row, got, tc.want)
		}
	}
	empty := newOutputStream(runtime.StreamInfo{Name: "T"})
	if got := string(empty.encode(5, nil)); got != `{"stream":"T","ts":5,"data":{}}`+"\n" {
		t.Errorf("no columns: %s", got)
	}
}
