package conformance

import (
	"encoding/json"
	"strconv"

	"github.com/eventflux/eventflux-go/runtime"
)

// goValue converts a decoded JSON value into the Go value sent for a column
// of type t: numbers become int64 for INT/BIGINT columns when they are
// integer literals and float64 otherwise. Anything that does not fit is
// passed on as is, so the App (not the runner) decides to reject it.
func goValue(x any, t runtime.Type) any {
	n, ok := x.(json.Number)
	if !ok {
		return x
	}
	if t == runtime.Int || t == runtime.BigInt {
		if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
			return i
		}
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		// Out of float64 range: hand over the text so the App rejects it.
		return string(n)
	}
	return f
}

// goRow converts one JSON row for a stream whose columns are cols (nil when
// the stream is unknown to the app; the Send then reports it).
func goRow(row []any, cols []runtime.Column) []any {
	out := make([]any, len(row))
	for i, x := range row {
		t := runtime.Object
		if i < len(cols) {
			t = cols[i].Type
		}
		out[i] = goValue(x, t)
	}
	return out
}
