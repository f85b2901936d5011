package agg

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// roundTrip snapshots a, loads the state into b, and checks that nothing is
// left over.
func roundTrip(t *testing.T, a, b Snapshotter) {
	t.Helper()
	st, err := a.AppendState([]byte{0xAA}) // a prefix must be kept
	if err != nil {
		t.Fatal(err)
	}
	if st[0] != 0xAA {
		t.Fatal("AppendState overwrote dst")
	}
	rest, err := b.LoadState(append(st[1:], 0xBB))
	if err != nil {
		t.Fatal(err)
	}
	if len(rest) != 1 || rest[0] != 0xBB {
		t.Fatalf("LoadState left %v, want the trailing byte", rest)
	}
	// Every strict prefix is truncated: an error, never a panic.
	for n := range len(st) - 1 {
		if _, err := b.LoadState(st[1 : 1+n]); err == nil {
			t.Fatalf("prefix of %d bytes loaded without error", n)
		}
	}
	// The failed loads left the good state alone: reload it.
	if _, err := b.LoadState(st[1:]); err != nil {
		t.Fatal(err)
	}
}

// TestSnapshotRestore follows §12.2's example shape: feed, persist, feed
// more, restore, feed: the result continues from the snapshot.
func TestSnapshotRestore(t *testing.T) {
	t.Run("sum over length 2", func(t *testing.T) {
		var s, r SumInt
		s.Add(10)
		roundTrip(t, &s, &r)
		r.Remove(10)
		r.Add(1)
		if v, _ := r.Value(); v != 1 {
			t.Fatalf("got %d", v)
		}
	})
	t.Run("stddev persistence case", func(t *testing.T) {
		var s, r StdDev
		s.Add(10)
		s.Add(20)
		roundTrip(t, &s, &r)
		r.Add(30)
		if v, _ := r.Value(); math.Abs(v-8.16496580927726) > 1e-12 {
			t.Fatalf("got %v", v)
		}
	})
	t.Run("first and last", func(t *testing.T) {
		var f, rf First[int32]
		var l, rl Last[int32]
		for _, v := range []int32{10, 20, 30} {
			f.Add(v)
			l.Add(v)
		}
		f.Remove(20) // a dead entry in the middle must not come back
		l.Remove(20)
		roundTrip(t, &f, &rf)
		roundTrip(t, &l, &rl)
		rf.Remove(10)
		rl.Remove(30)
		if v, _ := rf.Value(); v != 30 {
			t.Fatalf("first = %d, want 30", v)
		}
		if v, _ := rl.Value(); v != 10 {
			t.Fatalf("last = %d, want 10", v)
		}
	})
	t.Run("min and max multisets", func(t *testing.T) {
		var m, rm Min[float64]
		var x, rx Max[string]
		for _, v := range []float64{4, 1, 7, 1} {
			m.Add(v)
		}
		m.Remove(7)
		for _, v := range []string{"b", "z", "a"} {
			x.Add(v)
		}
		roundTrip(t, &m, &rm)
		roundTrip(t, &x, &rx)
		rm.Remove(1)
		if v, _ := rm.Value(); v != 1 {
			t.Fatalf("min = %v, want 1 (second copy)", v)
		}
		rm.Remove(1)
		if v, _ := rm.Value(); v != 4 {
			t.Fatalf("min = %v, want 4", v)
		}
		rx.Remove("z")
		if v, _ := rx.Value(); v != "b" {
			t.Fatalf("max = %q, want b", v)
		}
	})
	t.Run("distinctCount persistence case", func(t *testing.T) {
		var d, r DistinctCount[int64]
		d.Add(1)
		d.Add(1)
		d.AddNull()
		roundTrip(t, &d, &r)
		if r.Value() != 2 {
			t.Fatalf("restored distinctCount = %d, want 2", r.Value())
		}
		r.RemoveNull()
		r.Remove(1)
		r.Add(1)
		if r.Value() != 1 {
			t.Fatalf("distinctCount = %d, want 1", r.Value())
		}
	})
	t.Run("scalars", func(t *testing.T) {
		var c, rc Count
		var sf, rsf SumFloat
		var ai, rai AvgInt
		var af, raf AvgFloat
		var a, ra And
		var o, ro Or
		var mf, rmf MinForever[int64]
		var xf, rxf MaxForever[float32]
		c.Add()
		c.Add()
		sf.Add(1e20)
		sf.Add(1)
		ai.Add(3)
		af.Add(2.5)
		a.Add(true)
		o.Add(true)
		mf.Add(-4)
		xf.Add(2.5)
		for _, p := range [][2]Snapshotter{{&c, &rc}, {&sf, &rsf}, {&ai, &rai}, {&af, &raf}, {&a, &ra}, {&o, &ro}, {&mf, &rmf}, {&xf, &rxf}} {
			roundTrip(t, p[0], p[1])
		}
		rsf.Remove(1e20)
		if rc.Value() != 2 || !ra.Value() || !ro.Value() {
			t.Fatal("count/and/or not restored")
		}
		if v, _ := rsf.Value(); v != 1 {
			t.Fatalf("sum = %v, want 1 (compensation restored)", v)
		}
		if v, _ := rai.Value(); v != 3 {
			t.Fatalf("avg = %v", v)
		}
		if v, _ := raf.Value(); v != 2.5 {
			t.Fatalf("avg = %v", v)
		}
		if v, ok := rmf.Value(); !ok || v != -4 {
			t.Fatalf("minForever = %v", v)
		}
		if v, ok := rxf.Value(); !ok || v != 2.5 {
			t.Fatalf("maxForever = %v", v)
		}
	})
}

