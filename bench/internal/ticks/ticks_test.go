package ticks

import (
	"reflect"
	"testing"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(5000), Generate(5000)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs of Generate differ")
	}
	// A prefix of a longer run is the shorter run: n does not change the stream.
	if c := Generate(100); !reflect.DeepEqual(c, a[:100]) {
		t.Fatal("Generate(100) is not a prefix of Generate(5000)")
	}
}

func TestGenerateRanges(t *testing.T) {
	const n = 100_000
	ts := Generate(n)
	seen := map[string]bool{}
	above100 := 0
	for i, tk := range ts {
		if tk.Ts != Start+int64(i) {
			t.Fatalf("tick %d: ts %d, want %d", i, tk.Ts, Start+int64(i))
		}
		if tk.Price < 10 || tk.Price >= 110 {
			t.Fatalf("tick %d: price %v outside [10, 110)", i, tk.Price)
		}
		if tk.Volume < 1 || tk.Volume > 1000 {
			t.Fatalf("tick %d: volume %d outside [1, 1000]", i, tk.Volume)
		}
		if len(tk.Symbol) != 4 || tk.Symbol[0] != 'S' {
			t.Fatalf("tick %d: symbol %q", i, tk.Symbol)
		}
		seen[tk.Symbol] = true
		if tk.Price > 100 {
			above100++
		}
	}
	if len(seen) != Symbols {
		t.Errorf("%d distinct symbols, want %d", len(seen), Symbols)
	}
	// W1's filter price > 100.0 is meant to keep about 10%.
	if frac := float64(above100) / n; frac < 0.095 || frac > 0.105 {
		t.Errorf("price > 100 keeps %.4f of the ticks, want about 0.10", frac)
	}
}

func TestRows(t *testing.T) {
	ts := Generate(3)
	rows := Rows(ts)
	for i, r := range rows {
		want := []any{ts[i].Symbol, ts[i].Price, ts[i].Volume}
		if !reflect.DeepEqual(r, want) {
			t.Errorf("row %d = %v, want %v", i, r, want)
		}
	}
	if TsAt(0) != Start || TsAt(7) != Start+7 {
		t.Errorf("TsAt(0), TsAt(7) = %d, %d", TsAt(0), TsAt(7))
	}
}
