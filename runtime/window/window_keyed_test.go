package window

import (
	"cmp"
	"testing"
)

func desc(a, b item) int { return cmp.Compare(b.v, a.v) }
func asc(a, b item) int  { return cmp.Compare(a.v, b.v) }

func TestSort(t *testing.T) {
	// §3.3: sort(2, price, 'desc') over 50, 200, 100.
	h := newHarness(t, NewSort(2, desc), 0)
	h.send(1, 50)
	h.send(2, 200)
	h.send(3, 100)
	h.expect("desc", "C50@1", "C200@2", "C100@3 E50@3")
	h.send(4, 10)
	h.expect("the arrival itself leaves", "C10@4 E10@4")

	h = newHarness(t, NewSort(2, asc), 0)
	h.send(0, 30, 10, 20)
	h.expect("asc, one chunk: C then E per arrival", "C30@0 C10@0 C20@0 E30@0")
}

func TestSortTiesKeepArrivalOrder(t *testing.T) {
	h := newHarness(t, NewSort(2, func(a, b item) int { return cmp.Compare(a.v/10, b.v/10) }), 0)
	h.send(0, 51, 52, 53)
	h.expect("ties: the latest arrival is last", "C51@0 C52@0 C53@0 E53@0")
	h.send(1, 40)
	h.expect("smaller value pushes out the later tie", "C40@1 E52@1")
}

func TestUnique(t *testing.T) {
	h := newHarness(t, NewUnique(byTens), 0)
	h.send(0, 11)
	h.send(1, 21)
	h.send(2, 12)
	h.expect("latest per key", "C11@0", "C21@1", "E11@2 C12@2")
	h.send(3, 13, 22, 14)
	h.expect("chunk", "E12@3 C13@3 E21@3 C22@3 E13@3 C14@3")
}

func TestFirstUnique(t *testing.T) {
	h := newHarness(t, NewFirstUnique(byTens), 0)
	h.send(0, 11)
	h.send(1, 12)
	h.send(2, 21, 22, 31)
	h.expect("first per key only", "C11@0", "C21@2 C31@2")
}

func TestFrequent(t *testing.T) {
	// §3.3, §0.3.21; keys by tens: 1x, 2x, 3x, 4x.
	h := newHarness(t, NewFrequent(2, byTens), 0)
	h.send(1, 11)
	h.send(2, 12)
	h.send(3, 21)
	h.expect("fill", "C11@1", "E11@2 C12@2", "C21@3")
	h.send(4, 31)
	h.expect("decrement: 2x leaves, 3x enters", "E21@4 C31@4")
	h.send(5, 41)
	h.expect("two evictions, oldest key first", "E12@5 E31@5 C41@5")

	h = newHarness(t, NewFrequent(1, byTens), 0)
	h.send(1, 11, 12, 21)
	h.expect("no room made: dropped", "C11@1 E11@1 C12@1")
	h.send(2, 31)
	h.expect("count back to zero: replaced", "E12@2 C31@2")
}

func TestLossyFrequent(t *testing.T) {
	// support 0.5, error 0.25: w = 4, threshold 0.25·N. Keys by tens.
	h := newHarness(t, NewLossyFrequent(0.5, 0.25, byTens), 0)
	for i, v := range []int{11, 21, 12, 31, 22, 23, 13, 41} {
		h.send(int64(i+1), v)
	}
	h.expect("lossy counting",
		"C11@1", "C21@2", "E11@3 C12@3",
		"C31@4 E21@4 E31@4", // N=4: prune keys with count + bucket <= 1
		"C23@6",             // 2x re-entered at N=5 in bucket 1 below the threshold
		"E12@7 C13@7")       // N=8: 4x enters below the threshold and is pruned
}

func TestLossyFrequentBelowThresholdExpiresHeld(t *testing.T) {
	// support 0.6, error 0.1 (w = 10), threshold 0.5·N.
	h := newHarness(t, NewLossyFrequent(0.6, 0.1, byTens), 0)
	h.send(1, 11)
	h.send(2, 21)
	h.send(3, 22)
	h.send(4, 31)
	h.expect("1x falls below half", "C11@1", "C21@2", "E21@3 C22@3")
	h.send(5, 12)
	h.expect("count 2 of 5 < 2.5: the held 1x event leaves", "E11@5")
}

func TestLossyFrequentDefaultError(t *testing.T) {
	w := NewLossyFrequent(0.5, 0, byTens)
	if w.width != 20 || w.threshold != 0.45 {
		t.Errorf("width %d, threshold %v; want 20 and 0.45 (error = support/10)", w.width, w.threshold)
	}
	w = NewLossyFrequent(0, 0, byTens)
	if w.width != 0 {
		t.Errorf("width %d, want 0 (never prune)", w.width)
	}
	h := newHarness(t, w, 0)
	h.send(1, 11, 21)
	h.expect("support 0: every event is held", "C11@1 C21@1")
}
