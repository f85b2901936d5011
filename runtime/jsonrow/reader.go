package jsonrow

// maxDepth bounds the nesting Skip follows, as encoding/json bounds it.
const maxDepth = 10000

// Reader reads one JSON text. Containers are walked with Object/NextKey and
// Array/NextElem; after NextKey, and after NextElem reports true, exactly one
// value is read (a typed reader, Value or Skip). The first syntax error
// sticks: every later call fails, and Err returns it.
//
// A Reader is meant to live on the stack: it allocates only to decode
// strings with escapes or invalid UTF-8.
type Reader struct {
	data []byte
	pos  int
	// comma is true when a value was just completed inside a container, so
	// a ',' (or the close) comes next.
	comma   bool
	depth   int
	err     *Error
	key     []byte
	scratch []byte
}

// NewReader returns a Reader at the start of data.
func NewReader(data []byte) Reader { return Reader{data: data} }

// Err returns the syntax error met so far, if any.
func (r *Reader) Err() error {
	if r.err == nil {
		return nil
	}
	return r.err
}

func (r *Reader) fail(err *Error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *Reader) failAt(expecting string) {
	r.fail(syntaxError(r.data, r.pos, expecting))
}

func (r *Reader) space() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// peek returns the next byte, or 0 at the end.
func (r *Reader) peek() byte {
	if r.pos < len(r.data) {
		return r.data[r.pos]
	}
	return 0
}

// Object consumes the '{' of an object when one comes next.
func (r *Reader) Object() bool { return r.open('{') }

// Array consumes the '[' of an array when one comes next.
func (r *Reader) Array() bool { return r.open('[') }

func (r *Reader) open(c byte) bool {
	if r.err != nil {
		return false
	}
	r.space()
	if r.peek() != c {
		return false
	}
	if r.depth++; r.depth > maxDepth {
		r.fail(errDepth)
		return false
	}
	r.pos++
	r.comma = false
	return true
}

// close ends a container: as a value, it is complete in its parent.
func (r *Reader) close() {
	r.pos++
	r.depth--
	r.comma = true
}

// NextKey reads the next member's key and its ':' and reports true; Key
// returns the key. At the object's '}' it consumes it and reports false,
// as it does on a syntax error.
func (r *Reader) NextKey() bool {
	if r.err != nil {
		return false
	}
	r.space()
	c := r.peek()
	if c == '}' {
		r.close()
		return false
	}
	if r.comma {
		if c != ',' {
			r.failAt("after object key:value pair")
			return false
		}
		r.pos++
		r.space()
	}
	if r.peek() != '"' {
		r.failAt("looking for beginning of object key string")
		return false
	}
	key, ok := r.str()
	if !ok {
		return false
	}
	r.key = key
	r.space()
	if r.peek() != ':' {
		r.failAt("after object key")
		return false
	}
	r.pos++
	r.comma = false
	return true
}

// Key is the key NextKey read, decoded. It is valid until the next string
// is read.
func (r *Reader) Key() []byte { return r.key }

// NextElem reports true when an element of the array comes next (consuming
// the ',' before it). At the array's ']' it consumes it and reports false,
// as it does on a syntax error.
func (r *Reader) NextElem() bool {
	if r.err != nil {
		return false
	}
	r.space()
	c := r.peek()
	if c == ']' {
		r.close()
		return false
	}
	if r.comma {
		if c != ',' {
			r.failAt("after array element")
			return false
		}
		r.pos++
	}
	r.comma = false
	return true
}

// End reports whether everything was read without error: nothing but
// white space is left.
func (r *Reader) End() bool {
	if r.err != nil {
		return false
	}
	r.space()
	if r.pos != len(r.data) {
		r.failAt("after top-level value")
		return false
	}
	return true
}

// Skip steps over one value of any kind, checking its syntax.
func (r *Reader) Skip() error {
	if r.err != nil {
		return r.err
	}
	r.space()
	switch r.peek() {
	case '{':
		if r.Object() {
			for r.NextKey() {
				r.Skip()
			}
		}
	case '[':
		if r.Array() {
			for r.NextElem() {
				r.Skip()
			}
		}
	default:
		r.scalar()
	}
	return r.Err()
}

// Valid checks that data is one JSON value, white space aside.
func Valid(data []byte) error {
	r := NewReader(data)
	r.Skip()
	r.End()
	return r.Err()
}
