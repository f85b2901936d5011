package fn

import (
	"strings"
	"testing"
)

func TestLengthCaseTrim(t *testing.T) {
	lengths := []struct {
		s    string
		want int32
	}{{"hello", 5}, {"", 0}, {"héllo", 5}, {"日本語", 3}, {"😀x", 2}, {"a\xffb", 3}}
	for _, l := range lengths {
		if got := Length(l.s); got != l.want {
			t.Errorf("Length(%q) = %d, want %d", l.s, got, l.want)
		}
	}
	unary := []struct {
		name string
		f    func(string) string
		in   string
		want string
	}{
		{"upper", Upper, "hello world", "HELLO WORLD"},
		{"upper", Upper, "HeLLo WoRLd", "HELLO WORLD"},
		{"upper", Upper, "", ""},
		{"upper", Upper, "straße", "STRAßE"}, // simple (per-character) mapping
		{"lower", Lower, "HELLO WORLD", "hello world"},
		{"lower", Lower, "ÀÉÎ", "àéî"},
		{"trim", Trim, "  hello  ", "hello"},
		{"trim", Trim, "\t spaced \n", "spaced"},
		{"trim", Trim, "   ", ""},
		{"ltrim", LTrim, "   Hello World   ", "Hello World   "},
		{"ltrim", LTrim, "Hello   ", "Hello   "},
		{"rtrim", RTrim, "   Hello World   ", "   Hello World"},
		{"rtrim", RTrim, "   Hello", "   Hello"},
		{"reverse", Reverse, "Hello", "olleH"},
		{"reverse", Reverse, "radar", "radar"},
		{"reverse", Reverse, "", ""},
		{"reverse", Reverse, "héllo", "olléh"},
		{"reverse", Reverse, "a😀b", "b😀a"},
		{"reverse", Reverse, "a\xffb", "b\xffa"},
	}
	for _, u := range unary {
		if got := u.f(u.in); got != u.want {
			t.Errorf("%s(%q) = %q, want %q", u.name, u.in, got, u.want)
		}
	}
}

