// Package snaptest checks what every backend's Restore must do (LANGUAGE.md
// §12.2, runtime/snap), for the interpreter's and generated code's tests.
package snaptest

import (
	"bytes"
	"errors"
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
	"github.com/eventflux/eventflux-go/runtime/snap"
)

// AllOrNothing checks that restoring into app is all or nothing. good is a
// snapshot of another instance of app's text, holding state app does not
// hold. Every truncation of good, and good with any one byte changed,
// either restores or fails with snap.ErrMismatch; after a failure app's
// own snapshot is what it was, so nothing was half restored. Restoring good
// itself makes app's snapshot good.
func AllOrNothing(t testing.TB, app runtime.App, good []byte) {
	t.Helper()
	before, err := app.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(before, good) {
		t.Fatal("snaptest: the app already holds the snapshot's state")
	}
	try := func(what string, b []byte) {
		t.Helper()
		err := app.Restore(b)
		if err == nil {
			// Valid bytes of some other state: back to where it was.
			if err := app.Restore(before); err != nil {
				t.Fatalf("%s restored, then the app's own snapshot did not: %v", what, err)
			}
			return
		}
		if !errors.Is(err, snap.ErrMismatch) {
			t.Fatalf("%s: error %v is not E801", what, err)
		}
		after, err := app.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(after, before) {
			t.Fatalf("%s failed (%v) but changed the app's state", what, err)
		}
	}
	for n := range len(good) {
		try("a truncated snapshot", good[:n:n])
	}
	for i := range good {
		for _, mask := range []byte{0x01, 0x80, 0xff} {
			mut := append([]byte(nil), good...)
			mut[i] ^= mask
			try("a corrupted snapshot", mut)
		}
	}
	if err := app.Restore(good); err != nil {
		t.Fatal(err)
	}
	if got, err := app.Snapshot(); err != nil || !bytes.Equal(got, good) {
		t.Fatalf("after restoring a snapshot the app's snapshot differs (%v)", err)
	}
}
