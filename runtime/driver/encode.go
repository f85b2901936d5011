package driver

import (
	"strconv"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/jsonrow"
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
	o.prefix = jsonrow.AppendString(o.prefix, s.Name)
	o.prefix = append(o.prefix, `,"ts":`...)
	for _, c := range s.Columns {
		key := jsonrow.AppendString(nil, c.Name)
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

// appendLine appends the line for one event whose columns an App encoded
// itself (runtime.JSONApp.SubscribeJSON).
func (o *outputStream) appendLine(dst []byte, ts int64, data []byte) []byte {
	dst = append(dst, o.prefix...)
	dst = strconv.AppendInt(dst, ts, 10)
	dst = append(dst, `,"data":`...)
	dst = append(dst, data...)
	return append(dst, "}\n"...)
}

// appendJSONValue writes a value of the App contract (nil, string, int32,
// int64, float32, float64, bool) as jsonrow writes it, so both output paths
// print the same bytes; any value outside the contract is written as null.
func appendJSONValue(b []byte, x any) []byte {
	switch v := x.(type) {
	case string:
		return jsonrow.AppendString(b, v)
	case int32:
		return jsonrow.AppendInt(b, int64(v))
	case int64:
		return jsonrow.AppendInt(b, v)
	case float32:
		return jsonrow.AppendFloat(b, v)
	case float64:
		return jsonrow.AppendDouble(b, v)
	case bool:
		return jsonrow.AppendBool(b, v)
	}
	return jsonrow.AppendNull(b)
}
