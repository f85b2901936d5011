package difftest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/conformance"
	rt "github.com/eventflux/eventflux-go/runtime"
)

// forgetful is the interpreter except that Restore keeps the fresh state:
// a restart onto it loses what the snapshot carried.
type forgetful struct{ rt.App }

func (forgetful) Restore([]byte) error { return nil }

// tagged is the interpreter with snapshots of a format of its own: its own
// restarts work, its bytes are not the interpreter's.
type tagged struct{ rt.App }

func (a tagged) Snapshot() ([]byte, error) {
	b, err := a.App.Snapshot()
	return append(b, 'T'), err
}

func (a tagged) Restore(b []byte) error {
	if len(b) == 0 || b[len(b)-1] != 'T' {
		return errors.New("not a tagged snapshot")
	}
	return a.App.Restore(b[:len(b)-1])
}

func wrapped(wrap func(rt.App) rt.App) func(string) (rt.App, error) {
	return func(sql string) (rt.App, error) {
		a, err := interpBuild(sql)
		if err != nil {
			return nil, err
		}
		return wrap(a), nil
	}
}

// A crossed run is its two halves joined: the same events and errors
// (numbered along the whole run) as a restart on one backend; a second
// backend that loses the snapshot shows.
func TestCrossRunJoinsHalves(t *testing.T) {
	sql := "CREATE STREAM Src (v INT);\nINSERT INTO Out SELECT v, sum(v) AS s FROM Src WINDOW('length', 3);\n"
	one := func(v any) Step { return Step{Rows: [][]any{{v}}} }
	steps := []Step{one(int64(1)), one(int64(2)), {Sleep: 100}, {Persist: true}, one(int64(3)), {Restart: true},
		{Rows: [][]any{{"x"}}}, one(int64(4)), {Persist: true}, {Restore: true}, one(int64(5))}
	interp := inProcess{conformance.NewBackend("interp", interpBuild)}
	ref := execute(interp.b, sql, steps, time.Second)
	crossed, err := crossRun(interp, interp, []string{sql}, [][]Step{steps}, time.Second, false)
	if err != nil {
		t.Fatal(err)
	}
	if d := compare(ref, crossed[0]); d.kind != noMismatch {
		t.Fatalf("crossed onto the same backend: %s", d.text)
	}
	if len(ref.sendErrs) != 1 || !strings.HasPrefix(ref.sendErrs[0], "step 7: ") || len(crossed[0].snapshots) != 2 {
		t.Fatalf("errors %q, %d snapshots", ref.sendErrs, len(crossed[0].snapshots))
	}
	// After the restart: the window holds 1, 2 (3 came after the persist).
	if got := formatEvents(ref.events["Out"][3:]); got != "@1700006400100 [4i, 7l]; @1700006400100 [5i, 11l]" {
		t.Fatalf("events after the restart: %s", got)
	}
	lossy := inProcess{conformance.NewBackend("forgetful", wrapped(func(a rt.App) rt.App { return forgetful{a} }))}
	lost, err := crossRun(interp, lossy, []string{sql}, [][]Step{steps}, time.Second, false)
	if err != nil {
		t.Fatal(err)
	}
	if d := compare(ref, lost[0]); d.kind != outputMismatch || d.stream != "Out" {
		t.Errorf("a restart onto a backend that drops the snapshot: %+v", d)
	}
}

// With SamePlans, snapshots of one state must be the same bytes: a
// candidate writing its own format is a mismatch even though its restarts
// work.
func TestSamePlansComparesSnapshots(t *testing.T) {
	var log strings.Builder
	res := Run(Config{Seed: 9, Count: 30, Reference: conformance.NewBackend("interp", interpBuild),
		Candidate: conformance.NewBackend("tagged", wrapped(func(a rt.App) rt.App { return tagged{a} })),
		SamePlans: true, MaxShrunk: 1, ShrinkTime: 10 * time.Second, Log: &log})
	if res.Err != nil || len(res.Mismatches) == 0 {
		t.Fatalf("no mismatch: %+v\n%s", res, log.String())
	}
	for _, m := range res.Mismatches {
		if m.Kind != "snapshot" {
			t.Errorf("index %d: a %s mismatch: %s", m.Index, m.Kind, m.Reason)
		}
	}
	// The cases without a snapshot agree and restart across: none fails.
	res = Run(Config{Seed: 9, Count: 30, Reference: conformance.NewBackend("interp", interpBuild),
		Candidate: conformance.NewBackend("interp", interpBuild), SamePlans: true, Log: &log})
	if res.Err != nil || len(res.Mismatches) != 0 || res.Crossed == 0 {
		t.Fatalf("two interpreters: %d mismatches, %d crossed runs (%v)\n%s", len(res.Mismatches), res.Crossed, res.Err, log.String())
	}
}
