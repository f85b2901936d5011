package difftest

import (
	"bytes"
	"fmt"
	"time"

	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/internal/gobuild/harness"
	rt "github.com/eventflux/eventflux-go/runtime"
)

// Cross-backend restarts. Both backends write one snapshot format
// (runtime/snap), so a restart may go onto the other backend: the steps
// before a case's first restart run on one backend, a fresh app of the
// other starts at that clock, restores the first's latest snapshot and
// runs the steps after. Such a run must record what the reference records
// restarting onto itself, and its snapshots must be byte for byte the
// reference's.

// side runs harness cases of apps given by their text on one backend.
type side interface {
	runDiff(sqls []string, dcs []*harness.DiffCase, timeout time.Duration, scratch bool) ([]*recording, error)
}

// inProcess is a side running a conformance backend in this process.
type inProcess struct{ b conformance.Backend }

func (p inProcess) runDiff(sqls []string, dcs []*harness.DiffCase, timeout time.Duration, _ bool) ([]*recording, error) {
	out := make([]*recording, len(sqls))
	for i, sql := range sqls {
		build := func() (rt.App, error) { return p.b.Build(sql) }
		out[i] = fromTrace(harness.RunDiffCase(build, dcs[i], timeout))
	}
	return out, nil
}

// firstRestart is the index of the first Restart step, or len(steps).
func firstRestart(steps []Step) int {
	for i, s := range steps {
		if s.Restart {
			return i
		}
	}
	return len(steps)
}

// crossRun runs each app on its steps, the part before the first restart
// on first and the rest on second (all on first without a restart).
func crossRun(first, second side, sqls []string, steps [][]Step, timeout time.Duration, scratch bool) ([]*recording, error) {
	dcs := make([]*harness.DiffCase, len(sqls))
	for i := range sqls {
		dcs[i] = diffCase(steps[i][:firstRestart(steps[i])])
	}
	out, err := first.runDiff(sqls, dcs, timeout, scratch)
	if err != nil {
		return nil, err
	}
	var idx []int
	var rest []string
	var restDCs []*harness.DiffCase
	for i, rec := range out {
		k := firstRestart(steps[i])
		if k == len(steps[i]) || rec.buildErr != "" || rec.panicked != "" || rec.timedOut {
			continue
		}
		dc := diffCase(steps[i][k+1:])
		dc.Start, dc.Restarted, dc.StepBase = rec.now, true, k+1
		if n := len(rec.snapshots); n > 0 {
			dc.Resume = rec.snapshots[n-1]
		}
		idx, rest, restDCs = append(idx, i), append(rest, sqls[i]), append(restDCs, dc)
	}
	if len(idx) == 0 {
		return out, nil
	}
	seconds, err := second.runDiff(rest, restDCs, timeout, scratch)
	if err != nil {
		return nil, err
	}
	for j, i := range idx {
		out[i] = joined(out[i], seconds[j])
	}
	return out, nil
}

// joined is the recording of a run whose first half is a and second half b.
func joined(a, b *recording) *recording {
	out := *a
	out.buildErr = b.buildErr
	out.panicked, out.stack, out.timedOut = b.panicked, b.stack, b.timedOut
	out.events = make(map[string][]event, len(a.events))
	for name, evs := range a.events {
		out.events[name] = append([]event(nil), evs...)
	}
	for name, evs := range b.events {
		out.events[name] = append(out.events[name], evs...)
	}
	out.sendErrs = append(append([]string(nil), a.sendErrs...), b.sendErrs...)
	out.snapshots = append(append([][]byte(nil), a.snapshots...), b.snapshots...)
	out.now = b.now
	return &out
}

// crossBackend is a candidate whose runs restart onto the other backend,
// so that a cross-backend mismatch is shrunk like any other (Config.check).
type crossBackend struct {
	name          string // e.g. "interp→gen"
	first, second side
	batch         BatchBackend // the batch backend among the two, or nil
}

func (x *crossBackend) Name() string { return x.name }

func (x *crossBackend) runBatch(cases []*Case, timeout time.Duration, scratch bool) ([]*recording, error) {
	sqls := make([]string, len(cases))
	steps := make([][]Step, len(cases))
	for i, c := range cases {
		sqls[i], steps[i] = c.App.SQL(), c.Steps
	}
	return crossRun(x.first, x.second, sqls, steps, timeout, scratch)
}

func (x *crossBackend) stats() string {
	if x.batch == nil {
		return ""
	}
	return x.batch.stats()
}

func (x *crossBackend) release() error {
	if x.batch == nil {
		return nil
	}
	return x.batch.release()
}

func (x *crossBackend) built(app string) bool { return x.batch == nil || x.batch.built(app) }

func (x *crossBackend) prepare(apps []string) error {
	if x.batch == nil {
		return nil
	}
	return x.batch.prepare(apps)
}

// crossBackends are both directions between the reference and the
// candidate; an error when the candidate cannot run harness cases.
func (cfg *Config) crossBackends() ([]*crossBackend, error) {
	ref := inProcess{cfg.Reference}
	var cand side = inProcess{cfg.Candidate}
	if cfg.CandidateBatch != nil {
		s, ok := cfg.CandidateBatch.(side)
		if !ok {
			return nil, fmt.Errorf("difftest: candidate %s cannot run cross-backend restarts", cfg.CandidateBatch.Name())
		}
		cand = s
	}
	r, c := cfg.Reference.Name(), cfg.candidateName()
	return []*crossBackend{
		{name: r + "→" + c, first: ref, second: cand, batch: cfg.CandidateBatch},
		{name: c + "→" + r, first: cand, second: ref, batch: cfg.CandidateBatch},
	}, nil
}

// compareSnapshots reports the first snapshot whose bytes differ: the
// backends run the same plans (Config.SamePlans), so their states are one.
func compareSnapshots(ref, cand [][]byte) difference {
	if len(ref) != len(cand) {
		return difference{kind: snapshotMismatch, text: fmt.Sprintf("the reference took %d snapshots, the candidate %d", len(ref), len(cand))}
	}
	for i := range ref {
		if !bytes.Equal(ref[i], cand[i]) {
			at := 0
			for at < min(len(ref[i]), len(cand[i])) && ref[i][at] == cand[i][at] {
				at++
			}
			return difference{kind: snapshotMismatch, class: "bytes",
				text: fmt.Sprintf("snapshot %d differs from byte %d on: reference %d bytes %x…, candidate %d bytes %x…",
					i+1, at, len(ref[i]), ref[i][at:min(at+16, len(ref[i]))], len(cand[i]), cand[i][at:min(at+16, len(cand[i]))])}
		}
	}
	return difference{}
}
