package snap

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

func TestRoundTrip(t *testing.T) {
	b := AppendInt(nil, -42)
	b = AppendUint(b, 7)
	b = AppendFloat(b, math.Inf(-1))
	b = AppendString(b, "héllo")
	b = AppendBool(b, true)
	b = AppendFloat(b, -1.5)
	b = AppendInt(b, -1<<31)
	b = append(b, 0xC3)
	b = AppendCount(b, 3)
	b = append(b, "xyz"...)
	r := NewReader(b)
	if v := r.Int(); v != -42 {
		t.Errorf("Int %d", v)
	}
	if v := r.Uint(); v != 7 {
		t.Errorf("Uint %d", v)
	}
	if v := r.Float(); !math.IsInf(v, -1) {
		t.Errorf("Float %v", v)
	}
	if v := r.String(); v != "héllo" {
		t.Errorf("String %q", v)
	}
	if !r.Bool() {
		t.Error("Bool false")
	}
	if v := r.Float32(); v != -1.5 {
		t.Errorf("Float32 %v", v)
	}
	if v := r.Int32(); v != -1<<31 {
		t.Errorf("Int32 %v", v)
	}
	if v := r.Byte(); v != 0xC3 {
		t.Errorf("Byte %#x", v)
	}
	if n := r.Count(); n != 3 || string(r.Rest()) != "xyz" {
		t.Errorf("Count %d, rest %q", n, r.Rest())
	}
	r.SetRest(r.Rest()[3:])
	if r.Err() != nil || len(r.Rest()) != 0 {
		t.Errorf("Err/Rest: %v %d", r.Err(), len(r.Rest()))
	}
}

// Every prefix of a valid encoding fails with ErrTruncated and reads zero
// values afterwards; a huge count cannot force an allocation.
func TestTruncatedAndCorrupt(t *testing.T) {
	full := AppendString(AppendInt(nil, 1<<40), "abcdef")
	for n := 0; n < len(full); n++ {
		r := NewReader(full[:n])
		r.Int()
		_ = r.String()
		if !errors.Is(r.Err(), ErrTruncated) {
			t.Errorf("prefix %d: err %v", n, r.Err())
		}
	}
	for _, read := range []func(*Reader){
		func(r *Reader) { r.Byte() },
		func(r *Reader) { r.Bool() },
		func(r *Reader) { r.Float32() },
		func(r *Reader) { r.Float() },
	} {
		r := NewReader([]byte{1, 2, 3})
		r.SetRest(nil)
		read(r)
		if !errors.Is(r.Err(), ErrTruncated) {
			t.Errorf("read from empty input: err %v", r.Err())
		}
	}
	r := NewReader(AppendUint(nil, 1<<60))
	if r.Count() != 0 || r.Err() == nil {
		t.Error("a count larger than the input must fail")
	}
	r = NewReader([]byte{2})
	r.Bool()
	if r.Err() == nil {
		t.Error("a bad boolean byte must fail")
	}
	r = NewReader(AppendFloat(nil, 0.1))
	r.Float32()
	if r.Err() == nil {
		t.Error("a float64 no float32 holds must fail as a FLOAT")
	}
	r = NewReader(AppendInt(nil, 1<<31))
	r.Int32()
	if r.Err() == nil {
		t.Error("an integer out of the int32 range must fail as an INT")
	}
	r = NewReader([]byte("XY"))
	r.Expect("EF")
	if !errors.Is(r.Err(), ErrMismatch) {
		t.Errorf("Expect: %v", r.Err())
	}
}

// ExpectTypes passes the layout written and names the component whose
// layout differs.
func TestExpectTypes(t *testing.T) {
	b := AppendTypes(nil, runtime.Int, runtime.String)
	r := NewReader(b)
	r.ExpectTypes("window rows", runtime.Int, runtime.String)
	if r.Err() != nil || len(r.Rest()) != 0 {
		t.Fatalf("same layout: %v", r.Err())
	}
	for _, want := range [][]runtime.Type{{runtime.BigInt, runtime.String}, {runtime.Int}, nil} {
		r := NewReader(b)
		r.ExpectTypes("window rows", want...)
		if !errors.Is(r.Err(), ErrMismatch) || !strings.Contains(r.Err().Error(), "window rows") {
			t.Errorf("layout %v: err %v", want, r.Err())
		}
	}
}
