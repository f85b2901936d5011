package key

import (
	"bytes"
	"math"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// Grouping's equalities hold on the bytes: -0.0 is 0.0, every NaN is one
// NaN, a NULL is the zero value flagged whatever it holds; values that
// differ, and NULL from the zero value, give different bytes.
func TestKeyEqualities(t *testing.T) {
	negZero := math.Copysign(0, -1)
	otherNaN := math.Float64frombits(0x7ff0000000000abc)
	same := [][2][]byte{
		{AppendFloat(nil, 0, false), AppendFloat(nil, negZero, false)},
		{AppendFloat(nil, math.NaN(), false), AppendFloat(nil, otherNaN, false)},
		{AppendFloat(nil, 2.5, true), AppendFloat(nil, 0, true)},
		{AppendInt(nil, 9, true), AppendInt(nil, 0, true)},
		{AppendString(nil, "x", true), AppendString(nil, "", true)},
		{AppendBool(nil, true, true), AppendBool(nil, false, true)},
		{AppendValue(nil, runtime.Double, runtime.Value{F: 3, I: 4, Null: true}), AppendFloat(nil, 0, true)},
		{AppendValue(nil, runtime.Bool, runtime.BoolValue(true)), AppendBool(nil, true, false)},
		{AppendValue(nil, runtime.Float, runtime.FloatValue(negZero)), AppendFloatBits(nil, 0, false)},
	}
	for i, p := range same {
		if !bytes.Equal(p[0], p[1]) {
			t.Errorf("pair %d: %x != %x", i, p[0], p[1])
		}
	}
	differ := [][2][]byte{
		{AppendInt(nil, 0, false), AppendInt(nil, 0, true)},
		{AppendString(nil, "", false), AppendString(nil, "", true)},
		{AppendFloat(nil, 0, false), AppendFloat(nil, math.NaN(), false)},
		{AppendInt(nil, 1, false), AppendInt(nil, -1, false)},
		{append(AppendString(nil, "a", false), AppendString(nil, "bc", false)...), append(AppendString(nil, "ab", false), AppendString(nil, "c", false)...)},
	}
	for i, p := range differ {
		if bytes.Equal(p[0], p[1]) {
			t.Errorf("pair %d: both %x", i, p[0])
		}
	}
}

// A key read back re-encodes to the bytes read; bytes no key encodes fail.
func TestReadKey(t *testing.T) {
	types := []runtime.Type{runtime.String, runtime.Int, runtime.BigInt, runtime.Float, runtime.Double, runtime.Bool}
	vals := []runtime.Value{runtime.StringValue("é"), runtime.IntValue(math.MinInt32), runtime.NullValue, runtime.FloatValue(math.NaN()), runtime.FloatValue(-7.25), runtime.NullValue}
	var k []byte
	for i, ty := range types {
		k = AppendValue(k, ty, vals[i])
	}
	r := snap.NewReader(k)
	var back []byte
	for _, ty := range types {
		back = ReadValue(back, r, ty)
	}
	if r.Err() != nil || len(r.Rest()) != 0 || !bytes.Equal(back, k) {
		t.Fatalf("read %x back as %x (err %v, %d left)", k, back, r.Err(), len(r.Rest()))
	}
	bad := []struct {
		b []byte
		t runtime.Type
	}{
		{snap.AppendInt(snap.AppendBool(nil, true), 3), runtime.BigInt},                       // a NULL with a value
		{snap.AppendInt(snap.AppendBool(nil, false), 1<<40), runtime.Int},                     // INT out of range
		{AppendFloatBits(nil, math.Float64bits(math.Copysign(0, -1)), false), runtime.Double}, // -0.0 unnormalized
		{AppendFloatBits(nil, 0x7ff0000000000abc, false), runtime.Float},                      // a NaN not fn.FloatKey's
		{[]byte{2, 0}, runtime.Bool},                                                          // a bad NULL flag
		{AppendString(nil, "abc", false)[:3], runtime.String},                                 // truncated
	}
	for i, c := range bad {
		r := snap.NewReader(c.b)
		ReadValue(nil, r, c.t)
		if r.Err() == nil {
			t.Errorf("bad key %d (%x) read without error", i, c.b)
		}
	}
}
