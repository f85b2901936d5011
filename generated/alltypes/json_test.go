package alltypes

import (
	"math"
	"reflect"
	"testing"
)

// Not generated: this test drives the generated JSON codec of Readings
// directly (runtime/driver checks it against the generic path).

func TestDecodeReadingsJSON(t *testing.T) {
	for _, tc := range []struct {
		data string
		want Readings
		err  string
	}{
		{data: `{"name":"a","n":-7,"big":9007199254740993,"f":0.1,"d":0.1,"ok":true}`,
			want: Readings{Name: "a", N: -7, Big: 9007199254740993, F: 0.1, D: 0.1, Ok: true}},
		{data: `["a",-7,9007199254740993,0.1,0.1,true]`,
			want: Readings{Name: "a", N: -7, Big: 9007199254740993, F: 0.1, D: 0.1, Ok: true}},
		// Missing and null columns are NULL; bit i of Nulls is column i.
		{data: `{"n":1e2,"ok":null}`, want: Readings{N: 100, Nulls: 1<<0 | 1<<2 | 1<<3 | 1<<4 | 1<<5}},
		{data: `[null,1,2,1e39,-0.0,false]`, want: Readings{Nulls: 1 << 0, N: 1, Big: 2, F: float32(math.Inf(1)), D: math.Copysign(0, -1)}},
		// The exact path: a repeated key takes its last value.
		{data: `{"n":[1],"n":2,"name":"x\u00e9"}`, want: Readings{Name: "xé", N: 2, Nulls: 1<<2 | 1<<3 | 1<<4 | 1<<5}},
		{data: `{"n":2147483648}`, err: "column n: cannot convert value to INT"},
		{data: `{"f":"x"}`, err: `column f: cannot convert string "x" to FLOAT`},
		{data: `{"ok":1,"bogus":true}`, err: `stream Readings has no column "bogus"`},
		{data: `["a",1,2,3,4]`, err: `"row" has 5 values, stream Readings has 6 columns`},
		{data: `{"n":1,}`, err: `bad JSON: invalid character '}' at offset 7 looking for beginning of object key string`},
	} {
		got, err := decodeReadingsJSON([]byte(tc.data))
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s: got %+v, %v; want error %q", tc.data, got, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, %v; want %+v", tc.data, got, err, tc.want)
		}
	}
}

func TestAppendJSON(t *testing.T) {
	ev := Readings{Name: "q\"\n", N: -1, Big: math.MaxInt64, F: 0.1, D: math.NaN(), Ok: false, Nulls: 1 << 1}
	want := `{"name":"q\"\n","n":null,"big":9223372036854775807,"f":0.1,"d":null,"ok":false}`
	if got := string(ev.appendJSON(nil)); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// The codec allocates only the decoded strings, and nothing to encode.
func TestJSONAllocations(t *testing.T) {
	data := []byte(`{"name":"IBM","n":1,"big":2,"f":0.5,"d":101.5,"ok":true}`)
	var buf []byte
	allocs := testing.AllocsPerRun(200, func() {
		ev, err := decodeReadingsJSON(data)
		if err != nil {
			t.Fatal(err)
		}
		buf = ev.appendJSON(buf[:0])
	})
	if allocs != 1 {
		t.Errorf("%.1f allocations per event, want 1 (the name)", allocs)
	}
}
