package window

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

// fuzzLoadTargets are the windows FuzzLoadState loads into: the ones whose
// restored state has the most structure (heaps, counters, grids, order).
func fuzzLoadTargets(t *testing.T) map[string]func() Window[item] {
	return map[string]func() Window[item]{
		"length":        func() Window[item] { return NewLength[item](3) },
		"time":          func() Window[item] { return NewTime[item](100) },
		"hop":           func() Window[item] { return NewHop[item](100, 40) },
		"session":       func() Window[item] { return NewSession(100, byTens, 50) },
		"sort":          func() Window[item] { return NewSort(2, asc) },
		"unique":        func() Window[item] { return NewUnique(byTens) },
		"lossyFrequent": func() Window[item] { return NewLossyFrequent(0.3, 0.1, byTens) },
		"cron":          func() Window[item] { return mustCron(t, "*/3 * * * * ?") },
	}
}

// FuzzLoadState loads arbitrary bytes into several windows: no panic, and a
// state that loads must snapshot back to a state that loads to the same
// snapshot (not byte for byte the input: varints may be non-minimal), and
// the window must keep working.
func FuzzLoadState(f *testing.F) {
	for _, tc := range snapshotCases() {
		r := newRecorder(tc.make(nil), 0)
		r.play(tc.before)
		snap, err := r.w.AppendState(nil, itemCodec())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(snap)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		codec := itemCodec()
		for name, mk := range fuzzLoadTargets(t) {
			w := mk()
			if _, err := w.LoadState(data, codec); err != nil {
				continue
			}
			snap, err := w.AppendState(nil, codec)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			w2 := mk()
			if _, err := w2.LoadState(snap, codec); err != nil {
				t.Fatalf("%s: own snapshot does not load: %v", name, err)
			}
			if snap2, _ := w2.AppendState(nil, codec); !bytes.Equal(snap2, snap) {
				t.Fatalf("%s: snapshot not stable: %x then %x", name, snap, snap2)
			}
			d := newOpDriver(0)
			if dl, ok := w.NextDeadline(); ok {
				d.now = dl
			}
			for i, op := range []byte{3, 4, 210, 2, 255, 255, 255} {
				d.apply(t, name, w, i, op, func([]runtime.Event[item]) {})
			}
		}
	})
}

// FuzzSnapshotRoundTrip runs every window over random operations, snapshots
// it at a random point, restores the snapshot into a fresh window and runs
// both over the remaining operations: their outputs must be identical.
func FuzzSnapshotRoundTrip(f *testing.F) {
	f.Add(int64(100), int64(30), uint8(4), []byte{1, 2, 3, 200, 4, 5, 90, 6, 255, 7, 3, 220, 4})
	f.Add(int64(250), int64(60), uint8(7), []byte{4, 9, 14, 3, 201, 8, 2, 230, 4, 4, 250, 1, 255, 255})
	f.Add(int64(0), int64(-5), uint8(2), []byte{0, 4, 0, 128, 1, 203})
	f.Add(int64(7001), int64(3001), uint8(5), []byte{4, 4, 4, 4, 4, 255, 255, 4, 255, 255, 4})
	f.Add(int64(1<<62), int64(7), uint8(3), []byte{9, 250, 9, 250, 9})
	f.Fuzz(func(t *testing.T, a, b int64, split uint8, ops []byte) {
		if len(ops) > 200 {
			return
		}
		cut := min(int(split), len(ops))
		codec := itemCodec()
		orig, fresh := fuzzWindows(t, a, b), fuzzWindows(t, a, b)
		for name, w := range orig {
			d := newOpDriver(a)
			var outA, outB [][]runtime.Event[item]
			recordA := func(c []runtime.Event[item]) { outA = append(outA, append([]runtime.Event[item](nil), c...)) }
			recordB := func(c []runtime.Event[item]) { outB = append(outB, append([]runtime.Event[item](nil), c...)) }
			for i, op := range ops[:cut] {
				d.apply(t, name, w, i, op, recordA)
			}
			snap, err := w.AppendState(nil, codec)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			restored := fresh[name]
			if rest, err := restored.LoadState(snap, codec); err != nil || len(rest) != 0 {
				t.Fatalf("%s: load: %v (rest %d bytes)", name, err, len(rest))
			}
			dB := d
			dB.in = nil
			outA = nil
			for i, op := range ops[cut:] {
				d.apply(t, name, w, cut+i, op, recordA)
				dB.apply(t, name, restored, cut+i, op, recordB)
			}
			if !reflect.DeepEqual(outA, outB) {
				t.Fatalf("%s: after restore\n got  %v\n want %v", name, outB, outA)
			}
		}
	})
}
