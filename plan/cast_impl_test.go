package plan

import (
	"strings"
	"testing"
)

// TestCastsAreTheTableOfLanguage27 pins the supported conversions to the
// table of LANGUAGE.md §2.7 (rows from, columns to: STRING INT BIGINT
// FLOAT DOUBLE BOOL; '=' unchanged, 'x' a runtime function, '-' E303).
func TestCastsAreTheTableOfLanguage27(t *testing.T) {
	want := `
STRING = x x x x x
INT    x = x x x x
BIGINT x x = x x x
FLOAT  x x x = x -
DOUBLE x x x x = -
BOOL   x - - - - =`
	types := []Type{String, Int, BigInt, Float, Double, Bool}
	var b strings.Builder
	for _, from := range types {
		b.WriteString("\n" + from.String() + strings.Repeat(" ", 7-len(from.String())))
		for i, to := range types {
			c, ok := LookupCast(from, to)
			switch {
			case CastUnchanged(from, to):
				b.WriteString("=")
			case ok && c.Fn != "" && c.From == from && c.To == to:
				b.WriteString("x")
			default:
				b.WriteString("-")
			}
			if CastAllowed(from, to) != (ok || CastUnchanged(from, to)) {
				t.Errorf("CastAllowed(%s, %s) disagrees with the table", from, to)
			}
			if i < len(types)-1 {
				b.WriteString(" ")
			}
		}
	}
	if got := b.String(); got != want {
		t.Errorf("conversions:%s\nwant (§2.7):%s", got, want)
	}
	seen := map[[2]Type]bool{}
	for _, c := range Casts() {
		if seen[[2]Type{c.From, c.To}] || c.From == c.To || c.From == Object || c.To == Object {
			t.Errorf("cast %s → %s is listed twice or should not be listed", c.From, c.To)
		}
		seen[[2]Type{c.From, c.To}] = true
	}
	for _, to := range types {
		if !CastUnchanged(Object, to) {
			t.Errorf("NULL (OBJECT) → %s must convert unchanged", to)
		}
	}
}
