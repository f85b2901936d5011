package hand

import "github.com/eventflux/eventflux-go/bench/internal/ticks"

// W2Row is a row of W2: per symbol and 1-second period, avg(price),
// sum(volume) and count().
type W2Row struct {
	Symbol      string
	AvgPrice    float64
	TotalVolume int64
	Trades      int64
}

const w2Period = 1000 // ms

type w2Group struct {
	symbol string
	price  compensatedSum
	volume int64
	trades int64
	lastTs int64 // timestamp of the group's latest tick: its row's timestamp
}

// W2 is bench/apps/w2.sql: tumbling 1 s periods aligned to the first tick,
// one row per symbol of the period when it ends, symbols in order of their
// first tick in the period, each row stamped with the symbol's last tick.
type W2 struct {
	out     func(ts int64, r *W2Row)
	started bool
	next    int64 // end of the current period
	groups  map[string]*w2Group
	active  []*w2Group // groups of the current period, by first tick
	row     W2Row
}

// NewW2 calls out with every output row; r is only valid during the call.
func NewW2(out func(ts int64, r *W2Row)) *W2 {
	return &W2{out: out, groups: make(map[string]*w2Group, ticks.Symbols)}
}

// AdvanceTo moves the clock to now, ending every period that ends by then
// (an event stamped on a boundary belongs to the next period).
func (w *W2) AdvanceTo(now int64) {
	if !w.started || now < w.next {
		return
	}
	w.flush()
	// Periods without ticks write nothing: skip them at once.
	w.next += (now-w.next)/w2Period*w2Period + w2Period
}

// Send processes one tick stamped ts.
func (w *W2) Send(ts int64, t *ticks.Tick) {
	w.AdvanceTo(ts)
	if !w.started {
		w.started, w.next = true, ts+w2Period
	}
	g := w.groups[t.Symbol]
	if g == nil {
		g = &w2Group{symbol: t.Symbol}
		w.groups[t.Symbol] = g
	}
	if g.trades == 0 {
		w.active = append(w.active, g)
	}
	g.price.add(t.Price)
	g.volume += t.Volume
	g.trades++
	g.lastTs = ts
}

func (w *W2) flush() {
	for _, g := range w.active {
		w.row = W2Row{
			Symbol:      g.symbol,
			AvgPrice:    g.price.value() / float64(g.trades),
			TotalVolume: g.volume,
			Trades:      g.trades,
		}
		w.out(g.lastTs, &w.row)
		g.price, g.volume, g.trades = compensatedSum{}, 0, 0
	}
	clear(w.active)
	w.active = w.active[:0]
}
