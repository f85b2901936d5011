package stocks

import (
	"bytes"
	"testing"

	"github.com/eventflux/eventflux-go/internal/snaptest"
)

// Not generated: restoring into generated code is all or nothing (it
// decodes into a fresh App first), and a NULL field's stale value does not
// reach the snapshot (the row encoding writes the zero value).

func TestRestoreIsAllOrNothing(t *testing.T) {
	src := New()
	src.Start(1000)
	src.SendStockStream(1000, &StockStream{Symbol: "IBM", Price: 100, Volume: 600})
	src.SendStockStreamBatch(1500, []StockStream{{Symbol: "MSFT", Price: 50, Volume: 900}, {Symbol: "ORCL", Volume: 700, Nulls: 1 << 1}})
	src.SendStockStream(1900, &StockStream{Symbol: "IBM", Price: 103, Volume: 800})
	good, err := src.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	other := New()
	other.Start(1000)
	other.SendStockStream(1200, &StockStream{Symbol: "X", Price: 1, Volume: 500})
	snaptest.AllOrNothing(t, other, good)
}

func TestSnapshotIgnoresStaleNullFields(t *testing.T) {
	snapAfter := func(ev StockStream) []byte {
		a := New()
		a.Start(0)
		a.SendStockStream(0, &ev)
		b, err := a.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	clean := snapAfter(StockStream{Symbol: "IBM", Volume: 700, Nulls: 1 << 1})
	stale := snapAfter(StockStream{Symbol: "IBM", Price: 99.5, Volume: 700, Nulls: 1 << 1})
	if !bytes.Equal(clean, stale) {
		t.Errorf("a NULL price's stale value changed the snapshot:\n%x\n%x", clean, stale)
	}
}
