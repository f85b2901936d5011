package driver

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

// benchInput is n stock ticks, half by name and half by position.
func benchInput(n int) []byte {
	var b bytes.Buffer
	syms := []string{"IBM", "MSFT", "ORCL", "AAPL", "GOOG", "AMZN", "NVDA", "TSLA"}
	ts := int64(1_700_000_000_000)
	for i := range n {
		ts += int64(i % 13)
		sym, price, vol := syms[i%len(syms)], 50+float64(i%35000)/100, []int{100, 200, 500, 700, 1000, 50}[i%6]
		if i%2 == 0 {
			fmt.Fprintf(&b, `{"stream": "StockStream", "data": {"symbol": %q, "price": %v, "volume": %d}, "ts": %d}`+"\n", sym, price, vol, ts)
		} else {
			fmt.Fprintf(&b, `{"stream":"StockStream","row":[%q,%v,%d],"ts":%d}`+"\n", sym, price, vol, ts)
		}
	}
	return b.Bytes()
}

// BenchmarkDriverStocks runs the stocks app over 100,000 ticks through
// either path; ns/op is per tick.
func BenchmarkDriverStocks(b *testing.B) {
	const n = 100_000
	input := benchInput(n)
	for _, path := range []struct {
		name string
		app  func() runtime.App
	}{{"generic", func() runtime.App { return genericOnly{newStocks()} }}, {"json", newStocks}} {
		b.Run(path.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if code := Run(path.app(), Options{Name: "bench", Playback: true}, bytes.NewReader(input), io.Discard, io.Discard); code != ExitOK {
					b.Fatal(code)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/tick")
		})
	}
}
