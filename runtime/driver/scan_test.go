package driver

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

func scanStreams() map[string]*inputStream {
	return newInputStreams([]runtime.StreamInfo{
		{Name: "StockStream", Columns: stockColumns},
		{Name: "Flags", Columns: []runtime.Column{{Name: "on", Type: runtime.Bool}, {Name: "n", Type: runtime.Int}}},
		{Name: "Empty"},
	})
}

// agree checks scanEvent against decodeEvent on one line: when the scanner
// takes the line, both must give the same event and values.
func agree(t *testing.T, line string) (scanned bool) {
	t.Helper()
	fast, slow := scanStreams(), scanStreams()
	fev, ok := scanEvent([]byte(line), fast)
	if !ok {
		return false
	}
	sev, err := decodeEvent([]byte(line), slow)
	if err != nil {
		t.Errorf("%q: the scanner took a line encoding/json rejects: %v", line, err)
		return true
	}
	if fev.stream.name != sev.stream.name || fev.ts != sev.ts || fev.hasTs != sev.hasTs ||
		!reflect.DeepEqual(fev.stream.row, sev.stream.row) {
		t.Errorf("%q: scanned %s %#v ts %d/%v, decoded %s %#v ts %d/%v", line,
			fev.stream.name, fev.stream.row, fev.ts, fev.hasTs, sev.stream.name, sev.stream.row, sev.ts, sev.hasTs)
	}
	return true
}

func TestScanAgreesWithDecode(t *testing.T) {
	for _, tc := range []struct {
		line    string
		scanned bool // the common lines must take the fast path
	}{
		{`{"stream": "StockStream", "data": {"symbol": "IBM", "price": 101.5, "volume": 100}, "ts": 1700000000000}`, true},
		{`{"stream":"StockStream","row":["IBM",101.5,100]}` + "\n", true},
		{"\t{ \"ts\" : -5 , \"row\" : [ \"X\" , 1e2 , -0 ] , \"stream\" : \"StockStream\" }\r\n", true},
		{`{"stream":"StockStream","data":{}}`, true},
		{`{"stream":"StockStream","data":{"price":7,"volume":2.5},"ts":null}`, true},
		{`{"stream":"StockStream","row":["é€😀",1.5E-3,9007199254740993]}`, true},
		{`{"stream":"StockStream","row":[null,-0.0,99999999999999999999]}`, true},
		{`{"stream":"Flags","row":[true,-3]}`, true},
		{`{"stream":"Flags","data":{"n":false,"on":"yes"}}`, true},
		{`{"stream":"Empty","row":[]}`, true},
		{`{"stream":"Empty","data":{ }}`, true},
		{`{"stream":"Empty","data":{},"ts":-0}`, true},
		{`{"stream":"Empty","data":{},"ts":0}`, true},
		{`{"stream":"Empty","data":{},"ts":9223372036854775807}`, true},
		{`{"stream":"Empty","data":{},"ts":-9223372036854775808}`, true},
		{`{"stream":"Empty","data":{},"ts":123456789012345678}`, true},
		{`{"stream":"Empty","data":{},"ts":9223372036854775808}`, false},
		{`{"stream":"Empty","data":{},"ts":01}`, false},
		{`{"stream":"Empty","data":{},"ts":-}`, false},
		{`{"stream":"Empty","data":{},"ts":1e3}`, false},
		{`{"stream":"Empty","data":{},"ts":{}}`, false},
		{`{"stream":"Empty","data":{},"ts":[1]}`, false},
		{`{"stream":["Empty"],"data":{}}`, false},
		// Everything below is for encoding/json: errors, escapes, oddities.
		{`{"stream":"StockStream","row":["a\"b",1,2]}`, false},
		{`{"stream":"StockStream","row":["\u00e9",1,2]}`, false},
		{"{\"stream\":\"StockStream\",\"row\":[\"\xff\",1,2]}", false},
		{"{\"stream\":\"StockStream\",\"row\":[\"a\x01\",1,2]}", false},
		{`{"stream":"StockStream","data":{"symbol":"A","symbol":"B"}}`, false},
		{`{"stream":"StockStream","stream":"Flags","row":[true,1]}`, false},
		{`{"stream":"StockStream","data":{"price":1e999}}`, false},
		{`{"stream":"StockStream","data":{"price":01}}`, false},
		{`{"stream":"StockStream","data":{"price":1.}}`, false},
		{`{"stream":"StockStream","data":{"price":.5}}`, false},
		{`{"stream":"StockStream","data":{"price":+1}}`, false},
		{`{"stream":"StockStream","data":{"price":1e}}`, false},
		{`{"stream":"StockStream","data":{"price":[1]}}`, false},
		{`{"stream":"StockStream","data":{"price":{"x":1}}}`, false},
		{`{"stream":"StockStream","data":{"Symbol":"IBM"}}`, false},
		{`{"stream":"StockStream","data":{"symbol":"IBM",}}`, false},
		{`{"stream":"StockStream","data":{"symbol" "IBM"}}`, false},
		{`{"stream":"StockStream","data":null}`, false},
		{`{"stream":"StockStream","data":[]}`, false},
		{`{"stream":"StockStream","row":["IBM",1]}`, false},
		{`{"stream":"StockStream","row":["IBM",1,2,]}`, false},
		{`{"stream":"StockStream","row":["IBM",1,,2]}`, false},
		{`{"stream":"StockStream","row":{}}`, false},
		{`{"stream":"StockStream","row":["IBM",1,1],"data":{}}`, false},
		{`{"stream":"StockStream"}`, false},
		{`{"stream":"StockStream","data":{},"ts":1.5}`, false},
		{`{"stream":"StockStream","data":{},"ts":"5"}`, false},
		{`{"stream":"StockStream","data":{},"ts":99999999999999999999}`, false},
		{`{"stream":"StockStream","data":{},"time":1}`, false},
		{`{"stream":null,"data":{}}`, false},
		{`{"stream":5,"data":{}}`, false},
		{`{"stream":"Nope","data":{}}`, false},
		{`{"data":{}}`, false},
		{`{"stream":"StockStream","data":{}} trailing`, false},
		{`{"stream":"StockStream","data":{}`, false},
		{`{"stream":"StockStream","data":{"symbol":tru}}`, false},
		{`{}`, false},
		{`[1,2]`, false},
		{`null`, false},
		{``, false},
		{`{"str\u0065am":"StockStream","data":{}}`, false},
	} {
		if got := agree(t, tc.line); got != tc.scanned {
			t.Errorf("%q: scanned = %v, want %v", tc.line, got, tc.scanned)
		}
	}
}

