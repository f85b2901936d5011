package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/generated/alltypes"
	"github.com/eventflux/eventflux-go/generated/stocks"
	"github.com/eventflux/eventflux-go/runtime"
)

// genericOnly hides an App's runtime.JSONApp methods: the driver takes the
// generic path (Send and Subscribe) with it.
type genericOnly struct{ runtime.App }

// countingJSONApp counts the events the driver sends through SendJSON and
// those it prints from SubscribeJSON.
type countingJSONApp struct {
	runtime.App
	json          runtime.JSONApp
	sends, prints *int
}

func (c countingJSONApp) SendJSON(stream string, ts int64, data []byte) error {
	*c.sends++
	return c.json.SendJSON(stream, ts, data)
}

func (c countingJSONApp) SubscribeJSON(stream string, fn func(ts int64, data []byte)) error {
	return c.json.SubscribeJSON(stream, func(ts int64, data []byte) {
		*c.prints++
		fn(ts, data)
	})
}

type runResult struct {
	code     int
	out, err string
}

// runBothPaths runs input through the generic path and the JSON path of
// fresh apps and fails unless stdout, stderr and the exit status are the
// same. It returns how many events took SendJSON; every event printed must
// have come from SubscribeJSON.
func runBothPaths(t *testing.T, newApp func() runtime.App, input string, playback bool) (runResult, int) {
	t.Helper()
	run := func(app runtime.App) runResult {
		var out, errw bytes.Buffer
		opts := Options{Name: "app", Playback: playback, WallClock: func() int64 { return 1_000_000 }, Tick: time.Hour}
		code := Run(app, opts, strings.NewReader(input), &out, &errw)
		return runResult{code, out.String(), errw.String()}
	}
	generic := run(genericOnly{newApp()})
	app := newApp()
	sends, prints := 0, 0
	viaJSON := run(countingJSONApp{App: app, json: app.(runtime.JSONApp), sends: &sends, prints: &prints})
	if generic != viaJSON {
		t.Errorf("the JSON path differs from the generic path (playback %v)\n%s", playback, diffLines(generic, viaJSON))
	}
	if lines := strings.Count(viaJSON.out, "\n"); prints != lines {
		t.Errorf("%d lines printed, %d from SubscribeJSON", lines, prints)
	}
	return generic, sends
}

func diffLines(want, got runResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "exit %d / %d\n", want.code, got.code)
	for _, part := range []struct{ name, want, got string }{{"stdout", want.out, got.out}, {"stderr", want.err, got.err}} {
		w, g := strings.Split(part.want, "\n"), strings.Split(part.got, "\n")
		for i := 0; i < len(w) || i < len(g); i++ {
			var wl, gl string
			if i < len(w) {
				wl = w[i]
			}
			if i < len(g) {
				gl = g[i]
			}
			if wl != gl {
				fmt.Fprintf(&b, "%s line %d:\n generic %s\n    json %s\n", part.name, i+1, wl, gl)
				break
			}
		}
	}
	return b.String()
}

func newAllTypes() runtime.App { return alltypes.New() }
func newStocks() runtime.App   { return stocks.New() }

