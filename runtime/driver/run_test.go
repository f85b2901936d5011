package driver

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/conformance/fakeapp"
	"github.com/eventflux/eventflux-go/runtime"
)

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
	code := Run(fake(t, stockScript), Options{
		Name:      "efc run",
		Playback:  true,
		WallClock: func() int64 { t.Error("playback read the wall clock"); return 0 },
	}, strings.NewReader(input), &out, &errw)
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
	if code != ExitOK || out.String() != wantOut || errw.String() != wantErr {
		t.Errorf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", code, out.String(), wantOut, errw.String(), wantErr)
	}
}

func TestRunCollect(t *testing.T) {
	input := `{"stream":"StockStream","row":["IBM",1,2]}` + "\n"
	var out, errw bytes.Buffer
	code := Run(fake(t, stockScript), Options{
		Name: "stocks", Playback: true, Collect: []string{"N", "StockStream"}, WallClock: func() int64 { return 42 },
	}, strings.NewReader(input), &out, &errw)
	// Subscribers see events in emission order; the input stream is collected
	// on request although no query writes it. No "ts" and no clock yet: the
	// playback clock starts at the wall time.
	wantOut := `{"stream":"StockStream","ts":42,"data":{"symbol":"IBM","price":1,"volume":2}}
{"stream":"N","ts":42,"data":{"n":1}}
`
	if code != ExitOK || out.String() != wantOut {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s\nstderr: %s", code, out.String(), wantOut, errw.String())
	}
	code = Run(fake(t, stockScript), Options{Name: "stocks", Playback: true, Collect: []string{"Missing"}}, strings.NewReader(input), &out, &errw)
	if code != ExitUsage || !strings.Contains(errw.String(), `stocks: --collect: the app has no stream "Missing"`) {
		t.Errorf("unknown --collect: exit %d, stderr %q", code, errw.String())
	}
}

func TestRunPlaybackTimers(t *testing.T) {
	// Ticks fire when event time passes them, never at end of input.
	input := `{"stream":"In","row":[1],"ts":1000}
{"stream":"In","row":[2],"ts":3500}
`
	var out, errw bytes.Buffer
	code := Run(fake(t, "stream In v:INT; stream T t:BIGINT; tick T 1000"), Options{Name: "efc run", Playback: true}, strings.NewReader(input), &out, &errw)
	want := `{"stream":"T","ts":2000,"data":{"t":2000}}
{"stream":"T","ts":3000,"data":{"t":3000}}
`
	if code != ExitOK || out.String() != want {
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
		done <- Run(fake(t, "stream In v:INT; stream T t:BIGINT; tick T 1000; copy In T"),
			Options{Name: "efc run", WallClock: clock.Load, Tick: time.Millisecond}, in, &out, &errw)
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
	if code := <-done; code != ExitOK || errw.String() != "efc run: 1 events read, 0 rejected, 3 events written\n" {
		t.Errorf("exit %d, stderr %q", code, errw.String())
	}
}
