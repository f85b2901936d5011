package fn

import (
	"strings"
	"unicode/utf8"
)

// LikeMatcher matches strings against one LIKE pattern (§9.2): % any
// sequence, _ exactly one character, the whole string, case-sensitive, no
// escape character. Compile it once for a constant pattern.
type LikeMatcher struct {
	pattern string
	shape   likeShape
	lit     string // the literal part for the shapes that have one
}

// likeShape recognises the common patterns that reduce to one string test.
type likeShape uint8

const (
	likeGeneral  likeShape = iota
	likeExact              // abc
	likePrefix             // abc%
	likeSuffix             // %abc
	likeContains           // %abc%
	likeAny                // % (or %%…)
)

// CompileLike prepares pattern for repeated matching.
func CompileLike(pattern string) *LikeMatcher {
	m := &LikeMatcher{pattern: pattern}
	if strings.IndexByte(pattern, '_') >= 0 {
		return m
	}
	inner := strings.Trim(pattern, "%")
	if strings.IndexByte(inner, '%') >= 0 {
		return m
	}
	lead := len(pattern) > 0 && pattern[0] == '%'
	trail := len(pattern) > 0 && pattern[len(pattern)-1] == '%'
	m.lit = inner
	switch {
	case inner == "" && lead:
		m.shape = likeAny
	case lead && trail:
		m.shape = likeContains
	case lead:
		m.shape = likeSuffix
	case trail:
		m.shape = likePrefix
	default:
		m.shape = likeExact
	}
	return m
}

// Match reports whether s matches the whole pattern.
func (m *LikeMatcher) Match(s string) bool {
	switch m.shape {
	case likeExact:
		return s == m.lit
	case likePrefix:
		return strings.HasPrefix(s, m.lit)
	case likeSuffix:
		return strings.HasSuffix(s, m.lit)
	case likeContains:
		return strings.Contains(s, m.lit)
	case likeAny:
		return true
	}
	return Like(s, m.pattern)
}

// Like is s LIKE p for a pattern known only at run time; it allocates
// nothing. It walks both strings once, remembering the last % to retry
// from (the classic wildcard backtracking, O(len(s)·len(p)) at worst).
func Like(s, p string) bool {
	si, pi := 0, 0
	starP, starS := -1, 0
	for si < len(s) {
		if pi < len(p) {
			switch pc, pw := decode(p, pi); pc {
			case '%':
				starP, starS = pi, si
				pi += pw
				continue
			case '_':
				_, sw := decode(s, si)
				si += sw
				pi += pw
				continue
			default:
				// Same width and bytes: the same character (an invalid
				// byte only matches the same invalid byte).
				if _, sw := decode(s, si); sw == pw && s[si:si+sw] == p[pi:pi+pw] {
					si += pw
					pi += pw
					continue
				}
			}
		}
		if starP < 0 {
			return false
		}
		// Let the last % absorb one more character and retry after it.
		_, sw := decode(s, starS)
		starS += sw
		si = starS
		pi = starP + 1
	}
	for pi < len(p) && p[pi] == '%' {
		pi++
	}
	return pi == len(p)
}

// decode reads the character at byte offset i; an invalid byte is one
// character of width 1.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}
