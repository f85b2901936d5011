package window

import (
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/runtime"
)

// FuzzWindows feeds every window random chunks (timestamps late, early or
// extreme, NULL external times) and clock moves, checking that nothing
// panics, deadlines are honoured, and every EXPIRED event is one that was
// emitted CURRENT and is still outstanding.
func FuzzWindows(f *testing.F) {
	f.Add(int64(100), int64(30), []byte{1, 2, 3, 200, 4, 5, 90, 6, 255, 7})
	f.Add(int64(0), int64(-5), []byte{0, 0, 0, 128, 1})
	f.Add(int64(1<<62), int64(7), []byte{9, 250, 9, 250, 9})
	f.Fuzz(func(t *testing.T, a, b int64, ops []byte) {
		for name, w := range fuzzWindows(t, a, b) {
			start := time.Now()
			runFuzzOps(t, name, w, a, ops)
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("%s: %d ops took %v (a=%d b=%d)", name, len(ops), d, a, b)
			}
		}
	})
}

// fuzzWindows builds one of every window with parameters drawn from a, b.
func fuzzWindows(t *testing.T, a, b int64) map[string]Window[item] {
	n := int(a%7 + 3)
	cronWindow, err := NewCron[item]("*/3 * * * * ?")
	if err != nil {
		t.Fatal(err)
	}
	return map[string]Window[item]{
		"length":            NewLength[item](n - 3),
		"lengthBatch":       NewLengthBatch[item](n - 3),
		"time":              NewTime[item](a),
		"timeBatch":         NewTimeBatch[item](a),
		"hop":               NewHop[item](a%5000, max(b, 25)), // every end emits the whole window: keep it small
		"timeLength":        NewTimeLength[item](a, n-3),
		"batch":             NewBatch[item](),
		"delay":             NewDelay[item](b),
		"externalTime":      NewExternalTime(itemX, a),
		"externalTimeBatch": NewExternalTimeBatch(itemX, b),
		"session":           NewSession(a, func(it item) int { return it.v % 3 }, b),
		"sort":              NewSort(n-3, asc),
		"unique":            NewUnique(func(it item) int { return it.v % 4 }),
		"firstUnique":       NewFirstUnique(func(it item) int { return it.v % 4 }),
		"frequent":          NewFrequent(n-4, func(it item) int { return it.v % 5 }),
		"lossyFrequent":     NewLossyFrequent(float64(a%5)/10, float64(b%5)/20, func(it item) int { return it.v % 5 }),
		"cron":              cronWindow,
	}
}

func runFuzzOps(t *testing.T, name string, w Window[item], seed int64, ops []byte) {
	outstanding := map[int]bool{}
	emit := func(chunk []runtime.Event[item]) {
		for _, e := range chunk {
			switch e.Kind {
			case runtime.Current:
				if name != "delay" {
					outstanding[e.Data.v] = true
				}
			case runtime.Expired:
				if !outstanding[e.Data.v] {
					t.Fatalf("%s: EXPIRED %d was never CURRENT or already expired", name, e.Data.v)
				}
				delete(outstanding, e.Data.v)
			}
		}
	}
	d := newOpDriver(seed)
	for i, op := range ops {
		d.apply(t, name, w, i, op, emit)
	}
}

// opDriver turns fuzz bytes into window calls: a byte >= 200 moves the
// clock and fires due timers, any other byte delivers a chunk.
type opDriver struct {
	now  int64
	id   int // payload v of the last event sent
	seed int64
	in   []runtime.Event[item]
}

func newOpDriver(seed int64) opDriver {
	return opDriver{now: 1700006400000, seed: seed}
}

func (d *opDriver) apply(t *testing.T, name string, w Window[item], i int, op byte, emit runtime.Emit[item]) {
	switch {
	case op >= 200: // move the clock, firing timers in deadline order
		d.now += int64(op-200) * 37
		for steps := 0; ; steps++ {
			dl, ok := w.NextDeadline()
			if !ok || dl > d.now {
				break
			}
			if steps > 10_000 {
				t.Fatalf("%s: deadline %d never clears at %d", name, dl, d.now)
			}
			w.Fire(max(dl, d.now-int64(op%3)*1000), emit) // also late fires
		}
	default: // a chunk of op%5 events, timestamps around the clock
		d.in = d.in[:0]
		for j := range int(op % 5) {
			d.id++
			ts := d.now - int64(op)*int64(j+1)*11
			if op%17 == 0 {
				ts = d.seed
			}
			x := ts + int64(i*j)
			d.in = append(d.in, runtime.Event[item]{Ts: ts, Data: item{v: d.id, x: x, null: op%13 == 0}})
		}
		w.Arrive(d.now, d.in, emit)
	}
}
