package window

import (
	"testing"

	"github.com/eventflux/eventflux-go/runtime"
)

// A consumer that feeds events back into the same window while it reads a
// chunk (a query writing into its own input) must not see that chunk
// overwritten.
func TestReentrantArrive(t *testing.T) {
	w := NewLength[item](2)
	var got []string
	fedBack := false
	var emit runtime.Emit[item]
	emit = func(chunk []runtime.Event[item]) {
		if !fedBack {
			fedBack = true
			w.Arrive(5, []runtime.Event[item]{at(5, 99), at(5, 98)}, emit)
		}
		got = append(got, formatChunk(chunk))
	}
	w.Arrive(1, []runtime.Event[item]{at(1, 1), at(1, 2), at(1, 3)}, emit)
	want := []string{"E2@5 C99@5 E3@5 C98@5", "C1@1 C2@1 E1@1 C3@1"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReentrantFlush(t *testing.T) {
	w := NewTimeBatch[item](10)
	var got []string
	depth := 0
	var emit runtime.Emit[item]
	emit = func(chunk []runtime.Event[item]) {
		if depth == 0 {
			depth++
			w.Arrive(10, []runtime.Event[item]{at(10, 50)}, emit)
			w.Fire(10, emit) // nothing more is due
			depth--
		}
		got = append(got, formatChunk(chunk))
	}
	w.Arrive(0, []runtime.Event[item]{at(0, 1)}, emit)
	w.Fire(10, emit)
	w.Fire(20, emit)
	want := []string{"R@10 C1@0", "E1@20 R@20 C50@10"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %q, want %q", got, want)
	}
}

// With OmitExpiredBeforeReset a flush hands RESET alone, then the new batch
// where it is held; a consumer that flushes the window again while it
// reads that batch (lengthBatch re-entered) must not see it overwritten.
func TestReentrantFlushInPlace(t *testing.T) {
	w := NewLengthBatch[item](2)
	w.OmitExpiredBeforeReset()
	var got []string
	fedBack := false
	var emit runtime.Emit[item]
	emit = func(chunk []runtime.Event[item]) {
		if len(chunk) == 2 && !fedBack {
			fedBack = true
			w.Arrive(5, []runtime.Event[item]{at(5, 98), at(5, 99)}, emit)
		}
		got = append(got, formatChunk(chunk))
	}
	w.Arrive(1, []runtime.Event[item]{at(1, 1), at(1, 2)}, emit)
	w.Arrive(7, []runtime.Event[item]{at(7, 3), at(7, 4)}, emit)
	want := []string{"R@1", "R@5 C98@5 C99@5", "C1@1 C2@1", "R@7", "C3@7 C4@7"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("chunk %d: got %q, want %q", i, got[i], want[i])
		}
	}
}
