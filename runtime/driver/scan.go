package driver

import (
	"strconv"
	"unicode/utf8"

	"github.com/eventflux/eventflux-go/runtime"
)

// scanEvent decodes the lines real feeds send, without encoding/json and
// without allocating beyond the values themselves: one object with the
// fields stream, data or row, and ts, each at most once; scalar values;
// strings without escapes. It returns false for any
// other line (anything unusual, every error), which decodeEvent then
// decodes or rejects, so both always agree; scan_test.go checks that.
func scanEvent(line []byte, streams map[string]*inputStream) (inputEvent, bool) {
	ev, ok := scanEnvelope(line, streams, false)
	if !ok {
		return ev.inputEvent, false
	}
	if ev.byPosition {
		return ev.inputEvent, ev.stream.scanByPosition(ev.columns)
	}
	return ev.inputEvent, ev.stream.scanByName(ev.columns)
}

// scanEnvelope reads a line's fields as scanEvent does, leaving the columns
// undecoded. With nested, "data" must be an object and "row" an array, of
// any content: their extent is found by brackets and strings alone, and
// their syntax is left to whoever decodes them (the app's JSON decoder).
// Without it, they hold scalars only (scanEvent).
func scanEnvelope(line []byte, streams map[string]*inputStream, nested bool) (rawEvent, bool) {
	var ev rawEvent
	s := scanner{b: line}
	var stream, data, row, ts span
	var name, tsText []byte
	if !s.byte('{') {
		return ev, false
	}
	for first := true; ; first = false {
		if s.byte('}') && first {
			return ev, false // {}: no stream
		}
		key, ok := s.str()
		if !ok || !s.byte(':') {
			return ev, false
		}
		var field *span
		var open byte // what nested columns start with
		switch string(key) {
		case "stream":
			field = &stream
		case "data":
			field, open = &data, '{'
		case "row":
			field, open = &row, '['
		case "ts":
			field = &ts
		default:
			return ev, false
		}
		if field.set {
			return ev, false // a repeated field: encoding/json keeps the last
		}
		s.space()
		start := s.i
		switch {
		case field == &stream:
			name, ok = s.str()
		case field == &ts:
			tsText, ok = s.literal()
		case nested:
			ok = s.i < len(s.b) && s.b[s.i] == open && s.skipNested()
		default:
			ok = s.skipValue()
		}
		if !ok {
			return ev, false
		}
		*field = span{set: true, start: start, end: s.i}
		if s.byte('}') {
			break
		}
		if !s.byte(',') {
			return ev, false
		}
	}
	s.space()
	if s.i != len(line) || !stream.set || data.set == row.set {
		return ev, false
	}

	in, found := streams[string(name)]
	if !found {
		return ev, false
	}
	ev.stream = in
	if ts.set && string(tsText) != "null" {
		n, ok := parseInteger(tsText)
		if !ok {
			return ev, false
		}
		ev.ts, ev.hasTs = n, true
	}
	if data.set {
		ev.columns = line[data.start:data.end]
	} else {
		ev.columns, ev.byPosition = line[row.start:row.end], true
	}
	return ev, true
}

// Feeds repeat a few short strings (symbols, names): keeping them boxed
// saves the two allocations of a string in an interface per value.
const (
	internMax    = 1024 // strings kept per stream
	internMaxLen = 64   // longer strings are not kept
)

func (in *inputStream) intern(text []byte) any {
	if x, ok := in.strs[string(text)]; ok {
		return x
	}
	var x any = string(text)
	if len(text) <= internMaxLen && len(in.strs) < internMax {
		if in.strs == nil {
			in.strs = map[string]any{}
		}
		in.strs[x.(string)] = x
	}
	return x
}

// span is where one field's value lies in the line.
type span struct {
	set        bool
	start, end int
}

func (in *inputStream) scanByName(obj []byte) bool {
	s := scanner{b: obj}
	if !s.byte('{') {
		return false
	}
	clear(in.row)   // missing columns are NULL
	var seen uint64 // columns given so far, for the first 64 columns
	if s.byte('}') {
		return true
	}
	for {
		key, ok := s.str()
		if !ok || !s.byte(':') {
			return false
		}
		i, known := in.index[string(key)]
		if !known || i >= 64 || seen&(1<<i) != 0 {
			return false
		}
		seen |= 1 << i
		s.space()
		if !s.scalar(in, i) {
			return false
		}
		if s.byte('}') {
			return true
		}
		if !s.byte(',') {
			return false
		}
	}
}

func (in *inputStream) scanByPosition(arr []byte) bool {
	s := scanner{b: arr}
	if !s.byte('[') {
		return false
	}
	for i := range in.cols {
		if i > 0 && !s.byte(',') {
			return false
		}
		s.space()
		if !s.scalar(in, i) {
			return false
		}
	}
	return s.byte(']')
}

