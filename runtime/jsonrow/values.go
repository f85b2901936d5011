package jsonrow

import (
	"strconv"

	"github.com/eventflux/eventflux-go/runtime"
)

// Values decodes one event's columns, a JSON object (by name; a missing
// column is NULL, an unknown one an error, a repeated one takes its last
// value) or a JSON array (one value per column, by position), into the Go
// values runtime.App.Send takes (see Reader.Value). It is the driver's
// generic decoding, errors and their precedence included: bad JSON first,
// then an unknown column or a wrong number of values, then a value that is
// not a scalar or a number out of range (the first by column). Whether the
// values fit their columns is left to the conversion that follows
// (runtime.ValueOf). stream names the event's stream in errors. Every error
// is an *Error.
//
// Generated decoders call it for what their fast path does not take, so it
// favours exactness over speed.
func Values(data []byte, stream string, cols []runtime.Column) ([]any, error) {
	if err := Valid(data); err != nil {
		return nil, err
	}
	r := NewReader(data)
	vals := make([]any, len(cols))
	problems := make([]error, len(cols)) // by column, of its last value
	switch {
	case r.Object():
		for r.NextKey() {
			i := columnIndex(cols, r.Key())
			if i < 0 {
				return nil, &Error{"stream " + stream + " has no column " + strconv.Quote(string(r.Key()))}
			}
			vals[i], problems[i] = r.Value(cols[i].Type)
		}
	case r.Array():
		n := 0
		for r.NextElem() {
			if n < len(cols) {
				vals[n], problems[n] = r.Value(cols[n].Type)
			} else {
				r.Skip()
			}
			n++
		}
		if n != len(cols) {
			return nil, &Error{`"row" has ` + strconv.Itoa(n) + " values, stream " + stream + " has " + strconv.Itoa(len(cols)) + " columns"}
		}
	default:
		return nil, &Error{"want a JSON object (columns by name) or array (by position)"}
	}
	for i, err := range problems {
		if err != nil {
			return nil, columnError(cols[i].Name, err)
		}
	}
	return vals, nil
}

func columnIndex(cols []runtime.Column, name []byte) int {
	for i := range cols {
		if cols[i].Name == string(name) {
			return i
		}
	}
	return -1
}
