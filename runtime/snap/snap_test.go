package snap

import (
	"errors"
	"math"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	b := AppendInt(nil, -42)
	b = AppendUint(b, 7)
	b = AppendFloat(b, math.Inf(-1))
	b = AppendString(b, "héllo")
	b = AppendBool(b, true)
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
	if !r.Bool() || r.Err() != nil || len(r.Rest()) != 0 {
		t.Errorf("Bool/Err/Rest: %v %d", r.Err(), len(r.Rest()))
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
	r := NewReader(AppendUint(nil, 1<<60))
	if r.Count() != 0 || r.Err() == nil {
		t.Error("a count larger than the input must fail")
	}
	r = NewReader([]byte{2})
	r.Bool()
	if r.Err() == nil {
		t.Error("a bad boolean byte must fail")
	}
	r = NewReader([]byte("XY"))
	r.Expect("EF")
	if !errors.Is(r.Err(), ErrMismatch) {
		t.Errorf("Expect: %v", r.Err())
	}
}
