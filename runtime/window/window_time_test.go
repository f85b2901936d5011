package window

import "testing"

func TestTime(t *testing.T) {
	// §3.3: time(1 sec) with events at 0, 500, 1200.
	h := newHarness(t, NewTime[item](1000), 0)
	h.send(0, 1)
	h.expect("t=0", "C1@0")
	h.send(500, 2)
	h.expect("t=500", "C2@500")
	h.send(1200, 3)
	h.expect("t=1200: expiry at 1000 fires first", "E1@1000", "C3@1200")
	h.sleepTo(2200)
	h.expect("t=2200", "E2@1500", "E3@2200")
	if _, ok := h.w.NextDeadline(); ok {
		t.Error("empty time window still has a deadline")
	}
}

func TestTimeSameInstantExpiresAsOneChunk(t *testing.T) {
	h := newHarness(t, NewTime[item](100), 0)
	h.send(0, 1, 2)
	h.send(50, 3)
	h.expect("arrivals", "C1@0 C2@0", "C3@50")
	// An event stamped exactly at the deadline sees the old events gone.
	h.send(100, 4)
	h.expect("boundary", "E1@100 E2@100", "C4@100")
}

func TestTimeOutOfOrderTimestamps(t *testing.T) {
	h := newHarness(t, NewTime[item](1000), 3000)
	h.sendEvents(3000, at(3000, 1), at(2500, 2))
	h.expect("arrival", "C1@3000 C2@2500")
	h.sleepTo(3600)
	h.expect("late event expires first", "E2@3500")
	h.sleepTo(4000)
	h.expect("then the other", "E1@4000")
}

func TestTimePastDeadlineFiresAtClock(t *testing.T) {
	// §10.3: an event stamped long ago expires right after its step.
	h := newHarness(t, NewTime[item](1000), 0)
	h.sendEvents(5000, at(100, 1), at(200, 2))
	h.expect("past", "C1@100 C2@200", "E1@5000 E2@5000")
}

func TestTimeBatch(t *testing.T) {
	// §3.4: timeBatch(1 sec), events at 10_000, 10_400, 11_000, 12_500.
	h := newHarness(t, NewTimeBatch[item](1000), 10_000)
	h.send(10_000, 1)
	h.send(10_400, 2)
	h.expect("buffered")
	h.send(11_000, 3)
	h.expect("flush at 11_000 before the event", "R@11000 C1@10000 C2@10400")
	h.send(12_500, 4)
	h.expect("flush at 12_000", "E1@12000 E2@12000 R@12000 C3@11000")
	h.sleepTo(13_000)
	h.expect("flush at 13_000", "E3@13000 R@13000 C4@12500")
	h.sleepTo(14_000)
	h.expect("empty new batch: expired part only", "E4@14000")
	h.sleepTo(16_000)
	h.expect("both empty: nothing")
	if d, ok := h.w.NextDeadline(); !ok || d != 17_000 {
		t.Errorf("grid: NextDeadline = %d, %v; want 17000 (never re-aligns)", d, ok)
	}
	h.send(16_100, 5)
	h.sleepTo(17_000)
	h.expect("grid kept", "R@17000 C5@16100")
}

func TestTimeBatchPastBoundaries(t *testing.T) {
	// The first event is stamped long before the clock: every boundary up
	// to the clock is due; empty ones are skipped in one step.
	h := newHarness(t, NewTimeBatch[item](10), 0)
	h.sendEvents(1_000_000, at(0, 1), at(5, 2))
	h.expect("late flushes", "R@1000000 C1@0 C2@5", "E1@1000000 E2@1000000")
	if d, ok := h.w.NextDeadline(); !ok || d != 1_000_010 {
		t.Errorf("NextDeadline = %d, %v; want 1000010", d, ok)
	}
}

func TestTimeLength(t *testing.T) {
	h := newHarness(t, NewTimeLength[item](1000, 2), 0)
	h.send(0, 1)
	h.send(100, 2)
	h.expect("fill", "C1@0", "C2@100")
	h.send(200, 3)
	h.expect("length limit", "E1@200 C3@200")
	h.sleepTo(1100)
	h.expect("time limit", "E2@1100")
	h.sleepTo(5000)
	h.expect("time limit", "E3@1200")
	h.send(5000, 4, 5, 6)
	h.expect("chunk", "C4@5000 C5@5000 E4@5000 C6@5000")
}

