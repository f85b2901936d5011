package bench

import (
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/bench/internal/ticks"
	"github.com/eventflux/eventflux-go/interp"
	"github.com/eventflux/eventflux-go/runtime"
)

const (
	// tickCount ticks are generated once; benchmarks cycle through them
	// (payloads repeat, timestamps keep advancing by ticks.TsAt).
	tickCount = 1 << 16
	tickMask  = tickCount - 1
	// warmup events run before timing: past every window's fill (W4 holds
	// 10 s = 10,000 ticks) and its buffers' growth.
	warmup = 30_000
)

var (
	tickData = sync.OnceValue(func() []ticks.Tick { return ticks.Generate(tickCount) })
	tickRows = sync.OnceValue(func() [][]any { return ticks.Rows(tickData()) })
)

// recorder receives every output row as generic values (nil for NULL).
type recorder func(ts int64, vals []any)

// driver feeds one implementation: send(i) sends tick i alone (payload
// i mod tickCount, stamped ticks.TsAt(i)); advance moves its clock.
type driver struct {
	rows    *int64 // output rows so far
	send    func(i int)
	advance func(now int64)
}

// convert pre-converts the ticks into a generated package's event type.
func convert[T any](conv func(t *ticks.Tick) T) []T {
	data := tickData()
	out := make([]T, len(data))
	for i := range data {
		out[i] = conv(&data[i])
	}
	return out
}

// nullable is v, or nil when bit col of a generated row's Nulls is set.
func nullable(nulls uint64, col int, v any) any {
	if nulls&(1<<col) != 0 {
		return nil
	}
	return v
}

// buildInterp builds, subscribes and starts the interpreter on a workload.
func buildInterp(tb testing.TB, name string, out func(ts int64, row []any)) runtime.App {
	tb.Helper()
	src, err := os.ReadFile("apps/" + name + ".sql")
	if err != nil {
		tb.Fatal(err)
	}
	app, err := interp.Build(name+".sql", string(src))
	if err != nil {
		tb.Fatal(err)
	}
	if err := app.Subscribe("Out", out); err != nil {
		tb.Fatal(err)
	}
	if err := app.Start(ticks.Start); err != nil {
		tb.Fatal(err)
	}
	return app
}

func interpDriver(tb testing.TB, name string, rec recorder) driver {
	n := new(int64)
	app := buildInterp(tb, name, func(ts int64, row []any) {
		*n++
		if rec != nil {
			rec(ts, row)
		}
	})
	rows := tickRows()
	return driver{
		rows: n,
		send: func(i int) {
			k := i & tickMask
			if err := app.Send("Ticks", ticks.TsAt(i), rows[k:k+1]); err != nil {
				tb.Fatal(err)
			}
		},
		advance: app.AdvanceTo,
	}
}

// measure times the loop of a benchmark: wall clock through the testing
// package, CPU time of the process (all threads, so GC work counts)
// through getrusage. On a loaded machine the wall clock also counts the
// time the benchmark waited for a core; CPU time does not.
type measure struct{ cpu0 time.Duration }

// start resets the benchmark timer; call it right before the loop.
func start(b *testing.B) measure {
	b.ReportAllocs()
	b.ResetTimer()
	return measure{cpu0: cpuTime()}
}

// stop ends the loop and reports, per event (one op is one event):
// events/s (wall), cpu-ns/event and rows/event.
func (m measure) stop(b *testing.B, rows int64) {
	cpu := cpuTime() - m.cpu0
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/event")
	b.ReportMetric(float64(rows)/float64(b.N), "rows/event")
	if rows == 0 && b.N > 100 {
		b.Fatal("no output rows: the workload did nothing")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchInterp sends the ticks one at a time through runtime.App.Send with
// pre-converted generic rows.
func benchInterp(b *testing.B, name string) {
	var n int64
	app := buildInterp(b, name, func(int64, []any) { n++ })
	rows := tickRows()
	i := 0
	for ; i < warmup; i++ {
		k := i & tickMask
		if err := app.Send("Ticks", ticks.TsAt(i), rows[k:k+1]); err != nil {
			b.Fatal(err)
		}
	}
	n = 0
	m := start(b)
	for end := i + b.N; i < end; i++ {
		k := i & tickMask
		if err := app.Send("Ticks", ticks.TsAt(i), rows[k:k+1]); err != nil {
			b.Fatal(err)
		}
	}
	m.stop(b, n)
}
