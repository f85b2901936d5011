package jsonrow

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// AppendNull appends null (a NULL value).
func AppendNull(dst []byte) []byte { return append(dst, "null"...) }

// AppendInt appends an INT or BIGINT value.
func AppendInt(dst []byte, v int64) []byte { return strconv.AppendInt(dst, v, 10) }

// AppendBool appends a BOOL value.
func AppendBool(dst []byte, v bool) []byte { return strconv.AppendBool(dst, v) }

// AppendFloat appends a FLOAT value in the shortest form that reads back as
// the same float32; NaN and infinities, which JSON cannot carry, as null.
func AppendFloat(dst []byte, v float32) []byte { return appendFloat(dst, float64(v), 32) }

// AppendDouble appends a DOUBLE value in the shortest form that reads back
// as the same float64; NaN and infinities as null.
func AppendDouble(dst []byte, v float64) []byte { return appendFloat(dst, v, 64) }

func appendFloat(dst []byte, f float64, bits int) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(dst, "null"...)
	}
	return strconv.AppendFloat(dst, f, 'g', -1, bits)
}

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string: '"' and '\' escaped, \n \r \t
// by name, other control characters as \u00XX, invalid UTF-8 bytes as
// \ufffd, everything else as is.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
