package snap

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
)

// ErrTruncated reports a snapshot that ends early.
var ErrTruncated = errors.New("snapshot is truncated")

func AppendInt(dst []byte, v int64) []byte   { return binary.AppendVarint(dst, v) }
func AppendUint(dst []byte, v uint64) []byte { return binary.AppendUvarint(dst, v) }

// AppendFloat writes the 8 bytes of f (FLOAT values are widened to it).
func AppendFloat(dst []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(dst, math.Float64bits(f))
}

// AppendCount writes a length or element count, read back by Count.
func AppendCount(dst []byte, n int) []byte { return AppendUint(dst, uint64(n)) }
func AppendString(dst []byte, s string) []byte {
	return append(AppendUint(dst, uint64(len(s))), s...)
}
func AppendBool(dst []byte, b bool) []byte {
	if b {
		return append(dst, 1)
	}
	return append(dst, 0)
}

// Reader decodes a snapshot.
type Reader struct {
	b   []byte
	err error
}

func NewReader(b []byte) *Reader { return &Reader{b: b} }

// Fail records err unless an error is already recorded.
func (r *Reader) Fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Failf records a formatted error.
func (r *Reader) Failf(format string, args ...any) { r.Fail(fmt.Errorf(format, args...)) }

func (r *Reader) Err() error       { return r.err }
func (r *Reader) Rest() []byte     { return r.b }
func (r *Reader) SetRest(b []byte) { r.b = b }

func (r *Reader) Int() int64   { return readVarint(r, binary.Varint) }
func (r *Reader) Uint() uint64 { return readVarint(r, binary.Uvarint) }

func readVarint[V int64 | uint64](r *Reader, decode func([]byte) (V, int)) V {
	if r.err != nil {
		return 0
	}
	v, n := decode(r.b)
	if n <= 0 {
		r.Fail(ErrTruncated)
		return 0
	}
	r.b = r.b[n:]
	return v
}

// Count reads a length that cannot exceed the bytes left (each element
// takes at least one byte), so corrupt input cannot force huge allocations.
func (r *Reader) Count() int {
	n := r.Uint()
	if n > uint64(len(r.b)) {
		r.Fail(ErrTruncated)
		return 0
	}
	return int(n)
}

// take consumes the next n bytes; false after an error or when fewer are
// left.
func (r *Reader) take(n int) ([]byte, bool) {
	if r.err != nil {
		return nil, false
	}
	if len(r.b) < n {
		r.Fail(ErrTruncated)
		return nil, false
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b, true
}

func (r *Reader) Float() float64 { return math.Float64frombits(r.Uint64()) }

// Uint64 reads 8 little-endian bytes (float bits of a group key).
func (r *Reader) Uint64() uint64 {
	b, ok := r.take(8)
	if !ok {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

// Float32 reads a FLOAT value, which travels as a float64: one that no
// float32 holds exactly fails rather than being rounded.
func (r *Reader) Float32() float32 {
	f := r.Float()
	if f32 := float32(f); float64(f32) == f || f != f {
		return f32
	}
	r.Failf("snapshot: FLOAT value %v is not a float32", f)
	return 0
}

// Int32 reads an INT value, which travels as a varint like BIGINT: one out
// of the int32 range fails rather than wrapping.
func (r *Reader) Int32() int32 {
	v := r.Int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.Failf("snapshot: INT value %d is out of range", v)
		return 0
	}
	return int32(v)
}

// Byte reads one raw byte (a tag or a version).
func (r *Reader) Byte() byte {
	b, ok := r.take(1)
	if !ok {
		return 0
	}
	return b[0]
}

func (r *Reader) String() string {
	b, ok := r.take(r.Count())
	if !ok {
		return ""
	}
	return string(b)
}

func (r *Reader) Bool() bool {
	c := r.Byte()
	if c > 1 {
		r.Failf("snapshot: bad boolean byte %d", c)
	}
	return c == 1
}

// Expect reads a fixed marker, failing with a structure mismatch (E801)
// when it differs.
func (r *Reader) Expect(marker string) {
	if r.err != nil {
		return
	}
	if len(r.b) < len(marker) || string(r.b[:len(marker)]) != marker {
		r.Fail(ErrMismatch)
		return
	}
	r.b = r.b[len(marker):]
}

// ErrMismatch is §12.2's "snapshot does not fit the rebuilt app" (E801).
var ErrMismatch = errors.New("error[E801]: Snapshot does not match application structure")

// Magic opens every snapshot; a format change bumps its version, so an old
// snapshot fails to restore instead of being misread.
const Magic = "EFS1"

// Mismatch is err, met while restoring component ("query 2"), as an
// ErrMismatch that names the component and keeps err's detail.
func Mismatch(component string, err error) error {
	detail := err.Error()
	if errors.Is(err, ErrMismatch) {
		detail = strings.TrimPrefix(strings.TrimPrefix(detail, ErrMismatch.Error()), ": ")
	}
	if detail == "" {
		return fmt.Errorf("%w: %s", ErrMismatch, component)
	}
	return fmt.Errorf("%w: %s: %s", ErrMismatch, component, detail)
}
