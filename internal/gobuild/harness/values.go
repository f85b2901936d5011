package harness

import (
	"fmt"
	"math"
	"strconv"
)

// Recorded values cross the process boundary as JSON, which would lose
// their Go type (int32 or int64, float32 or float64) and cannot carry NaN
// or ±Inf. EncodeValue therefore writes every non-NULL value as a string
// "T:text" whose tag T names its type: s string, b bool, i int32, l int64,
// f float32, d float64; a value outside the runtime.App contract becomes
// "?:" and its Go type, and decodes to Foreign.

// Foreign is a recorded value of a type outside the runtime.App contract.
type Foreign string

// EncodeValue encodes one recorded value (nil stays nil).
func EncodeValue(x any) any {
	switch v := x.(type) {
	case nil:
		return nil
	case string:
		return "s:" + v
	case bool:
		return "b:" + strconv.FormatBool(v)
	case int32:
		return "i:" + strconv.FormatInt(int64(v), 10)
	case int64:
		return "l:" + strconv.FormatInt(v, 10)
	case float32:
		return "f:" + strconv.FormatUint(uint64(math.Float32bits(v)), 16)
	case float64:
		return "d:" + strconv.FormatUint(math.Float64bits(v), 16)
	}
	return fmt.Sprintf("?:%T", x)
}

// DecodeValue reverses EncodeValue; floats come back bit for bit.
func DecodeValue(x any) (any, error) {
	if x == nil {
		return nil, nil
	}
	s, ok := x.(string)
	if !ok || len(s) < 2 || s[1] != ':' {
		return nil, fmt.Errorf("harness: bad encoded value %v", x)
	}
	tag, text := s[0], s[2:]
	var err error
	switch tag {
	case 's':
		return text, nil
	case 'b':
		var b bool
		if b, err = strconv.ParseBool(text); err == nil {
			return b, nil
		}
	case 'i':
		var i int64
		if i, err = strconv.ParseInt(text, 10, 32); err == nil {
			return int32(i), nil
		}
	case 'l':
		var i int64
		if i, err = strconv.ParseInt(text, 10, 64); err == nil {
			return i, nil
		}
	case 'f':
		var u uint64
		if u, err = strconv.ParseUint(text, 16, 32); err == nil {
			return math.Float32frombits(uint32(u)), nil
		}
	case 'd':
		var u uint64
		if u, err = strconv.ParseUint(text, 16, 64); err == nil {
			return math.Float64frombits(u), nil
		}
	case '?':
		return Foreign(text), nil
	default:
		err = fmt.Errorf("unknown tag %q", tag)
	}
	return nil, fmt.Errorf("harness: bad encoded value %q: %v", s, err)
}
