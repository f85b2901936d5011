package fn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length is length(s): the number of characters (INT).
func Length(s string) int32 { return int32(utf8.RuneCountInString(s)) }

// Upper and Lower apply Unicode case mapping, character by character
// (choice: the simple mappings, so 'ß' stays 'ß' rather than becoming "SS"
// as Java's and Rust's full mappings do).
func Upper(s string) string { return strings.ToUpper(s) }
func Lower(s string) string { return strings.ToLower(s) }

// Trim, LTrim and RTrim remove whitespace only (Unicode White_Space).
func Trim(s string) string  { return strings.TrimSpace(s) }
func LTrim(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) }
func RTrim(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

// Concat is concat(s1, …, sn); NULL parts are the caller's (any NULL → NULL).
func Concat(parts ...string) string { return strings.Join(parts, "") }

// skipChars returns the byte offset after the first n characters of s (or
// len(s) when s is shorter).
func skipChars(s string, n int64) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return i
}

// lastChars returns the byte offset where the last n characters of s start.
func lastChars(s string, n int64) int {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		if s[i-1] < utf8.RuneSelf {
			i--
			continue
		}
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return i
}

// Substring is substring(s, start): from character start to the end. A
// start ≤ 1 means from the first character; past the end gives ”.
func Substring(s string, start int64) string {
	if start <= 1 {
		return s
	}
	return s[skipChars(s, start-1):]
}

// SubstringLen is substring(s, start, n): at most n characters from start,
// with start ≤ 1 meaning the first character (substring('Hello', 0, 5) =
// 'Hello'); n is clipped to the end; a negative n gives ”.
func SubstringLen(s string, start, n int64) string {
	if n <= 0 {
		return ""
	}
	from := 0
	if start > 1 {
		from = skipChars(s, start-1)
	}
	rest := s[from:]
	return rest[:skipChars(rest, n)]
}

// Left is left(s, n): the first n characters; n ≤ 0 gives ”.
func Left(s string, n int64) string {
	if n <= 0 {
		return ""
	}
	return s[:skipChars(s, n)]
}

// Right is right(s, n): the last n characters; n ≤ 0 gives ”.
func Right(s string, n int64) string {
	if n <= 0 {
		return ""
	}
	return s[lastChars(s, n):]
}

// Replace is replace(s, from, to): every non-overlapping occurrence; an
// empty from leaves s unchanged.
func Replace(s, from, to string) string {
	if from == "" {
		return s
	}
	return strings.ReplaceAll(s, from, to)
}

// Reverse is reverse(s) by characters; invalid UTF-8 bytes move as single
// characters and are kept as they are.
func Reverse(s string) string {
	if len(s) < 2 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := len(s); i > 0; {
		w := 1
		if s[i-1] >= utf8.RuneSelf {
			_, w = utf8.DecodeLastRuneInString(s[:i])
		}
		b = append(b, s[i-w:i]...)
		i -= w
	}
	return string(b)
}

// MaxResultBytes bounds the strings repeat, lpad and rpad may build: a
// larger result is NULL instead of exhausting memory on bad input.
const MaxResultBytes = 64 << 20

// Repeat is repeat(s, n); n ≤ 0 gives ”. ok=false (NULL) when the result
// would exceed MaxResultBytes.
func Repeat(s string, n int64) (string, bool) {
	if n <= 0 || s == "" {
		return "", true
	}
	if int64(len(s)) > MaxResultBytes/n {
		return "", false
	}
	return strings.Repeat(s, int(n)), true
}

// LPad is lpad(s, n, pad): s padded on the left to n characters by
// repeating pad cyclically (lpad('Hi', 10, 'xy') = 'xyxyxyxyHi'); when s
// has n characters or more its first n are kept (lpad('Hello', 3, '*') =
// 'Hel'). n ≤ 0 gives ”; an empty pad cannot pad, so s is returned as is.
// ok=false (NULL) when the result would exceed MaxResultBytes.
func LPad(s string, n int64, pad string) (string, bool) { return padTo(s, n, pad, true) }

// RPad is rpad(s, n, pad), as LPad with the padding on the right.
func RPad(s string, n int64, pad string) (string, bool) { return padTo(s, n, pad, false) }

func padTo(s string, n int64, pad string, left bool) (string, bool) {
	if n <= 0 {
		return "", true
	}
	have := int64(utf8.RuneCountInString(s))
	if have >= n {
		return Left(s, n), true
	}
	if pad == "" {
		return s, true
	}
	missing := n - have
	padChars := int64(utf8.RuneCountInString(pad))
	cycles, partial := missing/padChars, missing%padChars
	if cycles > (MaxResultBytes-int64(len(s)))/int64(len(pad)) {
		return "", false
	}
	tail := pad[:skipChars(pad, partial)]
	var b strings.Builder
	b.Grow(len(s) + int(cycles)*len(pad) + len(tail))
	if !left {
		b.WriteString(s)
	}
	for range cycles {
		b.WriteString(pad)
	}
	b.WriteString(tail)
	if left {
		b.WriteString(s)
	}
	return b.String(), true
}

// Position is position(sub, s) (also locate, instr): the 1-based character
// index of the first occurrence of sub in s, 0 when absent; an empty sub is
// found at 1.
func Position(sub, s string) int32 {
	i := strings.Index(s, sub)
	if i < 0 {
		return 0
	}
	return int32(utf8.RuneCountInString(s[:i])) + 1
}

// Ascii is ascii(s): the code point of the first character; ” gives NULL.
// An invalid first byte reads as U+FFFD.
func Ascii(s string) (int32, bool) {
	if s == "" {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r, true
}

// Chr is chr(n): the character for code point n; a negative value, a
// surrogate or a value above U+10FFFF gives NULL.
func Chr(n int64) (string, bool) {
	if n < 0 || n > unicode.MaxRune || !utf8.ValidRune(rune(n)) {
		return "", false
	}
	return string(rune(n)), true
}
