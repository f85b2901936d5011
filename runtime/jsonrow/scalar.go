package jsonrow

import (
	"unicode/utf16"
	"unicode/utf8"
)

// kind is what a scalar read found.
type kind uint8

const (
	kindError kind = iota
	kindString
	kindNumber
	kindTrue
	kindFalse
	kindNull
	kindContainer // an object or array, skipped
)

// scalar reads one value. A string comes back decoded, a number as its
// literal text; an object or array is skipped and reported as such.
func (r *Reader) scalar() (kind, []byte) {
	if r.err != nil {
		return kindError, nil
	}
	r.space()
	switch c := r.peek(); {
	case c == '"':
		text, ok := r.str()
		if !ok {
			return kindError, nil
		}
		r.comma = true
		return kindString, text
	case c == '-' || c >= '0' && c <= '9':
		text, ok := r.number()
		if !ok {
			return kindError, nil
		}
		r.comma = true
		return kindNumber, text
	case c == 't':
		return r.literal("true", kindTrue)
	case c == 'f':
		return r.literal("false", kindFalse)
	case c == 'n':
		return r.literal("null", kindNull)
	case c == '{' || c == '[':
		if r.Skip() != nil {
			return kindError, nil
		}
		return kindContainer, nil
	}
	r.failAt("looking for beginning of value")
	return kindError, nil
}

func (r *Reader) literal(word string, k kind) (kind, []byte) {
	for i := 0; i < len(word); i++ {
		if r.pos >= len(r.data) || r.data[r.pos] != word[i] {
			r.failAt("in literal " + word)
			return kindError, nil
		}
		r.pos++
	}
	r.comma = true
	return k, nil
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and returns
// its text. What follows is checked by the caller's next step.
func (r *Reader) number() ([]byte, bool) {
	b, start := r.data, r.pos
	i := start
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i++; i < len(b) && isDigit(b[i]); i++ {
		}
	default:
		r.pos = i
		r.failAt("in numeric literal")
		return nil, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || !isDigit(b[i]) {
			r.pos = i
			r.failAt("after decimal point in numeric literal")
			return nil, false
		}
		for ; i < len(b) && isDigit(b[i]); i++ {
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || !isDigit(b[i]) {
			r.pos = i
			r.failAt("in exponent of numeric literal")
			return nil, false
		}
		for ; i < len(b) && isDigit(b[i]); i++ {
		}
	}
	r.pos = i
	return b[start:i], true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// str reads a string (r.pos at its '"') and returns its content decoded:
// a slice of the input when it has no escapes and is valid UTF-8, else the
// decoded text in the scratch buffer.
func (r *Reader) str() ([]byte, bool) {
	b := r.data
	start := r.pos + 1
	for i := start; i < len(b); {
		c := b[i]
		switch {
		case c == '"':
			r.pos = i + 1
			return b[start:i], true
		case c == '\\':
			return r.unquote(start, i)
		case c < 0x20:
			r.pos = i
			r.failAt("in string literal")
			return nil, false
		case c < utf8.RuneSelf:
			i++
		default:
			ch, size := utf8.DecodeRune(b[i:])
			if ch == utf8.RuneError && size == 1 {
				return r.unquote(start, i)
			}
			i += size
		}
	}
	r.pos = len(b)
	r.fail(errEnd)
	return nil, false
}

// unquote decodes a string from start, plain up to i, as encoding/json
// does: escapes resolved, invalid UTF-8 bytes and lone surrogates replaced
// by U+FFFD; only the escapes JSON allows are accepted.
func (r *Reader) unquote(start, i int) ([]byte, bool) {
	b := r.data
	out := append(r.scratch[:0], b[start:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			r.pos = i + 1
			r.scratch = out // kept for the next string with escapes
			return out, true
		case c == '\\':
			if i+1 >= len(b) {
				r.pos = len(b)
				r.fail(errEnd)
				return nil, false
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				ch := hex4(b[i+2:])
				if ch < 0 {
					r.pos = i + 2
					for k := 0; k < 4 && r.pos < len(b) && isHex(b[r.pos]); k++ {
						r.pos++
					}
					r.failAt("in \\u hexadecimal character escape")
					return nil, false
				}
				i += 6
				if utf16.IsSurrogate(ch) {
					next := rune(-1)
					if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
						next = hex4(b[i+2:])
					}
					if pair := utf16.DecodeRune(ch, next); pair != utf8.RuneError {
						out = utf8.AppendRune(out, pair)
						i += 6
						continue
					}
					ch = utf8.RuneError
				}
				out = utf8.AppendRune(out, ch)
				continue
			default:
				r.pos = i + 1
				r.failAt("in string escape code")
				return nil, false
			}
			i += 2
		case c < 0x20:
			r.pos = i
			r.failAt("in string literal")
			return nil, false
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			ch, size := utf8.DecodeRune(b[i:])
			out = utf8.AppendRune(out, ch)
			i += size
		}
	}
	r.pos = len(b)
	r.fail(errEnd)
	return nil, false
}

// hex4 reads four hex digits, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var ch rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		ch = ch*16 + rune(c)
	}
	return ch
}

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
