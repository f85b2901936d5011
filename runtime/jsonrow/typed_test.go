package jsonrow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand"
	"strconv"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

// referenceValue is the driver's generic path for one JSON value and column
// type, through encoding/json: the Go value Send gets (or the reading
// error), then runtime.ValueOf. ok is false for text that is not one JSON
// value.
func referenceValue(text string, t runtime.Type) (x any, v runtime.Value, err error, ok bool) {
	if !json.Valid([]byte(text)) {
		return nil, runtime.Value{}, nil, false
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil && err != io.EOF {
		return nil, runtime.Value{}, err, true
	}
	switch n := raw.(type) {
	case nil, string, bool:
		x = n
	case json.Number:
		x = nil
		if t == runtime.Int || t == runtime.BigInt {
			if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
				x = i
			}
		}
		if x == nil {
			f, err := strconv.ParseFloat(string(n), 64)
			if err != nil {
				return nil, runtime.Value{}, fmt.Errorf("number %s is out of range", n), true
			}
			x = f
		}
	default:
		return nil, runtime.Value{}, fmt.Errorf("want a string, number, boolean or null"), true
	}
	v, err = runtime.ValueOf(x, t)
	return x, v, err, true
}

// readTyped reads text with the typed reader of t, as a runtime.Value.
func readTyped(text string, t runtime.Type) (runtime.Value, error, bool) {
	r := NewReader([]byte(text))
	var v runtime.Value
	var err error
	switch t {
	case runtime.String:
		v.S, v.Null, err = r.String()
	case runtime.Int:
		var i int32
		i, v.Null, err = r.Int()
		v.I = int64(i)
	case runtime.BigInt:
		v.I, v.Null, err = r.BigInt()
	case runtime.Float:
		var f float32
		f, v.Null, err = r.Float()
		v.F = float64(f)
	case runtime.Double:
		v.F, v.Null, err = r.Double()
	case runtime.Bool:
		var b bool
		b, v.Null, err = r.Bool()
		if b {
			v.I = 1
		}
	}
	if v.Null {
		v = runtime.NullValue
	}
	return v, err, r.End()
}

var columnTypes = []runtime.Type{runtime.String, runtime.Int, runtime.BigInt, runtime.Float, runtime.Double, runtime.Bool}

// scalarTexts are JSON texts around every boundary of the conversions.
var scalarTexts = []string{
	`0`, `-0`, `1`, `-1`, `7`, `1.5`, `-1.5`, `1.0`, `-0.0`, `0.0`, `1e2`, `1E2`, `1e+2`, `1e-2`, `2.5e1`,
	`2147483647`, `2147483648`, `-2147483648`, `-2147483649`, `2147483647.0`, `2147483647.5`, `-2147483648.0`, `2.147483648e9`,
	`9223372036854775807`, `9223372036854775808`, `-9223372036854775808`, `-9223372036854775809`,
	`9.223372036854775807e18`, `9223372036854775807.0`, `-9223372036854775808.0`, `9223372036854774784.0`, `1e19`, `-1e19`,
	`123456789012345678`, `1234567890123456789`, `12345678901234567890`, `-123456789012345678`, `000`,
	`99999999999999999999999999999999999999`, `1e308`, `1.7976931348623157e308`, `1.7976931348623159e308`, `1e309`,
	`1e999`, `-1e999`, `1e-400`, `4.9e-324`, `2e-324`, `3.4028234663852886e38`, `3.4028235677973366e38`, `3.5e38`, `1e39`,
	`0.1`, `0.2`, `0.30000000000000004`, `16777217`, `9007199254740993`, `1.00000001`, `100000000000000000000000000000000000000000`,
	`""`, `"x"`, `"IBM"`, `"12"`, `"true"`, `"null"`, `"a\"b"`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"\u0000"`, `"\u00e9"`, `"\u00E9"`,
	`"é€😀"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ude00"`, `"\ud83dx"`, `"\ud83d\u0041"`, `"\ud83d\ud83d\ude00"`, "\"\xff\"", "\"a\xe2\x82\"",
	"\"\xed\xa0\x80\"", "\"\x7f\"", `"\x"`, `"\'"`, `"\u12"`, `"\u12g4"`, "\"\x01\"", `"abc`, `"`,
	`true`, `false`, `null`, `tru`, `nul`, `falsey`, `True`, `NULL`,
	`[]`, `[1]`, `{}`, `{"a":1}`, `[[[]]]`, `[1,]`, `{"a"}`,
	`01`, `1.`, `.5`, `+1`, `-`, `1e`, `1e+`, `--1`, `0x10`, `1 2`, ` 5 `, "\t\n5\r", ``, ` `,
}

