package bench

import (
	"sync"
	"testing"

	"github.com/eventflux/eventflux-go/bench/gen/w3"
	"github.com/eventflux/eventflux-go/bench/hand"
	"github.com/eventflux/eventflux-go/bench/internal/ticks"
)

var w3Ticks = sync.OnceValue(func() []w3.Ticks {
	return convert(func(t *ticks.Tick) w3.Ticks {
		return w3.Ticks{Symbol: t.Symbol, Price: t.Price, Volume: t.Volume}
	})
})

// w3Gen drives the generated package; with rec nil its subscriber only
// counts rows (into driver.rows), as in the benchmark.
func w3Gen(tb testing.TB, rec recorder) driver {
	app := w3.New()
	rows := new(int64)
	app.OnOut(func(ts int64, ev *w3.Out) {
		*rows++
		if rec == nil {
			return
		}
		rec(ts, []any{nullable(ev.Nulls, 0, ev.Total), nullable(ev.Nulls, 1, ev.Mean), nullable(ev.Nulls, 2, ev.Low), nullable(ev.Nulls, 3, ev.High)})
	})
	if err := app.Start(ticks.Start); err != nil {
		tb.Fatal(err)
	}
	evs := w3Ticks()
	return driver{
		rows:    rows,
		send:    func(i int) { app.SendTicks(ticks.TsAt(i), &evs[i&tickMask]) },
		advance: app.AdvanceTo,
	}
}

// w3Hand drives the hand-written code like w3Gen.
func w3Hand(rec recorder) driver {
	rows := new(int64)
	w := hand.NewW3(func(ts int64, r *hand.W3Row) {
		*rows++
		if rec == nil {
			return
		}
		rec(ts, []any{r.Total, r.Mean, r.Low, r.High})
	})
	data := tickData()
	return driver{
		rows:    rows,
		send:    func(i int) { w.Send(ticks.TsAt(i), &data[i&tickMask]) },
		advance: func(int64) {}, // no timers: only ticks move the clock
	}
}

// BenchmarkW3: one op is one tick sent alone; the loops call the typed
// API and the hand-written code directly (no indirection in the loop).
func BenchmarkW3(b *testing.B) {
	b.Run("interp", func(b *testing.B) { benchInterp(b, "w3") })
	b.Run("gen", func(b *testing.B) {
		var n int64
		app := w3.New()
		app.OnOut(func(int64, *w3.Out) { n++ })
		if err := app.Start(ticks.Start); err != nil {
			b.Fatal(err)
		}
		evs := w3Ticks()
		i := 0
		for ; i < warmup; i++ {
			app.SendTicks(ticks.TsAt(i), &evs[i&tickMask])
		}
		n = 0
		m := start(b)
		for end := i + b.N; i < end; i++ {
			app.SendTicks(ticks.TsAt(i), &evs[i&tickMask])
		}
		m.stop(b, n)
	})
	b.Run("hand", func(b *testing.B) {
		var n int64
		w := hand.NewW3(func(int64, *hand.W3Row) { n++ })
		data := tickData()
		i := 0
		for ; i < warmup; i++ {
			w.Send(ticks.TsAt(i), &data[i&tickMask])
		}
		n = 0
		m := start(b)
		for end := i + b.N; i < end; i++ {
			w.Send(ticks.TsAt(i), &data[i&tickMask])
		}
		m.stop(b, n)
	})
}
