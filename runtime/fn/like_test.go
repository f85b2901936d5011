package fn

import "testing"

func TestLike(t *testing.T) {
	tests := []struct {
		s, p string
		want bool
	}{
		{"hello", "hello", true},
		{"hello", "Hello", false}, // case-sensitive
		{"hello", "hell", false},  // whole string
		{"hello", "h%", true},
		{"hello", "%lo", true},
		{"hello", "%ell%", true},
		{"hello", "%xyz%", false},
		{"hello", "%", true},
		{"", "%", true},
		{"", "%%", true},
		{"", "_", false},
		{"", "", true},
		{"a", "", false},
		{"hello", "h_llo", true},
		{"hello", "h__lo", true},
		{"hello", "h_lo", false},
		{"hello", "_____", true},
		{"hello", "______", false},
		{"héllo", "h_llo", true}, // _ is one character, not one byte
		{"日本語", "__語", true},
		{"日本語", "%本%", true},
		{"abcabc", "%bc", true},
		{"abcabd", "%bc", false},
		{"mississippi", "m%iss%pi", true},
		{"mississippi", "m%iss%ppi%", true},
		{"mississippi", "m%ss%x", false},
		{"aaa", "%a%a%a%", true},
		{"aa", "%a%a%a%", false},
		{"a%b", "a%b", true}, // no escape: % in the value is just a character
		{"IBM-2024", "IBM-____", true},
		{"x\xffy", "x_y", true},
		{"x\xffy", "x\xffy", true},
		{"x\u00e9y", "x\xc3_y", false}, // an invalid byte only matches itself
	}
	for _, tt := range tests {
		if got := Like(tt.s, tt.p); got != tt.want {
			t.Errorf("Like(%q, %q) = %v, want %v", tt.s, tt.p, got, tt.want)
		}
		if got := CompileLike(tt.p).Match(tt.s); got != tt.want {
			t.Errorf("CompileLike(%q).Match(%q) = %v, want %v", tt.p, tt.s, got, tt.want)
		}
	}
}

func TestLikeShapes(t *testing.T) {
	shapes := map[string]likeShape{
		"abc": likeExact, "abc%": likePrefix, "%abc": likeSuffix, "%abc%": likeContains,
		"%": likeAny, "%%": likeAny, "a%c": likeGeneral, "a_c": likeGeneral, "%%abc%%": likeContains, "": likeExact,
	}
	for p, want := range shapes {
		if got := CompileLike(p).shape; got != want {
			t.Errorf("CompileLike(%q).shape = %d, want %d", p, got, want)
		}
	}
}

func TestLikeAllocs(t *testing.T) {
	m := CompileLike("%a_c%d")
	if n := testing.AllocsPerRun(100, func() { m.Match("xxabcyyd") }); n != 0 {
		t.Errorf("Match allocates %v times", n)
	}
}
