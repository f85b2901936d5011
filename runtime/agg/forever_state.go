package agg

import "github.com/eventflux/eventflux-go/runtime/snap"

// appendForever and loadForever encode the state of MinForever/MaxForever:
// whether a value was seen, then the value.
func appendForever[T any](dst []byte, tag byte, v T, has bool) ([]byte, error) {
	dst, err := appendHeader[T](dst, tag)
	if err != nil {
		return dst, err
	}
	dst = snap.AppendBool(dst, has)
	if has {
		dst = appendValue(dst, v)
	}
	return dst, nil
}

func loadForever[T any](src []byte, tag byte, v *T, has *bool) ([]byte, error) {
	r := snap.NewReader(src)
	readHeader[T](r, tag)
	seen := r.Bool()
	var val T
	if seen {
		val = readValue[T](r)
	}
	if r.Err() != nil {
		return src, r.Err()
	}
	*v, *has = val, seen
	return r.Rest(), nil
}
