// Package ticks is the one deterministic source of synthetic stock ticks
// every benchmark workload runs on, so that the interpreter, the generated
// code and the hand-written code see exactly the same events.
package ticks

import (
	"fmt"
	"math/rand/v2"
)

const (
	// Symbols is how many distinct symbols the ticks use.
	Symbols = 1000
	// Start is the timestamp of tick 0 (ms since the epoch, late 2023).
	Start int64 = 1_700_000_000_000
	// StepMs is how far the clock advances from one tick to the next.
	StepMs int64 = 1
	// seed1 and seed2 fix the PCG stream: the same ticks on every run.
	seed1, seed2 = 0x5eed_0f_71c5, 0xb3_9c4_da7a
)

// Tick is one trade: the payload of stream Ticks (symbol STRING, price
// DOUBLE, volume BIGINT) and its event timestamp.
type Tick struct {
	Symbol string
	Price  float64
	Volume int64
	Ts     int64
}

// Names returns the symbol names "S000" … "S999" (fresh slice, shared
// strings: ticks of one symbol share one string).
func Names() []string {
	names := make([]string, Symbols)
	for i := range names {
		names[i] = fmt.Sprintf("S%03d", i)
	}
	return names
}

// Generate returns n ticks: tick i is stamped Start + i·StepMs, its symbol
// is uniform over the Symbols names, its price uniform over [10, 110) in
// cents, its volume uniform over [1, 1000].
func Generate(n int) []Tick {
	rng := rand.New(rand.NewPCG(seed1, seed2))
	names := Names()
	out := make([]Tick, n)
	for i := range out {
		out[i] = Tick{
			Symbol: names[rng.IntN(Symbols)],
			Price:  float64(1000+rng.IntN(10000)) / 100,
			Volume: 1 + rng.Int64N(1000),
			Ts:     TsAt(i),
		}
	}
	return out
}

// TsAt is the timestamp of the i-th tick sent. Benchmarks cycle through a
// pre-generated slice but keep the clock moving forward with TsAt(i).
func TsAt(i int) int64 { return Start + int64(i)*StepMs }

// Rows converts ticks into the generic rows runtime.App.Send takes, one row
// per tick (symbol, price, volume), so that rows[i:i+1] sends tick i alone.
func Rows(ts []Tick) [][]any {
	rows := make([][]any, len(ts))
	for i := range ts {
		rows[i] = []any{ts[i].Symbol, ts[i].Price, ts[i].Volume}
	}
	return rows
}
