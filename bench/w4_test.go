package bench

import (
	"sync"
	"testing"

	"github.com/eventflux/eventflux-go/bench/gen/w4"
	"github.com/eventflux/eventflux-go/bench/hand"
	"github.com/eventflux/eventflux-go/bench/internal/ticks"
)

var w4Ticks = sync.OnceValue(func() []w4.Ticks {
	return convert(func(t *ticks.Tick) w4.Ticks {
		return w4.Ticks{Symbol: t.Symbol, Price: t.Price, Volume: t.Volume}
	})
})

// w4Gen drives the generated package; with rec nil its subscriber only
// counts rows (into driver.rows), as in the benchmark.
func w4Gen(tb testing.TB, rec recorder) driver {
	app := w4.New()
	rows := new(int64)
	app.OnOut(func(ts int64, ev *w4.Out) {
		*rows++
		if rec == nil {
			return
		}
		rec(ts, []any{nullable(ev.Nulls, 0, ev.Symbol), nullable(ev.Nulls, 1, ev.Trades)})
	})
	if err := app.Start(ticks.Start); err != nil {
		tb.Fatal(err)
	}
	evs := w4Ticks()
	return driver{
		rows:    rows,
		send:    func(i int) { app.SendTicks(ticks.TsAt(i), &evs[i&tickMask]) },
		advance: app.AdvanceTo,
	}
}

// w4Hand drives the hand-written code like w4Gen.
func w4Hand(rec recorder) driver {
	rows := new(int64)
	w := hand.NewW4(func(ts int64, r *hand.W4Row) {
		*rows++
		if rec == nil {
			return
		}
		rec(ts, []any{r.Symbol, r.Trades})
	})
	data := tickData()
	return driver{
		rows:    rows,
		send:    func(i int) { w.Send(ticks.TsAt(i), &data[i&tickMask]) },
		advance: w.AdvanceTo,
	}
}

// BenchmarkW4: one op is one tick sent alone; the loops call the typed
// API and the hand-written code directly (no indirection in the loop).
func BenchmarkW4(b *testing.B) {
	b.Run("interp", func(b *testing.B) { benchInterp(b, "w4") })
	b.Run("gen", func(b *testing.B) {
		var n int64
		app := w4.New()
		app.OnOut(func(int64, *w4.Out) { n++ })
		if err := app.Start(ticks.Start); err != nil {
			b.Fatal(err)
		}
		evs := w4Ticks()
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
		w := hand.NewW4(func(int64, *hand.W4Row) { n++ })
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
