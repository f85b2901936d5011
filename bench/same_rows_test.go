package bench

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/eventflux/eventflux-go/bench/internal/ticks"
)

// workload names a workload and builds its generated and hand-written
// drivers (the interpreter driver is the same for all).
type workload struct {
	name string
	gen  func(tb testing.TB, rec recorder) driver
	hand func(rec recorder) driver
}

var workloads = []workload{
	{"w1", w1Gen, w1Hand},
	{"w2", w2Gen, w2Hand},
	{"w3", w3Gen, w3Hand},
	{"w4", w4Gen, w4Hand},
	{"w5", w5Gen, w5Hand},
}

// sameRowsTicks covers 3 W4 windows (10 s each), 40 W2 periods and 40 W3
// windows.
const sameRowsTicks = 40_000

type outRow struct {
	ts   int64
	vals []any
}

func (r outRow) String() string { return fmt.Sprintf("@%d %v", r.ts, r.vals) }

// collect runs n ticks through d, then moves its clock 2 s past the last
// tick so the last W2 period is written too.
func collect(d func(rec recorder) driver, n int) []outRow {
	var rows []outRow
	drv := d(func(ts int64, vals []any) { rows = append(rows, outRow{ts, vals}) })
	for i := range n {
		drv.send(i)
	}
	drv.advance(ticks.TsAt(n) + 2000)
	return rows
}

// TestSameRows runs every workload through the interpreter, the generated
// code and the hand-written code: all three must write the same rows (same
// values, bit for bit, same timestamps, same order). This is what makes the
// hand-written versions an honest baseline.
func TestSameRows(t *testing.T) {
	data := tickData()[:sameRowsTicks]
	above100, bigNotional := 0, 0
	for _, tk := range data {
		if tk.Price > 100 {
			above100++
		}
		if tk.Volume >= 100 && tk.Price*float64(tk.Volume) > 50000 {
			bigNotional++
		}
	}
	// Row counts the spec fixes: a filter writes one row per kept tick; a
	// sliding window one row per tick (§3.8); a tumbling window one row
	// per symbol per period, at most 1,000 per 1,000-tick period.
	wantCount := map[string]func(n int) bool{
		"w1": func(n int) bool { return n == above100 },
		"w2": func(n int) bool { return n > sameRowsTicks/2 && n <= sameRowsTicks },
		"w3": func(n int) bool { return n == sameRowsTicks },
		"w4": func(n int) bool { return n == sameRowsTicks },
		"w5": func(n int) bool { return n == bigNotional },
	}
	for _, w := range workloads {
		t.Run(w.name, func(t *testing.T) {
			ip := collect(func(rec recorder) driver { return interpDriver(t, w.name, rec) }, sameRowsTicks)
			gen := collect(func(rec recorder) driver { return w.gen(t, rec) }, sameRowsTicks)
			hd := collect(w.hand, sameRowsTicks)
			t.Logf("%d ticks → %d rows", sameRowsTicks, len(ip))
			if !wantCount[w.name](len(ip)) {
				t.Errorf("interpreter wrote %d rows for %d ticks", len(ip), sameRowsTicks)
			}
			compareRows(t, "gen", gen, "interp", ip)
			compareRows(t, "hand", hd, "interp", ip)
		})
	}
}

func compareRows(t *testing.T, name string, got []outRow, wantName string, want []outRow) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s wrote %d rows, %s %d", name, len(got), wantName, len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i].ts != want[i].ts || !reflect.DeepEqual(got[i].vals, want[i].vals) {
			t.Errorf("row %d: %s wrote %v, %s %v", i, name, got[i], wantName, want[i])
			return
		}
	}
}
