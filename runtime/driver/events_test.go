package driver

import (
	"reflect"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

var stockColumns = []runtime.Column{{Name: "symbol", Type: runtime.String}, {Name: "price", Type: runtime.Double}, {Name: "volume", Type: runtime.BigInt}}

func TestParseEvent(t *testing.T) {
	streams := newInputStreams([]runtime.StreamInfo{
		{Name: "StockStream", Columns: stockColumns},
		{Name: "Flags", Columns: []runtime.Column{{Name: "on", Type: runtime.Bool}, {Name: "n", Type: runtime.Int}}},
	})
	for _, tc := range []struct {
		line   string
		stream string
		row    []any
		ts     int64
		hasTs  bool
		err    string
	}{
		{line: `{"stream": "StockStream", "data": {"symbol": "IBM", "price": 101.5, "volume": 100}, "ts": 1700000000000}`,
			stream: "StockStream", row: []any{"IBM", 101.5, int64(100)}, ts: 1700000000000, hasTs: true},
		{line: `{"stream":"StockStream","data":{"price":7}}`, stream: "StockStream", row: []any{nil, 7.0, nil}},
		{line: `{"stream":"StockStream","row":["X", 1e2, 9007199254740993],"ts":null}`,
			stream: "StockStream", row: []any{"X", 100.0, int64(9007199254740993)}},
		{line: `{"stream":"StockStream","data":{"volume":2.5}}`, stream: "StockStream", row: []any{nil, nil, 2.5}},
		{line: `{"stream":"Flags","row":[true,-3]}`, stream: "Flags", row: []any{true, int64(-3)}},
		{line: `{"stream":"Flags","row":["yes",null]}`, stream: "Flags", row: []any{"yes", nil}},
		{line: `{"stream":"StockStream","data":{"symbol":"IBM"}`, err: "bad JSON: unexpected end of JSON input"},
		{line: `{"stream":"StockStream","data":{}} trailing`, err: "bad JSON: invalid character 't' after top-level value"},
		{line: `[1,2]`, err: "bad JSON: json: cannot unmarshal array"},
		{line: `null`, err: "not a JSON object"},
		{line: `{"data":{}}`, err: `missing "stream"`},
		{line: `{"stream":5,"data":{}}`, err: `"stream" must be a string`},
		{line: `{"stream":"Nope","data":{}}`, err: `unknown stream "Nope"`},
		{line: `{"stream":"StockStream","data":{"Symbol":"IBM"}}`, err: `stream StockStream has no column "Symbol"`},
		{line: `{"stream":"StockStream","data":{"symbol":["IBM"]}}`, err: "column symbol: want a string, number, boolean or null"},
		{line: `{"stream":"StockStream","data":{"price":1e999}}`, err: "column price: number 1e999 is out of range"},
		{line: `{"stream":"StockStream","data":[]}`, err: `"data" must be an object`},
		{line: `{"stream":"StockStream","row":{}}`, err: `"row" must be an array`},
		{line: `{"stream":"StockStream","row":["IBM", 1]}`, err: `"row" has 2 values, stream StockStream has 3 columns`},
		{line: `{"stream":"StockStream","row":["IBM",1,1],"data":{}}`, err: `give "data" or "row", not both`},
		{line: `{"stream":"StockStream"}`, err: `missing "data" or "row"`},
		{line: `{"stream":"StockStream","data":{},"ts":1.5}`, err: `"ts" must be an integer`},
		{line: `{"stream":"StockStream","data":{},"time":1}`, err: `unknown field "time"`},
	} {
		ev, err := parseEvent([]byte(tc.line), streams)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseEvent(%s) error = %v, want %q", tc.line, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseEvent(%s): %v", tc.line, err)
			continue
		}
		if ev.stream.name != tc.stream || !reflect.DeepEqual(ev.stream.row, tc.row) || ev.ts != tc.ts || ev.hasTs != tc.hasTs {
			t.Errorf("parseEvent(%s) = %s %v ts %d/%v, want %s %v ts %d/%v", tc.line,
				ev.stream.name, ev.stream.row, ev.ts, ev.hasTs, tc.stream, tc.row, tc.ts, tc.hasTs)
		}
	}
}

// TestUnknownFieldIsDeterministic: of several unknown fields the first by
// name is reported, every time (the fields come out of a map).
func TestUnknownFieldIsDeterministic(t *testing.T) {
	streams := newInputStreams([]runtime.StreamInfo{{Name: "S", Columns: []runtime.Column{{Name: "v", Type: runtime.Int}}}})
	for range 50 {
		_, err := parseEvent([]byte(`{"zeta":1,"stream":"S","data":{},"mid":3,"alpha":2,"omega":4}`), streams)
		if err == nil || err.Error() != `unknown field "alpha" (want stream, data or row, ts)` {
			t.Fatalf("error %v", err)
		}
	}
}