// allTypesLines covers every column type's boundaries, every shape of
// "data" and "row", and every kind of error, with the clock effects of
// rejected lines (the Tick trigger shows when the clock moves).
var allTypesLines = []string{
	// Rejected before the start: the app starts at the next good line.
	`{"stream":"Readings","data":{"bogus":1},"ts":500}`,
	`{"stream":"Readings","data":{"n":"x"},"ts":700}`,
	`{"stream":"Readings","data":{"name":"a","n":1,"big":2,"f":0.1,"d":0.1,"ok":true},"ts":1000}`,
	`{"stream":"Readings","row":["b",-2,-3,1.5,2.5,false],"ts":1000}`,
	` { "ts" : 1100 , "row" : [ "c" , 0 , 0 , 0 , 0 , true ] , "stream" : "Readings" } `,
	`{"stream":"Readings","data":{},"ts":1100}`,
	`{"stream":"Readings","data":{"ok":null,"name":null},"ts":1100}`,
	`{"stream":"Readings","row":[null,null,null,null,null,null]}`,
	`{"stream":"Readings","data":{"name":"a\"b\\c\/\u00e9\ud83d\ude00\n\t\b\f\r\u0001"}}`,
	"{\"stream\":\"Readings\",\"data\":{\"name\":\"bad\xffutf8\xe2\x82\"}}",
	`{"stream":"Readings","data":{"name":"lone \ud83d and \ude00 and \ud83d\u0041"}}`,
	`{"stream":"Readings","data":{"n\u0061me":"escaped key","\u006e":5}}`,
	"{\"stream\":\"Readings\",\"data\":{\"name\":\"é€😀\"}}",
	// INT.
	`{"stream":"Readings","data":{"n":2147483647}}`,
	`{"stream":"Readings","data":{"n":-2147483648}}`,
	`{"stream":"Readings","data":{"n":2147483648}}`,
	`{"stream":"Readings","data":{"n":-2147483649}}`,
	`{"stream":"Readings","data":{"n":1.0}}`,
	`{"stream":"Readings","data":{"n":1e2}}`,
	`{"stream":"Readings","data":{"n":-0}}`,
	`{"stream":"Readings","data":{"n":1.5}}`,
	`{"stream":"Readings","data":{"n":99999999999999999999}}`,
	`{"stream":"Readings","data":{"n":"7"}}`,
	`{"stream":"Readings","data":{"n":true}}`,
	// BIGINT.
	`{"stream":"Readings","data":{"big":9223372036854775807}}`,
	`{"stream":"Readings","data":{"big":-9223372036854775808}}`,
	`{"stream":"Readings","data":{"big":9223372036854775808}}`,
	`{"stream":"Readings","data":{"big":1e18}}`,
	`{"stream":"Readings","data":{"big":9.2233720368547758e18}}`,
	`{"stream":"Readings","data":{"big":0.5}}`,
	`{"stream":"Readings","data":{"big":1e999}}`,
	// FLOAT.
	`{"stream":"Readings","data":{"f":3.4028235e38}}`,
	`{"stream":"Readings","data":{"f":1e39}}`,
	`{"stream":"Readings","data":{"f":-1e39}}`,
	`{"stream":"Readings","data":{"f":1e-50}}`,
	`{"stream":"Readings","data":{"f":16777217}}`,
	`{"stream":"Readings","data":{"f":-0.0}}`,
	`{"stream":"Readings","data":{"f":0.1234567890123456789012345678901234567890}}`,
	`{"stream":"Readings","data":{"f":"1"}}`,
	// DOUBLE.
	`{"stream":"Readings","data":{"d":1.7976931348623157e308}}`,
	`{"stream":"Readings","data":{"d":1e999}}`,
	`{"stream":"Readings","data":{"d":-1e999}}`,
	`{"stream":"Readings","data":{"d":-0.0}}`,
	`{"stream":"Readings","data":{"d":5e-324}}`,
	`{"stream":"Readings","data":{"d":1e-400}}`,
	`{"stream":"Readings","data":{"d":9007199254740993}}`,
	`{"stream":"Readings","data":{"d":false}}`,
	// BOOL and STRING mismatches.
	`{"stream":"Readings","data":{"ok":1}}`,
	`{"stream":"Readings","data":{"ok":"true"}}`,
	`{"stream":"Readings","data":{"name":5}}`,
	`{"stream":"Readings","data":{"name":true}}`,
	// Repeated keys: the last value counts.
	`{"stream":"Readings","data":{"n":1,"n":2}}`,
	`{"stream":"Readings","data":{"n":"x","n":3}}`,
	`{"stream":"Readings","data":{"n":3,"n":"x"}}`,
	`{"stream":"Readings","data":{"n":[1],"n":4}}`,
	`{"stream":"Readings","data":{"n":4,"n":{"a":1}}}`,
	// Unknown columns, non-scalars, wrong counts, and their precedence.
	`{"stream":"Readings","data":{"bogus":1}}`,
	`{"stream":"Readings","data":{"Name":"case matters"}}`,
	`{"stream":"Readings","data":{"n":"x","bogus":1}}`,
	`{"stream":"Readings","data":{"n":[1]}}`,
	`{"stream":"Readings","data":{"n":{}}}`,
	`{"stream":"Readings","data":{"n":"x","d":[1]}}`,
	`{"stream":"Readings","data":{"n":"x","d":1e999}}`,
	`{"stream":"Readings","data":{"n":"x","d":"y"}}`,
	`{"stream":"Readings","row":["a",1,2,3,4]}`,
	`{"stream":"Readings","row":["a",1,2,3,4,true,7]}`,
	`{"stream":"Readings","row":[]}`,
	`{"stream":"Readings","row":["a",[1],2,3,4,true]}`,
	`{"stream":"Readings","row":["a","x",2,3,[4],true]}`,
	`{"stream":"Readings","row":["a","x",2,3,1e999,true]}`,
	`{"stream":"Readings","row":[1,"x",2,3,4,true]}`,
	`{"stream":"Readings","row":["a",[1],2]}`,
	// Shapes.
	`{"stream":"Readings","data":["a",1,2,3,4,true]}`,
	`{"stream":"Readings","row":{"n":1}}`,
	`{"stream":"Readings","data":null}`,
	`{"stream":"Readings","row":null}`,
	`{"stream":"Readings","data":5}`,
	`{"stream":"Readings","row":"x"}`,
	// Bad JSON inside the columns, and around them.
	`{"stream":"Readings","data":{"n":1,}}`,
	`{"stream":"Readings","data":{"n":01}}`,
	`{"stream":"Readings","data":{"n":tru}}`,
	`{"stream":"Readings","data":{"name":"a\x"}}`,
	`{"stream":"Readings","data":{"name":"a\u00"}}`,
	"{\"stream\":\"Readings\",\"data\":{\"name\":\"a\x01\"}}",
	`{"stream":"Readings","data":{"n":1 "d":2}}`,
	`{"stream":"Readings","data":{"n":1]}`,
	`{"stream":"Readings","row":[1,2}`,
	`{"stream":"Readings","row":["a",1,2,3,4,true,]}`,
	`{"stream":"Readings","row":["a",,2,3,4,true]}`,
	`{"stream":"Readings","data":{"bogus":1,"n":}}`,
	`{"stream":"Readings","data":{"n":1}} trailing`,
	`{"stream":"Readings","data":{"n":1}`,
	`{"stream":"Readings","data":{"n":"}"}}`,
	`{"stream":"Readings","data":{"n":"]"},"ts":1200}`,
	`{"stream":"Readings","data":{"name":"{[\"","n":2},"ts":1200}`,
	// Envelopes.
	`{"stream":"Re\u0061dings","data":{"name":"escaped stream","n":9},"ts":1300}`,
	`{"stream":"Readings","data":{"n":9},"ts":1300,"ts":1400}`,
	`{"stream":"Readings","data":{"n":9},"row":[]}`,
	`{"stream":"Readings","data":{"n":9},"ts":1.5}`,
	`{"stream":"Readings","data":{"n":9},"time":1}`,
	`{"stream":"Nope","data":{"n":9}}`,
	`{"data":{"n":9}}`,
	`{"stream":"Readings"}`,
	`not json`,
	`[1,2]`,
	// Tables and triggers are not sendable; a bad event says so first.
	`{"stream":"Limits","data":{"name":"x","maxN":1}}`,
	`{"stream":"Limits","data":{"bogus":1}}`,
	`{"stream":"Limits","row":["x"]}`,
	`{"stream":"Limits","data":{"maxN":"x"},"ts":1500}`,
	`{"stream":"Tick","row":[5]}`,
	// The clock: a row that does not fit still moves it (ticks fire), a
	// malformed one does not.
	`{"stream":"Readings","data":{"n":"x"},"ts":3500}`,
	`{"stream":"Readings","data":{"bogus":1},"ts":6500}`,
	`{"stream":"Readings","row":["a",1],"ts":6500}`,
	`{"stream":"Readings","data":{"n":[1]},"ts":6500}`,
	`{"stream":"Readings","data":{"n":1,},"ts":6500}`,
	`{"stream":"Readings","data":{"name":"late","n":1},"ts":4200}`,
	`{"stream":"Readings","row":["a",1,2,3,4,"no"],"ts":5200}`,
	`{"stream":"Echo","data":{"name":"into an output stream","n":1},"ts":5300}`,
	`{"stream":"Derived","row":["x",1,2,3,true],"ts":5300}`,
	`{"stream":"Ticks","data":{"at":"x"},"ts":8000}`,
	`{"stream":"Readings","data":{"name":"last","big":-1}}`,
}

