package bench

import (
	"sync"
	"testing"

	"github.com/eventflux/eventflux-go/bench/gen/w2"
	"github.com/eventflux/eventflux-go/bench/hand"
	"github.com/eventflux/eventflux-go/bench/internal/ticks"
)

var w2Ticks = sync.OnceValue(func() []w2.Ticks {
	return convert(func(t *ticks.Tick) w2.Ticks {
		return w2.Ticks{Symbol: t.Symbol, Price: t.Price, Volume: t.Volume}
	})
})

// w2Gen drives the generated package; with rec nil its subscriber only
// counts rows (into driver.rows), as in the benchmark.
func w2Gen(tb testing.TB, rec recorder) driver {
	app := w2.New()
	rows := new(int64)
	app.OnOut(func(ts int64, ev *w2.Out) {
		*rows++
		if rec == nil {
			return
		}
		rec(ts, []any{nullable(ev.Nulls, 0, ev.Symbol), nullable(ev.Nulls, 1, ev.AvgPrice), nullable(ev.Nulls, 2, ev.TotalVolume), nullable(ev.Nulls, 3, ev.Trades)})
	})
	if err := app.Start(ticks.Start); err != nil {
		tb.Fatal(err)
	}
	evs := w2Ticks()
	return driver{
		rows:    rows,
		send:    func(i int) { app.SendTicks(ticks.TsAt(i), &evs[i&tickMask]) },
		advance: app.AdvanceTo,
	}
}

// w2Hand drives the hand-written code like w2Gen.
func w2Hand(rec recorder) driver {
	rows := new(int64)
	w := hand.NewW2(func(ts int64, r *hand.W2Row) {
		*rows++
		if rec == nil {
			return
		}
		rec(ts, []any{r.Symbol, r.AvgPrice, r.TotalVolume, r.Trades})
	})
	data := tickData()
	return driver{
		rows:    rows,
		send:    func(i int) { w.Send(ticks.TsAt(i), &data[i&tickMask]) },
		advance: w.AdvanceTo,
	}
}

// BenchmarkW2: one op is one tick sent alone; the loops call the typed
// API and the hand-written code directly (no indirection in the loop).
func BenchmarkW2(b *testing.B) {
	b.Run("interp", func(b *testing.B) { benchInterp(b, "w2") })
	b.Run("gen", func(b *testing.B) {
		var n int64
		app := w2.New()
		app.OnOut(func(int64, *w2.Out) { n++ })
		if err := app.Start(ticks.Start); err != nil {
			b.Fatal(err)
		}
		evs := w2Ticks()
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
		w := hand.NewW2(func(int64, *hand.W2Row) { n++ })
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
