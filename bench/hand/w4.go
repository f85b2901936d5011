package hand

import "github.com/eventflux/eventflux-go/bench/internal/ticks"

// W4Row is a row of W4: a symbol and its ticks in the last 10 seconds.
type W4Row struct {
	Symbol string
	Trades int64
}

const w4Span = 10_000 // ms

type w4Group struct {
	symbol string
	trades int64
}

// w4Held is a tick in the window: its group and when it leaves.
type w4Held struct {
	g     *w4Group
	until int64
}

// W4 is bench/apps/w4.sql: a 10-second sliding window counted per symbol,
// one row per tick. A tick stamped t leaves at t+10 s, before any tick
// stamped t+10 s is counted.
type W4 struct {
	out    func(ts int64, r *W4Row)
	groups map[string]*w4Group
	held   ring[w4Held]
	row    W4Row
}

// NewW4 calls out with every output row; r is only valid during the call.
func NewW4(out func(ts int64, r *W4Row)) *W4 {
	return &W4{out: out, groups: make(map[string]*w4Group, ticks.Symbols)}
}

// AdvanceTo moves the clock to now, expiring the ticks due by then.
func (w *W4) AdvanceTo(now int64) {
	for w.held.len() > 0 && w.held.front().until <= now {
		w.held.popFront().g.trades--
	}
}

// Send processes one tick stamped ts.
func (w *W4) Send(ts int64, t *ticks.Tick) {
	w.AdvanceTo(ts)
	g := w.groups[t.Symbol]
	if g == nil {
		g = &w4Group{symbol: t.Symbol}
		w.groups[t.Symbol] = g
	}
	g.trades++
	w.held.pushBack(w4Held{g: g, until: ts + w4Span})
	w.row = W4Row{Symbol: g.symbol, Trades: g.trades}
	w.out(ts, &w.row)
}