func TestJSONPathAgreesWithGenericPath(t *testing.T) {
	input := strings.Join(allTypesLines, "\n") + "\n"
	for _, playback := range []bool{true, false} {
		res, sends := runBothPaths(t, newAllTypes, input, playback)
		// Sanity: the run shows output and errors, and most lines took
		// SendJSON (in playback, the lines before the start do not). The
		// wall clock stands still: only event time fires the trigger.
		if res.code != ExitOK || strings.Contains(res.out, `"stream":"Ticks"`) != playback || !strings.Contains(res.err, "line 16: column n: cannot convert value to INT") {
			t.Errorf("playback %v: unexpected run:\n%s\n%s", playback, res.out, res.err)
		}
		if sends < len(allTypesLines)/2 {
			t.Errorf("playback %v: %d lines took SendJSON, want most of %d", playback, sends, len(allTypesLines))
		}
	}
}

// TestJSONPathRuns pins a few lines of the JSON path's output and errors.
func TestJSONPathRuns(t *testing.T) {
	input := `{"stream":"Readings","row":["a",1,2,0.1,0.1,true],"ts":1000}
{"stream":"Readings","data":{"f":1e39,"d":-0.0,"name":"q\"\u00e9"},"ts":1000}
{"stream":"Readings","data":{"n":"x"},"ts":2500}
{"stream":"Readings","data":{"n":1,"n":[2]}}
`
	res, _ := runBothPaths(t, newAllTypes, input, true)
	wantOut := `{"stream":"Echo","ts":1000,"data":{"name":"a","n":1,"big":2,"f":0.1,"d":0.1,"ok":true}}
{"stream":"Derived","ts":1000,"data":{"name":"a","n1":2,"f2":0.20000000298023224,"third":0.03333333333333333,"notOk":false}}
{"stream":"Echo","ts":1000,"data":{"name":"q\"é","n":null,"big":null,"f":null,"d":-0,"ok":null}}
{"stream":"Ticks","ts":2000,"data":{"at":2000}}
`
	wantErr := `line 3: column n: cannot convert string "x" to INT
line 4: column n: want a string, number, boolean or null
app: 4 events read, 2 rejected, 4 events written
`
	if res.out != wantOut || res.err != wantErr {
		t.Errorf("stdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", res.out, wantOut, res.err, wantErr)
	}
}

