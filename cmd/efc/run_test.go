package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"eventflux/conformance/fakeapp"
	"eventflux/runtime"
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

func fake(t *testing.T, script string) runtime.App {
	t.Helper()
	a, err := fakeapp.New(script)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

const stockScript = "stream StockStream symbol:STRING price:DOUBLE volume:BIGINT\n" +
	"stream Out symbol:STRING price:DOUBLE volume:BIGINT\nstream N n:BIGINT\n" +
	"copy StockStream Out; count StockStream N"

func TestRunPlayback(t *testing.T) {
	input := `{"stream":"StockStream","data":{"symbol":"IBM","price":101.5,"volume":100},"ts":1700000000000}

{"stream":"StockStream","data":{"symbol":"MSFT","price":"high"}}
{"stream":"StockStream","data":{"symbol":"ORCL","volume":3},"ts":1699999999000}
not json
{"stream":"Nope","row":[]}
{"stream":"StockStream","row":["AAPL",189.75,7]}`
	var out, errw bytes.Buffer
	code := runApp(fake(t, stockScript), strings.NewReader(input), &out, &errw, runOptions{
		playback:  true,
		wallClock: func() int64 { t.Error("playback read the wall clock"); return 0 },
	})
	wantOut := `{"stream":"Out","ts":1700000000000,"data":{"symbol":"IBM","price":101.5,"volume":100}}
{"stream":"N","ts":1700000000000,"data":{"n":1}}
{"stream":"Out","ts":1699999999000,"data":{"symbol":"ORCL","price":null,"volume":3}}
{"stream":"N","ts":1699999999000,"data":{"n":2}}
{"stream":"Out","ts":1700000000000,"data":{"symbol":"AAPL","price":189.75,"volume":7}}
{"stream":"N","ts":1700000000000,"data":{"n":3}}
`
	wantErr := `line 3: column price: cannot convert string "high" to DOUBLE
line 5: bad JSON: invalid character 'o' in literal null (expecting 'u')
line 6: unknown stream "Nope"
efc run: 6 events read, 3 rejected, 6 events written
`
	if code != exitOK || out.String() != wantOut || errw.String() != wantErr {
		t.Errorf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", code, out.String(), wantOut, errw.String(), wantErr)
	}
}

func TestRunCollect(t *testing.T) {
	input := `{"stream":"StockStream","row":["IBM",1,2]}` + "\n"
	var out, errw bytes.Buffer
	code := runApp(fake(t, stockScript), strings.NewReader(input), &out, &errw, runOptions{
		playback: true, collect: []string{"N", "StockStream"}, wallClock: func() int64 { return 42 },
	})
	// Subscribers see events in emission order; the input stream is collected
	// on request although no query writes it. No "ts" and no clock yet: the
	// playback clock starts at the wall time.
	wantOut := `{"stream":"StockStream","ts":42,"data":{"symbol":"IBM","price":1,"volume":2}}
{"stream":"N","ts":42,"data":{"n":1}}
`
	if code != exitOK || out.String() != wantOut {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s\nstderr: %s", code, out.String(), wantOut, errw.String())
	}
	code = runApp(fake(t, stockScript), strings.NewReader(input), &out, &errw, runOptions{playback: true, collect: []string{"Missing"}})
	if code != exitUsage || !strings.Contains(errw.String(), `efc run: --collect: the app has no stream "Missing"`) {
		t.Errorf("unknown --collect: exit %d, stderr %q", code, errw.String())
	}
}

func TestRunPlaybackTimers(t *testing.T) {
	// Ticks fire when event time passes them, never at end of input.
	input := `{"stream":"In","row":[1],"ts":1000}
{"stream":"In","row":[2],"ts":3500}
`
	var out, errw bytes.Buffer
	code := runApp(fake(t, "stream In v:INT; stream T t:BIGINT; tick T 1000"), strings.NewReader(input), &out, &errw, runOptions{playback: true})
	want := `{"stream":"T","ts":2000,"data":{"t":2000}}
{"stream":"T","ts":3000,"data":{"t":3000}}
`
	if code != exitOK || out.String() != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s", code, out.String(), want)
	}
}

// syncBuffer is written by the driver's ticker while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRunWallClock(t *testing.T) {
	var clock atomic.Int64
	clock.Store(5000)
	in, feed := io.Pipe()
	var out, errw syncBuffer
	done := make(chan int)
	go func() {
		done <- runApp(fake(t, "stream In v:INT; stream T t:BIGINT; tick T 1000; copy In T"), in, &out, &errw,
			runOptions{wallClock: clock.Load, tick: time.Millisecond})
	}()
	io.WriteString(feed, `{"stream":"In","row":[1]}`+"\n")
	wait := func(want string) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if out.String() == want {
				return
			}
		}
		t.Fatalf("stdout:\n%s\nwant:\n%s", out.String(), want)
	}
	// Stamped with the wall time, and flushed without waiting for more input.
	first := `{"stream":"T","ts":5000,"data":{"t":1}}` + "\n"
	wait(first)
	clock.Store(7500) // the ticker fires the timers due by the wall clock
	wait(first + `{"stream":"T","ts":6000,"data":{"t":6000}}` + "\n" + `{"stream":"T","ts":7000,"data":{"t":7000}}` + "\n")
	feed.Close()
	if code := <-done; code != exitOK || errw.String() != "efc run: 1 events read, 0 rejected, 3 events written\n" {
		t.Errorf("exit %d, stderr %q", code, errw.String())
	}
}

func TestRunCommandLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.sql")
	if err := os.WriteFile(bad, []byte("CREATE STREAM ;"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"run"}, exitUsage, "usage: efc run"},
		{[]string{"run", "a.sql", "b.sql"}, exitUsage, "usage: efc run"},
		{[]string{"run", filepath.Join(dir, "missing.sql")}, exitFail, "missing.sql: no such file"},
		// A compile error is printed as is: it starts with file:line:col.
		{[]string{"run", "--playback", bad}, exitFail, bad + ":"},
	} {
		code, out, errw := efc("", tc.args...)
		if code != tc.code || out != "" || !strings.Contains(errw, tc.stderr) {
			t.Errorf("efc %v = %d, stdout %q, stderr %q (want %q)", tc.args, code, out, errw, tc.stderr)
		}
	}
}
