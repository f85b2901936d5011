package window

import "testing"

func TestCron(t *testing.T) {
	const start = 1700006400000 // a whole day, as in the conformance cases
	w, err := NewCron[item]("*/1 * * * * ?")
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, w, start)
	if _, ok := w.NextDeadline(); ok {
		t.Error("idle cron window has a deadline")
	}
	h.send(start, 1)
	h.send(start+400, 2)
	h.expect("buffered")
	h.sleepTo(start + 1100)
	h.expect("flush at the next second", "R@1700006401000 C1@1700006400000 C2@1700006400400")
	h.send(start+1100, 3)
	h.sleepTo(start + 5000)
	h.expect("then each second",
		"E1@1700006402000 E2@1700006402000 R@1700006402000 C3@1700006401100",
		"E3@1700006403000")
	if _, ok := w.NextDeadline(); ok {
		t.Error("cron window with empty batches is still armed")
	}
	// An event exactly on a fire time goes into the next batch (§3.1).
	h.send(start+6000, 4)
	h.sleepTo(start + 7000)
	h.expect("on a fire time", "R@1700006407000 C4@1700006406000")
}

func TestCronMinutes(t *testing.T) {
	const start = 1700006400000
	w, err := NewCron[item]("0 */5 * * * ?")
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, w, start)
	h.send(start+61_000, 1)
	if d, ok := w.NextDeadline(); !ok || d != start+300_000 {
		t.Errorf("deadline = %d, %v; want %d", d, ok, start+300_000)
	}
}

func TestCronBadExpression(t *testing.T) {
	for _, expr := range []string{"", "* * * * *", "61 * * * * ?", "0 0 0 1 * MON"} {
		w, err := NewCron[item](expr)
		if err == nil || w != nil {
			t.Errorf("NewCron(%q) = %v, %v; want nil and an error", expr, w, err)
		}
	}
}