// TestJSONPathOnStocks: the bundled example events, and the random lines
// below, give the same bytes on both paths of the stocks app.
func TestJSONPathOnStocks(t *testing.T) {
	data, err := readExampleEvents()
	if err != nil {
		t.Fatal(err)
	}
	res, sends := runBothPaths(t, newStocks, data, true)
	if res.code != ExitOK || strings.Count(res.out, "\n") < 10 || sends == 0 {
		t.Errorf("exit %d, %d sends, stdout:\n%s", res.code, sends, res.out)
	}
}

// Lines longer than the read buffer are read whole, on both paths.
func TestJSONPathLongLines(t *testing.T) {
	long := strings.Repeat("x", 150_000)
	input := `{"stream":"Readings","data":{"name":"` + long + `","n":1},"ts":1000}
{"stream":"Readings","data":{"name":"` + long + `","n":"bad"},"ts":1000}
{"stream":"Readings","row":["short",1,2,3,4,true],"ts":1000}
{"stream":"Readings","data":{"name":"no newline at the end ` + long + `"}}`
	res, _ := runBothPaths(t, newAllTypes, input, true)
	if res.code != ExitOK || strings.Count(res.out, long) != 2 || !strings.Contains(res.err, `line 2: column n: cannot convert string "bad" to INT`) ||
		!strings.Contains(res.err, "4 events read, 1 rejected, 4 events written") {
		t.Errorf("exit %d, %d long names in stdout, stderr:\n%s", res.code, strings.Count(res.out, long), res.err)
	}
}

// TestJSONPathRandomLines mutates good lines at random (values of every
// kind, then bytes dropped, doubled or replaced) and runs them through both
// paths. Lines the generic path words differently from one run to the next
// (several problems in one "data" object: encoding/json's map order picks
// one) are left out.
func TestJSONPathRandomLines(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	streams := newInputStreams(alltypes.New().Streams())
	var lines []string
	ts := int64(1000)
	for len(lines) < 3000 {
		line := randomLine(rng, &ts)
		if wordedAlike(streams, line) {
			lines = append(lines, line)
		}
	}
	input := strings.Join(lines, "\n") + "\n"
	runBothPaths(t, newAllTypes, input, true)
	runBothPaths(t, newAllTypes, input, false)
}

