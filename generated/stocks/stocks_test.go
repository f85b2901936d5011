package stocks

import (
	"reflect"
	"testing"
)

// Not generated: this test drives the generated typed API of
// testdata/apps/stocks.sql, with the values efc run prints for the same
// events on the interpreter.

type stamped[T any] struct {
	Ts int64
	Ev T
}

func TestTypedAPI(t *testing.T) {
	a := New()
	var trades []stamped[LargeTrades]
	var ranges []stamped[LargeTradeRange]
	var summaries []stamped[SymbolSummary]
	// Callbacks get a pointer valid during the call only: keep copies.
	a.OnLargeTrades(func(ts int64, ev *LargeTrades) { trades = append(trades, stamped[LargeTrades]{ts, *ev}) })
	a.OnLargeTradeRange(func(ts int64, ev *LargeTradeRange) { ranges = append(ranges, stamped[LargeTradeRange]{ts, *ev}) })
	a.OnSymbolSummary(func(ts int64, ev *SymbolSummary) { summaries = append(summaries, stamped[SymbolSummary]{ts, *ev}) })
	if err := a.Start(1000); err != nil {
		t.Fatal(err)
	}
	a.SendStockStream(1000, &StockStream{Symbol: "IBM", Price: 100, Volume: 600})
	a.SendStockStream(1500, &StockStream{Symbol: "IBM", Price: 102.5, Volume: 1000})
	// Bit 1 of Nulls: price is NULL, and so is price * volume.
	a.SendStockStreamBatch(1900, []StockStream{{Symbol: "MSFT", Price: 50, Volume: 10}, {Symbol: "ORCL", Volume: 700, Nulls: 1 << 1}})
	// The clock passing 3000 closes the first 2-second period.
	a.SendStockStream(3100, &StockStream{Symbol: "MSFT", Price: 49, Volume: 20})

	wantTrades := []stamped[LargeTrades]{
		{1000, LargeTrades{Symbol: "IBM", Price: 100, Volume: 600, TradeValue: 60000}},
		{1500, LargeTrades{Symbol: "IBM", Price: 102.5, Volume: 1000, TradeValue: 102500}},
		{1900, LargeTrades{Symbol: "ORCL", Volume: 700, Nulls: 1<<1 | 1<<3}},
	}
	wantRanges := []stamped[LargeTradeRange]{{1500, LargeTradeRange{Symbol: "IBM", High: 102.5, Low: 100, LargeTrades: 2}}}
	wantSummaries := []stamped[SymbolSummary]{
		{1500, SymbolSummary{Symbol: "IBM", AvgPrice: 101.25, TotalVolume: 1600, Trades: 2}},
		{1900, SymbolSummary{Symbol: "MSFT", AvgPrice: 50, TotalVolume: 10, Trades: 1}},
		{1900, SymbolSummary{Symbol: "ORCL", TotalVolume: 700, Trades: 1, Nulls: 1 << 1}},
	}
	if !reflect.DeepEqual(trades, wantTrades) {
		t.Errorf("LargeTrades\n got %+v\nwant %+v", trades, wantTrades)
	}
	if !reflect.DeepEqual(ranges, wantRanges) {
		t.Errorf("LargeTradeRange\n got %+v\nwant %+v", ranges, wantRanges)
	}
	if !reflect.DeepEqual(summaries, wantSummaries) {
		t.Errorf("SymbolSummary\n got %+v\nwant %+v", summaries, wantSummaries)
	}
}
