package snap

import (
	"fmt"

	"github.com/eventflux/eventflux-go/runtime"
)

// Query is one query's part of a snapshot (`query` in the package doc),
// implemented by the interpreter's and generated code's query types.
type Query interface {
	AppendState(dst []byte) ([]byte, error)
	// LoadState replaces the query's state with the one r reads; the first
	// problem is r's error.
	LoadState(r *Reader)
}

// AppendApp writes a whole snapshot: the magic, the triggers' deadlines
// and each query's state.
func AppendApp(triggers []*runtime.Trigger, queries []Query) ([]byte, error) {
	dst := []byte(Magic)
	dst = AppendCount(dst, len(triggers))
	for _, t := range triggers {
		next, armed := t.State()
		dst = AppendBool(AppendInt(dst, next), armed)
	}
	dst = AppendCount(dst, len(queries))
	for _, q := range queries {
		var err error
		if dst, err = q.AppendState(dst); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

// LoadApp restores a whole snapshot into triggers and queries. On an error
// they may hold part of it: a backend's Restore runs LoadApp on a fresh
// instance of the app first and on the live one only when that succeeded,
// which makes restoring all or nothing. Errors are ErrMismatch naming the
// part that did not fit.
func LoadApp(b []byte, triggers []*runtime.Trigger, queries []Query) error {
	r := NewReader(b)
	r.Expect(Magic)
	if r.Err() != nil {
		return fmt.Errorf("%w: not a snapshot of format %s", ErrMismatch, Magic)
	}
	if n := r.Count(); r.Err() == nil && n != len(triggers) {
		return fmt.Errorf("%w: %d triggers in the snapshot, %d in the app", ErrMismatch, n, len(triggers))
	}
	for _, t := range triggers {
		next, armed := r.Int(), r.Bool()
		if r.Err() != nil {
			return Mismatch("triggers", r.Err())
		}
		t.SetState(next, armed)
	}
	if n := r.Count(); r.Err() == nil && n != len(queries) {
		return fmt.Errorf("%w: %d queries in the snapshot, %d in the app", ErrMismatch, n, len(queries))
	}
	for i, q := range queries {
		q.LoadState(r)
		if err := r.Err(); err != nil {
			return Mismatch(fmt.Sprintf("query %d", i), err)
		}
	}
	if err := r.Err(); err != nil {
		return Mismatch("snapshot", err)
	}
	if len(r.Rest()) != 0 {
		return fmt.Errorf("%w: %d bytes after the last query", ErrMismatch, len(r.Rest()))
	}
	return nil
}
