package hand

import "github.com/eventflux/eventflux-go/bench/internal/ticks"

// W5Row is a row of W5: per symbol, the total notional and the number of
// its large trades among the last 100 large trades.
type W5Row struct {
	Symbol string
	Total  float64
	Trades int64
}

const w5Length = 100

type w5Group struct {
	symbol string
	total  compensatedSum
	trades int64
}

type w5Held struct {
	g        *w5Group
	notional float64
}

// W5 is bench/apps/w5.sql. The three chained queries fuse into one pass:
// trades of at least 100 shares, the ones with notional > 50,000, a
// length(100) window over those summed per symbol, one row per large trade.
type W5 struct {
	out    func(ts int64, r *W5Row)
	groups map[string]*w5Group
	held   [w5Length]w5Held
	n      int // large trades seen
	row    W5Row
}

// NewW5 calls out with every output row; r is only valid during the call.
func NewW5(out func(ts int64, r *W5Row)) *W5 {
	return &W5{out: out, groups: make(map[string]*w5Group, ticks.Symbols)}
}

// Send processes one tick stamped ts.
func (w *W5) Send(ts int64, t *ticks.Tick) {
	if t.Volume < 100 {
		return
	}
	notional := t.Price * float64(t.Volume)
	if notional <= 50000.0 {
		return
	}
	slot := &w.held[w.n%w5Length]
	if w.n >= w5Length {
		old := slot.g
		old.trades--
		if old.trades == 0 {
			old.total = compensatedSum{} // exactly zero once empty
		} else {
			old.total.add(-slot.notional)
		}
	}
	w.n++
	g := w.groups[t.Symbol]
	if g == nil {
		g = &w5Group{symbol: t.Symbol}
		w.groups[t.Symbol] = g
	}
	g.total.add(notional)
	g.trades++
	*slot = w5Held{g: g, notional: notional}
	w.row = W5Row{Symbol: g.symbol, Total: g.total.value(), Trades: g.trades}
	w.out(ts, &w.row)
}