func randomNumberText(rng *rand.Rand) string {
	digits := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + rng.Intn(10))
		}
		if n > 1 && b[0] == '0' {
			b[0] = '1'
		}
		return string(b)
	}
	s := ""
	if rng.Intn(2) == 0 {
		s = "-"
	}
	s += digits(1 + rng.Intn(22))
	if rng.Intn(3) == 0 {
		s += "." + digits(1+rng.Intn(8))
	}
	if rng.Intn(4) == 0 {
		s += "e" + []string{"", "+", "-"}[rng.Intn(3)] + strconv.Itoa(rng.Intn(45))
	}
	return s
}

// TestTypedReadersAgreeWithValueOf: every typed reader gives the value,
// NULL-ness and error (text and kind) of the driver's generic path.
func TestTypedReadersAgreeWithValueOf(t *testing.T) {
	texts := append([]string(nil), scalarTexts...)
	rng := rand.New(rand.NewSource(1))
	for range 3000 {
		texts = append(texts, randomNumberText(rng))
	}
	for _, i := range []int64{math.MinInt32, math.MaxInt32, math.MinInt64, math.MaxInt64, 1 << 24, 1 << 53} {
		for d := int64(-2); d <= 2; d++ {
			texts = append(texts, strconv.FormatInt(i+d, 10))
		}
	}
	for _, text := range texts {
		for _, typ := range columnTypes {
			_, want, wantErr, valid := referenceValue(text, typ)
			got, err, end := readTyped(text, typ)
			if !valid {
				if err == nil && end {
					t.Errorf("%s %q: read %+v from text that is not JSON", typ, text, got)
				}
				continue
			}
			if !end && err == nil {
				t.Errorf("%s %q: valid JSON not read to its end", typ, text)
				continue
			}
			switch {
			case wantErr != nil:
				if err == nil || err.Error() != wantErr.Error() {
					t.Errorf("%s %q: error %v, want %v", typ, text, err, wantErr)
				}
				_, isConvert := wantErr.(*runtime.ConvertError)
				if IsMalformed(err) == isConvert {
					t.Errorf("%s %q: error %v is malformed=%v, want %v", typ, text, err, IsMalformed(err), !isConvert)
				}
			case err != nil:
				t.Errorf("%s %q: error %v, want %+v", typ, text, err, want)
			case got.Null != want.Null || got.I != want.I || got.S != want.S || math.Float64bits(got.F) != math.Float64bits(want.F):
				t.Errorf("%s %q: got %+v, want %+v", typ, text, got, want)
			}
		}
	}
}

// TestValueAgreesWithDriver: Value gives the Go value the driver's generic
// path hands Send.
func TestValueAgreesWithDriver(t *testing.T) {
	for _, text := range scalarTexts {
		for _, typ := range columnTypes {
			wantX, _, wantErr, valid := referenceValue(text, typ)
			if !valid {
				continue
			}
			r := NewReader([]byte(text))
			x, err := r.Value(typ)
			if _, isConvert := wantErr.(*runtime.ConvertError); isConvert || wantErr == nil {
				if err != nil || fmt.Sprintf("%T %#v", x, x) != fmt.Sprintf("%T %#v", wantX, wantX) {
					t.Errorf("%s %q: Value %T %#v (%v), want %T %#v", typ, text, x, x, err, wantX, wantX)
				}
				continue
			}
			if err == nil || err.Error() != wantErr.Error() {
				t.Errorf("%s %q: Value error %v, want %v", typ, text, err, wantErr)
			}
		}
	}
}

func TestTypedErrorsAreWorded(t *testing.T) {
	for _, tc := range []struct {
		text string
		typ  runtime.Type
		want string
	}{
		{`1.5`, runtime.Int, `cannot convert number 1.5 to INT`},
		{`2147483648`, runtime.Int, `cannot convert value to INT`},
		{`1e19`, runtime.BigInt, `cannot convert number 1e+19 to BIGINT`},
		{`"x"`, runtime.Double, `cannot convert string "x" to DOUBLE`},
		{`true`, runtime.Int, `cannot convert boolean true to INT`},
		{`3`, runtime.String, `cannot convert number 3 to STRING`},
		{`1`, runtime.Bool, `cannot convert number 1 to BOOL`},
		{`1e999`, runtime.Double, `number 1e999 is out of range`},
		{`[1]`, runtime.String, `want a string, number, boolean or null`},
		{`01`, runtime.Int, `bad JSON: invalid character '1' at offset 1 after top-level value`},
		{`"a\x"`, runtime.String, `bad JSON: invalid character 'x' at offset 3 in string escape code`},
		{`nul`, runtime.Int, `bad JSON: unexpected end of input`},
	} {
		got, err, end := readTyped(tc.text, tc.typ)
		if err == nil && !end {
			err = NewReaderEnd(tc.text)
		}
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s %q: got %+v, %v; want error %q", tc.typ, tc.text, got, err, tc.want)
		}
	}
}

// NewReaderEnd returns the error End reports after one value of text.
func NewReaderEnd(text string) error {
	r := NewReader([]byte(text))
	r.Skip()
	r.End()
	return r.Err()
}
