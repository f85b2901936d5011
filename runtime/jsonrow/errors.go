package jsonrow

import "strconv"

// Error is input that is not a well-formed event: bad JSON, a column value
// that is not a scalar or a number out of range, an unknown column, a wrong
// number of values. A value that is well-formed but does not fit its column
// is a *runtime.ConvertError instead, as runtime.App.Send reports it.
type Error struct {
	msg string
}

func (e *Error) Error() string { return e.msg }

// IsMalformed reports whether err is an *Error: the event was not decoded at
// all, as opposed to decoded with a value that does not fit its column.
func IsMalformed(err error) bool {
	_, ok := err.(*Error)
	return ok
}

var (
	errNotScalar = &Error{"want a string, number, boolean or null"}
	errEnd       = &Error{"bad JSON: unexpected end of input"}
	errDepth     = &Error{"bad JSON: exceeded max depth"}
)

func outOfRange(number []byte) *Error {
	return &Error{"number " + string(number) + " is out of range"}
}

// syntaxError reports the byte at offset as unexpected.
func syntaxError(data []byte, offset int, expecting string) *Error {
	if offset >= len(data) {
		return errEnd
	}
	return &Error{"bad JSON: invalid character " + quoteChar(data[offset]) + " at offset " + strconv.Itoa(offset) + " " + expecting}
}

// quoteChar words a byte as encoding/json does.
func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < 0x20 || c >= 0x7f:
		return strconv.QuoteRuneToASCII(rune(c))
	}
	return "'" + string(c) + "'"
}

// columnError prefixes a column value's error with the column, as the
// driver words it.
func columnError(column string, err error) *Error {
	return &Error{"column " + column + ": " + err.Error()}
}