// scanner walks a JSON text; every method skips leading white space.
type scanner struct {
	b []byte
	i int
}

func (s *scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// byte consumes c if it comes next.
func (s *scanner) byte(c byte) bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// str reads a string without escapes or control characters, in valid
// UTF-8 (encoding/json would replace invalid bytes), and returns its
// content.
func (s *scanner) str() ([]byte, bool) {
	if !s.byte('"') {
		return nil, false
	}
	start, ascii := s.i, true
	for ; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			text := s.b[start : s.i-1]
			return text, ascii || utf8.Valid(text)
		case c < 0x20 || c == '\\':
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, false
}

// skipValue steps over one scalar, or over an object or array holding
// scalars only (data or row, decoded later).
func (s *scanner) skipValue() bool {
	if s.i >= len(s.b) {
		return false
	}
	switch s.b[s.i] {
	case '{', '[':
		open, close := s.b[s.i], byte('}')
		if open == '[' {
			close = ']'
		}
		s.i++
		for {
			s.space()
			if s.i >= len(s.b) {
				return false
			}
			switch c := s.b[s.i]; c {
			case close:
				s.i++
				return true
			case '{', '[':
				return false
			case '"':
				if _, ok := s.str(); !ok {
					return false
				}
			case ',', ':':
				s.i++
			default:
				if _, ok := s.literal(); !ok {
					return false
				}
			}
		}
	case '"':
		_, ok := s.str()
		return ok
	}
	_, ok := s.literal()
	return ok
}

// skipNested steps over the object or array at s.i whatever it holds,
// following only strings (with their escapes) and brackets.
func (s *scanner) skipNested() bool {
	depth := 0
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case '"':
			for s.i++; s.i < len(s.b) && s.b[s.i] != '"'; s.i++ {
				if s.b[s.i] == '\\' {
					s.i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				s.i++
				return true
			}
		}
		s.i++
	}
	return false
}

// literal reads a number, true, false or null.
func (s *scanner) literal() ([]byte, bool) {
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if c == ',' || c == '}' || c == ']' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		s.i++
	}
	text := s.b[start:s.i]
	switch string(text) {
	case "true", "false", "null":
		return text, true
	}
	return text, isNumber(text)
}

// scalar reads the value of column i of in, as jsonValue converts it.
func (s *scanner) scalar(in *inputStream, i int) bool {
	c, dst := in.cols[i], &in.row[i]
	if s.i < len(s.b) && s.b[s.i] == '"' {
		text, ok := s.str()
		if ok {
			*dst = in.intern(text)
		}
		return ok
	}
	text, ok := s.literal()
	if !ok {
		return false
	}
	switch string(text) {
	case "true":
		*dst = true
		return true
	case "false":
		*dst = false
		return true
	case "null":
		*dst = nil
		return true
	}
	if c.Type == runtime.Int || c.Type == runtime.BigInt {
		if i, err := strconv.ParseInt(string(text), 10, 64); err == nil {
			*dst = i
			return true
		}
	}
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil {
		return false // out of range: decodeEvent words the error
	}
	*dst = f
	return true
}

// isNumber reports whether text is a JSON number:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isNumber(text []byte) bool {
	i, n := 0, len(text)
	if i < n && text[i] == '-' {
		i++
	}
	switch {
	case i < n && text[i] == '0':
		i++
	case i < n && text[i] >= '1' && text[i] <= '9':
		for i < n && isDigit(text[i]) {
			i++
		}
	default:
		return false
	}
	if i < n && text[i] == '.' {
		i++
		if i == n || !isDigit(text[i]) {
			return false
		}
		for i < n && isDigit(text[i]) {
			i++
		}
	}
	if i < n && (text[i] == 'e' || text[i] == 'E') {
		i++
		if i < n && (text[i] == '+' || text[i] == '-') {
			i++
		}
		if i == n || !isDigit(text[i]) {
			return false
		}
		for i < n && isDigit(text[i]) {
			i++
		}
	}
	return i == n
}

// parseInteger reads a JSON number without fraction or exponent within
// int64 range, in one pass for up to 18 digits.
func parseInteger(text []byte) (int64, bool) {
	digits := text
	neg := len(digits) > 0 && digits[0] == '-'
	if neg {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 18 || len(digits) > 1 && digits[0] == '0' {
		if !isInteger(text) {
			return 0, false
		}
		n, err := strconv.ParseInt(string(text), 10, 64)
		return n, err == nil
	}
	var n int64
	for _, c := range digits {
		if !isDigit(c) {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// isInteger reports whether text is a JSON number without fraction or
// exponent.
func isInteger(text []byte) bool {
	for _, c := range text {
		if c == '.' || c == 'e' || c == 'E' {
			return false
		}
	}
	return isNumber(text)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