func TestConcat(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"John", " ", "Doe"}, "John Doe"},
		{[]string{"hello", ""}, "hello"},
		{[]string{"one", "two", "three"}, "onetwothree"},
		{[]string{"x"}, "x"},
	}
	for _, tt := range tests {
		if got := Concat(tt.parts...); got != tt.want {
			t.Errorf("Concat(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}

func TestSubstring(t *testing.T) {
	withLen := []struct {
		s        string
		start, n int64
		want     string
	}{
		{"Hello", 0, 5, "Hello"},
		{"HelloWorld", 0, 5, "Hello"},
		{"HelloWorld", 1, 4, "Hell"},
		{"Hello World", 1, 5, "Hello"},
		{"HelloWorld", 6, 5, "World"},
		{"HelloWorld", 6, 100, "World"},
		{"Hello", -3, 2, "He"},
		{"Hello", 6, 2, ""},
		{"Hello", 99, 2, ""},
		{"Hello", 2, 0, ""},
		{"Hello", 2, -1, ""},
		{"héllo wörld", 2, 4, "éllo"},
		{"日本語テキスト", 3, 2, "語テ"},
		{"", 1, 3, ""},
	}
	for _, tt := range withLen {
		if got := SubstringLen(tt.s, tt.start, tt.n); got != tt.want {
			t.Errorf("SubstringLen(%q, %d, %d) = %q, want %q", tt.s, tt.start, tt.n, got, tt.want)
		}
	}
	toEnd := []struct {
		s     string
		start int64
		want  string
	}{
		{"HelloWorld", 6, "World"}, {"Hello", 1, "Hello"}, {"Hello", 0, "Hello"}, {"Hello", -5, "Hello"},
		{"Hello", 5, "o"}, {"Hello", 6, ""}, {"日本語", 2, "本語"},
	}
	for _, tt := range toEnd {
		if got := Substring(tt.s, tt.start); got != tt.want {
			t.Errorf("Substring(%q, %d) = %q, want %q", tt.s, tt.start, got, tt.want)
		}
	}
}

func TestLeftRight(t *testing.T) {
	tests := []struct {
		s           string
		n           int64
		left, right string
	}{
		{"HelloWorld", 5, "Hello", "World"},
		{"Hello", 20, "Hello", "Hello"},
		{"Hello", 0, "", ""},
		{"Hello", -2, "", ""},
		{"Hello", 5, "Hello", "Hello"},
		{"日本語", 2, "日本", "本語"},
		{"", 3, "", ""},
	}
	for _, tt := range tests {
		if got := Left(tt.s, tt.n); got != tt.left {
			t.Errorf("Left(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.left)
		}
		if got := Right(tt.s, tt.n); got != tt.right {
			t.Errorf("Right(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.right)
		}
	}
}

func TestReplaceRepeat(t *testing.T) {
	replaces := []struct{ s, from, to, want string }{
		{"hello world", "world", "rust", "hello rust"},
		{"hello world", "world", "there", "hello there"},
		{"aaaa", "aa", "b", "bb"},
		{"abc", "", "x", "abc"},
		{"abc", "z", "x", "abc"},
		{"a.b.c", ".", "", "abc"},
	}
	for _, r := range replaces {
		if got := Replace(r.s, r.from, r.to); got != r.want {
			t.Errorf("Replace(%q, %q, %q) = %q, want %q", r.s, r.from, r.to, got, r.want)
		}
	}
	repeats := []struct {
		s    string
		n    int64
		want string
		null bool
	}{
		{"ab", 3, "ababab", false}, {"Hello", 0, "", false}, {"Hello", 1, "Hello", false},
		{"x", -4, "", false}, {"", 1 << 62, "", false},
		{"ab", 1 << 62, "", true}, {"ab", MaxResultBytes, "", true},
	}
	for _, r := range repeats {
		got, ok := Repeat(r.s, r.n)
		if ok == r.null || got != r.want {
			t.Errorf("Repeat(%q, %d) = %q, %v; want %q (null=%v)", r.s, r.n, got, ok, r.want, r.null)
		}
	}
}

func TestPad(t *testing.T) {
	tests := []struct {
		s          string
		n          int64
		pad        string
		lpad, rpad string
	}{
		{"Hello", 10, "*", "*****Hello", "Hello*****"},
		{"Hi", 10, "xy", "xyxyxyxyHi", "Hixyxyxyxy"},
		{"Hi", 5, "xy", "xyxHi", "Hixyx"},
		{"Hello", 3, "*", "Hel", "Hel"},
		{"Hello", 5, "*", "Hello", "Hello"},
		{"", 5, "x", "xxxxx", "xxxxx"},
		{"Hello", 0, "*", "", ""},
		{"Hello", -1, "*", "", ""},
		{"Hi", 6, "", "Hi", "Hi"},
		{"日本", 5, "語x", "語x語日本", "日本語x語"},
	}
	for _, tt := range tests {
		if got, ok := LPad(tt.s, tt.n, tt.pad); !ok || got != tt.lpad {
			t.Errorf("LPad(%q, %d, %q) = %q, want %q", tt.s, tt.n, tt.pad, got, tt.lpad)
		}
		if got, ok := RPad(tt.s, tt.n, tt.pad); !ok || got != tt.rpad {
			t.Errorf("RPad(%q, %d, %q) = %q, want %q", tt.s, tt.n, tt.pad, got, tt.rpad)
		}
	}
	for _, n := range []int64{1 << 62, MaxResultBytes + 1} {
		if _, ok := LPad("a", n, "*"); ok {
			t.Errorf("LPad to %d characters must be NULL, not exhaust memory", n)
		}
		if _, ok := RPad("a", n, "xy"); ok {
			t.Errorf("RPad to %d characters must be NULL", n)
		}
	}
	if got, ok := RPad("a", 1<<20, "xy"); !ok || Length(got) != 1<<20 || !strings.HasPrefix(got, "axyx") {
		t.Errorf("RPad to 1M characters: len %d ok=%v", Length(got), ok)
	}
}

func TestPositionAsciiChr(t *testing.T) {
	positions := []struct {
		sub, s string
		want   int32
	}{
		{"World", "HelloWorld", 6}, {"xyz", "HelloWorld", 0}, {"Hello", "HelloWorld", 1},
		{"llo", "Hello", 3}, {"", "abc", 1}, {"語", "日本語", 3}, {"a", "", 0},
	}
	for _, p := range positions {
		if got := Position(p.sub, p.s); got != p.want {
			t.Errorf("Position(%q, %q) = %d, want %d", p.sub, p.s, got, p.want)
		}
	}
	asciis := []struct {
		s    string
		want int32
		null bool
	}{{"A", 65, false}, {"a", 97, false}, {"Hello", 72, false}, {"é", 233, false}, {"", 0, true}}
	for _, a := range asciis {
		got, ok := Ascii(a.s)
		if ok == a.null || got != a.want {
			t.Errorf("Ascii(%q) = %d, %v; want %d (null=%v)", a.s, got, ok, a.want, a.null)
		}
	}
	chrs := []struct {
		n    int64
		want string
		null bool
	}{
		{65, "A", false}, {97, "a", false}, {90, "Z", false}, {233, "é", false}, {0x1F600, "😀", false},
		{-1, "", true}, {0xD800, "", true}, {0x110000, "", true}, {1 << 40, "", true},
	}
	for _, c := range chrs {
		got, ok := Chr(c.n)
		if ok == c.null || got != c.want {
			t.Errorf("Chr(%d) = %q, %v; want %q (null=%v)", c.n, got, ok, c.want, c.null)
		}
	}
	if s, _ := Chr(88); s != "X" {
		t.Error("chr(ascii('X')) round trip")
	}
}
