package difftest

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventflux/eventflux-go/compiler"
	"github.com/eventflux/eventflux-go/conformance"
	"github.com/eventflux/eventflux-go/internal/gobuild"
	"github.com/eventflux/eventflux-go/interp"
	"github.com/eventflux/eventflux-go/optimizer"
	"github.com/eventflux/eventflux-go/runtime"
)

var (
	countFlag     = flag.Int("difftest.count", 200, "apps TestDifferential generates")
	startFlag     = flag.Int("difftest.start", 0, "index of the first app (rerun one: -difftest.start=I -difftest.count=1)")
	timeoutFlag   = flag.Duration("difftest.timeout", 10*time.Second, "time limit of one app on one backend")
	seedFlag      = flag.Uint64("difftest.seed", 20260418, "seed of TestDifferential")
	candidateFlag = flag.String("difftest.candidate", "gen", `backend compared with the interpreter: "gen" (generated code, one program per batch), "interp" (a second, fresh instance), "interp-noopt" (optional optimizer passes off) or another name in Candidates`)
	outFlag       = flag.String("difftest.out", "", "folder for regression cases (default: ../testdata/regressions)")
	batchFlag     = flag.Int("difftest.batch", 250, "apps per batch (gen builds one program per batch)")
	shrunkFlag    = flag.Int("difftest.shrunk", 3, "mismatches to shrink and save (later ones are listed)")
	shrinkFlag    = flag.Duration("difftest.shrinktime", 40*time.Second, "time limit of one shrink")
)

// interpBuild builds on the interpreter; case apps have no file name. It
// returns a nil interface (not a typed nil) on error.
func interpBuild(app string) (runtime.App, error) {
	a, err := interp.Build("", app)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// interpUnoptimized builds on the interpreter with every optional optimizer
// pass disabled: as a candidate it checks that the rewrites keep results.
func interpUnoptimized(app string) (runtime.App, error) {
	p, err := compiler.Compile("", app)
	if err != nil {
		return nil, err
	}
	var optional []string
	for _, pass := range optimizer.Passes {
		if !pass.Required {
			optional = append(optional, pass.Name)
		}
	}
	if _, err := optimizer.Optimize(p, optimizer.Options{Disable: optional}); err != nil {
		return nil, err
	}
	a, err := interp.New(p)
	if err != nil {
		return nil, err
	}
	return a, nil
}

func init() { Candidates["interp-noopt"] = interpUnoptimized }

// candidate returns the backend -difftest.candidate names: the batch
// backend gen, or an in-process one.
func candidate(t *testing.T) (conformance.Backend, BatchBackend) {
	name := *candidateFlag
	if name == "gen" {
		g := NewGen()
		t.Cleanup(func() {
			if err := g.Close(); err != nil {
				t.Error(err)
			}
		})
		return nil, g
	}
	if build, ok := Candidates[name]; ok {
		return conformance.NewBackend(name, build), nil
	}
	if name == "interp" {
		// Every app is built anew per run, so this compares two independent
		// interpreter instances: it catches nondeterminism (map order,
		// shared state between apps).
		return conformance.NewBackend("interp", interpBuild), nil
	}
	t.Fatalf("-difftest.candidate=%s: no such backend (gen, interp, or registered: %v)", name, registered())
	return nil, nil
}

func registered() []string {
	var names []string
	for n := range Candidates {
		names = append(names, n)
	}
	return names
}

// TestDifferential runs -difftest.count generated apps on the interpreter
// and the candidate; a mismatch is shrunk, written as a regression case and
// fails the test with its seed and index.
func TestDifferential(t *testing.T) {
	out := *outFlag
	if out == "" {
		out = filepath.Join("..", "testdata", "regressions")
	}
	if *countFlag > 1000 {
		// Every batch builds a program of its own that is never built
		// again: a long run would leave gigabytes of them in the shared Go
		// build cache and efc's cache. It builds in caches of its own,
		// removed at the end (the first batch compiles the runtime anew).
		dir := t.TempDir()
		t.Setenv("GOCACHE", filepath.Join(dir, "go-build"))
		t.Setenv(gobuild.CacheDirEnv, filepath.Join(dir, "efc"))
	}
	// A long run (-v) shows its progress as it goes.
	var log strings.Builder
	var w io.Writer = &log
	if testing.Verbose() {
		w = os.Stdout
	}
	cand, batch := candidate(t)
	// Generated code and a second interpreter run the reference's plans:
	// their snapshots are the reference's, byte for byte, and restarts go
	// onto the other backend too.
	samePlans := *candidateFlag == "gen" || *candidateFlag == "interp"
	res := Run(Config{
		Seed:           *seedFlag,
		Start:          *startFlag,
		Count:          *countFlag,
		Timeout:        *timeoutFlag,
		Reference:      conformance.NewBackend("interp", interpBuild),
		Candidate:      cand,
		CandidateBatch: batch,
		BatchSize:      *batchFlag,
		MaxShrunk:      *shrunkFlag,
		ShrinkTime:     *shrinkFlag,
		OutDir:         out,
		Log:            w,
		SamePlans:      samePlans,
	})
	if log.Len() > 0 {
		t.Log(strings.TrimSpace(log.String()))
	}
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if res.Apps != *countFlag {
		t.Errorf("ran %d apps, want %d", res.Apps, *countFlag)
	}
	// The generator builds valid apps by construction: a rejection means
	// the generator (or the front end) is wrong.
	if res.Rejected > res.Apps/100 {
		t.Errorf("the reference rejected %d of %d generated apps: %v", res.Rejected, res.Apps, res.RejectedBy)
	}
	if res.Apps > 0 && res.Events == 0 {
		t.Errorf("no events were compared")
	}
	// A third of the cases persist, most of those restart.
	if samePlans && res.Apps >= 50 && res.Crossed == 0 {
		t.Errorf("no run restarted onto the other backend")
	}
	for i, m := range res.Mismatches {
		if i == 5 {
			t.Errorf("… and %d more mismatches", len(res.Mismatches)-i)
			break
		}
		if m.MinimalApp == "" {
			t.Errorf("mismatch seed %d index %d (%s), not shrunk: %s", m.Seed, m.Index, m.Kind, m.Reason)
			continue
		}
		t.Errorf("mismatch seed %d index %d (%s): %s\nminimal: %s\n%s-> %s", m.Seed, m.Index, m.Kind, m.Reason, m.MinimalReason, m.MinimalApp, m.File)
	}
}

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(m.Run())
}
