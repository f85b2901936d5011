package difftest

import (
	"strings"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/conformance"
)

// preparedBatch is an in-process batch backend that counts how the
// shrinker readies apps: which it ran without their being prepared first,
// and how many prepare calls it made for how many apps.
type preparedBatch struct {
	backend  conformance.Backend
	ready    map[string]bool
	prepares int
	apps     int
	unready  []string
}

func (p *preparedBatch) Name() string  { return p.backend.Name() }
func (p *preparedBatch) stats() string { return "" }
func (p *preparedBatch) release() error {
	p.ready = map[string]bool{}
	return nil
}
func (p *preparedBatch) built(app string) bool { return p.ready[app] }

func (p *preparedBatch) prepare(apps []string) error {
	p.prepares++
	for _, a := range apps {
		if !p.ready[a] {
			p.apps++
			p.ready[a] = true
		}
	}
	return nil
}

func (p *preparedBatch) runBatch(cases []*Case, timeout time.Duration, scratch bool) ([]*recording, error) {
	out := make([]*recording, len(cases))
	for i, c := range cases {
		sql := c.App.SQL()
		if scratch && !p.ready[sql] {
			p.unready = append(p.unready, sql)
		}
		p.ready[sql] = true
		out[i] = execute(p.backend, sql, c.Steps, timeout)
	}
	return out, nil
}

// TestShrinkPrefetches shrinks with a batch backend: every app edit the
// shrinker runs was prepared ahead, many per prepare call.
func TestShrinkPrefetches(t *testing.T) {
	p := &preparedBatch{backend: brokenBackend("perturb", perturbFifth), ready: map[string]bool{}}
	var log strings.Builder
	res := Run(Config{Seed: 7, Count: 40, Reference: conformance.NewBackend("interp", interpBuild), CandidateBatch: p,
		Log: &log, MaxShrunk: 1})
	if len(res.Mismatches) == 0 || res.Mismatches[0].MinimalApp == "" {
		t.Fatalf("no shrunk mismatch:\n%s", log.String())
	}
	if m := res.Mismatches[0]; strings.Count(m.MinimalApp, "INSERT") != 1 || m.MinimalSteps > 5 {
		t.Errorf("shrunk to %d steps:\n%s", m.MinimalSteps, m.MinimalApp)
	}
	if len(p.unready) > 0 {
		t.Errorf("%d app edits ran unprepared, first:\n%s", len(p.unready), p.unready[0])
	}
	if p.prepares == 0 || p.apps < 3*p.prepares {
		t.Errorf("%d prepare calls for %d apps, want several apps per call", p.prepares, p.apps)
	}
	t.Logf("%d prepare calls for %d apps", p.prepares, p.apps)
}
