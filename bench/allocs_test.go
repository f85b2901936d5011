package bench

import (
	"testing"
)

// TestGeneratedAllocs checks that the generated code does not allocate per
// event in steady state: after the warm-up (windows full, buffers grown),
// sending a tick through the typed API, with a counting subscriber, makes
// no allocation. 10,000 ticks cross ten W2 period flushes and expire
// 10,000 W4 ticks. The hand-written code is held to the same bar.
func TestGeneratedAllocs(t *testing.T) {
	for _, w := range workloads {
		t.Run(w.name+"/gen", func(t *testing.T) {
			checkAllocs(t, w.gen(t, nil))
		})
		t.Run(w.name+"/hand", func(t *testing.T) {
			checkAllocs(t, w.hand(nil))
		})
	}
}

func checkAllocs(t *testing.T, drv driver) {
	i := 0
	for ; i < warmup; i++ {
		drv.send(i)
	}
	*drv.rows = 0
	allocs := testing.AllocsPerRun(10_000, func() {
		drv.send(i)
		i++
	})
	if allocs != 0 {
		t.Errorf("%.4f allocations per event, want 0", allocs)
	}
	if *drv.rows == 0 {
		t.Error("no rows written while measuring")
	}
}
