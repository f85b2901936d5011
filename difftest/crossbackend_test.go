package difftest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/internal/gobuild/harness"
)

// TestCrossBackendSnapshots takes a snapshot on one backend and restores it
// into the other, for every operator: every window kind, every aggregate
// over every argument type, GROUP BY keys of every type and several keys
// (NULL, -0.0 and NaN among them), every output rate mode, and triggers
// (testdata/snapshot, one app per area, a query per operator). Each app
// runs its events with a persist and a restart at several cut points, the
// restart going onto the same backend (as FORMAT.md's restart does) and
// onto the other one, both ways. Every run must record the same events;
// the snapshots of both backends must be the same bytes; and, for apps
// without an AT START trigger (which fires again on each start), the runs
// must equal the uninterrupted run.
func TestCrossBackendSnapshots(t *testing.T) {
	paths, err := filepath.Glob("testdata/snapshot/*.sql")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no apps: %v", err)
	}
	script := crossScript()
	cuts := []int{3, 9, 16, 24, 31, len(script) - 2}
	type run struct {
		name       string
		sql        string
		restarting []Step // the script with a persist and a restart at the cut
		plain      []Step // the script alone
		atStart    bool
	}
	var runs []run
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range cuts {
			steps := append(append(append([]Step(nil), script[:k]...), Step{Persist: true}, Step{Restart: true}), script[k:]...)
			runs = append(runs, run{name: fmt.Sprintf("%s cut at step %d", filepath.Base(p), k), sql: string(src),
				restarting: steps, plain: script, atStart: strings.Contains(string(src), "AT START")})
		}
	}
	sqls := make([]string, len(runs))
	steps, plain := make([][]Step, len(runs)), make([]*harness.DiffCase, len(runs))
	restarting := make([]*harness.DiffCase, len(runs))
	for i, r := range runs {
		sqls[i], steps[i] = r.sql, r.restarting
		restarting[i], plain[i] = diffCase(r.restarting), diffCase(r.plain)
	}
	gen := NewGen()
	defer gen.Close()
	interp := inProcess{conformance.NewBackend("interp", interpBuild)}
	timeout := time.Minute
	both := func(s side, dcs []*harness.DiffCase) []*recording {
		recs, err := s.runDiff(sqls, dcs, timeout, false)
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	cross := func(first, second side) []*recording {
		recs, err := crossRun(first, second, sqls, steps, timeout, false)
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	onInterp, onGen := both(interp, restarting), both(gen, restarting)
	plainInterp, plainGen := both(interp, plain), both(gen, plain)
	interpToGen, genToInterp := cross(interp, gen), cross(gen, interp)
	prefix := make([]*harness.DiffCase, len(runs))
	for i := range runs {
		prefix[i] = diffCase(script[:cuts[i%len(cuts)]])
	}
	prefixes := both(interp, prefix)

	streams := map[string]map[string]bool{} // per app and stream: written to after some cut
	for i, r := range runs {
		ref := onInterp[i]
		if ref.buildErr != "" || ref.panicked != "" || len(ref.sendErrs) > 0 {
			t.Fatalf("%s: the interpreter failed: %s%s %v", r.name, ref.buildErr, ref.panicked, ref.sendErrs)
		}
		for _, c := range []struct {
			what string
			rec  *recording
		}{
			{"generated code restarting on itself", onGen[i]},
			{"interp→gen", interpToGen[i]},
			{"gen→interp", genToInterp[i]},
		} {
			if d := compare(ref, c.rec); d.kind != noMismatch {
				t.Errorf("%s, %s: %s mismatch: %s", r.name, c.what, d.kind, d.text)
			}
		}
		// One state, one snapshot: taken before the restart on either
		// backend, it is the same bytes.
		if d := compareSnapshots(ref.snapshots, onGen[i].snapshots); d.kind != noMismatch {
			t.Errorf("%s: %s", r.name, d.text)
		}
		if len(ref.snapshots) != 1 {
			t.Errorf("%s: %d snapshots taken, want 1", r.name, len(ref.snapshots))
		}
		if d := compare(plainInterp[i], plainGen[i]); d.kind != noMismatch {
			t.Errorf("%s: without the restart: %s mismatch: %s", r.name, d.kind, d.text)
		}
		if !r.atStart {
			if d := compare(plainInterp[i], ref); d.kind != noMismatch {
				t.Errorf("%s: the restart changed what the app writes: %s", r.name, d.text)
			}
		}
		// Which streams the app wrote to after the cut: the events of the
		// restarting run past those of a run that stops there.
		app := filepath.Base(paths[i/len(cuts)])
		if streams[app] == nil {
			streams[app] = map[string]bool{}
		}
		for _, name := range ref.written {
			streams[app][name] = streams[app][name] || len(ref.events[name]) > len(prefixes[i].events[name])
		}
	}
	for app, written := range streams {
		for name, after := range written {
			if !after {
				t.Errorf("%s: %s writes nothing after any cut: the script does not exercise its state", app, name)
			}
		}
	}
}

// crossScript is the events every app of testdata/snapshot runs: about
// eight seconds (past the cron windows and triggers) of single and batch
// sends, sleeps across the window and rate periods and an explicit
// timestamp, with repeated keys, NULL in every column, NaN and -0.0.
func crossScript() []Step {
	r := rand.New(rand.NewPCG(12, 34))
	ks := []any{"a", "b", "a", nil, "c", "b"}
	vs := []any{int64(1), int64(2), int64(-1), nil, int64(0), int64(7), int64(math.MaxInt32)}
	ls := []any{int64(10), int64(-3), nil, int64(10), int64(1 << 40)}
	fs := []any{1.5, math.NaN(), math.Copysign(0, -1), 0.0, nil, -2.25, 0.1}
	ds := []any{2.5, math.Copysign(0, -1), 0.0, math.NaN(), nil, -1.0, 2.5, math.Inf(1)}
	bs := []any{true, false, nil, true}
	et := int64(1000)
	row := func() []any {
		et += pick(r, []int64{0, 150, 400, 700})
		var e any = et
		if r.IntN(20) == 0 {
			e = nil // externalTime windows report it and go on
		}
		return []any{pick(r, ks), pick(r, vs), pick(r, ls), pick(r, fs), pick(r, ds), pick(r, bs), e}
	}
	var steps []Step
	clock := StartClock
	for len(steps) < 40 {
		switch n := r.IntN(10); {
		case n < 3:
			s := pick(r, []int64{100, 250, 400, 600, 1000})
			clock += s
			steps = append(steps, Step{Sleep: s})
		case n < 5:
			s := Step{Batch: true}
			for m := 2 + r.IntN(3); m > 0; m-- {
				s.Rows = append(s.Rows, row())
			}
			steps = append(steps, s)
		case n == 5:
			clock += 50
			steps = append(steps, Step{Rows: [][]any{row()}, Ts: clock, HasTs: true})
		default:
			steps = append(steps, Step{Rows: [][]any{row()}})
		}
	}
	return steps
}
