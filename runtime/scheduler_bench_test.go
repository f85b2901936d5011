package runtime

import (
	"runtime"
	"testing"
)

// The scheduler at partition scale: a million pending timer sources (one
// window per key) with random deadlines; one op is one scheduler action.
//
//	go test ./runtime -run '^$' -bench 'Scheduler1M' -cpu 1

const (
	benchSources = 1_000_000
	benchSpan    = 1 << 30 // deadlines lie in [now, now+benchSpan)
)

// benchSource is a source whose deadline the benchmark sets; firing
// re-arms it at a random later deadline, like a window that still holds
// events.
type benchSource struct {
	d   int64
	ok  bool
	rng *xorshift
}

func (b *benchSource) NextDeadline() (int64, bool) { return b.d, b.ok }
func (b *benchSource) Fire(now int64)              { b.d = now + 1 + b.rng.below(benchSpan) }

type xorshift uint64

func (x *xorshift) next() uint64 {
	*x ^= *x << 13
	*x ^= *x >> 7
	*x ^= *x << 17
	return uint64(*x)
}

func (x *xorshift) below(n int64) int64 { return int64(x.next() % uint64(n)) }

type benchFixture struct {
	s     *Scheduler
	srcs  []benchSource
	hs    []*Timer
	rng   *xorshift
	bytes float64 // heap bytes per source after setup
}

func newBenchFixture(b *testing.B) *benchFixture {
	b.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rng := xorshift(88172645463325252)
	f := &benchFixture{s: NewScheduler(0), srcs: make([]benchSource, benchSources), hs: make([]*Timer, benchSources), rng: &rng}
	for i := range f.srcs {
		f.srcs[i] = benchSource{d: rng.below(benchSpan), ok: true, rng: &rng}
		f.hs[i] = f.s.Register(&f.srcs[i])
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	f.bytes = float64(after.HeapAlloc-before.HeapAlloc) / benchSources
	if f.s.Pending() != benchSources {
		b.Fatalf("%d pending, want %d", f.s.Pending(), benchSources)
	}
	b.ResetTimer()
	return f
}

func BenchmarkScheduler1M(b *testing.B) {
	// A delivery that leaves the deadline alone: the per-event cost of a
	// timed query in steady state.
	b.Run("leave-unchanged", func(b *testing.B) {
		f := newBenchFixture(b)
		for i := 0; b.Loop(); i++ {
			j := f.rng.below(benchSources)
			h, src := f.hs[j], &f.srcs[j]
			f.s.Enter(h)
			h.Leave(src.d, src.ok)
		}
		b.ReportMetric(f.bytes, "B/source")
	})
	// A delivery that moves the deadline to a random later or earlier time
	// (a session extended, a window emptied and refilled).
	b.Run("leave-changed", func(b *testing.B) {
		f := newBenchFixture(b)
		for b.Loop() {
			j := f.rng.below(benchSources)
			h, src := f.hs[j], &f.srcs[j]
			f.s.Enter(h)
			src.d = f.s.Now() + f.rng.below(benchSpan)
			h.Leave(src.d, src.ok)
		}
	})
	// Touch: the same change, read back through the interface.
	b.Run("touch", func(b *testing.B) {
		f := newBenchFixture(b)
		for b.Loop() {
			j := f.rng.below(benchSources)
			f.srcs[j].d = f.s.Now() + f.rng.below(benchSpan)
			f.s.Touch(f.hs[j])
		}
	})
	// One op advances the clock to the earliest deadline: that source fires
	// and re-arms later (pop, Fire, sift down).
	b.Run("advance-fire", func(b *testing.B) {
		f := newBenchFixture(b)
		fired := 0
		for b.Loop() {
			f.s.AdvanceTo(f.s.queue[0].d)
			fired++
		}
		if f.s.Pending() != benchSources {
			b.Fatalf("%d pending after %d fires", f.s.Pending(), fired)
		}
	})
	// The check before every event when nothing is due.
	b.Run("advance-idle", func(b *testing.B) {
		f := newBenchFixture(b)
		t := f.s.Now()
		for b.Loop() {
			f.s.AdvanceTo(t)
		}
	})
	// A partition purging a key and creating another.
	b.Run("unregister-register", func(b *testing.B) {
		f := newBenchFixture(b)
		for b.Loop() {
			j := f.rng.below(benchSources)
			f.s.Unregister(f.hs[j])
			f.srcs[j].d = f.s.Now() + f.rng.below(benchSpan)
			f.hs[j] = f.s.Register(&f.srcs[j])
		}
	})
	// RescheduleAll after a restore of all million.
	b.Run("reschedule-all", func(b *testing.B) {
		f := newBenchFixture(b)
		for b.Loop() {
			f.s.RescheduleAll()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchSources, "ns/source")
	})
}

// BenchmarkPolling1M is the design the heap replaced, for contrast: finding
// the next deadline asks every source.
func BenchmarkPolling1M(b *testing.B) {
	rng := xorshift(88172645463325252)
	s := &pollScheduler{}
	srcs := make([]benchSource, benchSources)
	for i := range srcs {
		srcs[i] = benchSource{d: rng.below(benchSpan), ok: true, rng: &rng}
		pollAdapter{s}.register(&srcs[i])
	}
	b.Run("advance-fire", func(b *testing.B) {
		for b.Loop() {
			_, d, _ := s.earliest()
			s.advanceTo(d)
		}
	})
}
