package jsonrow

import (
	"fmt"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

var stockColumns = []runtime.Column{{Name: "symbol", Type: runtime.String}, {Name: "price", Type: runtime.Double}, {Name: "volume", Type: runtime.BigInt}}

func TestValues(t *testing.T) {
	for _, tc := range []struct {
		data string
		want string // the values as %#v, or the error
	}{
		{`{"symbol":"IBM","price":101.5,"volume":100}`, `[]interface {}{"IBM", 101.5, 100}`},
		{` { "volume" : 7 } `, `[]interface {}{interface {}(nil), interface {}(nil), 7}`},
		{`{}`, `[]interface {}{interface {}(nil), interface {}(nil), interface {}(nil)}`},
		{`["IBM",1e2,9007199254740993]`, `[]interface {}{"IBM", 100, 9007199254740993}`},
		{`[null,-0.0,1.5]`, `[]interface {}{interface {}(nil), -0, 1.5}`},
		// A repeated column takes its last value, problems of earlier ones included.
		{`{"price":[1],"price":2}`, `[]interface {}{interface {}(nil), 2, interface {}(nil)}`},
		{`{"price":2,"price":[1]}`, `column price: want a string, number, boolean or null`},
		// Conversions are left to ValueOf: a string for a DOUBLE is a value.
		{`{"price":"high","volume":1.5}`, `[]interface {}{interface {}(nil), "high", 1.5}`},
		{`{"symbol":"A","Price":1}`, `stream S has no column "Price"`},
		{`{"sym\u0062ol":"A","p\u00e9":1}`, `stream S has no column "pé"`},
		{`{"volume":1e999}`, `column volume: number 1e999 is out of range`},
		{`["A",{"x":1},1e999]`, `column price: want a string, number, boolean or null`},
		{`["A",1]`, `"row" has 2 values, stream S has 3 columns`},
		{`["A",[1],2,3]`, `"row" has 4 values, stream S has 3 columns`},
		{`[]`, `"row" has 0 values, stream S has 3 columns`},
		// Bad JSON anywhere comes first.
		{`{"bogus":1,"price":}`, `bad JSON: invalid character '}' at offset 19 looking for beginning of value`},
		{`["A",1,2`, `bad JSON: unexpected end of input`},
		{`{"symbol":"A"} x`, `bad JSON: invalid character 'x' at offset 15 after top-level value`},
		{`null`, `want a JSON object (columns by name) or array (by position)`},
		{`"x"`, `want a JSON object (columns by name) or array (by position)`},
	} {
		vals, err := Values([]byte(tc.data), "S", stockColumns)
		got := fmt.Sprintf("%#v", vals)
		if err != nil {
			got = err.Error()
			if !IsMalformed(err) {
				t.Errorf("%s: %v is not an *Error", tc.data, err)
			}
		}
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.data, got, tc.want)
		}
	}
}
