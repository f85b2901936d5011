package stocks

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/eventflux/eventflux-go/interp"
	"github.com/eventflux/eventflux-go/runtime"
)

// Not generated. Callbacks that send into the app: each nested send runs to
// completion before the outer delivery goes on (depth first), and must not
// clobber the event, row or chunk the outer delivery is still handing out.
// The generated package must log exactly what the interpreter logs.
func TestReentrantSendsMatchInterpreter(t *testing.T) {
	src, err := os.ReadFile("../../testdata/apps/stocks.sql")
	if err != nil {
		t.Fatal(err)
	}
	run := func(app runtime.App) []string {
		var log []string
		record := func(name string) func(int64, []any) {
			return func(ts int64, row []any) { log = append(log, fmt.Sprint(name, " ", ts, " ", row)) }
		}
		nestedTrades, nestedTicks := 0, 0
		send := func(ts int64, rows ...[]any) {
			if err := app.Send("StockStream", ts, rows); err != nil {
				t.Fatal(err)
			}
		}
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		// A large trade triggers up to three more, one at a time.
		must(app.Subscribe("LargeTrades", func(ts int64, row []any) {
			record("trade/a")(ts, row)
			if nestedTrades < 3 {
				nestedTrades++
				send(ts, []any{"IBM", 100.0 + float64(nestedTrades), int64(500 * nestedTrades)})
			}
		}))
		must(app.Subscribe("LargeTrades", record("trade/b")))
		// A tick triggers up to two batches of two ticks.
		must(app.Subscribe("StockStream", func(ts int64, row []any) {
			record("tick")(ts, row)
			if nestedTicks < 2 {
				nestedTicks++
				send(ts, []any{"MSFT", 50.0, int64(10)}, []any{"ORCL", 20.0, int64(700)})
			}
		}))
		must(app.Subscribe("LargeTradeRange", record("range")))
		must(app.Subscribe("SymbolSummary", record("summary")))
		must(app.Start(1000))
		send(1000, []any{"IBM", 99.0, int64(600)})
		send(1500, []any{"IBM", 104.0, int64(800)}, []any{"ORCL", 21.0, int64(900)})
		send(3500, []any{"MSFT", 51.0, int64(30)})
		return log
	}
	// Every trade reaches both subscribers intact: the rows logged by the
	// second are those logged by the first (a clobbered row would repeat).
	sameTrades := func(log []string) {
		count := map[string]int{}
		for _, l := range log {
			if rest, ok := strings.CutPrefix(l, "trade/a "); ok {
				count[rest]++
			} else if rest, ok := strings.CutPrefix(l, "trade/b "); ok {
				count[rest]--
			}
		}
		for row, n := range count {
			if n != 0 {
				t.Errorf("trade %s: logged %d more times by the first subscriber than by the second", row, n)
			}
		}
	}
	ip, err := interp.Build("stocks.sql", string(src))
	if err != nil {
		t.Fatal(err)
	}
	want := run(ip)
	got := run(New())
	sameTrades(want)
	sameTrades(got)
	if len(want) < 20 {
		t.Fatalf("the interpreter logged only %d events: %q", len(want), want)
	}
	for i := range max(len(want), len(got)) {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			for j := range max(len(want), len(got)) {
				var a, b string
				if j < len(want) {
					a = want[j]
				}
				if j < len(got) {
					b = got[j]
				}
				t.Logf("%2d %-45s %s", j, a, b)
			}
			t.Fatalf("event %d of %d: generated code logged %q, the interpreter %q", i, len(want), g, w)
		}
	}
}
