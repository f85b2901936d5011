package codegen

import (
	"math/rand/v2"
	"testing"

	"github.com/eventflux/eventflux-go/plan"
	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/window"
)

// TestSilentArrivals backs plan.WindowKind.SilentArrival: the generated receive paths of
// those windows skip the scheduler's Enter…Leave span, which is only right
// while their Arrive never emits (no callback can run during it). Their
// timers must still emit, or the check would hold vacuously.
func TestSilentArrivals(t *testing.T) {
	cron, err := window.NewCron[int]("* * * * * ?")
	if err != nil {
		t.Fatal(err)
	}
	windows := map[string]window.Window[int]{
		"timeBatch": window.NewTimeBatch[int](100),
		"hop":       window.NewHop[int](200, 100),
		"delay":     window.NewDelay[int](100),
		"cron":      cron,
	}
	for _, k := range plan.WindowKinds() {
		if !k.SilentArrival() {
			continue
		}
		kind := k.String()
		w, ok := windows[kind]
		if !ok {
			t.Errorf("%s: no runtime window to check", kind)
			continue
		}
		r := rand.New(rand.NewPCG(1, 2))
		arrivals, fired := 0, 0
		now := int64(1_000_000)
		for range 500 {
			now += r.Int64N(300)
			if d, ok := w.NextDeadline(); ok && d <= now && r.IntN(2) == 0 {
				w.Fire(now, func(c []runtime.Event[int]) { fired += len(c) })
			}
			in := make([]runtime.Event[int], 1+r.IntN(3))
			for i := range in {
				in[i] = runtime.Event[int]{Ts: now - r.Int64N(150), Data: i}
			}
			w.Arrive(now, in, func([]runtime.Event[int]) { arrivals++ })
		}
		if arrivals != 0 {
			t.Errorf("%s: Arrive emitted %d chunks; it is no silent arrival (plan/window.go)", kind, arrivals)
		}
		if fired == 0 {
			t.Errorf("%s: its timers never emitted: the check ran on nothing", kind)
		}
	}
}
