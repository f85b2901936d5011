package hand

import "github.com/eventflux/eventflux-go/bench/internal/ticks"

// W1Row is a row of W1: symbol, price * 1.1 AS adj, volume.
type W1Row struct {
	Symbol string
	Adj    float64
	Volume int64
}

// W1 is bench/apps/w1.sql: the ticks with price > 100.0, projected.
type W1 struct {
	out func(ts int64, r *W1Row)
	row W1Row
}

// NewW1 calls out with every output row; r is only valid during the call.
func NewW1(out func(ts int64, r *W1Row)) *W1 { return &W1{out: out} }

// Send processes one tick stamped ts.
func (w *W1) Send(ts int64, t *ticks.Tick) {
	if t.Price > 100.0 {
		w.row = W1Row{Symbol: t.Symbol, Adj: t.Price * 1.1, Volume: t.Volume}
		w.out(ts, &w.row)
	}
}
