package conformance

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// formatValue renders a recorded or expected value for reports, JSON-like,
// with floats at their own precision so a float32 shows as it was computed.
func formatValue(x any) string {
	switch v := x.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(v)
	case bool:
		return strconv.FormatBool(v)
	case json.Number:
		return string(v)
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case int64:
		return strconv.FormatInt(v, 10)
	case int:
		return strconv.Itoa(v)
	case float32:
		return formatFloat(float64(v), 32)
	case float64:
		return formatFloat(v, 64)
	}
	return "?"
}

func formatFloat(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "+Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, bits)
	if !strings.ContainsAny(s, ".eE") {
		// Keep a float visibly a float: 2.0, not 2.
		s += ".0"
	}
	return s
}

func formatRow(row []any) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, x := range row {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(formatValue(x))
	}
	b.WriteByte(']')
	return b.String()
}