func TestSnapshotMismatch(t *testing.T) {
	var c Count
	st, _ := c.AppendState(nil)
	var s SumInt
	if _, err := s.LoadState(st); err == nil || !strings.Contains(err.Error(), "tag") {
		t.Fatalf("loading a Count state into SumInt: err = %v", err)
	}
	var mi Min[int64]
	mi.Add(3)
	st, _ = mi.AppendState(nil)
	var ms Min[string]
	if _, err := ms.LoadState(st); err == nil || !strings.Contains(err.Error(), "kind") {
		t.Fatalf("loading Min[int64] into Min[string]: err = %v", err)
	}
	var mx Max[int64]
	if _, err := mx.LoadState(st); err == nil {
		t.Fatal("loading a Min state into Max must fail")
	}
	if _, err := c.LoadState(nil); err == nil {
		t.Fatal("empty state must fail")
	}
	type point struct{ x, y int }
	var d DistinctCount[point]
	d.Add(point{1, 2})
	if _, err := d.AppendState(nil); err == nil {
		t.Fatal("snapshot of an unsupported key type must fail")
	}
	// A corrupt element count must not make the loader allocate wildly.
	bad := []byte{tagFirst, kindInteger, 0xfe, 0xff, 0xff, 0xff, 0x0f}
	var f First[int64]
	if _, err := f.LoadState(bad); err == nil {
		t.Fatal("huge count must fail")
	}
}

// A state says what its values are, not the Go width holding them: the
// interpreter (int64, float64) and generated code (int32, float32) restore
// each other's states, and a value the narrower type cannot hold fails.
func TestSnapshotAcrossWidths(t *testing.T) {
	var narrow Min[int32]
	narrow.Add(-7)
	narrow.Add(3)
	st, _ := narrow.AppendState(nil)
	var wide Min[int64]
	if _, err := wide.LoadState(st); err != nil {
		t.Fatal(err)
	}
	if back, _ := wide.AppendState(nil); !bytes.Equal(back, st) {
		t.Fatalf("Min[int64] rewrites a Min[int32] state as %x, want %x", back, st)
	}
	wide.Add(math.MaxInt32 + 1)
	big, _ := wide.AppendState(nil)
	if _, err := narrow.LoadState(big); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Fatalf("an int64 beyond int32 loaded into Min[int32]: err = %v", err)
	}
	var f32 Last[float32]
	f32.Add(1.5)
	f32.Add(float32(math.Inf(-1)))
	st, _ = f32.AppendState(nil)
	var f64 Last[float64]
	if _, err := f64.LoadState(st); err != nil {
		t.Fatal(err)
	}
	if back, _ := f64.AppendState(nil); !bytes.Equal(back, st) {
		t.Fatalf("Last[float64] rewrites a Last[float32] state as %x, want %x", back, st)
	}
	f64.Add(0.1) // no float32 holds it
	st, _ = f64.AppendState(nil)
	if _, err := f32.LoadState(st); err == nil || !strings.Contains(err.Error(), "float32") {
		t.Fatalf("0.1 loaded into Last[float32]: err = %v", err)
	}
}

// DistinctCount writes its values in the order of their encoding, so one
// state gives one snapshot whatever the map's order.
func TestDistinctCountSnapshotIsCanonical(t *testing.T) {
	var a, b DistinctCount[string]
	for _, v := range []string{"x", "b", "a", "b", "zz", ""} {
		a.Add(v)
	}
	for _, v := range []string{"", "zz", "b", "a", "x", "b"} {
		b.Add(v)
	}
	a.Add(strings.Repeat("q", 300))
	b.Add(strings.Repeat("q", 300))
	sa, _ := a.AppendState(nil)
	for range 20 {
		if sb, _ := b.AppendState(nil); !bytes.Equal(sa, sb) {
			t.Fatalf("equal states, different snapshots:\n%x\n%x", sa, sb)
		}
	}
}
