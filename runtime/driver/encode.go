package driver

import (
	"math"
	"strconv"
	"unicode/utf8"

	"eventflux/runtime"
)

// outputStream encodes the events of one collected stream as JSON lines
// (format in run.go), with its constant parts encoded once and the line
// buffer reused.
type outputStream struct {
	prefix []byte   // {"stream":"Out","ts":
	keys   [][]byte // "name": per column, in schema order
	buf    []byte
}

func newOutputStream(s runtime.StreamInfo) *outputStream {
	o := &outputStream{}
	o.prefix = append(o.prefix, `{"stream":`...)
	o.prefix = appendJSONString(o.prefix, s.Name)
	o.prefix = append(o.prefix, `,"ts":`...)
	for _, c := range s.Columns {
		key := appendJSONString(nil, c.Name)
		o.keys = append(o.keys, append(key, ':'))
	}
	return o
}

// encode returns the line for one event; it is valid until the next call.
// Missing values (a row shorter than the schema) are written as null.
func (o *outputStream) encode(ts int64, row []any) []byte {
	b := append(o.buf[:0], o.prefix...)
	b = strconv.AppendInt(b, ts, 10)
	b = append(b, `,"data":{`...)
	for i, key := range o.keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, key...)
		var x any
		if i < len(row) {
			x = row[i]
		}
		b = appendJSONValue(b, x)
	}
	b = append(b, "}}\n"...)
	o.buf = b
	return b
}

// appendJSONValue writes a value of the App contract (nil, string, int32,
// int64, float32, float64, bool). Floats use the shortest form that reads
// back at their own size; NaN and infinities, which JSON cannot carry, are
// written as null, as is any value outside the contract.
func appendJSONValue(b []byte, x any) []byte {
	switch v := x.(type) {
	case string:
		return appendJSONString(b, v)
	case int32:
		return strconv.AppendInt(b, int64(v), 10)
	case int64:
		return strconv.AppendInt(b, v, 10)
	case float32:
		return appendJSONFloat(b, float64(v), 32)
	case float64:
		return appendJSONFloat(b, v, 64)
	case bool:
		return strconv.AppendBool(b, v)
	}
	return append(b, "null"...)
}

func appendJSONFloat(b []byte, f float64, bits int) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, bits)
}

const hexDigits = "0123456789abcdef"

// appendJSONString writes s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