func readExampleEvents() (string, error) {
	data, err := os.ReadFile(exampleEvents)
	return string(data), err
}

// wordedAlike reports whether the generic path words the line's error the
// same way every time: several unknown fields, or a "data" object with
// several problems (unknown columns, values that are not scalars or out of
// range), are reported by whichever encoding/json's map order meets first.
func wordedAlike(streams map[string]*inputStream, line string) bool {
	var fields map[string]json.RawMessage
	if json.Unmarshal([]byte(line), &fields) == nil {
		unknown := 0
		for k := range fields {
			if k != "stream" && k != "data" && k != "row" && k != "ts" {
				unknown++
			}
		}
		if unknown > 1 {
			return false
		}
	}
	ev, err := decodeEnvelope([]byte(line), streams)
	if err != nil || ev.byPosition {
		return true
	}
	var data map[string]json.RawMessage
	if json.Unmarshal(ev.columns, &data) != nil {
		return true
	}
	problems := 0
	for k, v := range data {
		i, ok := ev.stream.index[k]
		if !ok {
			problems++
		} else if _, err := jsonValue(v, ev.stream.cols[i]); err != nil {
			problems++
		}
	}
	return problems <= 1
}

var randomValues = []string{
	`"IBM"`, `""`, `"a\"\u00e9\ud83d"`, `"1"`, `0`, `-0`, `1`, `-7`, `2147483648`, `-2147483649`, `9223372036854775808`,
	`1.5`, `1e2`, `-0.0`, `0.1`, `1e39`, `1e999`, `5e-324`, `true`, `false`, `null`, `[1]`, `{}`, `{"a":[null]}`,
}

var allTypesColumns = []string{"name", "n", "big", "f", "d", "ok"}

func randomLine(rng *rand.Rand, ts *int64) string {
	var cols strings.Builder
	if rng.Intn(3) == 0 {
		cols.WriteString(`"row":[`)
		n := len(allTypesColumns) + rng.Intn(3) - 1
		if rng.Intn(2) == 0 {
			n = len(allTypesColumns)
		}
		for i := 0; i < n; i++ {
			if i > 0 {
				cols.WriteString(",")
			}
			cols.WriteString(randomValues[rng.Intn(len(randomValues))])
		}
		cols.WriteString("]")
	} else {
		cols.WriteString(`"data":{`)
		for i, n := 0, rng.Intn(8); i < n; i++ {
			if i > 0 {
				cols.WriteString(",")
			}
			name := allTypesColumns[rng.Intn(len(allTypesColumns))]
			if rng.Intn(12) == 0 {
				name = "bogus"
			}
			fmt.Fprintf(&cols, "%q:%s", name, randomValues[rng.Intn(len(randomValues))])
		}
		cols.WriteString("}")
	}
	stream := "Readings"
	if rng.Intn(20) == 0 {
		stream = []string{"Limits", "Tick", "Echo", "Nope"}[rng.Intn(4)]
	}
	line := `{"stream":"` + stream + `",` + cols.String()
	if rng.Intn(4) > 0 {
		*ts += int64(rng.Intn(700))
		line += fmt.Sprintf(`,"ts":%d`, *ts)
	}
	line += "}"
	if rng.Intn(4) == 0 {
		b := []byte(line)
		i := rng.Intn(len(b))
		switch rng.Intn(3) {
		case 0:
			b = append(b[:i], b[i+1:]...)
		case 1:
			b = append(b[:i+1], b[i:]...)
		default:
			const junk = `{}[],:" \tx01.e-`
			b[i] = junk[rng.Intn(len(junk))]
		}
		line = string(b)
	}
	return strings.ReplaceAll(line, "\n", " ")
}

// FuzzJSONPathAgrees runs any line, after a good one that starts the app,
// through both paths.
func FuzzJSONPathAgrees(f *testing.F) {
	for _, line := range allTypesLines {
		f.Add(line)
	}
	streams := newInputStreams(alltypes.New().Streams())
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n") || !wordedAlike(streams, line) {
			return
		}
		input := `{"stream":"Readings","row":["a",1,2,3,4,true],"ts":1000}` + "\n" + line + "\n"
		runBothPaths(t, newAllTypes, input, true)
	})
}
