package bench

import (
	"sync"
	"testing"

	"github.com/eventflux/eventflux-go/bench/gen/w5"
	"github.com/eventflux/eventflux-go/bench/hand"
	"github.com/eventflux/eventflux-go/bench/internal/ticks"
)

var w5Ticks = sync.OnceValue(func() []w5.Ticks {
	return convert(func(t *ticks.Tick) w5.Ticks {
		return w5.Ticks{Symbol: t.Symbol, Price: t.Price, Volume: t.Volume}
	})
})

// w5Gen drives the generated package; with rec nil its subscriber only
// counts rows (into driver.rows), as in the benchmark.
func w5Gen(tb testing.TB, rec recorder) driver {
	app := w5.New()
	rows := new(int64)
	app.OnOut(func(ts int64, ev *w5.Out) {
		*rows++
		if rec == nil {
			return
		}
		rec(ts, []any{nullable(ev.Nulls, 0, ev.Symbol), nullable(ev.Nulls, 1, ev.Total), nullable(ev.Nulls, 2, ev.Trades)})
	})
	if err := app.Start(ticks.Start); err != nil {
		tb.Fatal(err)
	}
	evs := w5Ticks()
	return driver{
		rows:    rows,
		send:    func(i int) { app.SendTicks(ticks.TsAt(i), &evs[i&tickMask]) },
		advance: app.AdvanceTo,
	}
}

// w5Hand drives the hand-written code like w5Gen.
func w5Hand(rec recorder) driver {
	rows := new(int64)
	w := hand.NewW5(func(ts int64, r *hand.W5Row) {
		*rows++
		if rec == nil {
			return
		}
		rec(ts, []any{r.Symbol, r.Total, r.Trades})
	})
	data := tickData()
	return driver{
		rows:    rows,
		send:    func(i int) { w.Send(ticks.TsAt(i), &data[i&tickMask]) },
		advance: func(int64) {}, // no timers: only ticks move the clock
	}
}

// BenchmarkW5: one op is one tick sent alone; the loops call the typed
// API and the hand-written code directly (no indirection in the loop).
func BenchmarkW5(b *testing.B) {
	b.Run("interp", func(b *testing.B) { benchInterp(b, "w5") })
	b.Run("gen", func(b *testing.B) {
		var n int64
		app := w5.New()
		app.OnOut(func(int64, *w5.Out) { n++ })
		if err := app.Start(ticks.Start); err != nil {
			b.Fatal(err)
		}
		evs := w5Ticks()
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
		w := hand.NewW5(func(int64, *hand.W5Row) { n++ })
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
