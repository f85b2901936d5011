package bench

import (
	"os"
	"sync"
	"testing"

	"eventflux/bench/internal/ticks"
	"eventflux/interp"
	"eventflux/runtime"
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

// reportRate adds the events/s and rows/event metrics; one op is one event.
func reportRate(b *testing.B, rows int64) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(rows)/float64(b.N), "rows/event")
	if rows == 0 && b.N > 100 {
		b.Fatal("no output rows: the workload did nothing")
	}
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
	b.ReportAllocs()
	b.ResetTimer()
	for end := i + b.N; i < end; i++ {
		k := i & tickMask
		if err := app.Send("Ticks", ticks.TsAt(i), rows[k:k+1]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportRate(b, n)
}
