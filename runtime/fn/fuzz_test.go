package fn

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets check that bad input never panics and that results keep
// their basic invariants; their seeds run with every go test.

func FuzzLike(f *testing.F) {
	f.Add("mississippi", "m%iss%pi")
	f.Add("héllo", "h_llo")
	f.Add("x\xffy", "%\xff_")
	f.Fuzz(func(t *testing.T, s, p string) {
		if Like(s, p) != CompileLike(p).Match(s) {
			t.Fatalf("Like and CompileLike disagree on %q LIKE %q", s, p)
		}
		if !Like(s, "%") {
			t.Fatalf("%q: %% must match", s)
		}
		if !strings.ContainsAny(s, "%_") && (!Like(s, s) || Like(s, s+"_")) {
			t.Fatalf("%q: s must match itself and not s_", s)
		}
	})
}

func FuzzStrings(f *testing.F) {
	f.Add("Hello", int64(2), int64(3), "xy")
	f.Add("日本語", int64(-1), int64(-5), "")
	f.Fuzz(func(t *testing.T, s string, a, b int64, pad string) {
		n := Length(s)
		if got := SubstringLen(s, a, b); int64(Length(got)) > max(b, 0) {
			t.Fatalf("SubstringLen(%q, %d, %d) = %q: too long", s, a, b, got)
		}
		_ = Substring(s, a)
		if l, r := Left(s, a), Right(s, a); Length(l) != Length(r) || int64(Length(l)) > max(a, 0) {
			t.Fatalf("Left/Right(%q, %d) = %q, %q", s, a, l, r)
		}
		b %= 1 << 16 // keep results small
		// Invalid bytes next to each other may form a character, so the
		// length checks need valid text.
		valid := utf8.ValidString(s) && utf8.ValidString(pad)
		if got, ok := LPad(s, b, pad); ok && valid && b > 0 && pad != "" && int64(Length(got)) != b {
			t.Fatalf("LPad(%q, %d, %q) = %q", s, b, pad, got)
		}
		if got, ok := RPad(s, b, pad); ok && valid && b > 0 && pad != "" && int64(Length(got)) != b {
			t.Fatalf("RPad(%q, %d, %q) = %q", s, b, pad, got)
		}
		if got, ok := Repeat(pad, b%64); !ok || len(got) != len(pad)*int(max(b%64, 0)) {
			t.Fatalf("Repeat(%q, %d) = %q", pad, b%64, got)
		}
		if utf8.ValidString(s) && (Length(Reverse(s)) != n || Reverse(Reverse(s)) != s) {
			t.Fatalf("Reverse(%q) = %q", s, Reverse(s))
		}
		if p := Position(pad, s); p < 0 || p > n+1 {
			t.Fatalf("Position(%q, %q) = %d", pad, s, p)
		}
		_, _ = Ascii(s)
		_, _ = Chr(a)
		_ = Replace(s, pad, "z")
	})
}

func FuzzCasts(f *testing.F) {
	f.Add(" -42 ")
	f.Add("1e3")
	f.Add("9223372036854775808")
	f.Fuzz(func(t *testing.T, s string) {
		if v, ok := StringToInt64(s); ok {
			if back, ok2 := StringToInt64(FormatInt64(v)); !ok2 || back != v {
				t.Fatalf("%q -> %d does not round trip", s, v)
			}
		}
		if v, ok := StringToFloat64(s); ok && !math.IsInf(v, 0) {
			if back, ok2 := StringToFloat64(FormatFloat64(v)); !ok2 || back != v {
				t.Fatalf("%q -> %v does not round trip", s, v)
			}
		}
		_, _ = StringToInt32(s)
		_, _ = StringToFloat32(s)
		_, _ = StringToBool(s)
	})
}

func FuzzDates(f *testing.F) {
	f.Add(int64(1700006400000), "%Y-%m-%d %H:%M:%S", "2023-11-15 13:05:09")
	f.Add(int64(-1), "%s%.3f %-d %:z %", "12 %q")
	f.Fuzz(func(t *testing.T, ts int64, pattern, s string) {
		_ = FormatDate(ts, pattern)
		_, _ = ParseDate(s, pattern)
		_, _ = DateAdd(ts, ts, pattern)
	})
}

func FuzzRound(f *testing.F) {
	f.Add(2.675, int64(2))
	f.Add(1250.0, int64(-2))
	f.Fuzz(func(t *testing.T, x float64, d int64) {
		r, tr := RoundTo(x, d), TruncTo(x, d)
		if math.IsNaN(x) != math.IsNaN(r) || math.IsNaN(x) != math.IsNaN(tr) {
			t.Fatalf("RoundTo/TruncTo(%v, %d) = %v, %v", x, d, r, tr)
		}
		if !math.IsNaN(x) && !math.IsInf(x, 0) && math.Abs(tr) > math.Abs(x) {
			t.Fatalf("Trunc(%v, %d) = %v moves away from zero", x, d, tr)
		}
		// round(x) and trunc(x) are the d = 0 forms of round(x, d), trunc(x, d).
		if r0, t0 := Round(x), Trunc(x); !sameFloat(r0, RoundTo(x, 0)) || !sameFloat(t0, TruncTo(x, 0)) {
			t.Fatalf("Round/Trunc(%v) = %v, %v; RoundTo/TruncTo(%v, 0) = %v, %v", x, r0, t0, x, RoundTo(x, 0), TruncTo(x, 0))
		}
	})
}

// sameFloat is bit equality up to NaN payloads.
func sameFloat(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
}