// TestScanAllocations: the scanner allocates only the values Send gets
// (boxed floats and large integers, strings), not per line or per field.
func TestScanAllocations(t *testing.T) {
	streams := scanStreams()
	line := []byte(`{"stream":"StockStream","data":{"symbol":"IBM","price":101.5,"volume":100},"ts":1700000000000}`)
	allocs := testing.AllocsPerRun(200, func() {
		if _, ok := scanEvent(line, streams); !ok {
			t.Fatal("not scanned")
		}
	})
	if allocs != 1 { // 101.5; "IBM" is interned, 100 a small integer
		t.Errorf("%.1f allocations per line, want 1", allocs)
	}
}

func TestIntern(t *testing.T) {
	in := scanStreams()["StockStream"]
	a, b := in.intern([]byte("IBM")), in.intern([]byte("IBM"))
	if a != "IBM" || b != "IBM" || len(in.strs) != 1 {
		t.Errorf("intern: %v %v, %d kept", a, b, len(in.strs))
	}
	long := strings.Repeat("x", internMaxLen+1)
	if x := in.intern([]byte(long)); x != long || len(in.strs) != 1 {
		t.Errorf("a long string was kept: %d kept", len(in.strs))
	}
	for i := range internMax + 10 {
		in.intern([]byte(strconv.Itoa(i)))
	}
	if len(in.strs) != internMax {
		t.Errorf("%d strings kept, want the bound %d", len(in.strs), internMax)
	}
	if x := in.intern([]byte("beyond")); x != "beyond" {
		t.Errorf("past the bound: %v", x)
	}
}

func FuzzScanAgreesWithDecode(f *testing.F) {
	for _, seed := range []string{
		`{"stream": "StockStream", "data": {"symbol": "IBM", "price": 101.5, "volume": 100}, "ts": 1700000000000}`,
		`{"stream":"Flags","row":[true,-3]}`,
		`{"stream":"StockStream","row":["é",1e2,-0]}`,
		`{"stream":"Empty","data":{}}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		agree(t, line)
		// Whatever the line, parsing must not panic.
		parseEvent([]byte(line), scanStreams())
	})
}

func BenchmarkParseEvent(b *testing.B) {
	streams := scanStreams()
	for _, tc := range []struct{ name, line string }{
		{"scan", `{"stream":"StockStream","data":{"symbol":"IBM","price":101.5,"volume":100},"ts":1700000000000}`},
		{"decode", `{"stream":"StockStream","data":{"symbol":"I\u0042M","price":101.5,"volume":100},"ts":1700000000000}`},
	} {
		line := []byte(tc.line)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := parseEvent(line, streams); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
