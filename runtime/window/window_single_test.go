package window

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

// Length.Slide and Time.Hold, the single-event paths generated code fuses
// with its selector, leave the window as Arrive does and hand over the
// events Arrive's chunk would hold, in its order; snapshots agree too.
func TestSingleEventPathsMatchArrive(t *testing.T) {
	codec := Codec[item]{
		Append: func(dst []byte, v item) []byte { return append(dst, byte(v.v)) },
		Read:   func(src []byte) (item, []byte, error) { return item{v: int(src[0])}, src[1:], nil },
	}
	rng := rand.New(rand.NewPCG(3, 9))
	for round := 0; round < 200; round++ {
		n := 1 + rng.IntN(5)
		ref, got := NewLength[item](n), NewLength[item](n)
		span := int64(1 + rng.IntN(20))
		tref, tgot := NewTime[item](span), NewTime[item](span)
		var want, have []string
		var evicted runtime.Event[item]
		now := int64(0)
		for i := 0; i < 40; i++ {
			now += int64(rng.IntN(4))
			ts := now - int64(rng.IntN(6)) // late events overtake held ones
			ev := runtime.Event[item]{Ts: ts, Data: item{v: i}}
			ref.Arrive(now, []runtime.Event[item]{ev}, func(c []runtime.Event[item]) { want = append(want, formatChunk(c)) })
			slot, ok := got.Slide(now, ts, &evicted)
			slot.Data = ev.Data
			chunk := []runtime.Event[item]{*slot}
			if ok {
				chunk = []runtime.Event[item]{evicted, *slot}
			}
			have = append(have, formatChunk(chunk))

			tref.Arrive(now, []runtime.Event[item]{ev}, func(c []runtime.Event[item]) { want = append(want, formatChunk(c)) })
			hs := tgot.Hold(ts)
			hs.Data = ev.Data
			have = append(have, formatChunk([]runtime.Event[item]{*hs}))
			if i%7 == 0 { // expire what is due, as the scheduler would
				tref.Fire(now, func(c []runtime.Event[item]) { want = append(want, formatChunk(c)) })
				tgot.Fire(now, func(c []runtime.Event[item]) { have = append(have, formatChunk(c)) })
			}
		}
		for _, pair := range [][2]interface {
			AppendState([]byte, Codec[item]) ([]byte, error)
		}{{ref, got}, {tref, tgot}} {
			a, err1 := pair[0].AppendState(nil, codec)
			b, err2 := pair[1].AppendState(nil, codec)
			if err1 != nil || err2 != nil || string(a) != string(b) {
				t.Fatalf("round %d: snapshots differ: %v %v", round, err1, err2)
			}
		}
		if len(want) != len(have) {
			t.Fatalf("round %d: %d chunks, want %d", round, len(have), len(want))
		}
		for i := range want {
			if want[i] != have[i] {
				t.Fatalf("round %d chunk %d: got %q, want %q", round, i, have[i], want[i])
			}
		}
	}
}

// TimeBatch.Push buffers a single event as Arrive does, flushes included
// (with OmitExpiredBeforeReset, as generated code sets it, RESET comes as a
// chunk of its own before the batch: the same events in the same order).
func TestTimeBatchPushMatchesArrive(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 1))
	for round := 0; round < 100; round++ {
		span := int64(1 + rng.IntN(10))
		ref, got := NewTimeBatch[item](span), NewTimeBatch[item](span)
		omit := round%2 == 0
		if omit {
			ref.OmitExpiredBeforeReset()
			got.OmitExpiredBeforeReset()
		}
		var want, have []string
		now := int64(0)
		for i := 0; i < 50; i++ {
			now += int64(rng.IntN(4))
			ref.Fire(now, func(c []runtime.Event[item]) { want = append(want, formatChunk(c)) })
			got.Fire(now, func(c []runtime.Event[item]) { have = append(have, formatChunk(c)) })
			ev := runtime.Event[item]{Ts: now, Data: item{v: i}}
			ref.Arrive(now, []runtime.Event[item]{ev}, func(c []runtime.Event[item]) { want = append(want, formatChunk(c)) })
			*got.Push(now) = ev.Data
		}
		w, h := strings.Join(want, " "), strings.Join(have, " ")
		if w != h {
			t.Fatalf("round %d (omit %v):\n got %s\nwant %s", round, omit, h, w)
		}
	}
}
