package window

import "testing"

func TestLength(t *testing.T) {
	// §3.3: length(2) over 10, 20, 30.
	h := newHarness(t, NewLength[item](2), 0)
	h.send(0, 10)
	h.expect("10", "C10@0")
	h.send(1, 20)
	h.expect("20", "C20@1")
	h.send(2, 30)
	h.expect("30", "E10@2 C30@2")
	h.sleepTo(100_000)
	h.expect("no timers")
	// §0.3.13: one chunk, E? C per arrival.
	h.send(100_001, 40, 50, 60)
	h.expect("chunk", "E20@100001 C40@100001 E30@100001 C50@100001 E40@100001 C60@100001")
}

func TestLengthExpiryStampIsClock(t *testing.T) {
	h := newHarness(t, NewLength[item](1), 0)
	h.sendEvents(500, at(100, 1))
	h.sendEvents(600, at(200, 2))
	h.expect("old timestamps", "C1@100", "E1@600 C2@200")
}

func TestLengthZero(t *testing.T) {
	// expression('count() < 1') is length(0): nothing is ever held.
	h := newHarness(t, NewLength[item](0), 0)
	h.send(5, 1, 2)
	h.expect("length(0)", "C1@5 E1@5 C2@5 E2@5")
}

func TestLengthBatch(t *testing.T) {
	// §3.4: lengthBatch(3) over 1..6.
	h := newHarness(t, NewLengthBatch[item](3), 0)
	h.send(1, 1)
	h.send(2, 2)
	h.expect("buffered")
	h.send(3, 3)
	h.expect("first flush", "R@3 C1@1 C2@2 C3@3")
	h.send(4, 4)
	h.send(5, 5)
	h.send(6, 6)
	h.expect("second flush", "E1@6 E2@6 E3@6 R@6 C4@4 C5@5 C6@6")
	// §0.3.5: a chunk filling the batch twice gives two chunks.
	h.send(7, 7, 8, 9, 10, 11, 12, 13)
	h.expect("two flushes",
		"E4@7 E5@7 E6@7 R@7 C7@7 C8@7 C9@7",
		"E7@7 E8@7 E9@7 R@7 C10@7 C11@7 C12@7")
	h.sleepTo(1_000_000)
	h.expect("no timers")
}

func TestLengthBatchStampIsNthEvent(t *testing.T) {
	h := newHarness(t, NewLengthBatch[item](2), 0)
	h.sendEvents(1000, at(10, 1), at(20, 2), at(30, 3), at(40, 4))
	h.expect("flush stamps", "R@20 C1@10 C2@20", "E1@40 E2@40 R@40 C3@30 C4@40")
}

func TestBatch(t *testing.T) {
	h := newHarness(t, NewBatch[item](), 0)
	h.send(0, 1, 2)
	h.expect("first chunk", "R@0 C1@0 C2@0")
	h.send(10, 3)
	h.expect("second chunk", "E1@10 E2@10 R@10 C3@10")
	h.send(20)
	h.expect("empty chunk")
	h.sleepTo(1000)
	h.expect("no timers")
}