func TestDelay(t *testing.T) {
	h := newHarness(t, NewDelay[item](100), 0)
	h.send(0, 1, 2)
	h.send(50, 3)
	h.expect("arrivals are silent")
	h.sleepTo(100)
	h.expect("released together, stamped with the release time", "C1@100 C2@100")
	h.sleepTo(200)
	h.expect("second release", "C3@150")
	h.sendEvents(1000, at(10, 4))
	h.expect("past release fires at the clock", "C4@1000")
}

func TestHop(t *testing.T) {
	// §0.2: hop(1000, 500): windows of 1 s ending every 500 ms from the
	// first event (0): [-500,500), [0,1000), [500,1500), …
	h := newHarness(t, NewHop[item](1000, 500), 0)
	h.send(0, 1)
	h.send(300, 2)
	h.send(700, 3)
	h.expect("t=700", "R@500 C1@0 C2@300")
	h.send(1200, 4)
	h.expect("t=1200", "E1@1000 E2@1000 R@1000 C1@0 C2@300 C3@700")
	h.sleepTo(3000)
	h.expect("t=3000",
		"E1@1500 E2@1500 E3@1500 R@1500 C3@700 C4@1200",
		"E3@2000 E4@2000 R@2000 C4@1200",
		"E4@2500")
}

func TestHopEqualsTimeBatch(t *testing.T) {
	hop := newHarness(t, NewHop[item](1000, 1000), 10_000)
	batch := newHarness(t, NewTimeBatch[item](1000), 10_000)
	for _, h := range []*harness{hop, batch} {
		h.send(10_000, 1)
		h.send(10_400, 2)
		h.send(11_000, 3)
		h.send(12_500, 4)
		h.sleepTo(15_000)
	}
	want := "R@11000 C1@10000 C2@10400 | E1@12000 E2@12000 R@12000 C3@11000 | " +
		"E3@13000 R@13000 C4@12500 | E4@14000"
	hop.expect("hop(1000, 1000)", want)
	batch.expect("timeBatch(1000)", want)
}

func TestHopGaps(t *testing.T) {
	// slide > size: windows [700,1000), [1700,2000), …; other events are
	// in no window and dropped (the first one included).
	h := newHarness(t, NewHop[item](300, 1000), 0)
	h.send(0, 1)
	h.send(800, 2)
	h.send(1200, 3)
	h.send(1800, 4)
	h.sleepTo(3500)
	h.expect("gaps", "R@1000 C2@800", "E2@2000 R@2000 C4@1800", "E4@3000")
}

func TestHopLateTimestamps(t *testing.T) {
	h := newHarness(t, NewHop[item](1000, 500), 0)
	h.send(0, 1)
	h.sleepTo(600)
	h.expect("first window", "R@500 C1@0")
	// Clock 600: an event stamped 100 still belongs to [0,1000); one
	// stamped -600 belongs to no window to come.
	h.sendEvents(600, at(100, 2), at(-600, 3))
	h.sleepTo(1000)
	h.expect("late event in its window", "E1@1000 R@1000 C1@0 C2@100")
}

func TestHopPastEnds(t *testing.T) {
	h := newHarness(t, NewHop[item](1000, 500), 0)
	h.sendEvents(100_000, at(0, 1))
	h.expect("past ends flush at the clock, empty ones are skipped",
		"R@100000 C1@0", "E1@100000 R@100000 C1@0", "E1@100000")
	if d, ok := h.w.NextDeadline(); !ok || d != 100_500 {
		t.Errorf("NextDeadline = %d, %v; want 100500", d, ok)
	}
}

func TestHopClampsParameters(t *testing.T) {
	h := newHarness(t, NewHop[item](0, -5), 0)
	h.send(0, 1)
	h.sleepTo(3)
	h.expect("hop(1, 1)", "R@1 C1@0", "E1@2")
}
